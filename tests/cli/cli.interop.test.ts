// The rightsgraph command line as users meet it: a real process with its exit codes, and exported files read back
// by other programs' readers (libxml2 against the GraphML XSD, NetworkX).
import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateGraphml } from "../helpers/graphml-validator";
import { readWithNetworkx } from "../helpers/networkx-reader";
import { cli } from "../helpers/run-cli";
import { tempDir } from "../helpers/temp-dir";

const tmp = tempDir("rightsgraph-cli");
afterAll(() => tmp.remove());

describe("rightsgraph export, read by other tools", () => {
  it("writes GraphML that validates against the XSD and loads in NetworkX with the counts stats prints", async () => {
    const file = path.join(tmp.path, "g.graphml");
    const run = await cli("export", "--format", "graphml", "--out", file);
    expect(run.code).toBe(0);
    expect(await validateGraphml([file])).toEqual([{ file, valid: true, errors: [] }]);
    const stats = JSON.parse((await cli("stats", "--json")).stdout);
    const [nx] = readWithNetworkx([file]);
    expect([nx!.nodes.length, nx!.edges.length]).toEqual([stats.nodes, stats.edges]);
  });
});

/** `node src/cli/bin.js ARGS` as a user runs it: a Node process that compiles the TypeScript through tsx. */
async function runBin(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.resolve("src/cli/bin.js"), ...args]);
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const [status] = (await once(child, "close")) as [number | null];
  return { status, stdout, stderr };
}

/**
 * Each process pays Node's and tsx's start-up and compiles what its command imports (a few seconds of CPU on a shared
 * two-core machine): the processes run at once, and the test has a budget for each one it starts rather than the
 * default 30 s for the lot, which a run under load went past.
 */
const PROCESS_BUDGET_MS = 20_000;

describe("the rightsgraph executable", () => {
  // What only a real process proves: bin.js runs main() under tsx and exits with its code (0, 1 for bad data, 2 for
  // bad usage), writing to the real stdout and stderr. Every code's cases are tested in-process (cli.test.ts).
  const runs = [["stats"], ["stats", "--no-such-flag"], ["validate", "--data", "/no/such/folder"]];
  it(
    "runs as a real process with the contract's exit codes",
    { timeout: runs.length * PROCESS_BUDGET_MS },
    async () => {
      const [ok, usage, data] = await Promise.all(runs.map((args) => runBin(...args)));
      expect(ok!.status).toBe(0);
      expect(ok!.stdout).toMatch(/^nodes: \d+\nedges: \d+/);
      expect(usage!.status).toBe(2);
      expect(usage!.stderr).toContain("usage: rightsgraph stats");
      expect(data!.status).toBe(1);
      expect(data!.stderr).toContain("folder/schema.yaml:1: cannot read");
    },
  );
});
