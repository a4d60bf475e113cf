// The column plan shared by every tabular export: which attributes nodes and edges carry, under which name and type.
import type { AttributeKind, EdgeAttributes, NodeAttributes, PropValue, RightsGraph, Schema } from "../schema";
import type { NodeDisplay } from "../layout";
import { runToEnd } from "../query/slice-clock";
import { exportedEdges, exportedNodes } from "./export-elements";
import type { ElementFilter } from "./export-options";

/** A column's value type, named after GraphML's types, plus lists (written as JSON, or as neo4j arrays). */
export type ValueType = "boolean" | "int" | "long" | "double" | "string" | "string-list";

/** One cell's value before a format writes it. */
export type FlatValue = string | number | boolean | string[];

/** One attribute of nodes or edges as exports see it; `read` gives `undefined` when the value is absent. */
export interface ExportColumn<A> {
  /** Output name: the attribute's own name unless that collides with a core column or is not a valid NMTOKEN. */
  name: string;
  type: ValueType;
  read: (attributes: A, display: NodeDisplay | undefined) => FlatValue | undefined;
}

export interface ExportColumns {
  node: ExportColumn<NodeAttributes>[];
  edge: ExportColumn<EdgeAttributes>[];
}

const NUMERIC: readonly ValueType[] = ["int", "long", "double"];
const INT_MAX = 2 ** 31 - 1;

const KIND_TYPES: Readonly<Record<AttributeKind, ValueType>> = {
  string: "string",
  text: "string",
  date: "string",
  url: "string",
  integer: "int",
  number: "double",
  boolean: "boolean",
  "string-list": "string-list",
};

/** The narrowest type that holds a value; `undefined` for a value no format can write (NaN, Infinity). */
export function valueTypeOf(value: PropValue): ValueType | undefined {
  if (Array.isArray(value)) return "string-list";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return undefined;
    // Integers beyond 2^53 print as "1e+21", which no int or long parser accepts: they are doubles.
    if (Number.isSafeInteger(value)) return Math.abs(value) <= INT_MAX ? "int" : "long";
    return "double";
  }
  return "string";
}

/** The narrowest type holding values of both types: int < long < double among numbers, else string. */
export function joinValueTypes(a: ValueType, b: ValueType): ValueType {
  if (a === b) return a;
  if (NUMERIC.includes(a) && NUMERIC.includes(b)) return NUMERIC[Math.max(NUMERIC.indexOf(a), NUMERIC.indexOf(b))];
  return "string";
}

/** The text of a value in formats without lists: lists as JSON (`["DPRK","North Korea"]`), booleans as true/false. */
export function formatFlatValue(value: FlatValue): string {
  if (Array.isArray(value)) return JSON.stringify(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  return String(value);
}

function finite(value: PropValue | undefined): FlatValue | undefined {
  return typeof value === "number" && !Number.isFinite(value) ? undefined : value;
}

const NODE_CORE: ExportColumn<NodeAttributes>[] = [
  { name: "label", type: "string", read: (a) => a.label },
  { name: "short_label", type: "string", read: (a) => a.shortLabel ?? a.label },
  { name: "article", type: "string", read: (a) => a.article },
  { name: "plural", type: "boolean", read: (a) => (a.plural ? true : undefined) },
  { name: "type", type: "string", read: (a) => a.type },
  { name: "aliases", type: "string-list", read: (a) => a.aliases },
  { name: "description", type: "string", read: (a) => a.description },
  { name: "date", type: "string", read: (a) => a.date },
];

const NODE_DISPLAY: ExportColumn<NodeAttributes>[] = [
  { name: "x", type: "double", read: (_a, d) => finite(d?.x) },
  { name: "y", type: "double", read: (_a, d) => finite(d?.y) },
  { name: "size", type: "double", read: (_a, d) => finite(d?.size) },
  { name: "color", type: "string", read: (_a, d) => d?.color },
];

const NODE_PROVENANCE: ExportColumn<NodeAttributes>[] = [
  { name: "sources", type: "string-list", read: (a) => a.sources },
  { name: "outside_knowledge", type: "string-list", read: (a) => a.outsideKnowledge },
];

const EDGE_CORE: ExportColumn<EdgeAttributes>[] = [
  { name: "type", type: "string", read: (a) => a.type },
  { name: "label", type: "string", read: (a) => a.label },
  { name: "sentence", type: "string", read: (a) => a.sentence },
  { name: "claim", type: "string", read: (a) => a.claim },
  { name: "claim_sentence", type: "string", read: (a) => a.claimSentence },
  { name: "claim_size", type: "int", read: (a) => a.claimSize },
  { name: "evidence", type: "string", read: (a) => a.evidence.quote },
  { name: "footnotes", type: "string-list", read: (a) => a.evidence.footnotes },
  { name: "source_doc", type: "string", read: (a) => a.evidence.sourceDoc },
  { name: "date", type: "string", read: (a) => a.date },
  { name: "evidence_start", type: "int", read: (a) => finite(a.evidence.start) },
  { name: "evidence_end", type: "int", read: (a) => finite(a.evidence.end) },
  { name: "outside_knowledge", type: "string-list", read: (a) => a.outsideKnowledge },
];

/** How many nodes or edges the column scan reads between two empty chunks (see `exportColumnSteps`). */
export const COLUMN_SCAN_STEP = 4096;

/** Type-specific attributes: declared ones first (schema order), then any the data holds undeclared. */
function* propColumns<A extends { props: Record<string, PropValue> }>(
  declared: Iterable<{ attributes: Map<string, { kind: AttributeKind }> }>,
  all: Iterable<{ attributes: A } | null>,
  core: readonly ExportColumn<A>[],
): Generator<"", ExportColumn<A>[], undefined> {
  const types = new Map<string, ValueType>();
  const widen = (prop: string, type: ValueType): void => {
    const known = types.get(prop);
    types.set(prop, known === undefined ? type : joinValueTypes(known, type));
  };
  for (const spec of declared) for (const [prop, attribute] of spec.attributes) widen(prop, KIND_TYPES[attribute.kind]);
  // The data may hold values wider than declared (an "integer" beyond 2^31) or props the schema never named:
  // widening the column keeps every value readable instead of writing "1.5" into an int column.
  let seen = 0;
  for (const entry of all) {
    if (entry === null) {
      yield "";
      continue;
    }
    const { attributes } = entry;
    for (const prop in attributes.props) {
      const type = valueTypeOf(attributes.props[prop]);
      if (type !== undefined) widen(prop, type);
    }
    if (++seen % COLUMN_SCAN_STEP === 0) yield "";
  }

  // "id" is taken by the element's own id in the CSV export (id:ID, id): a prop of that name moves aside everywhere.
  const used = new Set(["id", ...core.map((column) => column.name)]);
  const columns: ExportColumn<A>[] = [];
  for (const [prop, type] of types) {
    const base = prop.replace(/[^A-Za-z0-9._-]/g, "_") || "_";
    let name = used.has(base) ? `prop_${base}` : base;
    for (let n = 2; used.has(name); n++) name = `prop_${base}_${n}`;
    used.add(name);
    columns.push({ name, type, read: (attributes) => finite(attributes.props[prop]) });
  }
  return columns;
}

/**
 * Plans the columns of an export: the core attributes every node and edge has (with `x`, `y`, `size`, `color`
 * when a layout is given), then one column per type-specific attribute. An attribute declared by several types
 * is one column; if they declare different kinds the column takes the narrowest type holding all of them
 * (int and double make double; anything else mixed makes string).
 */
export function collectExportColumns(
  graph: RightsGraph,
  schema: Schema,
  withDisplay: boolean,
  only?: ElementFilter,
): ExportColumns {
  return runToEnd(exportColumnSteps(graph, schema, withDisplay, only));
}

/**
 * `collectExportColumns` for a streamed export: the scan of every node's and edge's attributes yields an empty
 * chunk every COLUMN_SCAN_STEP elements, so the writer can let the event loop run before the first real chunk
 * (on a large graph the scan alone would hold the loop for long). With `only`, just the elements it keeps
 * are scanned, so a filtered view has the columns a copy of it would have.
 */
export function* exportColumnSteps(
  graph: RightsGraph,
  schema: Schema,
  withDisplay: boolean,
  only?: ElementFilter,
): Generator<"", ExportColumns, undefined> {
  const nodeCore = [...NODE_CORE, ...(withDisplay ? NODE_DISPLAY : []), ...NODE_PROVENANCE];
  const nodes = exportedNodes(graph, only);
  const nodeProps = yield* propColumns<NodeAttributes>(schema.nodeTypes.values(), nodes, nodeCore);
  const edgeProps = yield* propColumns<EdgeAttributes>(
    schema.edgeTypes.values(),
    exportedEdges(graph, only),
    EDGE_CORE,
  );
  return { node: [...nodeCore, ...nodeProps], edge: [...EDGE_CORE, ...edgeProps] };
}
