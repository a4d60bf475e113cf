// What the pointer does on the canvas: hover highlights and names a relation, click selects, a click on the empty
// stage clears the selection.
import { clearSelection, hoverEdge, hoverNode, selectEdge, selectNode } from "../actions/index.js";
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
  renderer.on("clickNode", ({ node }) => store.dispatch(selectNode(node)));
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
  renderer.on("clickStage", () => store.dispatch(clearSelection()));
}
