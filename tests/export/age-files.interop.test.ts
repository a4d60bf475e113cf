// `export --format age` loaded by Apache AGE itself (PGlite 0.5.14 with @electric-sql/pglite-age 0.0.15, pinned):
// the folder's load.sql runs as written, AGE's load_labels_from_file and load_edges_from_file read the CSV files, and
// the graph it holds has the same vertices and edges per label, and answers the brief's questions with the same
// rows, as our engine on the bundled graph.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data";
import { ageName } from "../../src/export";
import { createCypherGraph, runCypher } from "../../src/query/cypher";
import type { Dataset } from "../../src/schema";
import { ageGraph, startAge, type AgeGraph } from "../query/cypher/age-graph";
import { compact, sorted } from "../query/cypher/cypher-fixture";
import { cli } from "../helpers/run-cli";
import { tempDir } from "../helpers/temp-dir";

const folder = tempDir("rightsgraph-age");
/** Where PGlite's AGE opens files: it reads every path under /tmp/age/ of the database's own file system. */
const PGLITE_AGE_ROOT = "/tmp/age";
const FILES_AT = "rightsgraph-export";

let pg: PGlite;
let age: AgeGraph;
let dataset: Dataset;
let loadSql: string;

/** Copies the exported folder into the database's file system, where AGE (on the "server") reads it. */
async function copyIntoDatabase(dir: string, to: string): Promise<void> {
  const fs = (pg as unknown as { Module: { FS: EmscriptenFs } }).Module.FS;
  fs.mkdirTree(to);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const from = path.join(dir, entry.name);
    if (entry.isDirectory()) await copyIntoDatabase(from, `${to}/${entry.name}`);
    else fs.writeFile(`${to}/${entry.name}`, await readFile(from));
  }
}

interface EmscriptenFs {
  mkdirTree(path: string): void;
  writeFile(path: string, data: Uint8Array): void;
}

beforeAll(async () => {
  const out = path.join(folder.path, "age");
  const run = await cli("export", "--format", "age", "--out", out, "--graph", "rights_graph", "--files-at", FILES_AT);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toMatch(/wrote .*: \d+ vertices, \d+ edges in \d+ CSV files, and load\.sql/);
  dataset = await loadDataset();
  pg = await startAge();
  await copyIntoDatabase(out, `${PGLITE_AGE_ROOT}/${FILES_AT}`);
  loadSql = await readFile(path.join(out, "load.sql"), "utf8");
  await pg.exec(loadSql);
  age = ageGraph(pg, "rights_graph");
}, 120_000);

afterAll(async () => {
  await pg?.close();
  folder.remove();
});

function countsBy(types: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of types) counts[ageName(type)] = (counts[ageName(type)] ?? 0) + 1;
  return counts;
}

describe("export --format age, loaded by AGE's own bulk loaders", () => {
  it("writes a load.sql that creates the graph and loads every label's file", () => {
    expect(loadSql).toContain("SELECT create_graph('rights_graph');");
    expect(loadSql).toContain(
      `SELECT load_labels_from_file('rights_graph', 'state', '${FILES_AT}/nodes/state.csv', false, true);`,
    );
    expect(loadSql).toContain(
      `SELECT load_edges_from_file('rights_graph', 'addressed_to', '${FILES_AT}/edges/addressed_to.csv', true);`,
    );
  });

  it("gives AGE as many vertices and edges of each label as the graph has of each type", async () => {
    const { graph } = dataset;
    const vertices = Object.fromEntries(
      (await age.rows("MATCH (n) RETURN label(n), count(*)", 2)).map(([label, n]) => [label, n]),
    );
    const edges = Object.fromEntries(
      (await age.rows("MATCH ()-[r]->() RETURN type(r), count(*)", 2)).map(([type, n]) => [type, n]),
    );
    expect(vertices).toEqual(countsBy(graph.mapNodes((_id, a) => a.type)));
    expect(edges).toEqual(countsBy(graph.mapEdges((_id, a) => a.type)));
    expect(Object.values(edges).reduce((a, b) => (a as number) + (b as number), 0)).toBe(graph.size);
  });

  it("answers the brief's questions with the same rows as our engine, quotes and lists intact", async () => {
    const engine = createCypherGraph(dataset);
    for (const [query, columns] of [
      ["MATCH (who)-[r:declined]->(what) RETURN who.id, r.what, what.label, r.footnotes, r.quote", 5],
      ["MATCH (r:recommendation)-[:`addressed-to`]->(a) RETURN a.label, count(r)", 2],
      ["MATCH (d:document)-[c:cites]->(v:document {symbol: 'S/PV.8682'}) RETURN d.label, c.footnotes, c.locator", 3],
      ["MATCH (s:state {id: 'state:prk'}) RETURN s.label, s.aliases, s.sources", 3],
      ["MATCH (a)-[r]->(b) WHERE r.date IS NULL RETURN count(*)", 1],
    ] as const) {
      const ours = runCypher(engine, query).rows;
      expect(ours.length, query).toBeGreaterThan(0);
      expect(sorted(await age.rows(query, columns)), query).toEqual(sorted(compact(ours) as unknown[][]));
    }
  });
});
