// The GEXF writer: graphology-gexf's, fed flat attributes (lists as JSON strings) and the layout as viz data.
import { write } from "graphology-gexf";
import type { EdgeAttributes, NodeAttributes, RightsGraph, Schema } from "../schema";
import { replaceForbiddenXmlChars } from "./escape-xml";
import { collectExportColumns, formatFlatValue, type ExportColumn, type FlatValue } from "./export-columns";
import { resolveExportOptions, type ExportOptions } from "./export-options";

// These travel outside <attvalues>: label as the element's label, the rest as viz:position, viz:size, viz:color.
const NOT_ATTVALUES = new Set(["label", "x", "y", "size", "color"]);

// graphology-gexf escapes markup but writes characters XML cannot carry as they are: replace them first.
function gexfValue(value: FlatValue): string | number | boolean {
  if (typeof value === "number" || typeof value === "boolean") return value;
  return replaceForbiddenXmlChars(formatFlatValue(value));
}

// graphology-gexf's writer escapes tab, CR and LF but writes NEL (U+0085) and LINE SEPARATOR (U+2028) as they
// are, and xmldom (graphology-gexf's reader) takes those for XML 1.1 line ends and turns them into spaces.
// Character references survive every reader; the writer puts no CDATA or comments where they would show.
const XML11_LINE_ENDS = /[\u0085\u2028]/g;

// viz:color as r, g, b attributes: NetworkX (and older Gephi) cannot read GEXF 1.3's hex form.
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

/**
 * Writes a graph as GEXF 1.3 (Gephi's format), as one string.
 *
 * Node and edge labels become the elements' labels; every other attribute is an attvalue with the same name and
 * value as in the GraphML export (lists as JSON strings); `display` becomes viz:position, viz:size and
 * viz:color (as r, g, b). graphology-gexf infers attribute types from the values and skips empty strings.
 *
 * @param graph   - the graph to write.
 * @param schema  - declares the type-specific attributes.
 * @param options - `display` adds the layout.
 */
export function gexfString(graph: RightsGraph, schema: Schema, options: ExportOptions = {}): string {
  const { display } = resolveExportOptions(options);
  // Planned with display columns so that a type-specific attribute called "x" or "size" is renamed, not lost.
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
