// `load-age`: loads the graph straight into a running PostgreSQL with Apache AGE over its wire protocol (the `pg`
// driver), as the AGE folder export describes it, in batches, in one transaction: a failure leaves the database as
// it was.
import type pg from "pg";
import { RightsGraphError } from "../errors";
import type { RightsGraph } from "../schema/types";
import { ageBundle, type AgeBundle } from "./age-bundle";

export interface LoadAgeOptions {
  /** A PostgreSQL connection URL: postgres://user:password@host:port/database. */
  database: string;
  graphName: string;
  /** Vertices or edges sent in one INSERT. */
  batch: number;
  /** Told after each batch: what is being loaded, how many of how many. */
  progress?: (what: string, done: number, total: number) => void;
}

export interface LoadAgeSummary {
  vertices: number;
  edges: number;
}

/** Bounds of `--batch`: one row at a time up to what one statement comfortably carries. */
export const AGE_BATCH = { min: 1, max: 50_000, default: 1000 } as const;

/** A double-quoted SQL identifier. */
function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

async function exec(client: pg.Client, sql: string, values: unknown[] = []): Promise<pg.QueryResult> {
  try {
    return await client.query(sql, values);
  } catch (error) {
    throw new RightsGraphError("database", `load-age: ${(error as Error).message}`);
  }
}

/** Creates the graph and its labels; a graph of that name already there is an error, never merged into. */
async function createGraph(client: pg.Client, bundle: AgeBundle, graphName: string): Promise<void> {
  await exec(client, "CREATE EXTENSION IF NOT EXISTS age");
  await exec(client, "LOAD 'age'");
  await exec(client, `SET search_path = ag_catalog, "$user", public`);
  const existing = await exec(client, "SELECT 1 FROM ag_catalog.ag_graph WHERE name = $1", [graphName]);
  if (existing.rowCount)
    throw new RightsGraphError(
      "database",
      `load-age: the database already has a graph "${graphName}": give another --graph, or drop it first (SELECT drop_graph('${graphName}', true);)`,
    );
  await exec(client, "SELECT create_graph($1)", [graphName]);
  for (const label of bundle.vertexLabels) await exec(client, "SELECT create_vlabel($1, $2)", [graphName, label.label]);
  for (const label of bundle.edgeLabels) await exec(client, "SELECT create_elabel($1, $2)", [graphName, label.label]);
}

/**
 * Loads `graph` as the AGE graph `options.graphName`: vertices label by label, then edges found by their ends' ids,
 * each batch one INSERT whose rows travel as one JSON parameter (no value is ever spliced into SQL). Everything runs
 * in one transaction, committed only when the counts in the database match the graph's.
 */
export async function loadAge(graph: RightsGraph, options: LoadAgeOptions): Promise<LoadAgeSummary> {
  const bundle = ageBundle(graph);
  // Loaded here, not at start-up: every other command and the server do without the driver.
  const { default: driver } = await import("pg");
  const client = new driver.Client({ connectionString: options.database });
  try {
    await client.connect();
  } catch (error) {
    throw new RightsGraphError("database", `load-age: cannot connect to the database: ${(error as Error).message}`);
  }
  // An error on the connection while idle would otherwise be thrown outside any await.
  client.on("error", () => undefined);
  const g = ident(options.graphName);
  try {
    await exec(client, "BEGIN");
    await createGraph(client, bundle, options.graphName);
    const vertexTotal = bundle.vertexLabels.reduce((n, l) => n + l.vertices.length, 0);
    let done = 0;
    for (const label of bundle.vertexLabels) {
      for (let i = 0; i < label.vertices.length; i += options.batch) {
        const rows = label.vertices.slice(i, i + options.batch).map((v) => v.properties);
        await exec(
          client,
          `INSERT INTO ${g}.${ident(label.label)} (properties) SELECT (value::text)::agtype FROM json_array_elements($1::json)`,
          [JSON.stringify(rows)],
        );
        done += rows.length;
        options.progress?.("vertices", done, vertexTotal);
      }
    }
    // Edges find their ends' graph ids through this table of our ids: AGE's own ids are the database's business.
    await exec(
      client,
      `CREATE TEMP TABLE rightsgraph_ids ON COMMIT DROP AS SELECT id AS gid, (properties::text)::json->>'id' AS rid FROM ${g}._ag_label_vertex`,
    );
    await exec(client, "CREATE INDEX ON rightsgraph_ids (rid)");
    const edgeTotal = bundle.edgeLabels.reduce((n, l) => n + l.edges.length, 0);
    done = 0;
    for (const label of bundle.edgeLabels) {
      for (let i = 0; i < label.edges.length; i += options.batch) {
        const rows = label.edges
          .slice(i, i + options.batch)
          .map((e) => ({ s: e.source, t: e.target, p: e.properties }));
        await exec(
          client,
          `INSERT INTO ${g}.${ident(label.label)} (start_id, end_id, properties) ` +
            `SELECT s.gid, t.gid, ((e.value->'p')::text)::agtype FROM json_array_elements($1::json) AS e ` +
            `JOIN rightsgraph_ids s ON s.rid = e.value->>'s' JOIN rightsgraph_ids t ON t.rid = e.value->>'t'`,
          [JSON.stringify(rows)],
        );
        done += rows.length;
        options.progress?.("edges", done, edgeTotal);
      }
    }
    const counted = await exec(
      client,
      `SELECT (SELECT count(*) FROM ${g}._ag_label_vertex)::int AS vertices, (SELECT count(*) FROM ${g}._ag_label_edge)::int AS edges`,
    );
    const { vertices, edges } = counted.rows[0] as LoadAgeSummary;
    if (vertices !== graph.order || edges !== graph.size)
      throw new RightsGraphError(
        "database",
        `load-age: the database holds ${vertices} vertices and ${edges} edges, not ${graph.order} and ${graph.size}; nothing was kept`,
      );
    await exec(client, "COMMIT");
    return { vertices, edges };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}
