// Labels that never overlap and are never cut: each frame, the labels to draw are placed by priority (labels the view
// forces first, then bigger nodes first), each one measured, beside its node (right, else left), and left out when
// its box would cover a label already placed. Sigma's label grid only counts labels per cell without measuring them,
// so it cannot promise that; it is set to pass every node above the size threshold, and this layer decides. Long
// names break onto two lines at a space. Relation labels follow the same rule, drawn when the view forces them (a
// hovered or selected node's relations, a chosen path) or when zoomed in, between two labelled nodes.
import type { Attributes } from "graphology-types";
import type Sigma from "sigma";
import type { Settings } from "sigma/settings";
import type { EdgeDisplayData, NodeDisplayData, PartialButFor } from "sigma/types";
import { overlaps, RectGrid } from "./rect-grid.js";

/** A label as placed on the canvas, in CSS pixels from the canvas's top left corner. */
export interface LabelBox {
  node: string;
  lines: string[];
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Names longer than this many characters are broken onto two lines, at the space nearest their middle. */
export const LINE_CHARACTERS = 22;
/** Below this camera ratio (zoomed in), relations between two labelled nodes show their label too. */
export const EDGE_LABELS_RATIO = 0.55;
const LINE_HEIGHT = 1.2;
const GAP = 4;
const EDGE_LABEL_SIZE = 11;

/** Break a label into one or two lines at a space, never inside a word. */
export function wrapLabel(label: string, max = LINE_CHARACTERS): string[] {
  if (label.length <= max) return [label];
  const middle = label.length / 2;
  let best = -1;
  for (let i = label.indexOf(" "); i >= 0; i = label.indexOf(" ", i + 1)) {
    if (best < 0 || Math.abs(i - middle) < Math.abs(best - middle)) best = i;
  }
  return best < 0 ? [label] : [label.slice(0, best), label.slice(best + 1)];
}

/** Label font size from the node's rendered size: the base size for leaves, up to 5px more for hubs. */
export function labelSizeFor(renderedSize: number, base: number): number {
  return Math.round(Math.min(base + 5, Math.max(base, base + (renderedSize - 7) * 0.45)));
}

/** A relation's label as drawn. */
export interface EdgeLabelBox {
  edge: string;
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Placement extends LabelBox {
  size: number;
  weight: string;
}

interface FrameState {
  renderer: Sigma;
  /** Set when a pass of drawing calls starts; cleared in a microtask once the synchronous pass is over. */
  nodePass: boolean;
  edgePass: boolean;
  placed: Map<string, Placement>;
  edgeBoxes: EdgeLabelBox[];
  /**
   * What no label may cover: the nodes' discs, the controls over the canvas, the node labels placed and (for the
   * relation labels) the relation labels placed.
   */
  obstacles: RectGrid;
  widths: Map<string, number>;
}

type NodeData = PartialButFor<NodeDisplayData, "x" | "y" | "size" | "label" | "color"> & { key?: string };
type EndData = PartialButFor<NodeDisplayData, "x" | "y" | "size"> & { key?: string };
type EdgeData = PartialButFor<EdgeDisplayData, "size" | "label" | "color"> & { key?: string; curvature?: number };

/** The layer's drawing functions (sigma settings) and how a renderer is attached to it. */
export interface LabelLayer {
  drawNodeLabel<N extends Attributes, E extends Attributes, G extends Attributes>(
    context: CanvasRenderingContext2D,
    data: NodeData,
    settings: Settings<N, E, G>,
  ): void;
  drawEdgeLabel<N extends Attributes, E extends Attributes, G extends Attributes>(
    context: CanvasRenderingContext2D,
    edgeData: EdgeData,
    sourceData: EndData,
    targetData: EndData,
    settings: Settings<N, E, G>,
  ): void;
  /** Let this renderer's labels be placed by the layer (the canvas's, or the one the PNG export draws with). */
  attach(renderer: Sigma): void;
  /** The node labels placed in the renderer's last frame. */
  placed(renderer: Sigma): LabelBox[];
  /** The relation labels drawn in the renderer's last frame. */
  placedEdges(renderer: Sigma): EdgeLabelBox[];
}

function measure(state: FrameState, context: CanvasRenderingContext2D, text: string): number {
  const key = `${context.font}|${text}`;
  let width = state.widths.get(key);
  if (width === undefined) {
    width = context.measureText(text).width;
    state.widths.set(key, width);
  }
  return width;
}

/** Place every label of the frame, by priority. */
function layOut<N extends Attributes, E extends Attributes, G extends Attributes>(
  options: LabelLayerOptions,
  state: FrameState,
  context: CanvasRenderingContext2D,
  settings: Settings<N, E, G>,
): void {
  const { renderer } = state;
  const { width: viewWidth, height: viewHeight } = renderer.getDimensions();
  const candidates: {
    node: string;
    label: string;
    x: number;
    y: number;
    size: number;
    forced: boolean;
    priority: number;
  }[] = [];
  renderer.getGraph().forEachNode((node) => {
    const data = renderer.getNodeDisplayData(node);
    if (!data || data.hidden || !data.label) return;
    const size = renderer.scaleSize(data.size);
    const forced = Boolean(data.forceLabel || data.highlighted);
    if (!forced && size < settings.labelRenderedSizeThreshold) return;
    const { x, y } = renderer.framedGraphToViewport(data);
    if (x < -size || x > viewWidth + size || y < -size || y > viewHeight + size) return;
    candidates.push({ node, label: data.label, x, y, size, forced, priority: size * options.weight(data) });
  });
  candidates.sort(
    (a, b) => Number(b.forced) - Number(a.forced) || b.priority - a.priority || (a.node < b.node ? -1 : 1),
  );

  state.placed.clear();
  // No label hides a node: every node big enough to be labelled is an obstacle to the others' labels (the nodes the
  // view forces are even drawn above the labels).
  // The square inside each disc: a label's halo may touch a disc's rim, not its body.
  const boxes = new RectGrid();
  for (const c of candidates) {
    boxes.add({
      node: c.node,
      x: c.x - c.size * 0.75,
      y: c.y - c.size * 0.75,
      width: 1.5 * c.size,
      height: 1.5 * c.size,
    });
  }
  for (const rect of options.reserved(renderer)) boxes.add(rect);
  for (const c of candidates) {
    const size = labelSizeFor(c.size, settings.labelSize);
    const weight = c.size > 12 || c.forced ? "600" : settings.labelWeight;
    context.font = `${weight} ${size}px ${settings.labelFont}`;
    // A long name goes on two lines; where none of its spots is free (a crowded middle), on one line, which is
    // wider but half as tall and may fit above or below the node.
    const wrapped = wrapLabel(c.label);
    const layouts = wrapped.length > 1 ? [wrapped, [c.label]] : [wrapped];
    const spots = layouts.flatMap((lines) => {
      const width = Math.max(...lines.map((line) => measure(state, context, line)));
      const height = lines.length * size * LINE_HEIGHT;
      const y = c.y - height / 2;
      // Beside the node (right, then left), centred above or below it, then off one of its corners.
      const corner = c.size * 0.7 + GAP / 2;
      return [
        { x: c.x + c.size + GAP, y },
        { x: c.x - c.size - GAP - width, y },
        { x: c.x - width / 2, y: c.y - c.size - GAP / 2 - height },
        { x: c.x - width / 2, y: c.y + c.size + GAP / 2 },
        { x: c.x + corner, y: c.y - corner - height },
        { x: c.x + corner, y: c.y + corner },
        { x: c.x - corner - width, y: c.y - corner - height },
        { x: c.x - corner - width, y: c.y + corner },
      ].map((at) => ({ ...at, width, height, lines }));
    });
    const inView = (r: Rect): boolean =>
      r.x >= 0 && r.x + r.width <= viewWidth && r.y >= 0 && r.y + r.height <= viewHeight;
    const free = (r: Rect): boolean => !boxes.hits(r, c.node);
    // A label the view forces is drawn even where it must cover another, but still inside the canvas.
    const spot = spots.find((r) => inView(r) && free(r)) ?? (c.forced ? (spots.find(inView) ?? spots[0]!) : null);
    if (!spot) continue;
    const { lines, ...box } = spot;
    boxes.add(box);
    state.placed.set(c.node, { node: c.node, lines, ...box, size, weight });
  }
  state.obstacles = boxes;
}

function drawText(context: CanvasRenderingContext2D, lines: string[], x: number, top: number, size: number): void {
  context.lineJoin = "round";
  context.lineWidth = 4;
  context.strokeStyle = "rgba(255, 255, 255, 0.92)";
  context.fillStyle = "#1f2430";
  lines.forEach((line, i) => {
    const baseline = top + (i + 0.8) * size * LINE_HEIGHT;
    context.strokeText(line, x, baseline);
    context.fillText(line, x, baseline);
  });
}

export interface LabelLayerOptions {
  /** How much a node's label matters beside its size (1 for most): labels are placed by size times weight. */
  weight(data: NodeDisplayData & Attributes): number;
  /** Parts of the canvas no label may take (controls drawn over it), in the canvas's CSS pixels. */
  reserved(renderer: Sigma): Rect[];
}

const DEFAULT_LABEL_LAYER_OPTIONS: LabelLayerOptions = { weight: () => 1, reserved: () => [] };

export function createLabelLayer(options: Partial<LabelLayerOptions> = {}): LabelLayer {
  const resolved: LabelLayerOptions = { ...DEFAULT_LABEL_LAYER_OPTIONS, ...options };
  const states = new WeakMap<HTMLElement, FrameState>();
  const stateOf = (context: CanvasRenderingContext2D): FrameState | undefined => {
    const container = context.canvas.parentElement;
    return container ? states.get(container) : undefined;
  };

  return {
    attach(renderer) {
      const state: FrameState = {
        renderer,
        nodePass: false,
        edgePass: false,
        placed: new Map(),
        edgeBoxes: [],
        obstacles: new RectGrid(),
        widths: new Map(),
      };
      states.set(renderer.getContainer(), state);
      // A frame in which sigma asks for no label at all (every node too small) must not keep the last frame's.
      renderer.on("beforeRender", () => {
        state.placed.clear();
        state.obstacles = new RectGrid();
      });
    },
    placed(renderer) {
      const state = states.get(renderer.getContainer());
      return state
        ? [...state.placed.values()].map(({ node, lines, x, y, width, height }) => ({
            node,
            lines,
            x,
            y,
            width,
            height,
          }))
        : [];
    },
    placedEdges(renderer) {
      return [...(states.get(renderer.getContainer())?.edgeBoxes ?? [])];
    },
    drawNodeLabel(context, data, settings) {
      const state = stateOf(context);
      if (!state || !data.key) return;
      if (!state.nodePass) {
        state.nodePass = true;
        queueMicrotask(() => (state.nodePass = false));
        layOut(resolved, state, context, settings);
      }
      const placement = state.placed.get(data.key);
      if (!placement) return;
      context.font = `${placement.weight} ${placement.size}px ${settings.labelFont}`;
      drawText(context, placement.lines, placement.x, placement.y, placement.size);
    },
    drawEdgeLabel(context, edgeData, sourceData, targetData, settings) {
      const state = stateOf(context);
      if (!state || !edgeData.label) return;
      if (!state.edgePass) {
        state.edgePass = true;
        queueMicrotask(() => (state.edgePass = false));
        state.edgeBoxes = [];
      }
      const forced = Boolean(edgeData.forceLabel);
      const zoomedIn = state.renderer.getCamera().ratio <= EDGE_LABELS_RATIO;
      const bothLabelled = Boolean(
        sourceData.key && targetData.key && state.placed.has(sourceData.key) && state.placed.has(targetData.key),
      );
      if (!forced && !(zoomedIn && bothLabelled)) return;
      // The middle of the line; a curved edge bulges by half its curvature's offset (sigma's quadratic curve).
      const dx = targetData.x - sourceData.x;
      const dy = targetData.y - sourceData.y;
      const bend = (edgeData.curvature ?? 0) / 2;
      const mx = (sourceData.x + targetData.x) / 2 + dy * bend;
      const my = (sourceData.y + targetData.y) / 2 - dx * bend;
      context.font = `italic 500 ${EDGE_LABEL_SIZE}px ${settings.edgeLabelFont}`;
      const width = measure(state, context, edgeData.label);
      const height = EDGE_LABEL_SIZE * LINE_HEIGHT;
      const { width: viewWidth, height: viewHeight } = state.renderer.getDimensions();
      // On the line's middle, else just above or below it; a label in focus takes the middle if nothing is free.
      const spots = [0, -height * 0.8, height * 0.8].map((shift) => ({
        edge: edgeData.key ?? "",
        text: edgeData.label!,
        x: mx - width / 2,
        y: my - EDGE_LABEL_SIZE * 0.6 + shift,
        width,
        height,
      }));
      const inView = (b: Rect): boolean =>
        b.x >= 0 && b.y >= 0 && b.x + b.width <= viewWidth && b.y + b.height <= viewHeight;
      const free = (b: Rect): boolean => !state.obstacles.hits(b);
      const box =
        spots.find((b) => inView(b) && free(b)) ??
        (forced ? spots.find((b) => inView(b) && !state.edgeBoxes.some((o) => overlaps(b, o))) : undefined);
      if (!box) return;
      state.edgeBoxes.push(box);
      state.obstacles.add(box);
      context.lineJoin = "round";
      context.lineWidth = 3;
      context.strokeStyle = "rgba(255, 255, 255, 0.95)";
      context.fillStyle = "#374151";
      const baseline = box.y + EDGE_LABEL_SIZE * 0.95;
      context.strokeText(edgeData.label, box.x, baseline);
      context.fillText(edgeData.label, box.x, baseline);
    },
  };
}
