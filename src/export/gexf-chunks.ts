// The GEXF writer (GEXF 1.3, Gephi's format), as a generator of string chunks so it can stream. It writes the
// file graphology-gexf's writer made before, byte for byte (a test holds the two together), without building it
// whole in memory first.
import type { EdgeAttributes, NodeAttributes, RightsGraph, Schema } from "../schema";
import { replaceForbiddenXmlChars } from "./escape-xml";
import {
  COLUMN_SCAN_STEP,
  exportColumnSteps,
  formatFlatValue,
  type ExportColumn,
  type FlatValue,
} from "./export-columns";
import { exportedEdges, exportedNodes, writeEach } from "./export-elements";
import { resolveExportOptions, type ExportOptions } from "./export-options";

// These travel outside <attvalues>: label as the element's label, the rest as viz:position, viz:size, viz:color.
const NOT_ATTVALUES = new Set(["label", "x", "y", "size", "color"]);

/** An attribute's type in the GEXF model, inferred from its values as graphology-gexf infers it. */
type GexfType = "string" | "double" | "integer" | "boolean";

// When an attribute's values differ in type, the lowest rank wins (graphology-gexf's priorities).
const TYPE_RANK: Readonly<Record<GexfType, number>> = { string: 0, double: 1, integer: 2, boolean: 3 };

// Attribute values: markup characters and quotes as entities, tab/LF/CR as character references (a literal one
// would be normalised to a space), and NEL and LINE SEPARATOR as character references too: xmldom (graphology-gexf's
// reader) takes those for XML 1.1 line ends and turns them into spaces.
const ATTRIBUTE_SPECIAL = /[&<"\t\n\r\u0085\u2028]/g;
const TEXT_SPECIAL = /[&<>\u0085\u2028]/g;
const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\t": "&#x9;",
  "\n": "&#xA;",
  "\r": "&#xD;",
  "\u0085": "&#133;",
  "\u2028": "&#8232;",
};

const attribute = (text: string): string => text.replace(ATTRIBUTE_SPECIAL, (char) => ENTITIES[char]!);
const text = (content: string): string => content.replace(TEXT_SPECIAL, (char) => ENTITIES[char]!);

/** The value an attvalue carries: numbers and booleans as they are, text with XML's forbidden characters replaced. */
function gexfValue(value: FlatValue): string | number | boolean {
  if (typeof value === "number" || typeof value === "boolean") return value;
  return replaceForbiddenXmlChars(formatFlatValue(value));
}

/** The type a value gives its attribute, or null for a value left out (absent, empty text, NaN). */
function gexfTypeOf(value: FlatValue | undefined): GexfType | null {
  if (value === undefined) return null;
  if (Array.isArray(value)) return "string";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return null;
    return value === (value | 0) ? "integer" : "double";
  }
  return value === "" ? null : "string";
}

/** The attributes a model declares, in the order their first value appears, each with the type of all its values. */
function* inferModel<A>(
  entries: Iterable<{ attributes: A } | null>,
  columns: ExportColumn<A>[],
): Generator<"", Map<string, GexfType>, undefined> {
  const model = new Map<string, GexfType>();
  let seen = 0;
  for (const entry of entries) {
    if (entry !== null) {
      for (const column of columns) {
        const type = gexfTypeOf(column.read(entry.attributes, undefined));
        if (type === null) continue;
        const known = model.get(column.name);
        if (known === undefined || TYPE_RANK[type] < TYPE_RANK[known]) model.set(column.name, type);
      }
    }
    if (entry === null || ++seen % COLUMN_SCAN_STEP === 0) yield "";
  }
  return model;
}

function modelElement(model: Map<string, GexfType>, kind: "node" | "edge"): string {
  if (model.size === 0) return "";
  let out = `\n    <attributes class="${kind}">`;
  for (const [name, type] of model) {
    out += `\n      <attribute id="${attribute(name)}" title="${attribute(name)}" type="${type}"/>`;
  }
  return `${out}\n    </attributes>`;
}

/** `<attvalues>` of one element: its values in model order; empty text and absent values are left out. */
function attvalues<A>(model: Map<string, GexfType>, columns: Map<string, ExportColumn<A>>, attributes: A): string {
  if (model.size === 0) return "";
  let out = "";
  for (const name of model.keys()) {
    const value = columns.get(name)!.read(attributes, undefined);
    if (gexfTypeOf(value) === null) continue;
    out += `\n          <attvalue for="${attribute(name)}" value="${attribute(String(gexfValue(value!)))}"/>`;
  }
  return out === "" ? "\n        <attvalues/>" : `\n        <attvalues>${out}\n        </attvalues>`;
}

// viz:color as r, g, b attributes: NetworkX (and older Gephi) cannot read GEXF 1.3's hex form.
function vizColor(color: string): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!match) return "";
  const [r, g, b] = match.slice(1).map((hex) => parseInt(hex, 16));
  return `\n        <viz:color r="${r}" g="${g}" b="${b}"/>`;
}

/** One element: the open tag with its XML attributes, then its children, closed on its own when it has none. */
function element(tag: "node" | "edge", head: string, children: string): string {
  return children === "" ? `\n      <${tag} ${head}/>` : `\n      <${tag} ${head}>${children}\n      </${tag}>`;
}

function labelAttribute(label: string): string {
  const clean = replaceForbiddenXmlChars(label);
  return clean === "" ? "" : ` label="${attribute(clean)}"`;
}

/** `<meta>` from the graph's scalar attributes, each as an element named after it (graphology-gexf's way). */
function metaElement(attributes: Record<string, unknown>): string {
  let head = "";
  let children = "";
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "lastModifiedDate") {
      if (value) head = ` lastmodifieddate="${attribute(String(value))}"`;
      continue;
    }
    const tag = name.replace(/["'<>&\s]/g, "").trim();
    if (tag === "" || !["string", "number", "boolean"].includes(typeof value)) continue;
    children += `\n    <${tag}>${text(String(value))}</${tag}>`;
  }
  return children === "" ? `\n  <meta${head}/>` : `\n  <meta${head}>${children}\n  </meta>`;
}

/** The list element around streamed children: `<nodes/>` when there is none, since that is only known at the end. */
function* listElement(tag: "nodes" | "edges", children: Iterable<string>): Generator<string, void, undefined> {
  let open = false;
  for (const child of children) {
    if (child !== "" && !open) {
      open = true;
      yield `\n    <${tag}>${child}`;
    } else yield child;
  }
  yield open ? `\n    </${tag}>` : `\n    <${tag}/>`;
}

/**
 * Writes a graph as GEXF 1.3 (Gephi's format), one chunk per element, so a large export never sits in memory as
 * one string. Attribute types are inferred from the values in a first pass (empty strings are left out, as
 * graphology-gexf does), then the nodes and edges are written.
 *
 * Node and edge labels become the elements' labels; every other attribute is an attvalue with the same name and
 * value as in the GraphML export (lists as JSON strings); `display` becomes viz:position, viz:size and
 * viz:color (as r, g, b). Characters XML cannot carry become U+FFFD.
 *
 * The graph must not change while the chunks are being consumed.
 *
 * @param graph   - the graph to write.
 * @param schema  - declares the type-specific attributes.
 * @param options - `display` adds the layout; `only` writes a filtered view.
 */
export function* gexfChunks(
  graph: RightsGraph,
  schema: Schema,
  options: ExportOptions = {},
): Generator<string, void, undefined> {
  const { display, only } = resolveExportOptions(options);
  // Planned with display columns so that a type-specific attribute called "x" or "size" is renamed, not lost.
  const columns = yield* exportColumnSteps(graph, schema, true, only);
  const nodeColumns = columns.node.filter((column) => !NOT_ATTVALUES.has(column.name));
  const edgeColumns = columns.edge.filter((column) => !NOT_ATTVALUES.has(column.name));
  const nodeModel = yield* inferModel<NodeAttributes>(exportedNodes(graph, only), nodeColumns);
  const edgeModel = yield* inferModel<EdgeAttributes>(exportedEdges(graph, only), edgeColumns);
  const nodeColumnByName = new Map(nodeColumns.map((column) => [column.name, column]));
  const edgeColumnByName = new Map(edgeColumns.map((column) => [column.name, column]));

  yield (
    '<?xml version="1.0" encoding="UTF-8"?>\n<gexf version="1.3" xmlns="http://gexf.net/1.3"' +
    ' xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
    ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">' +
    metaElement(graph.getAttributes() as unknown as Record<string, unknown>) +
    '\n  <graph defaultedgetype="directed">' +
    modelElement(nodeModel, "node") +
    modelElement(edgeModel, "edge")
  );

  const nodes = writeEach(exportedNodes(graph, only), ({ node, attributes }) => {
    let children = attvalues(nodeModel, nodeColumnByName, attributes);
    const shown = display?.get(node);
    if (shown) {
      children +=
        vizColor(shown.color) +
        `\n        <viz:size value="${shown.size}"/>` +
        `\n        <viz:position x="${shown.x}" y="${shown.y}"/>`;
    }
    return element("node", `id="${attribute(node)}"${labelAttribute(attributes.label)}`, children);
  });
  yield* listElement("nodes", nodes);

  const edges = writeEach(exportedEdges(graph, only), ({ edge, attributes, source, target, undirected }) => {
    const ends = `${undirected ? ' type="undirected"' : ""} source="${attribute(source)}" target="${attribute(target)}"`;
    const head = `id="${attribute(edge)}"${ends}${labelAttribute(attributes.label)}`;
    return element("edge", head, attvalues(edgeModel, edgeColumnByName, attributes));
  });
  yield* listElement("edges", edges);
  yield "\n  </graph>\n</gexf>";
}

/** The whole GEXF file as one string (`gexfChunks` joined), for callers that want it in memory. */
export function gexfString(graph: RightsGraph, schema: Schema, options: ExportOptions = {}): string {
  return [...gexfChunks(graph, schema, options)].join("");
}
