// `npm run bench -- --size small|medium|large [--seed N] [--out FILE] [--data DIR] [--pairs N] [--http-seconds S]
// [--no-networkx] [--only SECTION,...]`: runs the benchmark (or some of its sections), prints the table and writes
// the JSON report.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { BENCH_SECTIONS, runBenchmark, type BenchmarkOptions, type BenchSection } from "./benchmark";
import { runBenchScript } from "./bench-script";
import { formatBenchmarkTable } from "./benchmark-table";
import type { CorpusSize } from "./generate-corpus";
import { createProgress } from "./progress";

process.exitCode = await runBenchScript({
  name: "bench",
  usage:
    "usage: npm run bench -- --size small|medium|large [--seed N] [--out FILE] [--data DIR] [--pairs N]\n" +
    "                        [--http-seconds S] [--no-networkx] [--only SECTION,...]\n" +
    `sections: ${BENCH_SECTIONS.join(", ")} (all by default; the corpus is loaded in any case)`,
  options: {
    size: { type: "string", default: "small" },
    seed: { type: "string", default: "1" },
    out: { type: "string" },
    data: { type: "string" },
    pairs: { type: "string" },
    "http-seconds": { type: "string" },
    "no-networkx": { type: "boolean" },
    only: { type: "string" },
  },
  async run(values) {
    const options: Partial<BenchmarkOptions> = {
      size: values.size as CorpusSize,
      seed: Number(values.seed),
      networkx: !values["no-networkx"],
      ...(values.data ? { data: String(values.data) } : {}),
      ...(values.pairs ? { pairs: Number(values.pairs) } : {}),
      ...(values["http-seconds"] ? { httpSeconds: Number(values["http-seconds"]) } : {}),
      ...(typeof values.only === "string" ? { sections: values.only.split(",") as BenchSection[] } : {}),
    };
    const out = typeof values.out === "string" ? values.out : path.join("bench-out", `report-${values.size}.json`);
    const began = performance.now();
    const report = await runBenchmark(options, createProgress(process.stderr, "bench"));
    await mkdir(path.dirname(path.resolve(out)), { recursive: true });
    await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(formatBenchmarkTable(report));
    console.log(`\nreport: ${out} (${((performance.now() - began) / 1000).toFixed(0)} s in all)`);
  },
});
// The server's sockets and the workers are closed; leave no timer holding the process open.
process.exit();
