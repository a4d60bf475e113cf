// `npm run bench -- --size small|medium|large [--seed N] [--out FILE] [--data DIR] [--pairs N] [--http-seconds S]
// [--no-networkx]`: runs the benchmark, prints the table and writes the JSON report.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { RightsGraphError } from "../errors";
import { runBenchmark, type BenchmarkOptions } from "./benchmark";
import { formatBenchmarkTable } from "./benchmark-table";
import type { CorpusSize } from "./generate-corpus";
import { createProgress } from "./progress";

const USAGE =
  "usage: npm run bench -- --size small|medium|large [--seed N] [--out FILE] [--data DIR] [--pairs N]\n" +
  "                        [--http-seconds S] [--no-networkx]";

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        size: { type: "string", default: "small" },
        seed: { type: "string", default: "1" },
        out: { type: "string" },
        data: { type: "string" },
        pairs: { type: "string" },
        "http-seconds": { type: "string" },
        "no-networkx": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    console.error(`bench: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const options: Partial<BenchmarkOptions> = {
    size: values.size as CorpusSize,
    seed: Number(values.seed),
    networkx: !values["no-networkx"],
    ...(values.data ? { data: values.data } : {}),
    ...(values.pairs ? { pairs: Number(values.pairs) } : {}),
    ...(values["http-seconds"] ? { httpSeconds: Number(values["http-seconds"]) } : {}),
  };
  const out = values.out ?? path.join("bench-out", `report-${values.size}.json`);
  try {
    const began = performance.now();
    const report = await runBenchmark(options, createProgress(process.stderr, "bench"));
    await mkdir(path.dirname(path.resolve(out)), { recursive: true });
    await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(formatBenchmarkTable(report));
    console.log(`\nreport: ${out} (${((performance.now() - began) / 1000).toFixed(0)} s in all)`);
    return 0;
  } catch (error) {
    if (error instanceof RightsGraphError) {
      console.error(`bench: ${error.message}`);
      return error.code === "bad-parameter" ? 2 : 1;
    }
    throw error;
  }
}

process.exitCode = await main();
// The server's sockets and the workers are closed; leave no timer holding the process open.
process.exit();
