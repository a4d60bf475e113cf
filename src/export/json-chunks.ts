// The JSON export: graphology's own serialisation (what `graph.export()` gives), streamed one element at a time.
import type { RightsGraph } from "../schema";
import { exportedEdges, exportedNodes, writeEach } from "./export-elements";
import { resolveExportOptions, type ExportOptions } from "./export-options";

/**
 * Writes a graph as graphology's serialisation, `{options, attributes, nodes: [{key, attributes}], edges:
 * [{key, source, target, attributes}]}`, which `graph.import()` reads back. With `display`, each node's
 * attributes also hold x, y, size and color, as sigma.js expects; with `only`, just the elements it keeps.
 *
 * The graph must not change while the chunks are being consumed.
 */
export function* jsonChunks(graph: RightsGraph, options: ExportOptions = {}): Generator<string, void, undefined> {
  const { display, only } = resolveExportOptions(options);
  const graphOptions = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  yield `{"options":${JSON.stringify(graphOptions)},"attributes":${JSON.stringify(graph.getAttributes())},"nodes":[`;
  let separator = "";
  yield* writeEach(exportedNodes(graph, only), ({ node, attributes }) => {
    const shown = display?.get(node);
    const merged = shown ? { ...attributes, x: shown.x, y: shown.y, size: shown.size, color: shown.color } : attributes;
    const text = separator + JSON.stringify({ key: node, attributes: merged });
    separator = ",";
    return text;
  });
  yield '],"edges":[';
  separator = "";
  yield* writeEach(exportedEdges(graph, only), ({ edge, attributes, source, target, undirected }) => {
    const serialised = undirected
      ? { key: edge, source, target, attributes, undirected }
      : { key: edge, source, target, attributes };
    const text = separator + JSON.stringify(serialised);
    separator = ",";
    return text;
  });
  yield "]}";
}
