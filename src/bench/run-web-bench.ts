// `npm run bench:web -- --size small|medium [--seed N] [--corpus DIR] [--whole] [--gl software|gpu|both]`: the
// explorer's first paint and frame times in Chromium on a generated corpus (generated into bench-out/ unless --corpus
// names one), as a table; screenshots of the views measured go to bench-out/. --whole adds the whole view as before
// the overview (minutes). --gl picks how Chromium composites (BROWSER_SETUPS); both, one after the other, by default.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { loadDataset } from "../data";
import { ParameterError } from "../errors";
import { runBenchScript } from "./bench-script";
import { generateCorpus, type CorpusSize } from "./generate-corpus";
import { BROWSER_SETUPS, formatWebTable, measureWeb, type BrowserSetup } from "./web-figures";

const USAGE =
  "usage: npm run bench:web -- --size small|medium [--seed N] [--corpus DIR] [--whole] [--gl software|gpu|both]";

process.exitCode = await runBenchScript({
  name: "bench:web",
  usage: USAGE,
  options: {
    size: { type: "string", default: "medium" },
    seed: { type: "string", default: "1" },
    corpus: { type: "string" },
    whole: { type: "boolean", default: false },
    gl: { type: "string", default: "both" },
  },
  async run(values) {
    const setups: BrowserSetup[] = values.gl === "both" ? ["software", "gpu"] : [values.gl as BrowserSetup];
    if (!setups.every((setup) => Object.hasOwn(BROWSER_SETUPS, setup))) {
      throw new ParameterError("gl", `bench:web: --gl must be software, gpu or both, got ${String(values.gl)}`);
    }
    const size = values.size as CorpusSize;
    const dir = typeof values.corpus === "string" ? values.corpus : `bench-out/corpus-${size}-${String(values.seed)}`;
    if (!existsSync(dir)) await generateCorpus({ size, seed: Number(values.seed), out: dir, format: "jsonl" });
    const dataset = await loadDataset(dir);
    const out = `bench-out/web-${size}`;
    await mkdir(out, { recursive: true });
    console.log(
      `bench:web on ${dir}: ${dataset.graph.order} nodes, ${dataset.graph.size} edges; screenshots in ${out}/`,
    );
    console.log(formatWebTable(await measureWeb(dataset, out, { whole: values.whole === true, setups })));
  },
});
