// Runs the CLI in-process, capturing what it prints, as a test reads it.
import { Writable } from "node:stream";
import type { CliIo } from "../../src/cli/cli-context";
import { main } from "../../src/cli/main";
import { loadDatasetSharingBundled } from "./bundled-dataset";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `rightsgraph ARGV` with an empty environment unless `io` says otherwise. The bundled data folder is loaded
 * once per worker and shared (`loadDatasetSharingBundled`); any other folder is loaded by each run.
 */
export async function runCli(argv: string[], io: Partial<CliIo> = {}): Promise<CliRun> {
  const out: Buffer[] = [];
  let stderr = "";
  const stdout = new Writable({
    write(chunk, _encoding, done) {
      out.push(Buffer.from(chunk));
      done();
    },
  });
  const code = await main(argv, {
    stdout,
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
    loadDataset: loadDatasetSharingBundled,
    ...io,
  });
  return { code, stdout: Buffer.concat(out).toString("utf8"), stderr };
}

/** `rightsgraph ARGV...` with an empty environment. */
export const cli = (...argv: string[]): Promise<CliRun> => runCli(argv);
