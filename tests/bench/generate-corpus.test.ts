// The benchmark corpus generator: deterministic, valid against the loader's checks, shaped like the domain.
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateCorpus, resolveCorpusOptions } from "../../src/bench/generate-corpus";
import { loadDataset } from "../../src/data";
import { ParameterError } from "../../src/errors";

const temporary: string[] = [];

async function freshDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "rightsgraph-corpus-"));
  temporary.push(dir);
  return path.join(dir, "corpus");
}

/** One hash over every file's relative path and bytes. */
async function hashTree(dir: string): Promise<string> {
  const hash = createHash("sha256");
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
  for (const file of files)
    hash
      .update(file)
      .update("\0")
      .update(await readFile(path.join(dir, file)));
  return hash.digest("hex");
}

afterAll(async () => {
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("generateCorpus", () => {
  it("rejects an unknown size, a fractional seed and an unknown format, naming the option", () => {
    for (const [options, parameter] of [
      [{ size: "huge" }, "size"],
      [{ seed: 1.5 }, "seed"],
      [{ format: "xml" }, "format"],
    ] as const) {
      const call = () => resolveCorpusOptions({ out: "x", ...(options as object) });
      expect(call).toThrow(ParameterError);
      try {
        call();
      } catch (error) {
        expect((error as ParameterError).parameter).toBe(parameter);
      }
    }
  });

  it("writes the same bytes for the same seed, and other bytes for another seed", async () => {
    const [a, b, c] = [await freshDir(), await freshDir(), await freshDir()];
    await generateCorpus({ out: a, seed: 7, edges: 3000 });
    await generateCorpus({ out: b, seed: 7, edges: 3000 });
    await generateCorpus({ out: c, seed: 8, edges: 3000 });
    expect(await hashTree(a)).toBe(await hashTree(b));
    expect(await hashTree(a)).not.toBe(await hashTree(c));
  });

  for (const format of ["jsonl", "yaml"] as const) {
    it(`writes a ${format} corpus the loader accepts whole, with the edge count it reports`, async () => {
      const out = await freshDir();
      const summary = await generateCorpus({ out, seed: 3, edges: 2000, format });
      const dataset = await loadDataset(out);
      expect(dataset.graph.size).toBe(summary.edges);
      expect(dataset.graph.order).toBe(summary.nodes);
      expect(summary.edges).toBeGreaterThanOrEqual(2000);
    });
  }

  it("writes claims that read as sentences: declined to co-sponsor, articles where the names take them", async () => {
    const out = await freshDir();
    const { graph } = await loadDataset((await generateCorpus({ out, seed: 3, edges: 2000 })).dir);
    const declined = graph.filterEdges((_id, a) => a.type === "declined");
    expect(declined.length).toBeGreaterThan(0);
    for (const id of declined) {
      const target = graph.getNodeAttribute(graph.target(id), "label");
      expect(graph.getEdgeAttribute(id, "sentence")).toMatch(new RegExp(` declined to co-sponsor ${target}\\.$`));
    }
    const briefedTheCouncil = graph.findEdge((_id, a, _s, t) => a.type === "briefed" && t === "un:sc");
    expect(graph.getEdgeAttribute(briefedTheCouncil!, "sentence")).toMatch(/ briefed the Security Council\.$/);
    graph.forEachEdge((id, a) => {
      expect(a.sentence, id).toMatch(/^[“A-Z].*[^ ]\.$/);
      expect(a.sentence, id).not.toMatch(/ {2}|[{}[\]]/);
    });
  });

  it("is shaped like the domain: 200 states, 60 UN bodies, the four named edge types, the General Assembly a hub", async () => {
    const out = await freshDir();
    const { graph } = await loadDataset(await generateCorpus({ out, seed: 1, edges: 5000 }).then((s) => s.dir));
    const count = (type: string) => graph.filterNodes((_id, a) => a.type === type).length;
    expect(count("state")).toBe(200);
    expect(count("un-body")).toBe(60);
    const edgeTypes = new Set(graph.mapEdges((_edge, a) => a.type));
    for (const type of ["sponsored", "declined", "addressed-to", "cites"]) expect(edgeTypes.has(type)).toBe(true);
    const unBodies = graph.filterNodes((_id, a) => a.type === "un-body");
    const top = unBodies.sort((x, y) => graph.degree(y) - graph.degree(x))[0];
    expect(top).toBe("un:ga");
    const degrees = graph.mapNodes((id) => graph.degree(id)).sort((x, y) => y - x);
    expect(degrees[0]!).toBeGreaterThan(20 * degrees[Math.floor(degrees.length / 2)]!);
  });
});
