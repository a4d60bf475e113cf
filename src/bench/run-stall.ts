// `npx tsx src/bench/run-stall.ts [--size small|medium|large] [--seed N] [--rounds N]`: how long the largest
// neighbourhood of the biggest hub and /api/graph at its largest limit hold the server's event loop, with /api/health
// probed back to back meanwhile from another process. The corpus is generated when missing.
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { GRAPH_VIEW_RULES, NEIGHBORS_RULES } from "../api/parameters";
import { loadDataset } from "../data";
import { createApp, createServerContext, DEFAULT_WEB_DIR } from "../server";
import { integerOption, runBenchScript } from "./bench-script";
import { generateCorpus, type CorpusSize } from "./generate-corpus";
import { readyChild } from "./http-load";
import { createProgress } from "./progress";

const CLIENT = fileURLToPath(new URL("./stall-client.mjs", import.meta.url));

interface ClientFigures {
  status: number;
  bytes: number;
  ms: number;
  probes: number;
  p50: number;
  max: number;
}

process.exitCode = await runBenchScript({
  name: "bench:stall",
  usage: "usage: npx tsx src/bench/run-stall.ts [--size small|medium|large] [--seed N] [--rounds N]",
  options: {
    size: { type: "string", default: "medium" },
    seed: { type: "string", default: "1" },
    rounds: { type: "string", default: "3" },
  },
  async run(values) {
    const rounds = integerOption("bench:stall", values, "rounds", 1);
    const dir = path.join("bench-out", `corpus-${String(values.size)}-${String(values.seed)}`);
    const progress = createProgress(process.stderr, "bench:stall");
    if (!existsSync(path.join(dir, "schema.yaml")))
      await generateCorpus({ size: values.size as CorpusSize, seed: Number(values.seed), out: dir }, progress);
    const dataset = await loadDataset(dir);
    const context = createServerContext(dataset);
    const { graph } = dataset;
    const hub = context.nodesByDegree[0]!;
    console.log(`${dir}: ${graph.order} nodes, ${graph.size} edges; hub ${hub} of degree ${graph.degree(hub)}`);
    const app = createApp(context, { webDir: DEFAULT_WEB_DIR, onUnexpectedError: (error) => console.error(error) });
    const server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const neighbors = NEIGHBORS_RULES;
    const routes = {
      neighbourhood: `/api/nodes/${encodeURIComponent(hub)}/neighbors?depth=${neighbors.depth.max}&limit=${neighbors.limit.max}&edgeLimit=${neighbors.edgeLimit.max}`,
      "graph view": `/api/graph?limit=${GRAPH_VIEW_RULES.limit.max}`,
    };
    try {
      for (let round = 1; round <= rounds; round++) {
        for (const [name, route] of Object.entries(routes)) {
          // The client is started before the loop is watched: starting it would be counted as a stall.
          const client = await readyChild<ClientFigures>(CLIENT, [url, route]);
          const delay = monitorEventLoopDelay({ resolution: 1 });
          delay.enable();
          const f = await client.go();
          delay.disable();
          console.log(
            `${name}: ${f.status}, ${(f.bytes / 1e6).toFixed(1)} MB in ${f.ms.toFixed(0)} ms; /api/health ` +
              `${f.probes} probes, median ${f.p50.toFixed(0)} ms, max ${f.max.toFixed(0)} ms; ` +
              `largest event-loop stall ${(delay.max / 1e6).toFixed(0)} ms`,
          );
        }
      }
    } finally {
      server.close();
      server.closeAllConnections();
    }
  },
});
