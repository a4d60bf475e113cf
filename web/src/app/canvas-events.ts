// What the pointer does on the canvas: hover highlights and names a relation, click selects, shift-click adds a node
// to the picked ones (or takes it out), a click on the empty stage clears the selection and the picked nodes.
// Dragging, double-clicks and the box are the scene's gestures (scene/gestures.ts).
import { clearSelection, hoverEdge, hoverNode, selectEdge, selectNode } from "../actions/index.js";
import { clearPicked, togglePicked } from "../scene/transitions.js";
import type { AppContext } from "./context.js";
import type { ExplorerPage } from "./page.js";

export function bindCanvasEvents(ctx: AppContext, page: Pick<ExplorerPage, "canvas" | "hoverHint">): void {
  const { graph, renderer, store } = ctx;
  const { canvas: container, hoverHint: hint } = page;
  renderer.on("enterNode", ({ node }) => {
    store.dispatch(hoverNode(node));
    container.classList.add("pointing");
  });
  renderer.on("leaveNode", () => {
    store.dispatch(hoverNode(null));
    container.classList.remove("pointing");
  });
  renderer.on("clickNode", ({ node, event }) => {
    if (event.original.shiftKey) {
      store.dispatch(togglePicked(node));
      return;
    }
    store.dispatch(clearPicked());
    store.dispatch(selectNode(node));
  });
  renderer.on("enterEdge", ({ edge }) => {
    store.dispatch(hoverEdge(edge));
    container.classList.add("pointing");
    hint.textContent = graph.getEdgeAttribute(edge, "sentence");
    hint.classList.add("visible");
  });
  renderer.on("leaveEdge", () => {
    store.dispatch(hoverEdge(null));
    container.classList.remove("pointing");
    hint.classList.remove("visible");
  });
  renderer.on("clickEdge", ({ edge }) => store.dispatch(selectEdge(edge)));
  renderer.on("clickStage", ({ event }) => {
    // A shift-drag box ends with a click on the stage: what it picked stays.
    if (event.original.shiftKey) return;
    store.dispatch(clearPicked());
    store.dispatch(clearSelection());
  });
}
