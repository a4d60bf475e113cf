// Apache AGE in PGlite for the differential test: loads a RightsGraph dataset as an AGE graph (labels and types with
// "-" written with "_", which AGE's names cannot hold; properties as the Cypher engine maps them) and runs queries.
import { PGlite } from "@electric-sql/pglite";
import { age } from "@electric-sql/pglite-age";
import { ageName } from "../../../src/export";
import { nodeProperties, relationshipProperties } from "../../../src/query/cypher";
import type { Dataset } from "../../../src/schema";

export { ageName };

/** A query in AGE's spelling: backquoted names with "-" become names with "_". */
export function ageQuery(query: string): string {
  return query.replace(/`([^`]+)`/g, (whole, name: string) => (name.includes("-") ? ageName(name) : whole));
}

/** The dollar-quote that wraps Cypher inside SQL; no property value of ours contains it. */
const QUOTE = "$rg$";

export interface AgeGraph {
  /** Rows of a query as AGE answers it, each value decoded from agtype text (see `decodeAgtype`). */
  rows(query: string, columns: number, params?: Record<string, unknown>): Promise<unknown[][]>;
}

/** PGlite with the AGE extension loaded and on the search path. */
export async function startAge(): Promise<PGlite> {
  const pg = new PGlite({ extensions: { age } });
  await pg.exec("CREATE EXTENSION IF NOT EXISTS age;");
  await pg.exec(`SET search_path = ag_catalog, "$user", public;`);
  return pg;
}

/** A SQL string literal (standard strings: only the quote is doubled). */
function sqlText(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * Loads `dataset` into a new AGE graph called `name` (AGE wants at least three characters) the way AGE's own bulk
 * loaders do: one label table per node and edge type, rows inserted with SQL, edges by their ends' graph ids.
 * (Cypher CREATE of the whole graph hits PostgreSQL's 1,664-column limit; MATCHing each edge's ends is slow.)
 */
export async function loadAgeGraph(pg: PGlite, name: string, dataset: Dataset, batch = 200): Promise<AgeGraph> {
  const { graph } = dataset;
  await pg.exec(`SELECT create_graph('${name}');`);
  const nodeTypes = new Set(graph.mapNodes((_id, attributes) => attributes.type));
  const edgeTypes = new Set(graph.mapEdges((_id, attributes) => attributes.type));
  for (const type of nodeTypes) await pg.exec(`SELECT create_vlabel('${name}', '${ageName(type)}');`);
  for (const type of edgeTypes) await pg.exec(`SELECT create_elabel('${name}', '${ageName(type)}');`);

  for (const type of nodeTypes) {
    const rows = graph
      .filterNodes((_id, attributes) => attributes.type === type)
      .map((id) => `(${sqlText(JSON.stringify(nodeProperties(id, graph.getNodeAttributes(id))))}::agtype)`);
    for (let i = 0; i < rows.length; i += batch)
      await pg.exec(
        `INSERT INTO ${name}."${ageName(type)}" (properties) VALUES ${rows.slice(i, i + batch).join(", ")};`,
      );
  }
  // Edges find their ends' graph ids by a join: AGE's graphid does not read back from text in this 32-bit build.
  await pg.exec(
    `CREATE TEMP TABLE ${name}_ids AS SELECT id AS gid, (properties::text)::json->>'id' AS rid FROM ${name}._ag_label_vertex;`,
  );
  for (const type of edgeTypes) {
    const rows = graph
      .filterEdges((_edge, attributes) => attributes.type === type)
      .map((edge) => {
        const properties = JSON.stringify(relationshipProperties(edge, graph.getEdgeAttributes(edge)));
        return `(${sqlText(graph.source(edge))}, ${sqlText(graph.target(edge))}, ${sqlText(properties)})`;
      });
    for (let i = 0; i < rows.length; i += batch)
      await pg.exec(
        `INSERT INTO ${name}."${ageName(type)}" (start_id, end_id, properties) ` +
          `SELECT s.gid, t.gid, e.properties::agtype FROM (VALUES ${rows.slice(i, i + batch).join(", ")}) AS e(source, target, properties) ` +
          `JOIN ${name}_ids s ON s.rid = e.source JOIN ${name}_ids t ON t.rid = e.target;`,
      );
  }
  const [{ count }] = (await pg.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${name}._ag_label_edge;`))
    .rows as [{ count: number }];
  if (count !== graph.size) throw new Error(`AGE holds ${count} edges of ${graph.size}: an edge's end was not found`);
  return ageGraph(pg, name);
}

/** Queries the AGE graph `name`, however it was loaded. */
export function ageGraph(pg: PGlite, name: string): AgeGraph {
  return {
    async rows(query, columns, params) {
      const names = Array.from({ length: columns }, (_, i) => `c${i} agtype`).join(", ");
      const text = `SELECT * FROM cypher('${name}', ${QUOTE} ${ageQuery(query)} ${QUOTE}${params ? ", $1" : ""}) AS (${names});`;
      const result = await pg.query<Record<string, string | null>>(text, params ? [JSON.stringify(params)] : []);
      return result.rows.map((row) => Array.from({ length: columns }, (_, i) => decodeAgtype(row[`c${i}`] ?? null)));
    },
  };
}

/** A vertex, edge or path as AGE answers it, written like the engine's compact form. */
interface AgeVertex {
  id: number;
  label: string;
  properties: { id: string };
}
interface AgeEdge extends AgeVertex {
  start_id: number;
  end_id: number;
}

/** Removes agtype's `::vertex`, `::edge`, `::path` and `::numeric` annotations outside strings. */
function stripAnnotations(text: string): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === "\\") out += text[++i] ?? "";
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    if (c === ":" && text[i + 1] === ":") {
      const match = /^::[a-z]+/.exec(text.slice(i));
      if (match) {
        i += match[0].length - 1;
        continue;
      }
    }
    out += c;
  }
  return out;
}

function isVertex(value: unknown): value is AgeVertex {
  return (
    typeof value === "object" && value !== null && "label" in value && "properties" in value && !("start_id" in value)
  );
}

function isEdge(value: unknown): value is AgeEdge {
  return typeof value === "object" && value !== null && "start_id" in value;
}

function compactAge(value: unknown, isPath = false): unknown {
  if (isEdge(value)) return `[${value.properties.id}]`;
  if (isVertex(value)) return `(${value.properties.id})`;
  if (Array.isArray(value)) {
    // A path: vertex, edge, vertex, ...
    if (isPath) {
      let text = `(${(value[0] as AgeVertex).properties.id})`;
      for (let i = 1; i < value.length; i += 2) {
        const edge = value[i] as AgeEdge;
        const from = value[i - 1] as AgeVertex;
        const to = value[i + 1] as AgeVertex;
        text +=
          edge.start_id === from.id
            ? `-[${edge.properties.id}]->(${to.properties.id})`
            : `<-[${edge.properties.id}]-(${to.properties.id})`;
      }
      return `<${text}>`;
    }
    return value.map((item) => compactAge(item));
  }
  return value;
}

/** One agtype value as JSON, with vertices as "(id)", edges as "[id]" and paths as "<(a)-[e]->(b)>". */
export function decodeAgtype(text: string | null): unknown {
  if (text === null) return null;
  return compactAge(JSON.parse(stripAnnotations(text)), text.trimEnd().endsWith("::path"));
}
