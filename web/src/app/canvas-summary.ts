// The canvas in words, for screen readers (and tests): what it highlights now.
import { pathWalk } from "../api/index.js";
import type { DisplayGraph } from "../graph/index.js";
import { viewChanged } from "../reducers/index.js";
import type { View } from "../reducers/index.js";
import type { Canvas } from "../renderer/index.js";
import type { AppState, Store } from "../state/index.js";

export function canvasSummary(graph: DisplayGraph, state: AppState, view: View): string {
  const labelOf = (id: string): string => (graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id);
  const path =
    state.activePath !== null && state.pathResult.status === "found"
      ? state.pathResult.response.paths[state.activePath]
      : undefined;
  if (path) {
    const walk = pathWalk(
      path.nodes.map((n) => n.label),
      path.steps.map((s) => s.direction),
    );
    return `The canvas highlights path ${state.activePath! + 1}: ${walk}.`;
  }
  if (view.path && state.queryResult.status === "answered") {
    return `The canvas highlights what the query matched: ${view.path.nodes.size} nodes and ${view.path.edges.size} relations.`;
  }
  if (view.selectedNode) {
    return `The canvas highlights ${labelOf(view.selectedNode)} and ${view.focusNodes.size - 1} neighbours.`;
  }
  if (view.selectedEdge) {
    // The claim as the server wrote it, which already ends with its full stop.
    return `The canvas highlights the relation: ${graph.getEdgeAttribute(view.selectedEdge, "sentence")}`;
  }
  const { nodes, edges } = view.visibility;
  return `The canvas shows ${nodes.size} of ${graph.order} nodes and ${edges.size} of ${graph.size} edges.`;
}

/** Keep `element` describing the canvas. Hovering is left out: it is fleeting, and would flood a screen reader. */
export function describeCanvas(element: HTMLElement, graph: DisplayGraph, store: Store, canvas: Canvas): void {
  element.textContent = canvasSummary(graph, store.get(), canvas.view());
  store.subscribe((state, previous) => {
    const hovered = state.hoveredNode !== previous.hoveredNode || state.hoveredEdge !== previous.hoveredEdge;
    if (viewChanged(state, previous) && !hovered) element.textContent = canvasSummary(graph, state, canvas.view());
  });
}
