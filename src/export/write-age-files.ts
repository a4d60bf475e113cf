// `export --format age`: a folder that Apache AGE's bulk loaders read. One CSV per vertex label (its properties, one
// column each; AGE numbers the rows 1, 2, ... as it loads them) and one per edge label (start_id,
// start_vertex_type, end_id, end_vertex_type, then its properties), plus load.sql, which creates the graph and its
// labels and calls load_labels_from_file / load_edges_from_file on them.
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { once } from "node:events";
import path from "node:path";
import { RightsGraphError } from "../errors";
import type { PropValue, RightsGraph } from "../schema/types";
import { ageBundle, DEFAULT_AGE_GRAPH, type AgeBundle } from "./age-bundle";

export interface AgeFilesOptions {
  /** The AGE graph load.sql creates. */
  graphName: string;
  /**
   * Where the database server finds the folder: AGE opens the files itself, on the server's file system. By default
   * the folder's absolute path here.
   */
  filesAt?: string;
}

/** What was written: the file names relative to the folder and the counts by label. */
export interface AgeFilesSummary {
  files: string[];
  vertices: Record<string, number>;
  edges: Record<string, number>;
}

/**
 * One CSV field read with `load_as_agtype`: the value as an agtype literal (JSON: strings quoted, lists as arrays),
 * CSV-quoted. An absent property is an empty field, which AGE loads as null. Nothing is formula-neutralised: these
 * files are for a database, and a leading `'` would change the value.
 */
export function ageCsvField(value: PropValue | undefined): string {
  if (value === undefined) return "";
  return `"${JSON.stringify(value).replaceAll('"', '""')}"`;
}

/** A header cell: AGE takes it as the property's name. */
function headerCell(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function sqlText(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Writes `lines` to `file`, waiting whenever the stream's buffer is full. */
async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  try {
    await once(out, "open");
    for (const line of lines) if (!out.write(`${line}\n`)) await once(out, "drain");
    out.end();
    await once(out, "finish");
  } catch (error) {
    out.destroy();
    throw new RightsGraphError("cannot-write", `cannot write ${file}: ${(error as Error).message}`);
  }
}

/** A header line, then one line per item, made as they are written rather than all at once. */
function* lines<T>(header: string, items: readonly T[], line: (item: T) => string): Generator<string> {
  yield header;
  for (const item of items) yield line(item);
}

/** The SQL that creates the graph and its labels and loads every file, in psql's dialect (run with `psql -f`). */
export function ageLoadSql(bundle: AgeBundle, graphName: string, filesAt: string): string {
  const graph = sqlText(graphName);
  const at = (file: string) => sqlText(path.posix.join(filesAt, file));
  const vertexCount = bundle.vertexLabels.reduce((n, l) => n + l.vertices.length, 0);
  const edgeCount = bundle.edgeLabels.reduce((n, l) => n + l.edges.length, 0);
  return [
    `-- RightsGraph for Apache AGE: ${vertexCount} vertices, ${edgeCount} edges, graph ${graphName}.`,
    "-- AGE reads the CSV files itself, on the database server, at the paths below (export --files-at changes them).",
    "-- Labels and types with '-' are written with '_' (addressed-to is addressed_to); every vertex also gets",
    "-- AGE's own __id__ property, its number in its label.",
    "CREATE EXTENSION IF NOT EXISTS age;",
    "LOAD 'age';",
    `SET search_path = ag_catalog, "$user", public;`,
    `SELECT create_graph(${graph});`,
    ...bundle.vertexLabels.map((l) => `SELECT create_vlabel(${graph}, ${sqlText(l.label)});`),
    ...bundle.edgeLabels.map((l) => `SELECT create_elabel(${graph}, ${sqlText(l.label)});`),
    ...bundle.vertexLabels.map(
      (l) => `SELECT load_labels_from_file(${graph}, ${sqlText(l.label)}, ${at(`nodes/${l.label}.csv`)}, false, true);`,
    ),
    ...bundle.edgeLabels.map(
      (l) => `SELECT load_edges_from_file(${graph}, ${sqlText(l.label)}, ${at(`edges/${l.label}.csv`)}, true);`,
    ),
    "",
  ].join("\n");
}

/** Writes the AGE folder for `graph` into `dir` (created if need be). */
export async function writeAgeFiles(
  graph: RightsGraph,
  dir: string,
  options: AgeFilesOptions = { graphName: DEFAULT_AGE_GRAPH },
): Promise<AgeFilesSummary> {
  const bundle = ageBundle(graph);
  try {
    await mkdir(path.join(dir, "nodes"), { recursive: true });
    await mkdir(path.join(dir, "edges"), { recursive: true });
  } catch (error) {
    throw new RightsGraphError("cannot-write", `cannot write into ${dir}: ${(error as Error).message}`);
  }
  const summary: AgeFilesSummary = { files: [], vertices: {}, edges: {} };
  for (const label of bundle.vertexLabels) {
    const file = `nodes/${label.label}.csv`;
    await writeLines(
      path.join(dir, file),
      lines(label.columns.map(headerCell).join(","), label.vertices, (v) =>
        label.columns.map((c) => ageCsvField(v.properties[c])).join(","),
      ),
    );
    summary.files.push(file);
    summary.vertices[label.label] = label.vertices.length;
  }
  for (const label of bundle.edgeLabels) {
    const file = `edges/${label.label}.csv`;
    const head = ["start_id", "start_vertex_type", "end_id", "end_vertex_type", ...label.columns.map(headerCell)];
    await writeLines(
      path.join(dir, file),
      lines(head.join(","), label.edges, (e) =>
        [
          e.start.number,
          e.start.label,
          e.end.number,
          e.end.label,
          ...label.columns.map((c) => ageCsvField(e.properties[c])),
        ].join(","),
      ),
    );
    summary.files.push(file);
    summary.edges[label.label] = label.edges.length;
  }
  const filesAt = options.filesAt ?? path.resolve(dir);
  await writeLines(path.join(dir, "load.sql"), [ageLoadSql(bundle, options.graphName, filesAt)]);
  summary.files.push("load.sql");
  return summary;
}
