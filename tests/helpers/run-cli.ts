// Runs the rightsgraph CLI in-process, as `main(argv)` with captured stdout and stderr and an empty environment.
import { Writable } from "node:stream";
import { main } from "../../src/cli/main";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, capturing its output. */
export async function cli(...argv: string[]): Promise<CliRun> {
  const out: Buffer[] = [];
  let stderr = "";
  const stdout = new Writable({
    write(chunk, _encoding, done) {
      out.push(Buffer.from(chunk));
      done();
    },
  });
  const code = await main(argv, { stdout, stderr: { write: (s: string) => (stderr += s) }, env: {} });
  return { code, stdout: Buffer.concat(out).toString("utf8"), stderr };
}
