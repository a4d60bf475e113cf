// Camera controls: centre on a node, fit a set of nodes, fit what is shown (the first view and "Reset view"), zoom
// (all animated), the zoom buttons, and the camera kept in the state so that permalinks carry it.
import type { CameraState } from "sigma/types";
import { setCamera } from "../actions/index.js";
import { h } from "../dom/index.js";
import type { CameraView, Store } from "../state/index.js";
import type { Renderer } from "./create-renderer.js";
import { RENDERER_SETTINGS } from "./create-renderer.js";

export interface CanvasControls {
  /** Centre the camera on a node (animated). */
  focusNode(id: string): void;
  /**
   * Move the camera so these nodes fill the view (animated); `closest` is the smallest camera ratio it may take
   * (a few nodes are not blown up unless asked).
   */
  fitNodes(ids: string[], closest?: number): void;
  /** Fit the nodes shown in view (animated): "Reset view". */
  resetView(): void;
  /** Fit the nodes shown in view at once: the first view. */
  fitShown(): void;
  /**
   * Fit the nodes shown again if the camera is still where the last fit of the shown nodes put it (the user has not
   * moved it since): after the filters, the folding or the canvas's size change what is shown or where it goes.
   */
  refitShown(animate: boolean): void;
  zoom(factor: number): void;
  /** Jump to a saved camera (a permalink's), without animation. */
  setView(view: CameraView): void;
  /**
   * The canvas's top is covered this far (in pixels, measured when a fit is made) by the line over it: fits of what
   * is shown leave it clear.
   */
  keepClear(top: () => number): void;
  /** The part of the canvas a fit of what is shown fills (its size in pixels): the canvas less its margins. */
  fitRoom(): { width: number; height: number };
}

/** Quiet time before a moved camera is written to the state: a drag or an animation is one change, not sixty. */
const CAMERA_SETTLE_MS = 300;

/**
 * Room left between the shown nodes' extreme centres and the canvas's edges, in pixels: a node's radius and its
 * label beside it (labels go right or left, so more across than down), and the tools over the canvas's top corners.
 */
const FIT_MARGIN = { x: 72, y: 56 };
/** Room between the line over the canvas and the first labels a fit shows. */
const FIT_GAP = 44;
/** Closest a fit comes: one or two nodes shown are centred, not blown up to fill the canvas. */
const FIT_MIN_RATIO = 0.25;
const FIT_MAX_RATIO = RENDERER_SETTINGS.maxCameraRatio ?? 4;

/** The canvas less its margins, its top covered down to `top` (at most half of it): where a fit puts the nodes. */
function fitBox(
  width: number,
  height: number,
  top: number,
): { clear: number; room: { width: number; height: number } } {
  const clear = Math.max(FIT_MARGIN.y, Math.min(top, height / 2));
  return {
    clear,
    room: { width: Math.max(1, width - 2 * FIT_MARGIN.x), height: Math.max(1, height - clear - FIT_MARGIN.y) },
  };
}

/**
 * The camera that shows these nodes centred, their extent filling the canvas but for the margin. Sigma's camera
 * scales the view by 1/ratio around its centre, so the extent measured at ratio 1 gives the ratio that fits.
 */
export function cameraFitting(
  renderer: Renderer,
  ids: Iterable<string>,
  minRatio = FIT_MIN_RATIO,
  top = FIT_MARGIN.y,
): CameraState | null {
  // Sigma's display data holds graph coordinates until it frames them in place, so positions are read from the graph.
  const graph = renderer.getGraph();
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const id of ids) {
    if (renderer.getNodeDisplayData(id)?.hidden !== false) continue;
    const { x, y } = graph.getNodeAttributes(id);
    [minX, maxX, minY, maxY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y), Math.max(maxY, y)];
  }
  if (minX > maxX) return null;
  // The camera is in sigma's framed coordinates (the graph's box normalised to 0-1).
  const framed = (x: number, y: number): { x: number; y: number } =>
    renderer.viewportToFramedGraph(renderer.graphToViewport({ x, y }));
  const [low, high] = [framed(minX, minY), framed(maxX, maxY)];
  const centre = { x: (low.x + high.x) / 2, y: (low.y + high.y) / 2, angle: 0, ratio: 1 };
  const a = renderer.framedGraphToViewport(low, { cameraState: centre });
  const b = renderer.framedGraphToViewport(high, { cameraState: centre });
  const { width, height } = renderer.getDimensions();
  const { clear, room } = fitBox(width, height, top);
  const ratio = Math.min(
    FIT_MAX_RATIO,
    Math.max(minRatio, Math.abs(b.x - a.x) / room.width, Math.abs(b.y - a.y) / room.height),
  );
  // Centred in the room below the covered top: the camera looks at the point drawn that much above the centre.
  const below = (clear - FIT_MARGIN.y) / 2;
  if (below <= 0) return { ...centre, ratio };
  const moved = renderer.viewportToFramedGraph(
    { x: width / 2, y: height / 2 - below },
    { cameraState: { ...centre, ratio } },
  );
  return { x: moved.x, y: moved.y, angle: 0, ratio };
}

/** The nodes sigma draws now (the reducers hide the filtered ones, or dim them, which still draws them). */
function shownNodes(renderer: Renderer): string[] {
  return renderer.getGraph().filterNodes((id) => renderer.getNodeDisplayData(id)?.hidden === false);
}

function sameCamera(a: CameraState, b: CameraState): boolean {
  const near = (p: number, q: number): boolean => Math.abs(p - q) <= 1e-6 * Math.max(1, Math.abs(p), Math.abs(q));
  return near(a.x, b.x) && near(a.y, b.y) && near(a.ratio, b.ratio) && near(a.angle, b.angle);
}

export function cameraControls(renderer: Renderer): CanvasControls {
  const camera = renderer.getCamera();
  // Where the last fit of the shown nodes put (or is taking) the camera; null once the user has moved it.
  let fitted: CameraState | null = null;
  let fitting = false;
  let covered = (): number => 0;
  const stillFitted = (): boolean =>
    fitted !== null && (fitting ? camera.isAnimated() : sameCamera(camera.getState(), fitted));
  const fitShown = (animate: boolean): void => {
    const target = cameraFitting(renderer, shownNodes(renderer), FIT_MIN_RATIO, covered() + FIT_GAP);
    if (!target) return;
    fitted = target;
    if (!animate && !camera.isAnimated()) {
      camera.setState(target);
      return;
    }
    // A running animation would carry on to its own end: a new one replaces it.
    fitting = true;
    void camera.animate(target, { duration: animate ? 400 : 50 }).then(() => {
      fitting = false;
    });
  };
  return {
    focusNode(id) {
      const data = renderer.getNodeDisplayData(id);
      if (!data) return;
      void camera.animate({ x: data.x, y: data.y, ratio: Math.min(camera.ratio, 0.7) }, { duration: 450 });
    },
    fitNodes(ids, closest = 0.45) {
      // A path of two or three nodes is not blown up: the camera stops where its neighbours still give context.
      const target = cameraFitting(renderer, ids, closest, Math.max(FIT_MARGIN.y, covered() + FIT_GAP));
      if (target) void camera.animate(target, { duration: 450 });
    },
    resetView() {
      fitShown(true);
    },
    fitShown() {
      fitShown(false);
    },
    refitShown(animate) {
      if (stillFitted()) fitShown(animate);
    },
    zoom(factor) {
      if (factor > 1) void camera.animatedUnzoom({ duration: 250, factor });
      else void camera.animatedZoom({ duration: 250, factor: 1 / factor });
    },
    setView(view) {
      camera.setState(view);
    },
    keepClear(top) {
      covered = top;
    },
    fitRoom() {
      const { width, height } = renderer.getDimensions();
      return fitBox(width, height, covered() + FIT_GAP).room;
    },
  };
}

/** The zoom in, zoom out and reset buttons over the canvas. */
export function mountCameraButtons(root: HTMLElement, controls: CanvasControls): void {
  const tool = (text: string, label: string, onClick: () => void): HTMLButtonElement =>
    h("button", {
      class: "tool",
      text,
      attrs: { type: "button", "aria-label": label, title: label },
      on: { click: onClick },
    });
  root.append(
    tool("+", "Zoom in", () => controls.zoom(1 / 1.5)),
    tool("−", "Zoom out", () => controls.zoom(1.5)),
    tool("⤢", "Reset view", () => controls.resetView()),
  );
}

/** Write the camera to the state once it has settled, so the permalink holds what the user sees. */
export function trackCamera(renderer: Renderer, store: Store): void {
  const camera = renderer.getCamera();
  let timer: number | undefined;
  camera.on("updated", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => store.dispatch(setCamera({ ...camera.getState() })), CAMERA_SETTLE_MS);
  });
}
