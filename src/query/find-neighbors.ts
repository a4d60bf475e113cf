// The neighbourhood of a node: a breadth-first search over the adjacency index, cut to the best-connected nodes.
import { nextGeneration, type AdjacencyIndex } from "./adjacency-index";
import type { NeighborsOptions } from "./neighbors-options";

export interface IndexNeighborhood {
  /** Integer node ids: the centre first, then by depth, degree (largest first) and id. */
  nodes: number[];
  /** Integer edge ids in graph order, both ends among `nodes`. */
  edges: number[];
  truncated: boolean;
  counts: { nodes: number; edges: number };
}

/**
 * Breadth-first search from `centre` up to `options.depth` steps, following allowed edge types in the allowed
 * direction and entering only allowed node types. Returns every node reached and every allowed edge met on the way
 * (from a node closer than `depth` to a node reached). When more than `limit` nodes are reached, keeps the centre and
 * then the nearest rings first, largest degree first within a ring, so every kept node stays linked to the centre.
 *
 * Once the rings reached so far already hold more than `limit` nodes, no further ring could be kept, so the search
 * stops there instead of expanding it (a depth-2 neighbourhood of a hub would otherwise walk most of the graph); it
 * then collects the edges among the kept nodes of the last ring directly. The answer is the same; `counts` are then
 * what the search met before it stopped. At most `edgeLimit` edges are returned, those at the centre first.
 */
export function findNeighbors(index: AdjacencyIndex, centre: number, options: NeighborsOptions): IndexNeighborhood {
  const view = options.direction === "out" ? index.out : options.direction === "in" ? index.in : index.both;
  const { offsets, neighbors, edges, edgeTypes } = view;
  const edgeAllowed = new Uint8Array(index.edgeTypeNames.length).fill(options.edgeTypes ? 0 : 1);
  for (const name of options.edgeTypes ?? []) edgeAllowed[index.edgeTypeCode.get(name)!] = 1;
  const nodeAllowed = new Uint8Array(index.nodeTypeNames.length).fill(options.nodeTypes ? 0 : 1);
  for (const name of options.nodeTypes ?? []) nodeAllowed[index.nodeTypeCode.get(name)!] = 1;

  const scratch = index.scratch;
  const generation = nextGeneration(scratch);
  const { stampA, distA, queueA, edgeStamp } = scratch;
  stampA[centre] = generation;
  distA[centre] = 0;
  queueA[0] = centre;
  let tail = 1;
  let ringEnd = 1;
  let stoppedAtRing = -1;
  const met: number[] = [];
  for (let head = 0; head < tail; head++) {
    const u = queueA[head]!;
    const depth = distA[u]!;
    if (depth >= options.depth) break;
    if (head === ringEnd) {
      // A new ring begins: if the rings so far already overflow the limit, nothing further out can be kept.
      if (tail > options.limit) {
        stoppedAtRing = depth;
        break;
      }
      ringEnd = tail;
    }
    for (let p = offsets[u]!, end = offsets[u + 1]!; p < end; p++) {
      if (edgeAllowed[edgeTypes[p]!] === 0) continue;
      const w = neighbors[p]!;
      if (stampA[w] !== generation) {
        if (nodeAllowed[index.nodeType[w]!] === 0) continue;
        stampA[w] = generation;
        distA[w] = depth + 1;
        queueA[tail++] = w;
      }
      const signed = edges[p]!;
      const e = signed < 0 ? ~signed : signed;
      if (edgeStamp[e] !== generation) {
        edgeStamp[e] = generation;
        met.push(e);
      }
    }
  }

  const degree = (v: number): number => index.both.offsets[v + 1]! - index.both.offsets[v]!;
  const reached = Array.from(queueA.subarray(1, tail));
  reached.sort((a, b) => distA[a]! - distA[b]! || degree(b) - degree(a) || a - b);
  const truncated = tail > options.limit;
  const nodes = [centre, ...reached.slice(0, options.limit - 1)];
  met.sort((a, b) => a - b);
  let kept = met;
  if (truncated) {
    const keep = nextGeneration(scratch);
    for (const v of nodes) stampA[v] = keep;
    kept = met.filter((e) => stampA[index.edgeSource[e]!] === keep && stampA[index.edgeTarget[e]!] === keep);
    if (stoppedAtRing >= 0) {
      // The last ring was not expanded: its kept nodes' allowed edges to other kept nodes are still to be added.
      const extra = new Set<number>();
      for (const u of nodes) {
        if (distA[u] !== stoppedAtRing) continue;
        for (let p = offsets[u]!, end = offsets[u + 1]!; p < end; p++) {
          if (edgeAllowed[edgeTypes[p]!] === 0 || stampA[neighbors[p]!] !== keep) continue;
          const signed = edges[p]!;
          extra.add(signed < 0 ? ~signed : signed);
        }
      }
      for (const e of kept) extra.delete(e);
      if (extra.size > 0) kept = [...kept, ...extra].sort((a, b) => a - b);
    }
  }
  let edgesTruncated = false;
  if (kept.length > options.edgeLimit) {
    // Edges at the centre first, then nearer rings: the view stays anchored on the node that was asked for.
    const ring = (e: number): number => Math.max(distA[index.edgeSource[e]!]!, distA[index.edgeTarget[e]!]!);
    kept = kept
      .map((e) => ({ e, r: Math.min(distA[index.edgeSource[e]!]!, distA[index.edgeTarget[e]!]!) * 4 + ring(e) }))
      .sort((a, b) => a.r - b.r || a.e - b.e)
      .slice(0, options.edgeLimit)
      .map(({ e }) => e)
      .sort((a, b) => a - b);
    edgesTruncated = true;
  }
  return { nodes, edges: kept, truncated: truncated || edgesTruncated, counts: { nodes: tail, edges: met.length } };
}
