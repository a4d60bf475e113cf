// Export links: the whole graph, the filtered view, or the current path result, through GET /api/export.
import { lastDayOfMonth } from "../../graph/index.js";
import type { Filters, PathQuery } from "../../state/index.js";
import { pathParams } from "../path-finder/path-params.js";

export type ExportFormat = "graphml" | "gexf" | "json" | "csv";
export type ExportScope = "all" | "view" | "path";

export const EXPORT_FORMATS: { format: ExportFormat; label: string; extension: string }[] = [
  { format: "graphml", label: "GraphML", extension: "graphml" },
  { format: "gexf", label: "GEXF", extension: "gexf" },
  { format: "json", label: "JSON", extension: "json" },
  { format: "csv", label: "CSV (zip)", extension: "zip" },
];

export interface ExportContext {
  filters: Filters;
  pathQuery: PathQuery | null;
  /** Every node and edge type of the schema, so hidden types can be turned into the list of kept ones. */
  nodeTypes: string[];
  edgeTypes: string[];
}

/** The filter parameters of the current view; empty when nothing is filtered. */
export function viewParams(ctx: ExportContext): Record<string, string> {
  const params: Record<string, string> = {};
  const { filters } = ctx;
  if (filters.hiddenNodeTypes.length) {
    params.nodeTypes = ctx.nodeTypes.filter((t) => !filters.hiddenNodeTypes.includes(t)).join(",");
  }
  if (filters.hiddenEdgeTypes.length) {
    params.edgeTypes = ctx.edgeTypes.filter((t) => !filters.hiddenEdgeTypes.includes(t)).join(",");
  }
  if (filters.dateFrom) params.dateFrom = `${filters.dateFrom}-01`;
  if (filters.dateTo) params.dateTo = lastDayOfMonth(filters.dateTo);
  return params;
}

/** The URL of an export, or null when the scope has nothing to export (no path asked yet). */
export function exportUrl(format: ExportFormat, scope: ExportScope, ctx: ExportContext): string | null {
  let params: Record<string, string> = {};
  if (scope === "view") params = viewParams(ctx);
  if (scope === "path") {
    if (!ctx.pathQuery) return null;
    params = pathParams(ctx.pathQuery);
  }
  const search = new URLSearchParams({ format, ...params });
  return `/api/export?${search.toString()}`;
}
