// One entry point for every format: the chunks of an export, ready for `streamChunks`.
import type { RightsGraph, Schema } from "../schema";
import { csvZipChunks } from "./csv-zip";
import type { ExportFormat } from "./export-formats";
import type { ExportOptions } from "./export-options";
import { gexfChunks } from "./gexf-chunks";
import { graphmlChunks } from "./graphml-chunks";
import { jsonChunks } from "./json-chunks";
import type { Chunks } from "./stream-chunks";

/**
 * The chunks of a graph exported in `format`: text for graphml, gexf and json, bytes of the zip for csv (with
 * empty text chunks where the writer pauses; the zip's come asynchronously, as zlib compresses them). Lazy: nothing is computed before the first chunk is asked for,
 * and every format is written as it goes, never built whole first.
 */
export function exportChunks(
  format: ExportFormat,
  graph: RightsGraph,
  schema: Schema,
  options: ExportOptions = {},
): Chunks {
  switch (format) {
    case "graphml":
      return graphmlChunks(graph, schema, options);
    case "gexf":
      return gexfChunks(graph, schema, options);
    case "json":
      return jsonChunks(graph, options);
    case "csv":
      return csvZipChunks(graph, schema, options);
  }
}
