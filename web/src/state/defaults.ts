// Default state values: an empty selection, everything shown, no path asked.
import type { AppState, Filters, PathQuery } from "./types.js";

export const DEFAULT_FILTERS: Filters = {
  hiddenNodeTypes: [],
  hiddenEdgeTypes: [],
  dateFrom: null,
  dateTo: null,
  mode: "hide",
};

export const DEFAULT_PATH_QUERY: Omit<PathQuery, "from" | "to"> = {
  maxHops: 4,
  limit: 5,
  direction: "any",
  edgeTypes: [],
  throughDocuments: true,
  includeProvenance: false,
};

/** Limits the path finder accepts (the API rejects more than 8 hops). */
export const MAX_HOPS_RANGE = { min: 1, max: 8 } as const;
export const PATH_LIMIT_RANGE = { min: 1, max: 20 } as const;

export function initialState(): AppState {
  return {
    selection: null,
    hoveredNode: null,
    hoveredEdge: null,
    filters: { ...DEFAULT_FILTERS },
    pathQuery: null,
    pathResult: { status: "idle" },
    activePath: null,
    reading: null,
    camera: null,
  };
}
