// The sigma renderer: settings in one place, reducers fed by the current view, edge programs by line style (straight,
// curved for parallel edges, dashed and dotted by family, all with visible arrowheads), and the label layer.
import { createEdgeCurveProgram } from "@sigma/edge-curve";
import Sigma from "sigma";
import { createEdgeArrowProgram } from "sigma/rendering";
import type { Settings } from "sigma/settings";
import type { DisplayEdgeAttributes, DisplayGraph, DisplayNodeAttributes } from "../graph/index.js";
import { edgeReducer, nodeReducer } from "../reducers/index.js";
import type { View } from "../reducers/index.js";
import { ARROW_HEAD, createDashedArrowProgram, DASHED, DOTTED } from "./dashed-edge-program.js";
import { drawNodeHover } from "./draw-label.js";
import { HIDDEN_EDGE_TYPE, hiddenEdgeProgram } from "./hidden-edge-program.js";
import { idleWhenBlank, type BlankLayerCounts } from "./idle-blank-layers.js";
import { createLabelLayer } from "./label-layer.js";
import type { LabelLayer, Rect } from "./label-layer.js";

export type Renderer = Sigma<DisplayNodeAttributes, DisplayEdgeAttributes>;

/** Node types whose nodes act (states, bodies, people...), as opposed to what they act on or in. */
const ACTOR_TYPES = new Set(["state", "igo", "un-body", "un-office", "person", "organisation", "group", "court"]);

/**
 * Places every label of every renderer the explorer starts (the canvas's, and the one a PNG is drawn with). The
 * actors' names matter most to a reader: they go before a document or a topic of the same size.
 */
export const LABELS: LabelLayer = createLabelLayer({
  weight: (data) => (ACTOR_TYPES.has(String(data.nodeType)) ? 1.5 : 1),
  reserved: controlsOver,
});

/** The controls drawn over the canvas (zoom, undo, the selection's bar), where a label would be hidden. */
function controlsOver(renderer: Sigma): Rect[] {
  const container = renderer.getContainer();
  const origin = container.getBoundingClientRect();
  const controls = container.parentElement?.querySelectorAll<HTMLElement>("button, input, select") ?? [];
  return [...controls]
    .filter((el) => !container.contains(el) && el.offsetParent !== null)
    .map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.left - origin.left - 2, y: r.top - origin.top - 2, width: r.width + 4, height: r.height + 4 };
    });
}

/**
 * Settings of the canvas, apart from the reducers which need the view. Sigma's label grid lets every node above
 * `labelRenderedSizeThreshold` through (a high `labelDensity`): which labels fit is decided by the label layer, which
 * measures them, where the grid would only count them per cell.
 */
export const RENDERER_SETTINGS: Partial<Settings<DisplayNodeAttributes, DisplayEdgeAttributes>> = {
  allowInvalidContainer: true,
  enableEdgeEvents: true,
  renderEdgeLabels: true,
  zIndex: true,
  defaultEdgeType: "straight",
  edgeProgramClasses: {
    straight: createEdgeArrowProgram(ARROW_HEAD),
    // The curve program draws its own labels along the curve unless told otherwise: ours are placed by the layer.
    curved: createEdgeCurveProgram({
      arrowHead: { extremity: "target", ...ARROW_HEAD },
      drawLabel: LABELS.drawEdgeLabel,
    }),
    dashed: createDashedArrowProgram(DASHED),
    dotted: createDashedArrowProgram(DOTTED),
    [HIDDEN_EDGE_TYPE]: hiddenEdgeProgram,
  },
  labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  edgeLabelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  labelSize: 12,
  labelWeight: "500",
  labelDensity: 100,
  labelGridCellSize: 60,
  labelRenderedSizeThreshold: 5,
  defaultDrawNodeLabel: LABELS.drawNodeLabel,
  defaultDrawEdgeLabel: LABELS.drawEdgeLabel,
  // The highlighted node's label goes where the label layer placed it, clear of the others.
  defaultDrawNodeHover: (context, data, settings) =>
    drawNodeHover(context, data, settings, LABELS.hoverSide(context, (data as { key?: string }).key)),
  minCameraRatio: 0.05,
  maxCameraRatio: 4,
  stagePadding: 40,
};

/** How many times each renderer ran its reducers, for the browser tests: what a refresh costs grows with them. */
const REDUCER_CALLS = new WeakMap<Renderer, { nodes: number; edges: number }>();

/** The node and edge reducer calls `renderer` has made since it was created. */
export function reducerCalls(renderer: Renderer): { nodes: number; edges: number } {
  return { ...(REDUCER_CALLS.get(renderer) ?? { nodes: 0, edges: 0 }) };
}

/** Sigma's WebGL canvases, each left unchanged while it stays blank (idle-blank-layers.ts). */
const WEBGL_LAYERS = ["edges", "nodes", "hoverNodes"] as const;
const BLANK_LAYERS = new WeakMap<Renderer, Record<string, BlankLayerCounts>>();

/** For each WebGL canvas of `renderer`, the clears sent to it and those left out because it was blank. */
export function blankLayerCounts(renderer: Renderer): Record<string, BlankLayerCounts> {
  return structuredClone(BLANK_LAYERS.get(renderer) ?? {});
}

/** Create the renderer. `getView` is read on every reducer call, so refreshing is enough to show a new state. */
export function createRenderer(container: HTMLElement, graph: DisplayGraph, getView: () => View): Renderer {
  const calls = { nodes: 0, edges: 0 };
  const renderer = new Sigma<DisplayNodeAttributes, DisplayEdgeAttributes>(graph, container, {
    ...RENDERER_SETTINGS,
    nodeReducer: (node, data) => {
      calls.nodes += 1;
      return nodeReducer(getView(), node, data);
    },
    edgeReducer: (edge, data) => {
      calls.edges += 1;
      const look = edgeReducer(getView(), edge, data);
      return look.hidden ? { ...look, type: HIDDEN_EDGE_TYPE } : look;
    },
  });
  REDUCER_CALLS.set(renderer, calls);
  const canvases = renderer.getCanvases();
  const layers: Record<string, BlankLayerCounts> = {};
  for (const name of WEBGL_LAYERS) {
    const canvas = canvases[name];
    const gl = canvas?.getContext("webgl2") ?? canvas?.getContext("webgl");
    if (gl) layers[name] = idleWhenBlank(gl);
  }
  BLANK_LAYERS.set(renderer, layers);
  LABELS.attach(renderer as unknown as Sigma);
  // The labels drawn, with their boxes, for tests and tools: the canvas itself cannot be read back as text.
  const sigma = renderer as unknown as Sigma;
  renderer.on("afterRender", () => {
    container.setAttribute("data-labels", JSON.stringify(LABELS.placed(sigma)));
    container.setAttribute("data-edge-labels", JSON.stringify(LABELS.placedEdges(sigma)));
  });
  return renderer;
}
