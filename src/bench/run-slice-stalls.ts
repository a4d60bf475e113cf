// `npx tsx src/bench/run-slice-stalls.ts [--data DIR | --size small|medium|large] [--seed N] [--rounds N] [--out FILE]`:
// the HTTP stall test's work (long ranked path queries, path queries with the API's defaults, a GraphML export, the
// grouped Cypher query) run in this process, alone and together, with the longest synchronous piece of each kind of
// work and what it was doing. The corpus is generated when missing; the pairs are the benchmark's for the seed.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadDataset } from "../data";
import { ParameterError } from "../errors";
import { createQueryEngine, DEFAULT_SLICE_MS } from "../query";
import { benchPairs, DEFAULT_BENCHMARK_OPTIONS, LONG_PATH_QUERY } from "./benchmark";
import { integerOption, runBenchScript } from "./bench-script";
import { generateCorpus, type CorpusSize } from "./generate-corpus";
import { createProgress } from "./progress";
import { formatSliceStalls, sliceStalls, STALL_PARTS, type StallPart, type StallPartName } from "./slice-stalls";

/** Path queries with the API's defaults per round: enough to meet the slow ones, few enough to repeat. */
const SHORT_QUERIES = 200;

process.exitCode = await runBenchScript({
  name: "bench:slices",
  usage:
    "usage: npx tsx src/bench/run-slice-stalls.ts [--data DIR | --size small|medium|large] [--seed N] [--rounds N]\n" +
    `                                            [--parts PART,...] [--out FILE]\nparts: ${Object.keys(STALL_PARTS).join(", ")}`,
  options: {
    size: { type: "string", default: "medium" },
    seed: { type: "string", default: "1" },
    data: { type: "string" },
    rounds: { type: "string", default: "2" },
    parts: { type: "string", default: Object.keys(STALL_PARTS).join(",") },
    out: { type: "string" },
  },
  async run(values) {
    const rounds = integerOption("bench:slices", values, "rounds", 1);
    const seed = integerOption("bench:slices", values, "seed");
    const chosen = String(values.parts).split(",") as StallPartName[];
    const unknown = chosen.filter((name) => !(name in STALL_PARTS));
    if (unknown.length > 0)
      throw new ParameterError(
        "parts",
        `bench:slices: --parts takes parts among ${Object.keys(STALL_PARTS).join(", ")}, got "${unknown.join(",")}"`,
      );
    const progress = createProgress(process.stderr, "bench:slices");
    const dir =
      typeof values.data === "string"
        ? values.data
        : path.join("bench-out", `corpus-${String(values.size)}-${String(values.seed)}`);
    if (!existsSync(path.join(dir, "schema.yaml")))
      await generateCorpus({ size: values.size as CorpusSize, seed, out: dir }, progress);
    progress.start("load");
    const dataset = await loadDataset(dir);
    const engine = createQueryEngine(dataset);
    engine.cypherGraph();
    progress.done(`${dataset.graph.order} nodes, ${dataset.graph.size} edges`);
    const { pairs, enumerationPairs } = benchPairs(engine, { ...DEFAULT_BENCHMARK_OPTIONS, seed });
    const results: { round: number; loadAverage: number[]; parts: StallPart[] }[] = [];
    for (let round = 1; round <= rounds; round++) {
      const loadAverage = os.loadavg();
      const parts = await sliceStalls(
        {
          engine,
          longPairs: enumerationPairs,
          shortPairs: pairs.slice(0, SHORT_QUERIES),
          longOptions: LONG_PATH_QUERY,
          sliceMs: DEFAULT_SLICE_MS,
          parts: chosen,
        },
        progress,
      );
      results.push({ round, loadAverage, parts });
      console.log(`\nRound ${round} of ${rounds} (load average ${loadAverage.map((l) => l.toFixed(1)).join(" ")})`);
      console.log(formatSliceStalls(parts, DEFAULT_SLICE_MS));
    }
    if (typeof values.out === "string") {
      await mkdir(path.dirname(path.resolve(values.out)), { recursive: true });
      await writeFile(values.out, `${JSON.stringify({ corpus: dir, rounds: results }, null, 2)}\n`);
    }
  },
});
process.exit();
