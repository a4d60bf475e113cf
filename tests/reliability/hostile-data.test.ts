// Hostile data: mutated copies of valid data folders either load completely or fail with DataError whose problems
// are all located (file:line, line >= 1) with a known code; never another exception, a hang or a partial graph.
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROBLEM_CODES } from "../../src/errors";
import { mutation } from "./helpers/data-mutations";
import { LoaderSandbox, type GraphSummary, type LoadOutcome } from "./helpers/loader-sandbox";
import { byScale, Tally } from "./helpers/tally";

const MUTATIONS = byScale(120, 3000);
const LOAD_TIMEOUT_MS = 10_000;
const KNOWN_CODES = new Set<string>(PROBLEM_CODES);

interface Base {
  name: string;
  dir: string;
  files: string[];
}

const sandbox = new LoaderSandbox();
const tally = new Tally("data");
const bases: Base[] = [];
let root: string;

async function filesUnder(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(dir, rel)));
    else out.push(rel);
  }
  return out.sort();
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "rightsgraph-hostile-data-"));
  for (const [name, from] of [
    ["fixture", "tests/fixtures/data/good"],
    ["bundled", "graph-data"],
  ] as const) {
    const dir = path.join(root, name, "data");
    await cp(from, dir, { recursive: true });
    bases.push({ name, dir, files: await filesUnder(dir) });
  }
});

afterAll(async () => {
  await sandbox.close();
  await rm(root, { recursive: true, force: true });
  tally.save();
});

/** The graph the files describe, read independently of the loader: node ids and the number of edges. */
async function expectedGraph(dir: string): Promise<{ nodes: string[]; edges: number }> {
  const read = async (file: string) => parse(await readFile(file, "utf8"), { uniqueKeys: true }) ?? {};
  const nodes: string[] = [];
  let edges = 0;
  const entities = path.join(dir, "entities");
  for (const name of (await readdir(entities).catch(() => [])).filter((n) => /\.ya?ml$/.test(n)))
    for (const node of (await read(path.join(entities, name))).nodes ?? []) nodes.push(node.id);
  for (const source of await readdir(path.join(dir, "sources"))) {
    const meta = await read(path.join(dir, "sources", source, "source.yaml"));
    for (const note of meta.endnotes ?? []) edges += note.citations.length;
    const graphFile = path.join(dir, "sources", source, "graph.yaml");
    if (!(await stat(graphFile).catch(() => null))) continue;
    const graph = await read(graphFile);
    for (const node of graph.nodes ?? []) nodes.push(node.id);
    const count = (end: unknown) => (Array.isArray(end) ? end.length : 1);
    for (const edge of graph.edges ?? []) edges += count(edge.source) * count(edge.target);
  }
  return { nodes: nodes.sort(), edges };
}

/** What is wrong with the loader's answer, or null when it is a complete graph or fully located problems. */
async function judge(outcome: LoadOutcome, base: Base): Promise<string | null> {
  switch (outcome.type) {
    case "hang":
      return `the load did not finish within ${LOAD_TIMEOUT_MS} ms`;
    case "crash":
      return `${outcome.name} instead of DataError: ${outcome.message}\n${outcome.stack}`;
    case "loaded": {
      const summary: GraphSummary = outcome.summary;
      if (summary.inconsistencies.length)
        return `inconsistent graph: ${summary.inconsistencies.slice(0, 3).join("; ")}`;
      const expected = await expectedGraph(base.dir);
      if (summary.nodes.join("\n") !== expected.nodes.join("\n"))
        return `partial graph: ${summary.nodes.length} nodes loaded, ${expected.nodes.length} declared`;
      if (summary.edges !== expected.edges) return `partial graph: ${summary.edges} edges, ${expected.edges} declared`;
      return null;
    }
    case "data-error": {
      if (outcome.problems.length === 0) return "DataError without problems";
      for (const p of outcome.problems) {
        const where = `${p.file}:${p.line}`;
        if (!KNOWN_CODES.has(p.code)) return `${where}: unknown code "${p.code}"`;
        if (!Number.isInteger(p.line) || p.line < 1) return `${where}: line is not a positive integer`;
        if (!p.file.startsWith("data/")) return `${where}: file is not inside the data folder`;
        if (typeof p.message !== "string" || p.message === "") return `${where}: no message`;
        const file = path.join(base.dir, p.file.slice("data/".length));
        const info = await stat(file).catch(() => null);
        if (info?.isFile()) {
          const lineCount = (await readFile(file, "latin1")).split("\n").length;
          if (p.line > lineCount) return `${where}: line beyond the end of the file (${lineCount} lines)`;
        }
      }
      return null;
    }
  }
}

describe("loadDataset on mutated data", () => {
  it("loads both unmutated copies completely", async () => {
    for (const base of bases) {
      const outcome = await sandbox.load(base.dir, LOAD_TIMEOUT_MS);
      expect(outcome.type, base.name).toBe("loaded");
      expect(await judge(outcome, base), base.name).toBeNull();
    }
  });

  it(`answers ${MUTATIONS} mutated folders with a complete graph or located problems, never a crash or a hang`, async () => {
    const failures: string[] = [];
    const details = await fc.check(
      fc.asyncProperty(
        fc.nat({ max: 3 }),
        fc.nat(),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        async (baseIndex, fileIndex, mutations) => {
          // Three in four mutate the small fixture (fast); one in four the bundled graph.
          const base = bases[baseIndex === 3 ? 1 : 0]!;
          const rel = base.files[fileIndex % base.files.length]!;
          const file = path.join(base.dir, rel);
          const original = await readFile(file);
          const mutated = mutations.reduce<Buffer>((bytes, m) => m.apply(bytes), original);
          await writeFile(file, mutated);
          try {
            const t0 = performance.now();
            const outcome = await sandbox.load(base.dir, LOAD_TIMEOUT_MS);
            const ms = performance.now() - t0;
            if (ms > 2000)
              tally.note(
                `SLOW ${Math.round(ms)} ms ${base.name}/${rel} ${mutations.map((m) => m.kind).join(",")} -> ${outcome.type}`,
              );
            tally.add("mutations");
            tally.add(outcome.type === "data-error" ? "caught" : outcome.type);
            const problem = await judge(outcome, base);
            if (!problem) return true;
            tally.add("wrong answers");
            const described = `${base.name}/${rel} after ${mutations.map((m) => m.kind).join(", ")}: ${problem}`;
            tally.note(described.slice(0, 300));
            if (failures.length < 10) failures.push(described.slice(0, 1500));
            return false;
          } finally {
            await writeFile(file, original);
          }
        },
      ),
      { numRuns: MUTATIONS, seed: byScale(20191218, 20191219), endOnFailure: true },
    );
    expect(failures).toEqual([]);
    expect(details.failed).toBe(false);
    expect(tally.get("crash") + tally.get("hang")).toBe(0);
  }, 900_000);
});
