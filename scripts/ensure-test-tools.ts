// `npm test` runs this first (pretest): it checks for Chromium and python3 with networkx, installs what is missing
// where the machine allows it, and otherwise prints one line naming the command to run and exits 1.
import { spawnSync } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";
import { ensureTestTools, type ToolHost } from "./test-tools";

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

const host: ToolHost = {
  env: process.env,
  isRoot: process.getuid?.() === 0,
  isExecutable,
  onPath: (command) =>
    (process.env.PATH ?? "").split(path.delimiter).some((dir) => dir !== "" && isExecutable(path.join(dir, command))),
  run: (command, args, quiet = false) =>
    spawnSync(command, args, {
      stdio: quiet ? "ignore" : ["ignore", "inherit", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    }).status === 0,
  say: (line) => process.stderr.write(`${line}\n`),
};

const check = ensureTestTools(host);
if (check.type === "missing") {
  process.stderr.write(`${check.message}\n`);
  process.exitCode = 1;
}
