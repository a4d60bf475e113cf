// The GraphML writer (DESIGN.md "GraphML export (contract)"), as a generator of string chunks so it can stream.
import type { NodeDisplay } from "../layout";
import type { RightsGraph, Schema } from "../schema";
import { escapeXml } from "./escape-xml";
import { exportedEdges, exportedNodes, writeEach } from "./export-elements";
import { exportColumnSteps, formatFlatValue, type ExportColumn, type ValueType } from "./export-columns";
import { resolveExportOptions, type ExportOptions } from "./export-options";

const GRAPHML_TYPES: Readonly<Record<ValueType, string>> = {
  boolean: "boolean",
  int: "int",
  long: "long",
  double: "double",
  string: "string",
  // GraphML has no lists: they travel as JSON strings.
  "string-list": "string",
};

interface Key<A> {
  id: string;
  column: ExportColumn<A>;
}

function keyElement(id: string, domain: "graph" | "node" | "edge", name: string, type: string): string {
  return `  <key id="${id}" for="${domain}" attr.name="${escapeXml(name)}" attr.type="${type}"/>\n`;
}

function dataElements<A>(keys: Key<A>[], attributes: A, display: NodeDisplay | undefined): string {
  let out = "";
  for (const { id, column } of keys) {
    const value = column.read(attributes, display);
    if (value === undefined) continue;
    out += `      <data key="${id}">${escapeXml(formatFlatValue(value))}</data>\n`;
  }
  return out;
}

/**
 * Writes a graph as GraphML, one chunk per element, so a large export never sits in memory as one string.
 *
 * Keys come first (`n_label`, `n_type`... for nodes, `e_type`, `e_evidence`... for edges, one per
 * type-specific attribute too), then `<graph edgedefault="directed">` with every node, then every edge, each
 * with its own id. Lists are JSON strings, numbers keep their GraphML type, absent values are omitted, and
 * every value is escaped so any string survives a round trip (characters XML cannot carry become U+FFFD).
 *
 * The graph must not change while the chunks are being consumed.
 *
 * @param graph   - the graph to write.
 * @param schema  - declares the type-specific attributes and their kinds.
 * @param options - `display` adds x, y, size and color to every node it holds; `only` writes a filtered view.
 */
export function* graphmlChunks(
  graph: RightsGraph,
  schema: Schema,
  options: ExportOptions = {},
): Generator<string, void, undefined> {
  const { display, only } = resolveExportOptions(options);
  const columns = yield* exportColumnSteps(graph, schema, display !== undefined, only);
  const nodeKeys = columns.node.map((column) => ({ id: `n_${column.name}`, column }));
  const edgeKeys = columns.edge.map((column) => ({ id: `e_${column.name}`, column }));
  const name = graph.getAttribute("name");

  let head = '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n';
  if (typeof name === "string") head += keyElement("g_name", "graph", "name", "string");
  for (const { id, column } of nodeKeys) head += keyElement(id, "node", column.name, GRAPHML_TYPES[column.type]);
  for (const { id, column } of edgeKeys) head += keyElement(id, "edge", column.name, GRAPHML_TYPES[column.type]);
  head += '  <graph edgedefault="directed">\n';
  if (typeof name === "string") head += `    <data key="g_name">${escapeXml(name)}</data>\n`;
  yield head;

  yield* writeEach(exportedNodes(graph, only), ({ node, attributes }) => {
    const data = dataElements(nodeKeys, attributes, display?.get(node));
    return `    <node id="${escapeXml(node)}">\n${data}    </node>\n`;
  });
  yield* writeEach(exportedEdges(graph, only), ({ edge, attributes, source, target }) => {
    const data = dataElements(edgeKeys, attributes, undefined);
    const ids = `id="${escapeXml(edge)}" source="${escapeXml(source)}" target="${escapeXml(target)}"`;
    return `    <edge ${ids}>\n${data}    </edge>\n`;
  });
  yield "  </graph>\n</graphml>\n";
}
