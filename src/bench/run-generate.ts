// `npm run bench:gen -- --size small|medium|large [--seed N] [--out DIR] [--format yaml|jsonl]`: writes a corpus.
import { parseArgs } from "node:util";
import { RightsGraphError } from "../errors";
import { generateCorpus, type CorpusSize } from "./generate-corpus";
import { createProgress } from "./progress";

const USAGE = "usage: npm run bench:gen -- --size small|medium|large [--seed N] [--out DIR] [--format yaml|jsonl]";

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        size: { type: "string", default: "small" },
        seed: { type: "string", default: "1" },
        out: { type: "string" },
        format: { type: "string", default: "jsonl" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    console.error(`bench:gen: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const size = values.size as CorpusSize;
  const seed = Number(values.seed);
  const out = values.out ?? `bench-out/corpus-${size}-${values.seed}`;
  try {
    const began = performance.now();
    const summary = await generateCorpus(
      { size, seed, out, format: values.format as "yaml" | "jsonl" },
      createProgress(process.stderr, "bench:gen"),
    );
    const seconds = ((performance.now() - began) / 1000).toFixed(1);
    console.log(
      `wrote ${summary.dir}: ${summary.nodes} nodes, ${summary.edges} edges, ${summary.sources} sources (${seconds} s)`,
    );
    return 0;
  } catch (error) {
    if (error instanceof RightsGraphError) {
      console.error(`bench:gen: ${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main();
