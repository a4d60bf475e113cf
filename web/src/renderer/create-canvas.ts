// The canvas: the sigma renderer drawing the current view, recomputed and redrawn when a field it depends on changes.
import { computeVisibility, DRAWING_LIMITS } from "../graph/index.js";
import type { DisplayGraph, Visibility } from "../graph/index.js";
import { computeView, viewChanged } from "../reducers/index.js";
import type { View } from "../reducers/index.js";
import type { Store } from "../state/index.js";
import type { CanvasControls } from "./camera-controls.js";
import { createRenderer } from "./create-renderer.js";
import type { Renderer } from "./create-renderer.js";

export interface Canvas {
  renderer: Renderer;
  /** The view the reducers draw now. */
  view(): View;
  /** The nodes and edges that pass the current filters. */
  visibility(): Visibility;
}

/**
 * Create the renderer and keep it in step with the store. Subscribe this before anything that reads the view (the
 * panels, the path fitting): the store calls listeners in the order they subscribed.
 */
export function createCanvas(container: HTMLElement, graph: DisplayGraph, store: Store): Canvas {
  let visibility = computeVisibility(graph, store.get().filters, store.get().scene);
  let view = computeView(graph, store.get(), visibility);
  const renderer = createRenderer(container, graph, () => view);
  lightenMoves(renderer, visibility);
  store.subscribe((state, previous) => {
    if (state.filters !== previous.filters || state.scene !== previous.scene) {
      visibility = computeVisibility(graph, state.filters, state.scene);
      lightenMoves(renderer, visibility);
    }
    if (!viewChanged(state, previous)) return;
    const before = view;
    view = computeView(graph, state, visibility);
    // While what passes the filters is the same, an element they leave out looks the same whatever is hovered,
    // selected or chosen (the reducers' first test): only the shown ones, and the summed-up claims in focus before or
    // now, are run through the reducers again. On a large corpus's overview the others are thousands, and a hover
    // (the first pointer move of every drag) ran them all. The programs are still refilled (no skipIndexation):
    // focus changes the zIndex order.
    if (before.visibility === view.visibility) renderer.refresh({ partialGraph: lookMayChange(before, view) });
    else renderer.refresh();
  });
  // Sigma follows the window's size only; the container also changes with the splitter, the timeline and the panels
  // mounted after it, and a canvas of the old size would draw the graph off centre and miss the pointer.
  const resized = new ResizeObserver(() => renderer.scheduleRefresh());
  resized.observe(container);
  renderer.on("kill", () => resized.disconnect());
  return { renderer, view: () => view, visibility: () => visibility };
}

/** The nodes and relations whose look may differ between two views drawn with the same visibility. */
function lookMayChange(before: View, now: View): { nodes: string[]; edges: string[] } {
  const { nodes, edges, summed } = now.visibility;
  const inFocus = new Set<string>();
  for (const view of [before, now]) {
    for (const edge of [...(view.path?.edges ?? []), ...view.focusEdges, view.hoveredEdge, view.selectedEdge]) {
      if (edge !== null && summed.has(edge)) inFocus.add(edge);
    }
  }
  return { nodes: [...nodes], edges: [...edges, ...inFocus] };
}

/**
 * Set sigma to leave the relations (and labels) out of the frames drawn while the camera moves when so many are
 * shown (DRAWING_LIMITS), and to draw them again when it stops; below that nothing changes while moving.
 */
function lightenMoves(renderer: Renderer, visibility: Visibility): void {
  const edges = visibility.edges.size > DRAWING_LIMITS.edgesWhileMoving;
  const labels = visibility.nodes.size > DRAWING_LIMITS.labelsWhileMoving;
  if (renderer.getSetting("hideEdgesOnMove") !== edges) renderer.setSetting("hideEdgesOnMove", edges);
  if (renderer.getSetting("hideLabelsOnMove") !== labels) renderer.setSetting("hideLabelsOnMove", labels);
}

/**
 * Fit the chosen path into view whenever a path is chosen or answered. `keepFirst` leaves the camera where a
 * permalink put it for the first path shown: the link's own camera wins over fitting the path it restores.
 */
export function fitChosenPath(
  store: Store,
  canvas: Canvas,
  fitNodes: (ids: string[]) => void,
  keepFirst: boolean,
): void {
  let keep = keepFirst;
  store.subscribe((state, previous) => {
    if (state.activePath === previous.activePath && state.pathResult === previous.pathResult) return;
    const path = canvas.view().path;
    if (!path) return;
    if (keep) keep = false;
    else fitNodes([...path.nodes]);
  });
}

/**
 * Keep what is shown fitted while the user has not moved the camera: filters and folding change the shown nodes
 * (animated, so the eye follows), the panels mounted after the canvas and the splitter change its size (at once).
 */
export function followShown(store: Store, canvas: Canvas, controls: CanvasControls): void {
  // What is shown, not the scene: a pin moves one node (and must not move the camera under the pointer).
  let shown = canvas.visibility().nodes;
  store.subscribe(() => {
    const now = canvas.visibility().nodes;
    if (now === shown) return;
    const changed = now.size !== shown.size || [...now].some((id) => !shown.has(id));
    shown = now;
    if (changed) controls.refitShown(true);
  });
  const container = canvas.renderer.getContainer();
  const resized = new ResizeObserver(() => {
    canvas.renderer.resize();
    controls.refitShown(false);
  });
  resized.observe(container);
  canvas.renderer.on("kill", () => resized.disconnect());
}
