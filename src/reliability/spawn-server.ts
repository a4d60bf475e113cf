// Starts `rightsgraph serve` as a child process, as a user would, and reads its address from the start-up line.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../cli/bin.js", import.meta.url));

export interface SpawnedServer {
  child: ChildProcess;
  /** http://127.0.0.1:PORT, or null when the server exited before listening. */
  url: string | null;
  /** Everything written to stderr so far. */
  stderr(): string;
  /** Resolves with the exit code (null when killed by a signal) and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Runs `node src/cli/bin.js serve ARGS` and waits until it prints "serving at URL" or exits (whichever comes
 * first), or `timeoutMs` passes. `nodeArgs` replaces `src/cli/bin.js serve` (another script that prints the same
 * line, say).
 */
export async function spawnServer(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 60_000,
  nodeArgs: string[] = [BIN, "serve"],
): Promise<SpawnedServer> {
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.setEncoding("utf8");
  child.stdout!.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    child.stderr!.on("data", (chunk: string) => {
      stderr += chunk;
      const match = /serving at (http:\/\/\S+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      resolve(null);
    });
  });
  return { child, url, stderr: () => stderr, exited };
}
