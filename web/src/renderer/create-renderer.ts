// The sigma renderer: settings in one place, reducers fed by the current view, curved programs for parallel edges.
import { EdgeCurvedArrowProgram } from "@sigma/edge-curve";
import Sigma from "sigma";
import { EdgeArrowProgram } from "sigma/rendering";
import type { Settings } from "sigma/settings";
import type { DisplayEdgeAttributes, DisplayGraph, DisplayNodeAttributes } from "../graph/index.js";
import { edgeReducer, nodeReducer } from "../reducers/index.js";
import type { View } from "../reducers/index.js";
import { drawNodeHover, drawNodeLabel } from "./draw-label.js";

export type Renderer = Sigma<DisplayNodeAttributes, DisplayEdgeAttributes>;

/** Settings of the canvas, apart from the reducers which need the view. */
export const RENDERER_SETTINGS: Partial<Settings<DisplayNodeAttributes, DisplayEdgeAttributes>> = {
  allowInvalidContainer: true,
  enableEdgeEvents: true,
  renderEdgeLabels: false,
  zIndex: true,
  defaultEdgeType: "straight",
  edgeProgramClasses: { straight: EdgeArrowProgram, curved: EdgeCurvedArrowProgram },
  labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  labelSize: 12,
  labelWeight: "500",
  labelDensity: 0.6,
  labelGridCellSize: 150,
  labelRenderedSizeThreshold: 9,
  defaultDrawNodeLabel: drawNodeLabel,
  defaultDrawNodeHover: drawNodeHover,
  minCameraRatio: 0.05,
  maxCameraRatio: 4,
  stagePadding: 40,
};

/** Create the renderer. `getView` is read on every reducer call, so refreshing is enough to show a new state. */
export function createRenderer(container: HTMLElement, graph: DisplayGraph, getView: () => View): Renderer {
  return new Sigma<DisplayNodeAttributes, DisplayEdgeAttributes>(graph, container, {
    ...RENDERER_SETTINGS,
    nodeReducer: (node, data) => nodeReducer(getView(), node, data),
    edgeReducer: (edge, data) => edgeReducer(getView(), edge, data),
  });
}
