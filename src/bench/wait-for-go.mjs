// The child's side of `readyChild` (http-load.ts): says "ready" on stdout, then waits for a line on stdin.
import { createInterface } from "node:readline";

/** Prints "ready" and resolves when the parent says go (a line on stdin); rejects if stdin closes first. */
export async function waitForGo() {
  const lines = createInterface({ input: process.stdin });
  try {
    await new Promise((resolve, reject) => {
      lines.once("line", resolve);
      lines.once("close", () => reject(new Error(`${process.argv[1]}: stdin closed before go`)));
      process.stdout.write("ready\n");
    });
  } finally {
    lines.close();
  }
}
