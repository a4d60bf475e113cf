// Child of run-stall.ts: asks for one large answer while probing /api/health back to back, in a process of its own
// so that reading the answer does not run on the server's event loop; prints its figures as one JSON line. Started
// before the server's loop is watched, it asks nothing until told to go (see readyChild in http-load.ts).
/* global fetch, performance */
import { waitForGo } from "./wait-for-go.mjs";

const [url, path] = process.argv.slice(2);
await fetch(`${url}/api/health`).then((res) => res.text());
await waitForGo();
let done = false;
const health = [];
const probing = (async () => {
  while (!done) {
    const started = performance.now();
    await fetch(`${url}/api/health`).then((res) => res.text());
    health.push(performance.now() - started);
  }
})();
const started = performance.now();
const res = await fetch(`${url}${path}`);
const bytes = (await res.arrayBuffer()).byteLength;
const ms = performance.now() - started;
done = true;
await probing;
health.sort((a, b) => a - b);
const at = (q) => health[Math.min(health.length - 1, Math.floor(q * health.length))];
console.log(JSON.stringify({ status: res.status, bytes, ms, probes: health.length, p50: at(0.5), max: at(1) }));
