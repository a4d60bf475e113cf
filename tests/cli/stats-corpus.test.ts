// `stats` on a generated corpus of many sources (as `npm run bench:gen` makes, small here): the sources summarised on
// one line (how many, the ten with most claims, most first, and how many more), and the records by review status.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../src/bench/generate-corpus";
import { cli } from "../helpers/run-cli";

let root: string;
let dir: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "rightsgraph-stats-"));
  dir = path.join(root, "corpus");
  // 24 sources of about 20 claims: more than the ten listed by name.
  await generateCorpus({ out: dir, seed: 7, edges: 480, edgesPerSource: 20 });
}, 60_000);
afterAll(() => rm(root, { recursive: true, force: true }));

describe("rightsgraph stats on a generated corpus", () => {
  it("summarises the sources on one line and counts the records by status", async () => {
    const run = await cli("stats", "--data", dir);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    const sources = lines.find((l) => l.startsWith("sources: "))!;
    const match = /^sources: (\d+); most claims: (.*); (\d+) more$/.exec(sources);
    expect(match, sources).not.toBeNull();
    const [, count, top, more] = match!;
    expect(Number(count)).toBeGreaterThan(10);
    expect(Number(more)).toBe(Number(count) - 10);
    const listed = top!.split(", ").map((item) => /^(\S+) \((\d+)\)$/.exec(item)!);
    expect(listed).toHaveLength(10);
    const claims = listed.map((m) => Number(m[2]));
    expect(claims).toEqual([...claims].sort((a, b) => b - a));
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^review: nodes 0 suggested, 0 draft, \d+ reviewed, 0 rejected; edges 0 suggested, 0 draft, \d+ reviewed, 0 rejected$/,
      ),
    );
    // A corpus under the progress threshold loads silently, whether or not stderr is a terminal.
    expect(run.stderr).toBe("");
  });
});
