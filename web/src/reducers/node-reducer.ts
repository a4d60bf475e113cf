// Node reducer: the look of a node from the view (filters, path, hover, selection), never touching graph data.
import type { NodeDisplayData } from "sigma/types";
import type { DisplayNodeAttributes } from "../graph/index.js";
import { DIM_NODE_COLOR } from "./colors.js";
import type { View } from "./view.js";

type NodeLook = Partial<NodeDisplayData>;

function dimmed(data: DisplayNodeAttributes): NodeLook {
  return { ...data, color: DIM_NODE_COLOR, label: "", forceLabel: false, highlighted: false, zIndex: 0 };
}

export function nodeReducer(view: View, node: string, data: DisplayNodeAttributes): NodeLook {
  if (!view.visibility.nodes.has(node)) {
    return view.mode === "hide" ? { ...data, hidden: true } : dimmed(data);
  }
  let look: NodeLook = { ...data, zIndex: 1 };
  if (view.path) {
    look = view.path.nodes.has(node) ? { ...look, forceLabel: true, zIndex: 3 } : dimmed(data);
  } else if (view.focus) {
    if (node === view.focus) look = { ...look, highlighted: true, forceLabel: true, zIndex: 3 };
    else if (view.focusNodes.has(node)) look = { ...look, forceLabel: true, zIndex: 2 };
    else look = dimmed(data);
  } else if (view.selectedEdge) {
    look = view.selectedEdgeEnds.has(node) ? { ...look, forceLabel: true, zIndex: 3 } : dimmed(data);
  }
  // A chosen path is shown alone: the selection is highlighted only where it lies on the path.
  const onPath = !view.path || view.path.nodes.has(node);
  if (onPath && (node === view.selectedNode || view.selectedEdgeEnds.has(node))) {
    look = { ...look, color: data.color, label: data.label, highlighted: true, forceLabel: true, zIndex: 3 };
  }
  // Picked nodes stand out whatever else is highlighted: they are what a group action will act on.
  if (view.picked.has(node)) look = { ...look, color: data.color, highlighted: true, forceLabel: true, zIndex: 3 };
  return look;
}
