// Serves a generated dataset (see generated-dataset.ts) in a process of its own, as `rightsgraph serve` serves a
// data folder: `node --import tsx serve-generated.ts NODES EDGES` prints "serving at URL" on stderr when ready.
// Tests that measure the server's latency run it apart from the test worker, whose own work would be measured too.
import { DEFAULT_WEB_DIR, startServer } from "../../../src/server";
import { generatedDataset } from "./generated-dataset";

const [nodes, edges] = process.argv.slice(2).map(Number);
if (!Number.isInteger(nodes) || !Number.isInteger(edges)) {
  process.stderr.write("usage: serve-generated.ts NODES EDGES\n");
  process.exit(2);
}
const running = await startServer(generatedDataset({ nodes, edges }), {
  port: 0,
  host: "127.0.0.1",
  webDir: DEFAULT_WEB_DIR,
  log: (line) => process.stderr.write(`${line}\n`),
});
process.once("SIGTERM", () => void running.close());
process.stderr.write(`serving at ${running.url}\n`);
