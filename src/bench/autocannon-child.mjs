// Runs one autocannon load in a child process (autocannon changes its behaviour inside worker threads), so the
// server under test keeps its process's event loop to itself. Request in argv[2] as JSON; started before the
// server's loop is watched, it sends nothing until told to go (see readyChild in http-load.ts); figures on stdout.
import { URL } from "node:url";
import autocannon from "autocannon";
import { waitForGo } from "./wait-for-go.mjs";

const { url, paths, connections, seconds } = JSON.parse(process.argv[2]);
const { hostname } = new URL(url);
if (hostname !== "127.0.0.1") throw new Error(`autocannon-child: only 127.0.0.1 is loaded, got "${hostname}"`);
await waitForGo();
const result = await autocannon({
  url,
  connections,
  duration: seconds,
  timeout: 10,
  requests: paths.map((path) => ({ method: "GET", path })),
});
process.stdout.write(
  `${JSON.stringify({
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  })}\n`,
);
