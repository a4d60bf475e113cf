// Export links: the whole graph, the filtered view, or the current path result, through GET /api/export.
import { EXPORT_FORMAT_NAMES, withInclude } from "../../api/index.js";
import type { ExportFormat, ExportRequest, ViewFilterRequest } from "../../api/index.js";
import { lastDayOfMonth } from "../../graph/index.js";
import type { Filters, PathQuery } from "../../state/index.js";
import { pathParams } from "../../actions/index.js";

export type ExportScope = "all" | "view" | "path";

const LOOK: Record<ExportFormat, { label: string; extension: string }> = {
  graphml: { label: "GraphML", extension: "graphml" },
  gexf: { label: "GEXF", extension: "gexf" },
  json: { label: "JSON", extension: "json" },
  csv: { label: "CSV (zip)", extension: "zip" },
};

/** The formats the server offers, with the name and file extension the panel shows for each. */
export const EXPORT_FORMATS = EXPORT_FORMAT_NAMES.map((format) => ({ format, ...LOOK[format] }));

export interface ExportContext {
  filters: Filters;
  pathQuery: PathQuery | null;
  /** The path highlighted (0-based), exported alone; null exports every path found. */
  activePath: number | null;
  /** Every node and edge type of the schema, so hidden types can be turned into the list of kept ones. */
  nodeTypes: string[];
  edgeTypes: string[];
}

/** The filter parameters of the current view; empty when nothing is filtered. */
export function viewParams(ctx: ExportContext): ViewFilterRequest {
  const params: ViewFilterRequest = {};
  const { filters } = ctx;
  if (filters.hiddenNodeTypes.length) {
    params.nodeTypes = ctx.nodeTypes.filter((t) => !filters.hiddenNodeTypes.includes(t));
  }
  if (filters.hiddenEdgeTypes.length) {
    params.edgeTypes = ctx.edgeTypes.filter((t) => !filters.hiddenEdgeTypes.includes(t));
  }
  if (filters.dateFrom) params.dateFrom = `${filters.dateFrom}-01`;
  if (filters.dateTo) params.dateTo = lastDayOfMonth(filters.dateTo);
  return params;
}

/**
 * The filters the server's view export cannot express yet (it filters each element on its own, and these look at a
 * claim's neighbours, its source, or a node's part in the bibliography), named as the filters panel names them; the
 * file is wider than the screen when any is on. `hasBibliography` says whether the graph has a bibliography to fold.
 */
export function screenOnlyFilters(filters: Filters, hasBibliography = false): string[] {
  return [
    filters.hideUndated && "Hide undated",
    filters.hideUnlinked && "Hide nodes without a relation shown",
    filters.hiddenSources.length > 0 && "Sources",
    hasBibliography && !filters.showBibliography && "the folded bibliography",
  ].filter((name): name is string => typeof name === "string");
}

/**
 * The URL of an export, or null when the scope has nothing to export (no path asked yet). Each holds the suggested
 * records exactly when the canvas shows them, as the path answer on screen was asked, so its path N is the export's.
 */
export function exportUrl(format: ExportFormat, scope: ExportScope, ctx: ExportContext): string | null {
  let request: ExportRequest = { format };
  if (scope === "view") request = { format, ...viewParams(ctx) };
  if (scope === "path") {
    if (!ctx.pathQuery) return null;
    const chosen = ctx.activePath === null ? {} : { path: ctx.activePath + 1 };
    request = { format, ...pathParams(ctx.pathQuery), ...chosen };
  }
  return withInclude("/api/export", request);
}
