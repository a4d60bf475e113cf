// The CSV export: nodes.csv and relationships.csv in neo4j-admin's import layout, zipped with a README, and
// streamed: rows are compressed and handed on as they are written, never built whole in memory.
import type { EdgeAttributes, NodeAttributes, RightsGraph, Schema } from "../schema";
import { csvHeaderCell, csvTextCell } from "./csv-cell";
import { exportColumnSteps, formatFlatValue, type ExportColumn, type FlatValue } from "./export-columns";
import { exportedEdges, exportedNodes, writeEach } from "./export-elements";
import { resolveExportOptions, type ExportOptions } from "./export-options";
import { neo4jLabel, neo4jRelationshipType } from "./neo4j-names";
import { zipTextFiles } from "./zip-text-files";

/** neo4j-admin splits array cells on this character (`--array-delimiter=";"`). */
export const CSV_ARRAY_DELIMITER = ";";

// Records end with CRLF as RFC 4180 asks; line breaks inside a quoted value stay as they are.
const EOL = "\r\n";
// A fixed timestamp makes the same graph give byte-identical archives.
const ZIP_OPTIONS = { mtime: new Date("2020-01-01T00:00:00Z"), level: 6 };

/** The ID space of every node id: both loaders match a relationship's ends to nodes within one space. */
export const CSV_ID_SPACE = "Node";

/** How each loader names a column's type: neo4j-admin's lower-case names, Neptune's openCypher loader's own. */
interface CsvDialect {
  types: Readonly<Record<ExportColumn<unknown>["type"], string>>;
  /** The columns every node row starts with, and what they hold. */
  nodeStart: string[];
  nodeCells: (id: string, label: string) => string[];
  relationshipStart: string[];
  relationshipCells: (id: string, source: string, target: string, type: string) => string[];
}

const NEO4J: CsvDialect = {
  types: { boolean: ":boolean", int: ":int", long: ":long", double: ":double", string: "", "string-list": ":string[]" },
  nodeStart: [`id:ID(${CSV_ID_SPACE})`, ":LABEL"],
  nodeCells: (id, label) => [csvTextCell(id), csvTextCell(label)],
  // neo4j-admin has no relationship id: ours is the `id` property.
  relationshipStart: [`:START_ID(${CSV_ID_SPACE})`, `:END_ID(${CSV_ID_SPACE})`, ":TYPE", "id"],
  relationshipCells: (id, source, target, type) => [
    csvTextCell(source),
    csvTextCell(target),
    csvTextCell(type),
    csvTextCell(id),
  ],
};

/** Neptune's openCypher CSV: relationships need their own `:ID`; the ids are kept as `id` properties too. */
const NEPTUNE: CsvDialect = {
  types: {
    boolean: ":Bool",
    int: ":Int",
    long: ":Long",
    double: ":Double",
    string: ":String",
    "string-list": ":String[]",
  },
  nodeStart: [`:ID(${CSV_ID_SPACE})`, ":LABEL", "id:String"],
  nodeCells: (id, label) => [csvTextCell(id), csvTextCell(label), csvTextCell(id)],
  relationshipStart: [":ID", `:START_ID(${CSV_ID_SPACE})`, `:END_ID(${CSV_ID_SPACE})`, ":TYPE", "id:String"],
  relationshipCells: (id, source, target, type) => [
    csvTextCell(id),
    csvTextCell(source),
    csvTextCell(target),
    csvTextCell(type),
    csvTextCell(id),
  ],
};

// The columns named in DESIGN order first, then the rest in the export's column order.
function ordered<A>(columns: ExportColumn<A>[], first: string[]): ExportColumn<A>[] {
  const head = first.flatMap((name) => columns.filter((column) => column.name === name));
  return [...head, ...columns.filter((column) => !first.includes(column.name))];
}

function cell<A>(column: ExportColumn<A>, value: FlatValue | undefined): string {
  if (value === undefined) return "";
  if (column.type === "string-list" && Array.isArray(value)) {
    return value.length === 0 ? "" : csvTextCell(value.join(CSV_ARRAY_DELIMITER));
  }
  if (column.type === "string" || column.type === "string-list") return csvTextCell(formatFlatValue(value));
  return formatFlatValue(value);
}

function header<A>(dialect: CsvDialect, fixed: string[], columns: ExportColumn<A>[]): string {
  const names = [...fixed, ...columns.map((column) => column.name + dialect.types[column.type])];
  return names.map(csvHeaderCell).join(",") + EOL;
}

const README = `RightsGraph export for Neo4j
============================

nodes.csv          one row per node: id:ID(Node), :LABEL (the node type in PascalCase: un-body -> UnBody), then
                   label, aliases, description, date, the type as written in the schema, and every other attribute.
relationships.csv  one row per edge: :START_ID(Node), :END_ID(Node), :TYPE (the edge type in UPPER_SNAKE: addressed-to ->
                   ADDRESSED_TO), the edge's id, label, evidence (the verbatim quote), footnotes, source_doc, date,
                   evidence_start and evidence_end (offsets in the source text), and every other attribute.

Import into a new database (here "neo4j"; since Neo4j 5.19 its name comes before the options) with:

  neo4j-admin database import full neo4j --nodes=nodes.csv --relationships=relationships.csv --array-delimiter=";" --multiline-fields=true

--multiline-fields=true is needed because quotes copied from the sources may span several lines.

neptune/           the same rows for Amazon Neptune's openCypher bulk loader: :ID(Node) and :LABEL on nodes,
                   :ID (the edge's id), :START_ID(Node), :END_ID(Node) and :TYPE on relationships, typed columns
                   (:Int, :Bool, :Double, :String, :String[]), and the ids kept as id:String properties. Copy the
                   folder to S3 and start a load with format "opencypher":

  curl -X POST https://YOUR-NEPTUNE-ENDPOINT:8182/loader -H 'Content-Type: application/json' -d '{
    "source": "s3://YOUR-BUCKET/rightsgraph/neptune/", "format": "opencypher",
    "iamRoleArn": "arn:aws:iam::YOUR-ACCOUNT:role/YOUR-NEPTUNE-S3-ROLE", "region": "YOUR-REGION",
    "failOnError": "TRUE" }'


Notes
- Lists (aliases, footnotes, sources, outside_knowledge) are string[] columns whose items are separated by ";".
  An item that itself contains ";" is split by neo4j-admin at that point.
- Empty cells mean "no value"; an empty text is written as "".
- Spreadsheet safety: a text cell or column name that starts with =, +, -, @ (or their full-width forms), with
  whitespace followed by one of these, or with a control character (NUL, tab, line feed, carriage return...) gets
  a leading apostrophe (') so that Excel or LibreOffice shows it instead of running it as a formula. Remove that
  apostrophe if you need the exact text (the GraphML and JSON exports keep it unchanged). Numeric columns are never
  changed.
- Files are UTF-8, comma-separated, every text value in double quotes (RFC 4180), records ending in CRLF.
`;

/**
 * Writes a graph as a zip holding `nodes.csv`, `relationships.csv` (neo4j-admin's import layout) and
 * `README.txt` with the import command, as a stream of the archive's bytes.
 *
 * Node ids go in `id:ID`, node types become labels (`UnBody`) and edge types relationship types
 * (`ADDRESSED_TO`); typed columns carry neo4j suffixes (`evidence_start:int`, `aliases:string[]`). Text and header
 * cells a spreadsheet would run as formulas get a leading apostrophe (see `neutraliseFormula`).
 *
 * The graph must not change while the chunks are being consumed.
 *
 * @param options - `display` adds x, y, size and color columns; `only` writes a filtered view.
 * @returns chunks of the archive, and "" where the writer pauses to let other work run.
 */
export async function* csvZipChunks(
  graph: RightsGraph,
  schema: Schema,
  options: ExportOptions = {},
): AsyncGenerator<Uint8Array | "", void, undefined> {
  const { display, only } = resolveExportOptions(options);
  const plan = exportColumnSteps(graph, schema, display !== undefined, only);
  let step = plan.next();
  for (; !step.done; step = plan.next()) yield "";
  const columns = step.value;
  const nodeColumns: ExportColumn<NodeAttributes>[] = ordered(columns.node, [
    "label",
    "aliases",
    "description",
    "date",
  ]);
  const edgeColumns: ExportColumn<EdgeAttributes>[] = ordered(columns.edge, [
    "label",
    "evidence",
    "footnotes",
    "source_doc",
    "date",
    "evidence_start",
    "evidence_end",
  ]);

  const nodeRows = (dialect: CsvDialect) =>
    writeEach(exportedNodes(graph, only), ({ node, attributes }) => {
      const shown = display?.get(node);
      const cells = dialect.nodeCells(node, neo4jLabel(attributes.type));
      for (const column of nodeColumns) cells.push(cell(column, column.read(attributes, shown)));
      return cells.join(",") + EOL;
    });
  const relationshipRows = (dialect: CsvDialect) =>
    writeEach(exportedEdges(graph, only), ({ edge, attributes, source, target }) => {
      const cells = dialect.relationshipCells(edge, source, target, neo4jRelationshipType(attributes.type));
      for (const column of edgeColumns) cells.push(cell(column, column.read(attributes, undefined)));
      return cells.join(",") + EOL;
    });
  const files = (dialect: CsvDialect, folder: string) => [
    {
      name: `${folder}nodes.csv`,
      text: withHeader(header(dialect, dialect.nodeStart, nodeColumns), nodeRows(dialect)),
    },
    {
      name: `${folder}relationships.csv`,
      text: withHeader(header(dialect, dialect.relationshipStart, edgeColumns), relationshipRows(dialect)),
    },
  ];
  yield* zipTextFiles(
    [...files(NEO4J, ""), ...files(NEPTUNE, "neptune/"), { name: "README.txt", text: [README.replace(/\n/g, EOL)] }],
    ZIP_OPTIONS,
  );
}

function* withHeader(head: string, rows: Iterable<string>): Generator<string, void, undefined> {
  yield head;
  yield* rows;
}

/** The whole zip archive in memory (`csvZipChunks` joined), for callers that want the bytes at once. */
export async function csvZip(graph: RightsGraph, schema: Schema, options: ExportOptions = {}): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const part of csvZipChunks(graph, schema, options)) if (part !== "") parts.push(part);
  return new Uint8Array(Buffer.concat(parts));
}
