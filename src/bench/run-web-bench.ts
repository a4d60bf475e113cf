// `npm run bench:web -- --size small|medium [--seed N] [--corpus DIR] [--whole]`: the explorer's first paint and
// frame times in Chromium on a generated corpus (generated into bench-out/ unless --corpus names one), as a table;
// screenshots of the views measured go to bench-out/. --whole adds the whole view as before the overview (minutes).
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { loadDataset } from "../data";
import { runBenchScript } from "./bench-script";
import { generateCorpus, type CorpusSize } from "./generate-corpus";
import { formatWebTable, measureWeb } from "./web-figures";

process.exitCode = await runBenchScript({
  name: "bench:web",
  usage: "usage: npm run bench:web -- --size small|medium [--seed N] [--corpus DIR] [--whole]",
  options: {
    size: { type: "string", default: "medium" },
    seed: { type: "string", default: "1" },
    corpus: { type: "string" },
    whole: { type: "boolean", default: false },
  },
  async run(values) {
    const size = values.size as CorpusSize;
    const dir = typeof values.corpus === "string" ? values.corpus : `bench-out/corpus-${size}-${String(values.seed)}`;
    if (!existsSync(dir)) await generateCorpus({ size, seed: Number(values.seed), out: dir, format: "jsonl" });
    const dataset = await loadDataset(dir);
    const out = `bench-out/web-${size}`;
    await mkdir(out, { recursive: true });
    console.log(
      `bench:web on ${dir}: ${dataset.graph.order} nodes, ${dataset.graph.size} edges; screenshots in ${out}/`,
    );
    console.log(formatWebTable(await measureWeb(dataset, out, { whole: values.whole === true })));
  },
});
