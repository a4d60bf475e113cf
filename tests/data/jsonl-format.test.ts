// The bulk format: graph.jsonl and entities/*.jsonl load into the same graph as YAML, with problems at file:line.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadDataset } from "../../src/data";
import { DataError } from "../../src/errors";

const GOOD = path.resolve("tests/fixtures/data/good");
const temporary: string[] = [];

/** The good fixture with every graph.yaml and entity file rewritten as JSON Lines, in a folder named "data". */
async function jsonlCopy(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "rightsgraph-jsonl-"));
  temporary.push(root);
  const dir = path.join(root, "data");
  await cp(GOOD, dir, { recursive: true });
  const files = [
    ...(await readdir(path.join(dir, "entities"))).map((name) => path.join(dir, "entities", name)),
    ...(await readdir(path.join(dir, "sources"))).map((name) => path.join(dir, "sources", name, "graph.yaml")),
  ];
  for (const file of files) {
    const value = parse(await readFile(file, "utf8")) as { nodes?: object[]; edges?: object[] };
    const lines = [
      ...(value.nodes ?? []).map((node) => JSON.stringify({ node })),
      ...(value.edges ?? []).map((edge) => JSON.stringify({ edge })),
    ];
    await rm(file);
    await writeFile(file.replace(/\.yaml$/, ".jsonl"), `${lines.join("\n")}\n`);
  }
  return dir;
}

async function problemsOf(dir: string): Promise<DataError["problems"]> {
  const error = await loadDataset(dir).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataError);
  return (error as DataError).problems;
}

afterAll(async () => {
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("loadDataset on JSON Lines", () => {
  it("reports a line that is not JSON as json-syntax at its line, and still checks the other lines", async () => {
    const dir = await jsonlCopy();
    const file = path.join(dir, "sources/alpha/graph.jsonl");
    const lines = (await readFile(file, "utf8")).trimEnd().split("\n");
    lines.splice(2, 0, '{"node": {"id": "person:x",');
    const edgeLine = lines.findIndex((line) => line.startsWith('{"edge"'));
    const edge = JSON.parse(lines[edgeLine]!) as { edge: { evidence: { quote: string } } };
    edge.edge.evidence.quote = "A sentence the source never printed.";
    lines[edgeLine] = JSON.stringify(edge);
    await writeFile(file, `${lines.join("\n")}\n`);
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(
      expect.objectContaining({ code: "json-syntax", file: "data/sources/alpha/graph.jsonl", line: 3 }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ code: "quote-not-found", file: "data/sources/alpha/graph.jsonl", line: edgeLine + 1 }),
    );
  });

  it("refuses a line that is neither a node nor an edge, and an edge in an entity file", async () => {
    const dir = await jsonlCopy();
    await writeFile(path.join(dir, "sources/beta/graph.jsonl"), '{"claim": {}}\n', { flag: "a" });
    const entities = path.join(dir, "entities/states.jsonl");
    const lineCount = (await readFile(entities, "utf8")).trimEnd().split("\n").length;
    await writeFile(entities, '{"edge": {"type": "about"}}\n', { flag: "a" });
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(
      expect.objectContaining({ code: "bad-value", file: "data/sources/beta/graph.jsonl" }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ code: "bad-value", file: "data/entities/states.jsonl", line: lineCount + 1 }),
    );
  });

  it("reports a key written twice in one object as json-syntax at its line, like YAML's duplicate keys", async () => {
    const dir = await jsonlCopy();
    const file = path.join(dir, "entities/states.jsonl");
    const lines = (await readFile(file, "utf8")).trimEnd().split("\n");
    const base = lines.length;
    lines.push(
      '{"node": {"id": "state:a", "type": "state", "label": "A", "label": "B", "description": "d"}}',
      '{"node": {"id": "state:b"}, "node": {"id": "state:c", "type": "state", "label": "C", "description": "d"}}',
      '{"node": {"id": "state:d", "type": "state", "label": "D", "description": "d", "iso3": {"x": 1, "x": 2}}}',
      '{"node": {"id": "state:e", "type" : "state", "label": "E \\": x", "description": "d\\u003a", "de\\u0073cription": "e"}}',
    );
    await writeFile(file, `${lines.join("\n")}\n`);
    const problems = (await problemsOf(dir)).filter((p) => p.code === "json-syntax");
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [base + 1, 'JSON: duplicate key "label" in one object'],
      [base + 2, 'JSON: duplicate key "node" in one object'],
      [base + 3, 'JSON: duplicate key "x" in one object'],
      [base + 4, 'JSON: duplicate key "description" in one object'],
    ]);
  });

  it("reads keys and values that hold colons, quotes and escapes without reporting a duplicate", async () => {
    const dir = await jsonlCopy();
    const file = path.join(dir, "entities/states.jsonl");
    const node = { id: "state:x", type: "state", label: 'X ":" \\": y', description: "d:\u00e9:", aliases: ["a:b"] };
    const spaced = JSON.stringify({ node }, null, 1).replace(/\n/g, " ");
    await writeFile(file, `${spaced}\n`, { flag: "a" });
    const error = await loadDataset(dir).catch((e: unknown) => e);
    const problems = error instanceof DataError ? error.problems : [];
    expect(problems.filter((p) => p.file === "data/entities/states.jsonl")).toEqual([]);
  });

  it("builds the same graph from JSON Lines as from YAML", async () => {
    const fromYaml = await loadDataset(GOOD);
    const fromJsonl = await loadDataset(await jsonlCopy());
    expect(fromJsonl.graph.export()).toEqual(fromYaml.graph.export());
  });
});
