// `npm run bench:gen -- --size small|medium|large [--seed N] [--out DIR] [--format yaml|jsonl]`: writes a corpus.
import { runBenchScript } from "./bench-script";
import { generateCorpus, type CorpusSize } from "./generate-corpus";
import { createProgress } from "./progress";

process.exitCode = await runBenchScript({
  name: "bench:gen",
  usage: "usage: npm run bench:gen -- --size small|medium|large [--seed N] [--out DIR] [--format yaml|jsonl]",
  options: {
    size: { type: "string", default: "small" },
    seed: { type: "string", default: "1" },
    out: { type: "string" },
    format: { type: "string", default: "jsonl" },
  },
  async run(values) {
    const size = values.size as CorpusSize;
    const out = typeof values.out === "string" ? values.out : `bench-out/corpus-${size}-${String(values.seed)}`;
    const began = performance.now();
    const summary = await generateCorpus(
      { size, seed: Number(values.seed), out, format: values.format as "yaml" | "jsonl" },
      createProgress(process.stderr, "bench:gen"),
    );
    const seconds = ((performance.now() - began) / 1000).toFixed(1);
    console.log(
      `wrote ${summary.dir}: ${summary.nodes} nodes, ${summary.edges} edges, ${summary.sources} sources (${seconds} s)`,
    );
  },
});
