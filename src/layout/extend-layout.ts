// The layout of a changed graph that keeps what the reader has already seen: every node that was there keeps its
// position, and a new node is placed beside the neighbours it links to, so an edit never reshuffles the picture.
import type { RightsGraph } from "../schema";
import { hashString, mulberry32 } from "../common";
import { nodeTypeColor } from "./colors";
import { compareCodeUnits, nodeSize } from "./compute-layout";
import { resolveLayoutOptions } from "./layout-options";
import type { LayoutOptions, NodeDisplay } from "./types";

/** Distance scale of a layout: the side of the square each node would have if they shared its bounding box. */
function spacing(points: Iterable<{ x: number; y: number }>): {
  step: number;
  centre: { x: number; y: number };
  radius: number;
} {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let n = 0;
  for (const { x, y } of points) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
    n++;
  }
  if (n === 0) return { step: 10, centre: { x: 0, y: 0 }, radius: 10 };
  const width = Math.max(maxX - minX, 1);
  const height = Math.max(maxY - minY, 1);
  return {
    step: Math.max(1, Math.sqrt((width * height) / n)),
    centre: { x: (minX + maxX) / 2, y: (minY + maxY) / 2 },
    radius: Math.max(width, height) / 2,
  };
}

/**
 * How every node of `graph` is drawn, given how the graph before the change was drawn (`previous`). A node of both
 * keeps its position; its size follows its new degree and its colour its type. A new node goes next to the mean of
 * its neighbours that are placed (in id order, so new nodes linked only to new nodes follow them), at a distance of
 * about one node spacing, in a direction drawn from a generator seeded with its id; one with no placed neighbour
 * goes at a seeded point of the drawing's disc. The same graph and `previous` always give the same result.
 */
export function extendLayout(
  graph: RightsGraph,
  previous: ReadonlyMap<string, NodeDisplay>,
  options: Partial<LayoutOptions> = {},
): Map<string, NodeDisplay> {
  const settings = resolveLayoutOptions(options);
  const placed = new Map<string, { x: number; y: number }>();
  const waiting: string[] = [];
  for (const id of graph.nodes().sort(compareCodeUnits)) {
    const old = previous.get(id);
    if (old) placed.set(id, { x: old.x, y: old.y });
    else waiting.push(id);
  }
  const { step, centre, radius } = spacing(placed.values());
  let left = waiting;
  while (left.length > 0) {
    const next: string[] = [];
    for (const id of left) {
      const around = graph.neighbors(id).flatMap((n) => placed.get(n) ?? []);
      if (around.length === 0) {
        next.push(id);
        continue;
      }
      const random = mulberry32(hashString(id, settings.seed));
      const angle = 2 * Math.PI * random();
      const x = around.reduce((sum, p) => sum + p.x, 0) / around.length;
      const y = around.reduce((sum, p) => sum + p.y, 0) / around.length;
      placed.set(id, { x: x + step * Math.cos(angle), y: y + step * Math.sin(angle) });
    }
    if (next.length === left.length) {
      // None of these links to a placed node: the first is put in the disc, and the rest may then follow it.
      const [first, ...rest] = next;
      const random = mulberry32(hashString(first!, settings.seed));
      const angle = 2 * Math.PI * random();
      const distance = radius * Math.sqrt(random());
      placed.set(first!, { x: centre.x + distance * Math.cos(angle), y: centre.y + distance * Math.sin(angle) });
      left = rest;
    } else left = next;
  }
  const display = new Map<string, NodeDisplay>();
  for (const id of graph.nodes()) {
    const { x, y } = placed.get(id)!;
    display.set(id, {
      x,
      y,
      size: nodeSize(graph.degree(id), settings),
      color: nodeTypeColor(graph.getNodeAttribute(id, "type")),
    });
  }
  return display;
}
