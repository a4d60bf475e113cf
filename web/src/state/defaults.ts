// Default state values: an empty selection, everything shown, no path asked.
import { PATH_RULES } from "../api/index.js";
import type { AppState, Filters, PathQuery, SceneState } from "./types.js";

export const DEFAULT_FILTERS: Filters = {
  hiddenNodeTypes: [],
  hiddenEdgeTypes: [],
  hiddenSources: [],
  dateFrom: null,
  dateTo: null,
  hideUndated: false,
  hideUnlinked: false,
  mode: "hide",
  showSuggestions: false,
  showBibliography: false,
};

/** A scene as the first view draws it: every node loaded, none hidden, expanded, pinned or summarised. */
export const EMPTY_SCENE: SceneState = { members: null, hidden: [], expanded: {}, pins: {}, summarised: [] };

export const DEFAULT_PATH_QUERY: Omit<PathQuery, "from" | "to"> = {
  rank: PATH_RULES.rank.default,
  via: [],
  avoid: [],
  maxHops: PATH_RULES.maxHops.default,
  limit: PATH_RULES.limit.default,
  direction: PATH_RULES.direction.default,
  edgeTypes: [],
  throughDocuments: true,
  includeProvenance: false,
};

/** Limits the path finder accepts: the server's own rules, from the web/server contract. */
export const MAX_HOPS_RANGE = PATH_RULES.maxHops;
export const PATH_LIMIT_RANGE = PATH_RULES.limit;

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
    queryText: null,
    queryResult: { status: "idle" },
    scene: EMPTY_SCENE,
    picked: [],
  };
}
