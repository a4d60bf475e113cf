// Runs the external readers the interop tests check against (xmllint, python3), once per batch of files.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ToolResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[]): ToolResult {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw new Error(`${command}: could not run (${result.error.message}); is it installed?`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Validates XML files against an XML Schema with xmllint, offline (`--nonet`), in one process. */
export function xmllintValidate(xsdPath: string, files: string[]): ToolResult {
  return run("xmllint", ["--noout", "--nonet", "--schema", xsdPath, ...files]);
}

/** Runs a Python 3 script with arguments; the script's stdout is returned as text. */
export function runPython(script: string, args: string[] = []): ToolResult {
  return run("python3", ["-c", script, ...args]);
}

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
