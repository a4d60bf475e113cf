// Restoring a permalink: keep the parts that still name things in this graph, then one action puts them in the state.
import type { DisplayGraph } from "../graph/index.js";
import type { Action, AppState, PathQuery } from "../state/index.js";
import type { PermalinkState } from "./permalink.js";

/** Keep only the parts of a permalink that still name things in this graph; each part dropped is explained. */
export function validPermalink(
  graph: DisplayGraph,
  decoded: PermalinkState,
): { state: PermalinkState; problems: string[] } {
  const problems: string[] = [];
  const state = { ...decoded };
  if (state.selection) {
    const ok = state.selection.kind === "node" ? graph.hasNode(state.selection.id) : graph.hasEdge(state.selection.id);
    if (!ok) {
      problems.push(
        `The linked ${state.selection.kind === "node" ? "node" : "relation"} “${state.selection.id}” is not in this graph.`,
      );
      state.selection = null;
    }
  }
  if (state.reading && !graph.hasEdge(state.reading.edgeId)) state.reading = null;
  const query = state.pathQuery;
  if (query && [query.from, query.to, ...query.via, ...query.avoid].some((id) => !graph.hasNode(id))) {
    problems.push("The linked path names a node that is not in this graph.");
    state.pathQuery = null;
    state.activePath = null;
  }
  return { state, problems };
}

/** True when the two questions would get the same answer. */
export function samePathQuery(a: PathQuery | null, b: PathQuery | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.from === b.from &&
    a.to === b.to &&
    a.rank === b.rank &&
    a.via.join(",") === b.via.join(",") &&
    a.avoid.join(",") === b.avoid.join(",") &&
    a.maxHops === b.maxHops &&
    a.limit === b.limit &&
    a.direction === b.direction &&
    a.edgeTypes.join(",") === b.edgeTypes.join(",") &&
    a.throughDocuments === b.throughDocuments &&
    a.includeProvenance === b.includeProvenance
  );
}

/**
 * The action of following a (validated) permalink: its selection, quote, filters and camera. A path question the
 * state already holds keeps its answer and takes the link's choice of path; a link without one clears it; a new
 * question is left to runPathQuery, which asks the server (see pathToAsk).
 */
export const restorePermalink =
  (link: PermalinkState): Action =>
  (state): AppState => {
    const next: AppState = {
      ...state,
      selection: link.selection,
      reading: link.reading,
      filters: link.filters,
      camera: link.camera ?? state.camera,
    };
    if (link.pathQuery === null) {
      return state.pathQuery === null
        ? next
        : { ...next, pathQuery: null, pathResult: { status: "idle" }, activePath: null };
    }
    return samePathQuery(link.pathQuery, state.pathQuery) ? { ...next, activePath: link.activePath } : next;
  };

/** The question a permalink asks that the state has not asked yet, or null. */
export function pathToAsk(link: PermalinkState, state: AppState): PathQuery | null {
  return link.pathQuery !== null && !samePathQuery(link.pathQuery, state.pathQuery) ? link.pathQuery : null;
}
