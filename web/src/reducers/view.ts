// The view: everything the reducers need, derived from state and graph once per change, so reducers stay cheap.
import type { DisplayGraph, Visibility } from "../graph/index.js";
import { computeVisibility, DRAWING_LIMITS } from "../graph/index.js";
import type { AppState, FilterMode } from "../state/index.js";

export interface View {
  visibility: Visibility;
  mode: FilterMode;
  /** The node whose neighbourhood is highlighted: the hovered one, else the selected one. */
  focus: string | null;
  focusNodes: Set<string>;
  focusEdges: Set<string>;
  selectedNode: string | null;
  selectedEdge: string | null;
  hoveredEdge: string | null;
  /** Ends of the selected edge, highlighted with it. */
  selectedEdgeEnds: Set<string>;
  /** The chosen path, or else what the query panel's query matched: highlighted alone. */
  path: { nodes: Set<string>; edges: Set<string> } | null;
  /** Nodes picked for a group action (shift-click, box). */
  picked: Set<string>;
  /**
   * Parallel relations drawn straight, one on the other, rather than fanned in curves: with many relations shown
   * (DRAWING_LIMITS) and in a large corpus's overview (a pair of its summarised nodes has one relation drawn).
   */
  plainEdges: boolean;
}

/**
 * The state fields the view is computed from: a change to any of them recomputes the view and redraws the canvas,
 * a change to any other (the camera, the quote being read, the path question before its answer) does not. Kept
 * beside computeView so that the two change together.
 */
export const VIEW_FIELDS = [
  "filters",
  "selection",
  "hoveredNode",
  "hoveredEdge",
  "pathResult",
  "activePath",
  "queryResult",
  "scene",
  "picked",
] as const satisfies readonly (keyof AppState)[];

/** True when a field the view depends on changed between the two states. */
export function viewChanged(state: AppState, previous: AppState): boolean {
  return VIEW_FIELDS.some((field) => state[field] !== previous[field]);
}

/** The chosen path's node and edge ids, or null when no path is chosen. */
export function activePathSets(state: AppState): View["path"] {
  if (state.activePath === null || state.pathResult.status !== "found") return null;
  const path = state.pathResult.response.paths[state.activePath];
  if (!path) return null;
  return { nodes: new Set(path.nodes.map((n) => n.id)), edges: new Set(path.edges.map((e) => e.id)) };
}

/** The nodes and edges the query panel's answer was matched on, or null when there is no answer to show. */
export function matchedSets(state: AppState): View["path"] {
  if (state.queryResult.status !== "answered") return null;
  const { nodes, edges } = state.queryResult.response;
  if (nodes.length === 0 && edges.length === 0) return null;
  return { nodes: new Set(nodes), edges: new Set(edges) };
}

/** Derive the view. `visibility` may be passed in when the filters did not change. */
export function computeView(graph: DisplayGraph, state: AppState, visibility?: Visibility): View {
  const vis = visibility ?? computeVisibility(graph, state.filters, state.scene);
  const selectedNode =
    state.selection?.kind === "node" && graph.hasNode(state.selection.id) ? state.selection.id : null;
  const selectedEdge =
    state.selection?.kind === "edge" && graph.hasEdge(state.selection.id) ? state.selection.id : null;
  const hovered = state.hoveredNode && graph.hasNode(state.hoveredNode) ? state.hoveredNode : null;
  const focus = hovered ?? selectedNode;
  const focusNodes = new Set<string>();
  const focusEdges = new Set<string>();
  if (focus) {
    focusNodes.add(focus);
    graph.forEachEdge(focus, (edge, _a, source, target) => {
      // A claim the overview sums up is drawn for the node in focus.
      if (!vis.edges.has(edge) && !vis.summed.has(edge) && state.filters.mode === "hide") return;
      focusEdges.add(edge);
      focusNodes.add(source);
      focusNodes.add(target);
    });
  }
  return {
    visibility: vis,
    mode: state.filters.mode,
    focus,
    focusNodes,
    focusEdges,
    selectedNode,
    selectedEdge,
    hoveredEdge: state.hoveredEdge && graph.hasEdge(state.hoveredEdge) ? state.hoveredEdge : null,
    selectedEdgeEnds: selectedEdge ? new Set(graph.extremities(selectedEdge)) : new Set(),
    path: activePathSets(state) ?? matchedSets(state),
    picked: new Set(state.picked),
    plainEdges: vis.edges.size > DRAWING_LIMITS.curvedEdges || state.scene.summarised.length > 0,
  };
}
