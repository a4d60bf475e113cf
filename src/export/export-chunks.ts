// One entry point for every format: the chunks of an export, ready for `streamChunks`.
import type { RightsGraph, Schema } from "../schema";
import { csvZip } from "./csv-zip";
import type { ExportFormat } from "./export-formats";
import type { ExportOptions } from "./export-options";
import { gexfString } from "./gexf-string";
import { graphmlChunks } from "./graphml-chunks";
import { jsonChunks } from "./json-chunks";

const SLICE = 64 * 1024;

// Slices never end between the two halves of a surrogate pair: each chunk is encoded to UTF-8 on its own,
// and a lone half would turn into U+FFFD.
function* slices(text: string): Generator<string, void, undefined> {
  for (let start = 0; start < text.length;) {
    let end = Math.min(start + SLICE, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    yield text.slice(start, end);
    start = end;
  }
}

/**
 * The chunks of a graph exported in `format`: text chunks for graphml, gexf and json, a single zip for csv.
 * Lazy: nothing is computed before the first chunk is asked for.
 */
export function* exportChunks(
  format: ExportFormat,
  graph: RightsGraph,
  schema: Schema,
  options: ExportOptions = {},
): Generator<string | Uint8Array, void, undefined> {
  switch (format) {
    case "graphml":
      yield* graphmlChunks(graph, schema, options);
      return;
    case "gexf":
      yield* slices(gexfString(graph, schema, options));
      return;
    case "json":
      yield* jsonChunks(graph, options);
      return;
    case "csv":
      yield csvZip(graph, schema, options);
      return;
  }
}
