// Where a large corpus draws its nodes: each group found by the server (Louvain) in a cell of its own, the cells
// packed in rows to the canvas's shape, so that the overview's groups fill the canvas and read as groups.
import type { GraphViewNode, OverviewCommunity, OverviewResponse } from "../api/index.js";
import type { DisplayGraph } from "../graph/index.js";

type Placed = { x: number; y: number };
type NodeAttributes = GraphViewNode["attributes"];

/** A group's cell: its centre and radius, in the coordinates the nodes are placed in. */
export type Anchor = Placed & { r: number };

/** Cell id of the nodes of every group not drawn apart (the small ones, and those the overview does not list). */
export const REST_CELL = -1;
/** A group with fewer members is not drawn apart: a cell of two nodes says nothing of the corpus's structure. */
export const SMALLEST_GROUP = 10;
/** Groups drawn apart whatever their size, so that a corpus of small groups still opens on some. */
const FEWEST_GROUPS = 8;

export interface GroupPlacement {
  /** The cell of every group drawn apart, and of the rest (REST_CELL) when it has members. */
  anchors: Map<number, Anchor>;
  /** The groups drawn apart, largest first: the overview's first scene holds their largest members. */
  groups: OverviewCommunity[];
  /** Where a node goes, from its position in the server's layout and its community. */
  place(a: Pick<NodeAttributes, "x" | "y" | "community">): Placed;
  /** Where the server's layout has a node this placement put at `at`: `place` undone. */
  unplace(at: Placed, community: number | undefined): Placed;
}

/** The groups of the overview drawn in cells of their own: the large ones, and at least the largest few. */
export function groupsDrawnApart(overview: OverviewResponse): OverviewCommunity[] {
  return overview.communities.filter((c, i) => c.nodes >= SMALLEST_GROUP || i < FEWEST_GROUPS);
}

type Cell = { id: number; r: number };

/** Cells in rows no wider than `width` (each row centred), `band` apart, and the box they take. */
function pack(
  cells: Cell[],
  width: number,
  gap: number,
  band = 0,
): { anchors: Map<number, Anchor>; w: number; h: number; rows: number } {
  const rows: { cells: Cell[]; width: number; height: number }[] = [];
  for (const cell of cells) {
    const d = 2 * cell.r;
    const row = rows.at(-1);
    if (row && row.width + gap + d <= width) {
      row.cells.push(cell);
      row.width += gap + d;
      row.height = Math.max(row.height, d);
    } else rows.push({ cells: [cell], width: d, height: d });
  }
  const w = Math.max(...rows.map((row) => row.width));
  const anchors = new Map<number, Anchor>();
  let y = 0;
  for (const row of rows) {
    let x = (w - row.width) / 2;
    for (const cell of row.cells) {
      // Graph y grows upwards: the largest groups are on the top row.
      anchors.set(cell.id, { x: x + cell.r, y: y - row.height / 2, r: cell.r });
      x += 2 * cell.r + gap;
    }
    y -= row.height + gap + band;
  }
  return { anchors, w, h: -y - gap - band, rows: rows.length };
}

/**
 * Each group drawn apart from the others, side by side in rows (largest first) at a size that grows with its
 * count, its members placed as the server's layout places them around its centre: the whole graph's layout mixes
 * the groups of a corpus this size into one blob, apart they read as groups. The rows are as wide as makes the
 * cells fill a canvas `aspect` times as wide as it is high, with `band` (a share of that height) left between two
 * rows for the groups' names, which go above or below their groups, not over their nodes. Nodes of the groups not
 * drawn apart share one more cell.
 */
export function groupPlacement(overview: OverviewResponse, aspect = 1, band = 0): GroupPlacement {
  const groups = groupsDrawnApart(overview);
  const apart = groups.reduce((sum, c) => sum + c.nodes, 0);
  const rest = overview.nodes - apart;
  const cells: Cell[] = groups.map((c) => ({ id: c.id, r: Math.sqrt(c.nodes) }));
  if (rest > 0) cells.push({ id: REST_CELL, r: Math.sqrt(rest) });
  const gap = 0.4 * Math.max(...cells.map((c) => c.r));
  // Every row width from one cell to all of them: the packing whose box, scaled into the canvas (less the bands
  // between its rows), is largest.
  const widest = cells.reduce((sum, c) => sum + 2 * c.r + gap, 0);
  const scale = (p: { w: number; h: number; rows: number }): number =>
    Math.min(aspect / p.w, Math.max(1e-9, 1 - (p.rows - 1) * band) / p.h);
  let best = pack(cells, widest, gap);
  for (let width = 2 * Math.max(...cells.map((c) => c.r)); width < widest; width *= 1.05) {
    const packed = pack(cells, width, gap);
    if (scale(packed) > scale(best)) best = packed;
  }
  // The bands in the graph's units, at the scale the canvas will show it.
  if (band > 0 && best.rows > 1) best = pack(cells, best.w + 1e-9, gap, band / scale(best));
  const { anchors } = best;
  const byId = new Map(groups.map((c) => [c.id, c]));
  const listed = overview.communities;
  const weight = listed.reduce((sum, c) => sum + c.nodes, 0) || 1;
  // The rest lies all over the whole graph's layout: its cell holds that layout, shrunk.
  const centre = {
    x: listed.reduce((sum, c) => sum + c.x * c.nodes, 0) / weight,
    y: listed.reduce((sum, c) => sum + c.y * c.nodes, 0) / weight,
    radius: Math.max(1e-9, ...listed.map((c) => c.radius + Math.hypot(c.x, c.y))),
  };
  /** A group's cell, and how its part of the server's layout is moved and scaled into it. */
  const frame = (community: number | undefined): { anchor: Anchor; from: Placed; scale: number } => {
    const group = community === undefined ? undefined : byId.get(community);
    const anchor = anchors.get(group ? group.id : REST_CELL) ?? anchors.get(groups[0]?.id ?? REST_CELL)!;
    const from = group ?? centre;
    // Most members lie within two spreads of their centre: that much fills the cell.
    return { anchor, from, scale: anchor.r / (2 * Math.max(group ? group.radius : centre.radius, 1e-9)) };
  };
  return {
    anchors,
    groups,
    place(a) {
      const { anchor, from, scale } = frame(a.community);
      const at = squash({ x: (a.x - from.x) * scale, y: (a.y - from.y) * scale }, anchor.r, 1);
      return { x: anchor.x + at.x, y: anchor.y + at.y };
    },
    unplace(at, community) {
      const { anchor, from, scale } = frame(community);
      const off = squash({ x: at.x - anchor.x, y: at.y - anchor.y }, anchor.r, -1);
      return { x: from.x + off.x / scale, y: from.y + off.y / scale };
    },
  };
}

/** Share of a cell's radius within which the layout is kept as it is; beyond, it is drawn in towards the rim. */
const KEPT = 0.7;

/**
 * An offset from a cell's centre drawn into the cell of radius `r` (`way` 1), or back out (`way` -1): unchanged up to
 * KEPT of the radius, then pulled in ever more, never past the rim, so that a member far out in the layout stays
 * in its group's cell and no two groups lie on each other.
 */
function squash(offset: Placed, r: number, way: 1 | -1): Placed {
  const d = Math.hypot(offset.x, offset.y);
  const [kept, rest] = [KEPT * r, (1 - KEPT) * r];
  if (d <= kept || r <= 0) return offset;
  // u / (1 + u) rather than a tanh, which is 1 to the last digit soon and cannot be undone there. Back out, a point
  // on or past the rim (pushed apart after a spread) maps far out.
  const u = (d - kept) / rest;
  const v = Math.min(u, 1 - 1e-12);
  const t = kept + rest * (way === 1 ? u / (1 + u) : v / (1 - v));
  return { x: (offset.x / d) * t, y: (offset.y / d) * t };
}

/**
 * Move the nodes `from` placed to where `to` places them: the first scene is placed before the panels around the
 * canvas are mounted, and the canvas's shape is known only then.
 */
export function regroup(graph: DisplayGraph, from: GroupPlacement, to: GroupPlacement): void {
  graph.updateEachNodeAttributes((_node, a) => ({
    ...a,
    ...to.place({ ...from.unplace(a, a.community), community: a.community }),
  }));
}

/** Turn between one member and the next on the spread's spiral: the golden angle, which never lines them up. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** Members matched to the spiral's places a handful at a time: enough to go once round, few enough to keep order. */
const SPREAD_BLOCK = 6;

/** How much larger than the members' own room a spread is: a sunflower spiral packs discs less tightly than a grid. */
const SPREAD_ROOM = 1.25;

/** How far a spread of circles of these radii reaches from its centre (in the radii's units). */
export function spreadReach(radii: Iterable<number>): number {
  let total = 0;
  for (const r of radii) total += (2 * r) ** 2;
  return Math.sqrt((SPREAD_ROOM * total) / Math.PI);
}

/**
 * Where an opened group's members go: spread evenly over its cell (`anchor`), so that they can be told apart. The
 * server's layout packs a community's core tightly and flings a few members far out; scaled into the cell, most of
 * them lie on each other in its middle. Here each member gets room for its circle as drawn (`radius`, in the graph's
 * units, gap included), on a sunflower spiral (Vogel's), the largest in the middle, and keeps its side of the layout:
 * each few in turn are matched to their places by angle, so that neighbours in the layout stay on the same side. A
 * cell too small for its circles (a narrow canvas) is outgrown.
 */
export function spreadMembers(
  members: readonly { id: string; x: number; y: number; size: number }[],
  anchor: Anchor,
  radius: (size: number) => number,
): Map<string, Placed> {
  const from = (m: Placed): { r: number; angle: number } => {
    const [dx, dy] = [m.x - anchor.x, m.y - anchor.y];
    return { r: Math.hypot(dx, dy), angle: Math.atan2(dy, dx) };
  };
  // The largest in the middle, where the spiral's turns are widest apart; then by distance from it in the layout.
  const order = [...members].sort((a, b) => b.size - a.size || from(a).r - from(b).r || (a.id < b.id ? -1 : 1));
  // Each member's share of the spread's area: the square its circle takes.
  const room = order.map((m) => (2 * radius(m.size)) ** 2);
  const total = room.reduce((sum, r) => sum + r, 0) || 1;
  const reach = Math.max(anchor.r, spreadReach(order.map((m) => radius(m.size))));
  let before = 0;
  const places = order.map((_m, i) => {
    const r = reach * Math.sqrt((before + room[i]! / 2) / total);
    before += room[i]!;
    const angle = i * GOLDEN_ANGLE;
    return {
      x: anchor.x + r * Math.cos(angle),
      y: anchor.y + r * Math.sin(angle),
      angle: Math.atan2(Math.sin(angle), Math.cos(angle)),
    };
  });
  const placed: { id: string; x: number; y: number; r: number }[] = [];
  for (let start = 0; start < order.length; start += SPREAD_BLOCK) {
    const block = order.slice(start, start + SPREAD_BLOCK).sort((a, b) => from(a).angle - from(b).angle);
    const spots = places.slice(start, start + SPREAD_BLOCK).sort((a, b) => a.angle - b.angle);
    block.forEach((m, i) => placed.push({ id: m.id, x: spots[i]!.x, y: spots[i]!.y, r: radius(m.size) }));
  }
  pushApart(placed);
  return new Map(placed.map((p) => [p.id, { x: p.x, y: p.y }]));
}

/** Rounds of pushing overlapping circles apart: the spiral's inner turns are too tight for the largest members. */
const PUSH_ROUNDS = 60;

/**
 * Moves circles that overlap apart, each by half the overlap, a few rounds (the spiral leaves few to move). Each
 * round sweeps them from left to right: a circle is compared with those that start within reach of it only.
 */
function pushApart(circles: { x: number; y: number; r: number }[]): void {
  const widest = Math.max(0, ...circles.map((c) => c.r));
  for (let round = 0; round < PUSH_ROUNDS; round++) {
    let moved = false;
    circles.sort((a, b) => a.x - b.x);
    for (let i = 0; i < circles.length; i++) {
      for (let j = i + 1; j < circles.length && circles[j]!.x - circles[i]!.x < circles[i]!.r + widest; j++) {
        const [a, b] = [circles[i]!, circles[j]!];
        const [dx, dy] = [b.x - a.x, b.y - a.y];
        const distance = Math.hypot(dx, dy) || 1e-9;
        const overlap = a.r + b.r - distance;
        if (overlap <= 0) continue;
        const [ux, uy] = [dx / distance, dy / distance];
        a.x -= (ux * overlap) / 2;
        a.y -= (uy * overlap) / 2;
        b.x += (ux * overlap) / 2;
        b.y += (uy * overlap) / 2;
        moved = true;
      }
    }
    if (!moved) return;
  }
}
