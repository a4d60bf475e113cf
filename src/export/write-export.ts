// Writes a graph in any export format to a stream (an HTTP response, a file, stdout).
import type { RightsGraph, Schema } from "../schema";
import { exportChunks } from "./export-chunks";
import type { ExportFormat } from "./export-formats";
import type { ExportOptions } from "./export-options";
import { streamChunks, type ChunkDestination, type StreamChunksOptions, type StreamOutcome } from "./stream-chunks";

/**
 * Exports `graph` in `format` to `out` with backpressure, stopping early if `out` is closed.
 * Set the content type from `EXPORT_FORMATS[format]` before calling.
 *
 * @returns "finished", or "closed" when the destination went away first.
 */
export function writeExport(
  format: ExportFormat,
  graph: RightsGraph,
  schema: Schema,
  out: ChunkDestination,
  options: ExportOptions = {},
  streamOptions: Partial<StreamChunksOptions> = {},
): Promise<StreamOutcome> {
  return streamChunks(exportChunks(format, graph, schema, options), out, streamOptions);
}
