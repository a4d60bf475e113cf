// The pretest script as `npm test` runs it, on this machine with its environment changed to hide tools: a
// RIGHTSGRAPH_CHROMIUM that names a missing file, a PATH without python3 or apt-get. Nothing is installed or removed.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/temp-dir";

const SCRIPT = "scripts/ensure-test-tools.ts";

/** Runs the script in a process of its own with `env` over this one's environment. */
function runScript(env: NodeJS.ProcessEnv): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, ["--import", "tsx", SCRIPT], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { status: result.status, stderr: result.stderr };
}

describe("scripts/ensure-test-tools.ts", () => {
  it("exits 0 without a word on this machine, which has Chromium and networkx", () => {
    expect(runScript({})).toEqual({ status: 0, stderr: "" });
  });

  it("exits 1 with one line when RIGHTSGRAPH_CHROMIUM names a missing file, and installs nothing", () => {
    expect(runScript({ RIGHTSGRAPH_CHROMIUM: "/nonexistent/chromium" })).toEqual({
      status: 1,
      stderr:
        "npm test needs RIGHTSGRAPH_CHROMIUM=/nonexistent/chromium is not an executable file (point it at Chromium, " +
        "or unset it to use /usr/bin/chromium)\n",
    });
  });

  it("exits 1 with one line naming the command when the PATH has neither python3 nor apt-get", () => {
    const empty = tempDir("rightsgraph-empty-path");
    try {
      expect(runScript({ PATH: empty.path })).toEqual({
        status: 1,
        stderr: "npm test needs python3 with networkx (run: sudo apt-get install -y python3-networkx)\n",
      });
    } finally {
      empty.remove();
    }
  });
});
