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
  const captor = renderer.getMouseCaptor();
  const camera = renderer.getCamera();
  // While the button is held (the stage or a node dragged) or the camera glides (inertia, a wheel's zoom), what the
  // pointer passes over is not highlighted: each highlight redraws every shown node and relation, a second each on a
  // software renderer with a full scene, and a pan would flicker. The last change waits for the first frame drawn
  // with the camera still, so the highlight is what the pointer rests on.
  const moving = (): boolean => captor.isMouseDown || camera.isAnimated();
  // The last change held for nodes and for relations, in the order they came.
  const held = new Map<"node" | "edge", () => void>();
  const hover = (kind: "node" | "edge", apply: () => void): void => {
    held.delete(kind);
    if (moving()) held.set(kind, apply);
    else apply();
  };
  const release = (): void => {
    if (held.size === 0 || moving()) return;
    const changes = [...held.values()];
    held.clear();
    for (const apply of changes) apply();
  };
  renderer.on("afterRender", release);
  // A button let go without moving the camera draws no frame.
  captor.on("mouseup", () => requestAnimationFrame(release));

  const hoverNodeNow = (node: string | null): void => {
    store.dispatch(hoverNode(node));
    container.classList.toggle("pointing", node !== null);
  };
  const hoverEdgeNow = (edge: string | null): void => {
    store.dispatch(hoverEdge(edge));
    container.classList.toggle("pointing", edge !== null);
    if (edge !== null) hint.textContent = graph.getEdgeAttribute(edge, "sentence");
    hint.classList.toggle("visible", edge !== null);
  };
  renderer.on("enterNode", ({ node }) => hover("node", () => hoverNodeNow(node)));
  renderer.on("leaveNode", () => hover("node", () => hoverNodeNow(null)));
  renderer.on("clickNode", ({ node, event }) => {
    if (event.original.shiftKey) {
      store.dispatch(togglePicked(node));
      return;
    }
    store.dispatch(clearPicked());
    store.dispatch(selectNode(node));
  });
  renderer.on("enterEdge", ({ edge }) => hover("edge", () => hoverEdgeNow(edge)));
  renderer.on("leaveEdge", () => hover("edge", () => hoverEdgeNow(null)));
  renderer.on("clickEdge", ({ edge }) => store.dispatch(selectEdge(edge)));
  renderer.on("clickStage", ({ event }) => {
    // A shift-drag box ends with a click on the stage: what it picked stays.
    if (event.original.shiftKey) return;
    store.dispatch(clearPicked());
    store.dispatch(clearSelection());
  });
}
