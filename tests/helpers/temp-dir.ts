// A fresh temporary folder for files a test writes, and a function that removes it.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A fresh temporary directory and a function that removes it. */
export function tempDir(prefix: string): {
  path: string;
  write: (name: string, data: string | Uint8Array) => string;
  remove: () => void;
} {
  const path = mkdtempSync(join(tmpdir(), `${prefix}-`));
  return {
    path,
    write: (name, data) => {
      const file = join(path, name);
      writeFileSync(file, data);
      return file;
    },
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}
