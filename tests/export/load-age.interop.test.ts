// `rightsgraph load-age` end to end: PGlite with AGE (the pinned packages) served over PostgreSQL's wire protocol by
// @electric-sql/pglite-socket on 127.0.0.1, port 0; the CLI connects with the `pg` driver and loads the bundled graph
// in small batches. AGE then holds the same vertices and edges per label and answers the brief's questions with the
// same rows as our engine; a second load under the same name is refused and changes nothing.
import type { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data";
import { ageName } from "../../src/export";
import { createCypherGraph, runCypher } from "../../src/query/cypher";
import type { Dataset } from "../../src/schema";
import { ageGraph, startAge } from "../query/cypher/age-graph";
import { compact, sorted } from "../query/cypher/cypher-fixture";
import { cli } from "../helpers/run-cli";

let pg: PGlite;
let server: PGLiteSocketServer;
let url: string;
let dataset: Dataset;

beforeAll(async () => {
  pg = await startAge();
  server = new PGLiteSocketServer({ db: pg, host: "127.0.0.1", port: 0 });
  await server.start();
  url = `postgres://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  dataset = await loadDataset();
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await pg?.close();
});

function countsBy(types: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of types) counts[ageName(type)] = (counts[ageName(type)] ?? 0) + 1;
  return counts;
}

describe("rightsgraph load-age", () => {
  it("exits 2 for a missing or malformed --database, a bad --batch or --graph", async () => {
    for (const [argv, message] of [
      [["load-age"], "--database takes a PostgreSQL URL"],
      [["load-age", "--database", "mysql://x"], "--database takes a PostgreSQL URL"],
      [["load-age", "--database", url, "--batch", "0"], "--batch must be from 1 to 50000"],
      [["load-age", "--database", url, "--graph", "x"], '--graph name "x" must be 3 to 63'],
    ] as const) {
      const run = await cli(...argv);
      expect(run.code, argv.join(" ")).toBe(2);
      expect(run.stderr).toContain(message);
    }
  });

  it("exits 1 with a clear message when the database cannot be reached", async () => {
    const run = await cli("load-age", "--database", "postgres://postgres@127.0.0.1:1/postgres");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("load-age: cannot connect to the database");
  });

  it("loads the graph in batches with progress on stderr, as AGE answers the same rows", async () => {
    const run = await cli("load-age", "--database", url, "--graph", "loaded_graph", "--batch", "25");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`load-age: vertices ${dataset.graph.order}/${dataset.graph.order}`);
    expect(run.stderr).toContain(`load-age: edges ${dataset.graph.size}/${dataset.graph.size}`);
    expect(run.stderr).toContain(
      `load-age: graph loaded_graph holds ${dataset.graph.order} vertices and ${dataset.graph.size} edges`,
    );
    // Batches of 25 within each label: a line for each tenth loaded, rising.
    const done = [...run.stderr.matchAll(/load-age: vertices (\d+)\//g)].map((m) => Number(m[1]));
    expect(done.length).toBeGreaterThan(3);
    expect(done.length).toBeLessThanOrEqual(11);
    expect(done).toEqual([...done].sort((a, b) => a - b));

    const age = ageGraph(pg, "loaded_graph");
    const vertices = Object.fromEntries(await age.rows("MATCH (n) RETURN label(n), count(*)", 2));
    const edges = Object.fromEntries(await age.rows("MATCH ()-[r]->() RETURN type(r), count(*)", 2));
    expect(vertices).toEqual(countsBy(dataset.graph.mapNodes((_id, a) => a.type)));
    expect(edges).toEqual(countsBy(dataset.graph.mapEdges((_id, a) => a.type)));
    const engine = createCypherGraph(dataset);
    for (const [query, columns] of [
      ["MATCH (who)-[r:declined]->(what) RETURN who.id, r.what, what.label, r.footnotes, r.quote", 5],
      ["MATCH (r:recommendation)-[:`addressed-to`]->(a) RETURN a.label, count(r)", 2],
      ["MATCH (d:document)-[c:cites]->(v:document {symbol: 'S/PV.8682'}) RETURN d.label, c.footnotes, c.locator", 3],
    ] as const) {
      const ours = runCypher(engine, query).rows;
      expect(ours.length, query).toBeGreaterThan(0);
      expect(sorted(await age.rows(query, columns)), query).toEqual(sorted(compact(ours) as unknown[][]));
    }
  });

  it("refuses to load into a graph that exists, and leaves it as it was", async () => {
    const run = await cli("load-age", "--database", url, "--graph", "loaded_graph");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the database already has a graph "loaded_graph"');
    const [[count]] = (await ageGraph(pg, "loaded_graph").rows("MATCH (n) RETURN count(*)", 1)) as [[number]];
    expect(count).toBe(dataset.graph.order);
  });
});
