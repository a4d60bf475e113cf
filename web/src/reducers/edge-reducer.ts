// Edge reducer: the look of an edge from the view (filters, path, hover, selection), never touching graph data. The
// relations in focus (a chosen path's, a hovered or selected node's, the hovered or selected one) force their label;
// the label layer draws the others' only when zoomed in.
import type { EdgeDisplayData } from "sigma/types";
import type { DisplayEdgeAttributes } from "../graph/index.js";
import { DIM_EDGE_COLOR } from "./colors.js";
import type { View } from "./view.js";

type EdgeLook = Partial<EdgeDisplayData>;

const inFocus = (view: View, edge: string): boolean =>
  Boolean(view.path?.edges.has(edge)) ||
  (!view.path && view.focusEdges.has(edge)) ||
  edge === view.hoveredEdge ||
  edge === view.selectedEdge;

export function edgeReducer(view: View, edge: string, given: DisplayEdgeAttributes): EdgeLook {
  const data: DisplayEdgeAttributes =
    view.plainEdges && given.type === "curved" ? { ...given, type: "straight", curvature: 0 } : given;
  // A claim a large corpus's overview sums up is drawn only in focus: the line between the groups, or the pair's
  // claim drawn, stands for it (dimmed, thousands of them would still be the hairball the overview is there to avoid).
  if (view.visibility.summed.has(edge) && !inFocus(view, edge)) return { ...data, hidden: true };
  if (!view.visibility.edges.has(edge) && !view.visibility.summed.has(edge)) {
    return view.mode === "hide" ? { ...data, hidden: true } : { ...data, color: DIM_EDGE_COLOR, zIndex: 0, label: "" };
  }
  let look: EdgeLook = { ...data, zIndex: 1 };
  if (view.path) {
    look = view.path.edges.has(edge)
      ? { ...look, size: 4, zIndex: 3, forceLabel: true }
      : { ...look, color: DIM_EDGE_COLOR, zIndex: 0, label: "" };
  } else if (view.focus) {
    look = view.focusEdges.has(edge)
      ? { ...look, size: 2.5, zIndex: 2, forceLabel: true }
      : { ...look, color: DIM_EDGE_COLOR, zIndex: 0, label: "" };
  } else if (view.selectedEdge && edge !== view.selectedEdge) {
    look = { ...look, color: DIM_EDGE_COLOR, zIndex: 0, label: "" };
  }
  if (edge === view.hoveredEdge) look = { ...look, color: data.color, size: 3.5, zIndex: 3, forceLabel: true };
  if (edge === view.selectedEdge && (!view.path || view.path.edges.has(edge)))
    look = { ...look, color: data.color, size: 4.5, zIndex: 4, forceLabel: true };
  return look;
}
