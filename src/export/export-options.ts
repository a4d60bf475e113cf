// Options shared by every export format (the settings pattern): what to add on top of the graph's own data.
import { ParameterError } from "../errors";
import type { NodeDisplay } from "../layout";

export interface ExportOptions {
  /** Node positions, sizes and colours (from `computeLayout`), written as x, y, size, color when given. */
  display?: Map<string, NodeDisplay>;
}

/** By default an export holds the graph's data only, no layout. */
export const DEFAULT_EXPORT_OPTIONS: Readonly<ExportOptions> = Object.freeze({});

/** Throws a `ParameterError` when an option has the wrong shape. */
export function validateExportOptions(options: ExportOptions): void {
  if (options.display !== undefined && !(options.display instanceof Map)) {
    throw new ParameterError("display", 'export: option "display" must be a Map from node id to NodeDisplay');
  }
}

/** Fills in defaults and validates the result. */
export function resolveExportOptions(options: ExportOptions = {}): ExportOptions {
  const resolved = { ...DEFAULT_EXPORT_OPTIONS, ...options };
  validateExportOptions(resolved);
  return resolved;
}
