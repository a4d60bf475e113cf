// The rightsgraph command line as users meet it: a real process with its exit codes, and exported files read back
// by other programs' readers (libxml2 against the GraphML XSD, NetworkX).
import { spawnSync } from "node:child_process";
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

describe("the rightsgraph executable", () => {
  it("runs as a real process with the contract's exit codes", () => {
    const bin = path.resolve("src/cli/bin.js");
    const ok = spawnSync(process.execPath, [bin, "stats"], { encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^nodes: \d+\nedges: \d+/);
    const usage = spawnSync(process.execPath, [bin, "path"], { encoding: "utf8" });
    expect(usage.status).toBe(2);
    const data = spawnSync(process.execPath, [bin, "validate", "--data", "/no/such/folder"], { encoding: "utf8" });
    expect(data.status).toBe(1);
    expect(data.stderr).toContain("folder/schema.yaml:1: cannot read");
  });
});
