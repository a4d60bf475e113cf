// Labels that never overlap and are never cut: each frame, the labels to draw are placed by priority (labels the view
// forces first, then bigger nodes first), each one measured, beside its node (right, else left), and left out when
// its box would cover a label already placed. Sigma's label grid only counts labels per cell without measuring them,
// so it cannot promise that; it is set to pass every node above the size threshold, and this layer decides. Long
// names break onto two lines at a space. A highlighted node (hovered, selected, picked) has one label, its full name
// on a white box, placed first; sigma draws it on its hover layer, where it is, and the plain one is not drawn.
// Relation labels follow the same rule, drawn when the view forces them (a hovered or selected node's relations, a
// chosen path) or when zoomed in, between two labelled nodes, and left out where they would cover a label or each
// other, or repeat the same words next to each other (parallel claims of one type).
import type { Attributes } from "graphology-types";
import type Sigma from "sigma";
import type { Settings } from "sigma/settings";
import type { EdgeDisplayData, NodeDisplayData, PartialButFor } from "sigma/types";
import { RectGrid } from "./rect-grid.js";

/** A label as placed on the canvas, in CSS pixels from the canvas's top left corner. */
export interface LabelBox {
  node: string;
  lines: string[];
  x: number;
  y: number;
  width: number;
  height: number;
  /** The node is highlighted: this is its full name on the hover layer's white box (the box's bounds). */
  highlighted?: true;
}

/** Names longer than this many characters are broken onto two lines, at the space nearest their middle. */
export const LINE_CHARACTERS = 22;
/** Below this camera ratio (zoomed in), relations between two labelled nodes show their label too. */
export const EDGE_LABELS_RATIO = 0.55;
/** A highlighted node's full name is broken onto two lines past this many characters. */
export const HOVER_LINE_CHARACTERS = 40;
const LINE_HEIGHT = 1.2;
const GAP = 4;
const HOVER_PADDING = 4;
const EDGE_LABEL_SIZE = 11;
/** Where along its line (from the source, 0, to the target, 1) a relation's label is tried, in order. */
const EDGE_LABEL_STOPS = [0.5, 0.35, 0.65];

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

export type Side = "right" | "left";

/** A highlighted node's label: its full name on a white box that reaches from the node's centre. */
export interface HoverLabel {
  lines: string[];
  /** Font size and line height, in CSS pixels; the weight is 600. */
  size: number;
  lineHeight: number;
  side: Side;
  /** Where the text starts, and the top of its first line. */
  textX: number;
  textTop: number;
  /** The white box behind the text. */
  box: Rect;
}

type HoverData = { x: number; y: number; size: number; label?: string | null; fullLabel?: unknown };

/**
 * Where a highlighted node's label goes on `side` (by default the right, unless the canvas has no room there): the
 * hover layer draws it there, and the label layer keeps every other label off it.
 */
export function hoverLabel(
  context: CanvasRenderingContext2D,
  data: HoverData,
  font: string,
  base: number,
  side?: Side,
): HoverLabel {
  const size = labelSizeFor(data.size, base);
  const name = typeof data.fullLabel === "string" && data.fullLabel !== "" ? data.fullLabel : (data.label ?? "");
  const lines = name ? wrapLabel(name, HOVER_LINE_CHARACTERS) : [];
  context.font = `600 ${size}px ${font}`;
  const lineHeight = size * LINE_HEIGHT;
  const textWidth = lines.length ? Math.max(...lines.map((line) => context.measureText(line).width)) : 0;
  const height = Math.max(size + 2 * HOVER_PADDING, lines.length * lineHeight + 2 * HOVER_PADDING);
  const room = context.canvas.clientWidth || Infinity;
  const chosen = side ?? (data.x + data.size + 8 + textWidth <= room ? "right" : "left");
  const textX = chosen === "right" ? data.x + data.size + 4 : data.x - data.size - 4 - textWidth;
  const width = lines.length ? textWidth + data.size + 4 + 2 * HOVER_PADDING : 0;
  return {
    lines,
    size,
    lineHeight,
    side: chosen,
    textX,
    textTop: data.y - (lines.length * lineHeight) / 2,
    box: { x: chosen === "right" ? data.x : textX - HOVER_PADDING, y: data.y - height / 2, width, height },
  };
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
  /** Set for a highlighted node: the side of its hover label, which sigma's hover layer draws. */
  hoverSide?: Side;
}

interface FrameState {
  renderer: Sigma;
  /** Whose reserved parts of the canvas this renderer's labels keep off: its own, or those of the one it copies. */
  reservedOf: Sigma;
  /** Set when a pass of drawing calls starts; cleared in a microtask once the synchronous pass is over. */
  nodePass: boolean;
  edgePass: boolean;
  placed: Map<string, Placement>;
  edgeBoxes: EdgeLabelBox[];
  /** What no label may cover: the nodes' discs, the controls over the canvas and the node labels placed. */
  obstacles: RectGrid;
  /** The relation labels drawn in this pass, which no other may cover either. */
  edgeGrid: RectGrid;
  /** The node under the pointer: sigma draws its hover label whether or not the view highlights it. */
  hovered: string | null;
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
  /**
   * Let this renderer's labels be placed by the layer (the canvas's, or the one the PNG export draws with: `copying`
   * the canvas's, whose reserved parts its labels keep off, so that the image's labels are the screen's).
   */
  attach(renderer: Sigma, copying?: Sigma): void;
  /** The node labels placed in the renderer's last frame. */
  placed(renderer: Sigma): LabelBox[];
  /** The relation labels drawn in the renderer's last frame. */
  placedEdges(renderer: Sigma): EdgeLabelBox[];
  /** The side the layer gave the hover label of `node` in the frame drawn on `context`'s canvas, if it placed one. */
  hoverSide(context: CanvasRenderingContext2D, node: string | undefined): Side | undefined;
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
    highlighted: boolean;
    priority: number;
    data: NodeDisplayData & Attributes;
  }[] = [];
  renderer.getGraph().forEachNode((node) => {
    const data = renderer.getNodeDisplayData(node) as (NodeDisplayData & Attributes) | undefined;
    if (!data || data.hidden) return;
    // Sigma draws the hover label of the highlighted nodes and of the one under the pointer: that is their label.
    const highlighted = Boolean(data.highlighted) || node === state.hovered;
    if (!data.label && !highlighted) return;
    const size = renderer.scaleSize(data.size);
    const forced = highlighted || Boolean(data.forceLabel);
    if (!forced && size < settings.labelRenderedSizeThreshold) return;
    const { x, y } = renderer.framedGraphToViewport(data);
    if (x < -size || x > viewWidth + size || y < -size || y > viewHeight + size) return;
    const label = data.label ?? "";
    candidates.push({ node, label, x, y, size, forced, highlighted, priority: size * options.weight(data), data });
  });
  candidates.sort(
    (a, b) =>
      Number(b.highlighted) - Number(a.highlighted) ||
      Number(b.forced) - Number(a.forced) ||
      b.priority - a.priority ||
      (a.node < b.node ? -1 : 1),
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
  for (const rect of options.reserved(state.reservedOf)) boxes.add(rect);
  const inView = (r: Rect): boolean =>
    r.x >= 0 && r.x + r.width <= viewWidth && r.y >= 0 && r.y + r.height <= viewHeight;
  for (const c of candidates) {
    const free = (r: Rect): boolean => !boxes.hits(r, c.node);
    if (c.highlighted) {
      const at = { ...c.data, x: c.x, y: c.y, size: c.size };
      const sides = (["right", "left"] as const).map((side) =>
        hoverLabel(context, at, settings.labelFont, settings.labelSize, side),
      );
      const hover = sides.find((h) => inView(h.box) && free(h.box)) ?? sides.find((h) => inView(h.box)) ?? sides[0]!;
      if (hover.lines.length === 0) continue;
      boxes.add({ node: c.node, ...hover.box });
      state.placed.set(c.node, {
        node: c.node,
        lines: hover.lines,
        ...hover.box,
        size: hover.size,
        weight: "600",
        highlighted: true,
        hoverSide: hover.side,
      });
      continue;
    }
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
    attach(renderer, copying) {
      const state: FrameState = {
        renderer,
        reservedOf: copying ?? renderer,
        nodePass: false,
        edgePass: false,
        placed: new Map(),
        edgeBoxes: [],
        obstacles: new RectGrid(),
        edgeGrid: new RectGrid(),
        hovered: null,
        widths: new Map(),
      };
      states.set(renderer.getContainer(), state);
      // A frame in which sigma asks for no label at all (every node too small) must not keep the last frame's.
      renderer.on("beforeRender", () => {
        state.placed.clear();
        state.obstacles = new RectGrid();
      });
      renderer.on("enterNode", ({ node }) => (state.hovered = node));
      renderer.on("leaveNode", () => (state.hovered = null));
    },
    placed(renderer) {
      const state = states.get(renderer.getContainer());
      return state
        ? [...state.placed.values()].map(({ node, lines, x, y, width, height, highlighted }) => ({
            node,
            lines,
            x,
            y,
            width,
            height,
            ...(highlighted ? { highlighted } : {}),
          }))
        : [];
    },
    placedEdges(renderer) {
      return [...(states.get(renderer.getContainer())?.edgeBoxes ?? [])];
    },
    hoverSide(context, node) {
      return node === undefined ? undefined : stateOf(context)?.placed.get(node)?.hoverSide;
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
      // A highlighted node's one label is its hover label, which sigma draws on the layer above.
      if (!placement || placement.hoverSide) return;
      context.font = `${placement.weight} ${placement.size}px ${settings.labelFont}`;
      drawText(context, placement.lines, placement.x, placement.y, placement.size);
    },
    drawEdgeLabel(context, edgeData, sourceData, targetData, settings) {
      const state = stateOf(context);
      if (!state || !edgeData.label) return;
      // Sigma draws the relation labels again on their own when only the hovered nodes change: each pass starts
      // afresh over the node labels of the last frame.
      if (!state.edgePass) {
        state.edgePass = true;
        queueMicrotask(() => (state.edgePass = false));
        state.edgeBoxes = [];
        state.edgeGrid = new RectGrid();
      }
      const forced = Boolean(edgeData.forceLabel);
      const zoomedIn = state.renderer.getCamera().ratio <= EDGE_LABELS_RATIO;
      const bothLabelled = Boolean(
        sourceData.key && targetData.key && state.placed.has(sourceData.key) && state.placed.has(targetData.key),
      );
      if (!forced && !(zoomedIn && bothLabelled)) return;
      const text = edgeData.label;
      context.font = `italic 500 ${EDGE_LABEL_SIZE}px ${settings.edgeLabelFont}`;
      const width = measure(state, context, text);
      const height = EDGE_LABEL_SIZE * LINE_HEIGHT;
      const { width: viewWidth, height: viewHeight } = state.renderer.getDimensions();
      const inView = (b: Rect): boolean =>
        b.x >= 0 && b.y >= 0 && b.x + b.width <= viewWidth && b.y + b.height <= viewHeight;
      // A little air around the words, so that they do not touch a label they do not cover.
      const free = (b: Rect): boolean => {
        const grown = { x: b.x - 2, y: b.y - 1, width: b.width + 4, height: b.height + 2 };
        return !state.obstacles.hits(grown) && !state.edgeGrid.hits(grown);
      };
      // The same words next to each other say nothing more (parallel claims of one type, a node calling on several
      // neighbours side by side): one of them is enough.
      const repeated = (at: { x: number; y: number }): boolean =>
        state.edgeBoxes.some(
          (b) => b.text === text && Math.hypot(b.x + b.width / 2 - at.x, b.y + b.height / 2 - at.y) < width,
        );
      // Along the line (its middle first, then a third of the way from either end), on it or just above or below
      // it; a curved edge bulges by 2t(1 - t) of its curvature's offset at t (sigma's quadratic curve).
      const dx = targetData.x - sourceData.x;
      const dy = targetData.y - sourceData.y;
      const curvature = edgeData.curvature ?? 0;
      const pointAt = (t: number) => {
        const bulge = 2 * t * (1 - t) * curvature;
        return { x: sourceData.x + dx * t + dy * bulge, y: sourceData.y + dy * t - dx * bulge };
      };
      if (repeated(pointAt(0.5))) return;
      let box: EdgeLabelBox | undefined;
      for (const t of EDGE_LABEL_STOPS) {
        const at = pointAt(t);
        box = [0, -height * 0.8, height * 0.8]
          .map((shift) => ({
            edge: edgeData.key ?? "",
            text,
            x: at.x - width / 2,
            y: at.y - EDGE_LABEL_SIZE * 0.6 + shift,
            width,
            height,
          }))
          .find((b) => inView(b) && free(b) && !repeated({ x: b.x + width / 2, y: b.y + height / 2 }));
        if (box) break;
      }
      // A label that would cover a node's label or another relation's is left out, in focus or not.
      if (!box) return;
      state.edgeBoxes.push(box);
      state.edgeGrid.add(box);
      context.lineJoin = "round";
      context.lineWidth = 3;
      context.strokeStyle = "rgba(255, 255, 255, 0.95)";
      context.fillStyle = "#374151";
      const baseline = box.y + EDGE_LABEL_SIZE * 0.95;
      context.strokeText(text, box.x, baseline);
      context.fillText(text, box.x, baseline);
    },
  };
}
