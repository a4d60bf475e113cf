// The GEXF export as it was made before it streamed: graphology-gexf's writer, fed the same flat attributes. Tests
// hold the streamed writer to this file byte for byte, so what graphology-gexf and NetworkX read stays the same.
import { write } from "graphology-gexf";
import type { EdgeAttributes, NodeAttributes, RightsGraph, Schema } from "../../src/schema";
import {
  collectExportColumns,
  formatFlatValue,
  replaceForbiddenXmlChars,
  type ExportColumn,
  type ExportOptions,
  type FlatValue,
} from "../../src/export";

const NOT_ATTVALUES = new Set(["label", "x", "y", "size", "color"]);
const XML11_LINE_ENDS = /[\u0085\u2028]/g;

function gexfValue(value: FlatValue): string | number | boolean {
  if (typeof value === "number" || typeof value === "boolean") return value;
  return replaceForbiddenXmlChars(formatFlatValue(value));
}

function vizColor(color: string): string | undefined {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  return match
    ? `rgb(${match
        .slice(1)
        .map((hex) => parseInt(hex, 16))
        .join(",")})`
    : undefined;
}

function attvalues<A>(columns: ExportColumn<A>[], attributes: A): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const column of columns) {
    const value = column.read(attributes, undefined);
    if (value !== undefined) out[column.name] = gexfValue(value);
  }
  return out;
}

/** graphology-gexf's GEXF 1.3 of a whole graph (no `only` filter: copy the view first). */
export function referenceGexf(graph: RightsGraph, schema: Schema, options: ExportOptions = {}): string {
  const { display } = options;
  const columns = collectExportColumns(graph, schema, true);
  const nodeColumns = columns.node.filter((column) => !NOT_ATTVALUES.has(column.name));
  const edgeColumns = columns.edge.filter((column) => !NOT_ATTVALUES.has(column.name));
  const gexf = write<NodeAttributes, EdgeAttributes>(graph, {
    version: "1.3",
    formatNode: (id, attributes) => {
      const shown = display?.get(id);
      return {
        label: replaceForbiddenXmlChars(attributes.label),
        attributes: attvalues(nodeColumns, attributes),
        viz: shown && { x: shown.x, y: shown.y, size: shown.size, color: vizColor(shown.color) },
      };
    },
    formatEdge: (_id, attributes) => ({
      label: replaceForbiddenXmlChars(attributes.label),
      attributes: attvalues(edgeColumns, attributes),
    }),
  });
  return gexf.replace(XML11_LINE_ENDS, (char) => `&#${char.charCodeAt(0)};`);
}
