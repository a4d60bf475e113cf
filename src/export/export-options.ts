// Options shared by every export format (the settings pattern): what to add on top of the graph's own data, and
// which part of the graph to write.
import { ParameterError } from "../errors";
import type { NodeDisplay } from "../layout";
import type { EdgeAttributes, NodeAttributes } from "../schema";

/**
 * The part of a graph an export writes, as two tests instead of a copy of the graph (a filtered view of a large
 * graph would otherwise be copied whole before its first byte). An edge is written only when both its ends are.
 */
export interface ElementFilter {
  node(id: string, attributes: NodeAttributes): boolean;
  edge(id: string, attributes: EdgeAttributes): boolean;
}

export interface ExportOptions {
  /** Node positions, sizes and colours (from `computeLayout`), written as x, y, size, color when given. */
  display?: Map<string, NodeDisplay>;
  /** Write only the nodes and edges this filter keeps; every one when absent. */
  only?: ElementFilter;
}

/** By default an export holds the graph's data only, no layout. */
export const DEFAULT_EXPORT_OPTIONS: Readonly<ExportOptions> = Object.freeze({});

/** Throws a `ParameterError` when an option has the wrong shape. */
export function validateExportOptions(options: ExportOptions): void {
  if (options.display !== undefined && !(options.display instanceof Map)) {
    throw new ParameterError("display", 'export: option "display" must be a Map from node id to NodeDisplay');
  }
  const only = options.only as Partial<ElementFilter> | undefined;
  if (only !== undefined && (typeof only?.node !== "function" || typeof only?.edge !== "function")) {
    throw new ParameterError("only", 'export: option "only" must have node(id, attributes) and edge(id, attributes)');
  }
}

/** Fills in defaults and validates the result. */
export function resolveExportOptions(options: ExportOptions = {}): ExportOptions {
  const resolved = { ...DEFAULT_EXPORT_OPTIONS, ...options };
  validateExportOptions(resolved);
  return resolved;
}
