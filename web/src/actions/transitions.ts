// The explorer's actions. Actions are pure state transitions (what Redux calls reducers): each takes what the user
// did and returns a function from the state to the next state, the same object when nothing changes, never
// mutating its input. Effects (asking the server, moving the camera) live outside them and dispatch them. (Our own
// "reducers", in reducers/, are sigma's: they derive the look of a node or edge from the view.)
import type { Action } from "../state/index.js";
import type { CameraView, FilterMode, PathQuery, PathResult, QueryResult } from "../state/index.js";
import { DEFAULT_FILTERS } from "../state/index.js";

function toggled(list: string[], value: string, on?: boolean): string[] {
  const has = list.includes(value);
  const want = on ?? !has;
  if (want === has) return list;
  return want ? [...list, value].sort() : list.filter((item) => item !== value);
}

/** Select a node: the details panel shows it. */
export const selectNode =
  (id: string): Action =>
  (state) =>
    state.selection?.kind === "node" && state.selection.id === id
      ? state
      : { ...state, selection: { kind: "node", id } };

/** Select an edge: the details panel shows the claim and the source reader its quote. */
export const selectEdge =
  (id: string): Action =>
  (state) => ({ ...state, selection: { kind: "edge", id }, reading: { edgeId: id } });

export const clearSelection = (): Action => (state) =>
  state.selection === null && state.reading === null ? state : { ...state, selection: null, reading: null };

export const hoverNode =
  (id: string | null): Action =>
  (state) =>
    state.hoveredNode === id ? state : { ...state, hoveredNode: id };

export const hoverEdge =
  (id: string | null): Action =>
  (state) =>
    state.hoveredEdge === id ? state : { ...state, hoveredEdge: id };

/** A switch over one of the filters' lists of hidden names; `hidden` forces a value, otherwise it flips. */
function toggleIn(list: "hiddenNodeTypes" | "hiddenEdgeTypes" | "hiddenSources") {
  return (name: string, hidden?: boolean): Action =>
    (state) => {
      const next = toggled(state.filters[list], name, hidden);
      return next === state.filters[list] ? state : { ...state, filters: { ...state.filters, [list]: next } };
    };
}

/** Show or hide a node type. */
export const toggleNodeType = toggleIn("hiddenNodeTypes");
/** Show or hide a relation type. */
export const toggleEdgeType = toggleIn("hiddenEdgeTypes");
/** Show or hide the claims of one source (its document id). */
export const toggleSource = toggleIn("hiddenSources");

/** "Only this type": every node type of `present` but `type` is switched off, and `type` on. */
export const onlyNodeType =
  (type: string, present: readonly string[]): Action =>
  (state) => ({
    ...state,
    filters: { ...state.filters, hiddenNodeTypes: present.filter((t) => t !== type).sort() },
  });

/**
 * "Only this relation": every relation type of `present` but `type` is switched off, and the nodes it does not
 * touch go too, so what stays reads as the relation's two sides (recommendations and whom they are addressed to).
 */
export const onlyEdgeType =
  (type: string, present: readonly string[]): Action =>
  (state) => ({
    ...state,
    filters: {
      ...state.filters,
      hiddenEdgeTypes: present.filter((t) => t !== type).sort(),
      hideUnlinked: true,
    },
  });

export const setHideUndated =
  (on: boolean): Action =>
  (state) =>
    state.filters.hideUndated === on ? state : { ...state, filters: { ...state.filters, hideUndated: on } };

export const setHideUnlinked =
  (on: boolean): Action =>
  (state) =>
    state.filters.hideUnlinked === on ? state : { ...state, filters: { ...state.filters, hideUnlinked: on } };

/** Keep only elements dated within [from, to] (months "YYYY-MM"; null leaves that end open). */
export const setDateRange =
  (from: string | null, to: string | null): Action =>
  (state) => {
    if (from && to && from > to) [from, to] = [to, from];
    if (state.filters.dateFrom === from && state.filters.dateTo === to) return state;
    return { ...state, filters: { ...state.filters, dateFrom: from, dateTo: to } };
  };

export const setFilterMode =
  (mode: FilterMode): Action =>
  (state) =>
    state.filters.mode === mode ? state : { ...state, filters: { ...state.filters, mode } };

/** Draw the records a program suggested (not yet reviewed), or leave them out. */
export const setShowSuggestions =
  (show: boolean): Action =>
  (state) =>
    state.filters.showSuggestions === show ? state : { ...state, filters: { ...state.filters, showSuggestions: show } };

/** Draw the bibliography (cited articles, news outlets, journalists), or fold it into the documents citing it. */
export const setShowBibliography =
  (show: boolean): Action =>
  (state) =>
    state.filters.showBibliography === show
      ? state
      : { ...state, filters: { ...state.filters, showBibliography: show } };

/** Every filter back to its default, but the bibliography switch: it says how much to draw, not what to keep. */
export const resetFilters = (): Action => (state) => ({
  ...state,
  filters: { ...DEFAULT_FILTERS, showBibliography: state.filters.showBibliography },
});

/** Ask a path question: the result is loading until setPathResult answers it. */
export const askPaths =
  (query: PathQuery): Action =>
  (state) => ({ ...state, pathQuery: query, pathResult: { status: "loading" }, activePath: null });

/**
 * Ask the current path question again (the server's answers changed: the suggestions switch; the question did not):
 * loading, with the path chosen kept for the new answer to choose again, and no new history entry.
 */
export const reaskPaths = (): Action => (state) =>
  state.pathQuery === null ? state : { ...state, pathResult: { status: "loading" } };

/**
 * Store the answer to the current path question. The first path is chosen unless `activePath` names another one
 * that exists (a permalink restoring its choice).
 */
export const setPathResult =
  (result: PathResult, activePath?: number | null): Action =>
  (state) => {
    let active: number | null = null;
    if (result.status === "found" && result.response.paths.length > 0) {
      const wanted = activePath ?? 0;
      active = wanted >= 0 && wanted < result.response.paths.length ? wanted : 0;
    }
    return { ...state, pathResult: result, activePath: active };
  };

export const choosePath =
  (index: number | null): Action =>
  (state) => {
    if (state.activePath === index) return state;
    if (index !== null) {
      if (state.pathResult.status !== "found") return state;
      if (index < 0 || index >= state.pathResult.response.paths.length) return state;
    }
    return { ...state, activePath: index };
  };

export const clearPath = (): Action => (state) =>
  state.pathQuery === null && state.pathResult.status === "idle"
    ? state
    : { ...state, pathQuery: null, pathResult: { status: "idle" }, activePath: null };

/** Send a Cypher query: the answer is loading until setQueryResult stores it; a chosen path gives way to it. */
export const askQuery =
  (text: string): Action =>
  (state) => ({ ...state, queryText: text, queryResult: { status: "loading" }, activePath: null });

/** Send the current Cypher query again (the server's answers changed): a chosen path keeps its place. */
export const reaskQuery = (): Action => (state) =>
  state.queryText === null ? state : { ...state, queryResult: { status: "loading" } };

export const setQueryResult =
  (result: QueryResult): Action =>
  (state) => ({ ...state, queryResult: result });

export const clearQuery = (): Action => (state) =>
  state.queryText === null && state.queryResult.status === "idle"
    ? state
    : { ...state, queryText: null, queryResult: { status: "idle" } };

/**
 * Open the source reader on an edge's quote, titled with the claim's sentence when it is given. Asking again for the
 * quote already open is a new request, not a no-op: on a narrow window, where the reader is a tab, it brings that tab
 * forward again.
 */
export const showEvidence =
  (edgeId: string, sentence?: string): Action =>
  (state) => ({ ...state, reading: sentence === undefined ? { edgeId } : { edgeId, sentence } });

/** Close the source reader; the selection stays. */
export const clearReading = (): Action => (state) => (state.reading === null ? state : { ...state, reading: null });

export const setCamera =
  (camera: CameraView | null): Action =>
  (state) => ({ ...state, camera });

/** Esc: first drop the selection (and the quote shown), then the highlighted path. */
export const escape = (): Action => (state) => {
  if (state.selection !== null || state.reading !== null) return { ...state, selection: null, reading: null };
  if (state.activePath !== null) return { ...state, activePath: null };
  return state;
};
