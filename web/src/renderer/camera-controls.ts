// Camera controls: centre on a node, fit a set of nodes, reset, zoom (all animated), the zoom buttons, and the
// camera kept in the state so that permalinks carry it.
import { setCamera } from "../actions/index.js";
import { h } from "../dom/index.js";
import type { CameraView, Store } from "../state/index.js";
import type { Renderer } from "./create-renderer.js";

export interface CanvasControls {
  /** Centre the camera on a node (animated). */
  focusNode(id: string): void;
  /** Move the camera so these nodes fill the view (animated). */
  fitNodes(ids: string[]): void;
  /** Fit the whole graph in view. */
  resetView(): void;
  zoom(factor: number): void;
  /** Jump to a saved camera (a permalink's), without animation. */
  setView(view: CameraView): void;
}

/** Quiet time before a moved camera is written to the state: a drag or an animation is one change, not sixty. */
const CAMERA_SETTLE_MS = 300;

export function cameraControls(renderer: Renderer): CanvasControls {
  const camera = renderer.getCamera();
  return {
    focusNode(id) {
      const data = renderer.getNodeDisplayData(id);
      if (!data) return;
      void camera.animate({ x: data.x, y: data.y, ratio: Math.min(camera.ratio, 0.7) }, { duration: 450 });
    },
    fitNodes(ids) {
      const points = ids.map((id) => renderer.getNodeDisplayData(id)).filter((d) => d !== undefined);
      if (points.length === 0) return;
      const xs = points.map((p) => p.x);
      const ys = points.map((p) => p.y);
      const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      // Display coordinates are normalised so that ratio 1 shows the whole graph.
      const ratio = Math.min(1, Math.max(0.45, Math.max(maxX - minX, maxY - minY) * 1.6));
      void camera.animate({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio }, { duration: 450 });
    },
    resetView() {
      void camera.animatedReset({ duration: 400 });
    },
    zoom(factor) {
      if (factor > 1) void camera.animatedUnzoom({ duration: 250, factor });
      else void camera.animatedZoom({ duration: 250, factor: 1 / factor });
    },
    setView(view) {
      camera.setState(view);
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
