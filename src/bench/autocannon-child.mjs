// Runs one autocannon load in a child process (autocannon changes its behaviour inside worker threads), so the
// server under test keeps its process's event loop to itself. Request in argv[2] as JSON; the child says "ready" on
// stdout once it could start, starts when a line comes on stdin, and prints its figures on stdout as one JSON line.
// Starting a process blocks its parent's event loop while the parent is copied (a tenth of a second for a server
// holding the large corpus): the parent starts its children before it measures, and only then says go.
import { createInterface } from "node:readline";
import { URL } from "node:url";
import autocannon from "autocannon";

const { url, paths, connections, seconds } = JSON.parse(process.argv[2]);
const { hostname } = new URL(url);
if (hostname !== "127.0.0.1") throw new Error(`autocannon-child: only 127.0.0.1 is loaded, got "${hostname}"`);
const lines = createInterface({ input: process.stdin });
const go = new Promise((resolve, reject) => {
  lines.once("line", resolve);
  lines.once("close", () => reject(new Error("autocannon-child: stdin closed before go")));
});
process.stdout.write("ready\n");
await go;
lines.close();
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
