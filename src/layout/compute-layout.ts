// Positions, sizes and colours for every node: seeded start, ForceAtlas2, then noverlap; reproducible run to run.
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";
import type { RightsGraph } from "../schema";
import { nodeTypeColor } from "./colors";
import { resolveLayoutOptions } from "./layout-options";
import { hashString, mulberry32 } from "../common";
import type { LayoutOptions, NodeDisplay } from "./types";

interface WorkNode {
  x: number;
  y: number;
  size: number;
}

// Code-unit order, not localeCompare: the result must not depend on the machine's locale.
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A node's size: grows with the square root of its degree, within the options' bounds. */
export function nodeSize(degree: number, options: LayoutOptions): number {
  return Math.min(options.maxSize, options.minSize + options.sizeScale * Math.sqrt(degree));
}

/**
 * ForceAtlas2 iterations for a graph of this size, so that the whole run costs at most `workBudget` units.
 * Repulsion dominates an iteration: every pair of nodes (n^2) without Barnes-Hut, about 25 n log2(n) with it (the
 * factor comes from timing both on one graph; README, design notes); attraction adds one unit per edge. Small graphs
 * get every iteration, large ones fewer, never below `minIterations`, so the layout stays bounded at any size.
 */
function iterationsFor(nodes: number, edges: number, barnesHut: boolean, options: LayoutOptions): number {
  const repulsion = barnesHut ? 25 * nodes * Math.log2(nodes) : nodes * nodes;
  const perIteration = Math.max(1, repulsion + edges);
  return Math.max(options.minIterations, Math.min(options.iterations, Math.floor(options.workBudget / perIteration)));
}

/**
 * Computes how every node is drawn. The same graph (same node and edge ids) and options always give identical
 * positions, whatever order the nodes were added in: each node starts at a point drawn from a generator seeded
 * with its own id, and the layout runs on a copy holding nodes and edges in sorted order. The input graph is
 * only read, never changed.
 *
 * @param graph   - the graph to lay out.
 * @param options - partial `LayoutOptions`; missing ones come from `DEFAULT_LAYOUT_OPTIONS`.
 * @returns a map from node id to its position, size (by degree) and colour (by type).
 */
export function computeLayout(graph: RightsGraph, options: Partial<LayoutOptions> = {}): Map<string, NodeDisplay> {
  const settings = resolveLayoutOptions(options);
  const display = new Map<string, NodeDisplay>();
  if (graph.order === 0) return display;

  const ids = graph.nodes().sort(compareCodeUnits);
  const work = new Graph<WorkNode>({ type: "directed", multi: true, allowSelfLoops: false });
  const start = new Map<string, { x: number; y: number }>();
  // A disc whose area grows with the node count keeps the starting density the same for any graph size.
  const radius = 10 * Math.sqrt(ids.length);
  for (const id of ids) {
    const random = mulberry32(hashString(id, settings.seed));
    const angle = 2 * Math.PI * random();
    const distance = radius * Math.sqrt(random());
    const point = { x: distance * Math.cos(angle), y: distance * Math.sin(angle) };
    start.set(id, point);
    work.addNode(id, { ...point, size: nodeSize(graph.degree(id), settings) });
  }

  const links: [string, string, string][] = [];
  graph.forEachEdge((edge, _attributes, source, target) => {
    // A self-loop pulls a node towards itself: no force, but a zero distance that can turn into NaN.
    if (source !== target) links.push([edge, source, target]);
  });
  links.sort((a, b) => compareCodeUnits(a[0], b[0]));
  for (const [, source, target] of links) work.addEdge(source, target);

  const inferred = forceAtlas2.inferSettings(work);
  // Barnes-Hut from 1,000 nodes (graphology infers it from 2,000): exact repulsion is quadratic, and Gephi's own
  // theta of 1.2 costs far less than graphology's 0.5 with no visible loss on large graphs (README, design notes).
  const barnesHut = work.order > 1000;
  const fa2Settings = barnesHut ? { ...inferred, barnesHutOptimize: true, barnesHutTheta: 1.2 } : inferred;
  const iterations = iterationsFor(work.order, work.size, barnesHut, settings);
  const positions = forceAtlas2(work, { iterations, settings: fa2Settings, getEdgeWeight: null });
  work.updateEachNodeAttributes((id, attributes) => ({ ...attributes, ...positions[id] }));

  if (settings.noverlapIterations > 0 && work.order <= settings.noverlapMaxNodes) {
    // noverlap stops early once nothing overlaps; the node cap bounds its worst case.
    const maxIterations = settings.noverlapIterations;
    // About one node per grid cell: the default 20 x 20 grid makes every pass quadratic in a crowded cell.
    const gridSize = Math.max(20, Math.ceil(Math.sqrt(work.order)));
    // noverlap nudges two nodes at exactly the same point apart with Math.random(): seeded, distinct starting
    // points and ForceAtlas2's deterministic forces make such a tie practically impossible.
    const separated = noverlap(work, { maxIterations, settings: { gridSize } });
    work.updateEachNodeAttributes((id, attributes) => ({ ...attributes, ...separated[id] }));
  }

  for (const id of ids) {
    const { x, y, size } = work.getNodeAttributes(id);
    // A diverging run must not put NaN in an export: fall back to the node's seeded starting point.
    const point = Number.isFinite(x) && Number.isFinite(y) ? { x, y } : start.get(id)!;
    display.set(id, { x: point.x, y: point.y, size, color: nodeTypeColor(graph.getNodeAttribute(id, "type")) });
  }
  return display;
}
