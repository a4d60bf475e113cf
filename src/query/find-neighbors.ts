// The neighbourhood of a node: a breadth-first search over the adjacency index, cut to the best-connected nodes.
import { nextGeneration, type AdjacencyIndex } from "./adjacency-index";
import type { NeighborsOptions } from "./neighbors-options";
import { CLOCK_INTERVAL, type SliceClock } from "./slice-clock";

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
 *
 * A resumable search: it yields whenever `clock` is due (`runToEnd` runs it in one piece). The index's scratch
 * memory holds its state between slices: no other query may use the index until it is done.
 */
export function* findNeighbors(
  index: AdjacencyIndex,
  centre: number,
  options: NeighborsOptions,
  clock: SliceClock,
): Generator<void, IndexNeighborhood, undefined> {
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
  let work = 0;
  /** Counts adjacency entries read; yields when a slice is over (checked every CLOCK_INTERVAL entries). */
  const pauseAfter = function* (entries: number): Generator<void, void, undefined> {
    work += entries;
    if (work < CLOCK_INTERVAL) return;
    work = 0;
    if (clock.due()) yield* clock.pause();
  };
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
    yield* pauseAfter(offsets[u + 1]! - offsets[u]!);
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

  const breathe = function* (): Generator<void, void, undefined> {
    if (clock.due()) yield* clock.pause();
  };
  // Between the steps below, none of which holds the loop for long: the sorts are native sorts of typed arrays.
  yield* breathe();
  const reached = byRingThenDegree(index, queueA.subarray(1, tail), distA);
  const truncated = tail > options.limit;
  const nodes = [centre, ...reached.subarray(0, options.limit - 1)];
  yield* breathe();
  let kept = Int32Array.from(met).sort();
  if (truncated) {
    // Both stamps are drawn first: drawing one may clear every mark (on the rare wrap-around), never after marking.
    const keep = nextGeneration(scratch);
    const listed = nextGeneration(scratch);
    for (const v of nodes) stampA[v] = keep;
    const inside = new Int32Array(kept.length);
    let count = 0;
    for (let i = 0; i < kept.length; i++) {
      if (i % CLOCK_INTERVAL === 0) yield* breathe();
      const e = kept[i]!;
      if (stampA[index.edgeSource[e]!] === keep && stampA[index.edgeTarget[e]!] === keep) inside[count++] = e;
    }
    kept = inside.subarray(0, count);
    if (stoppedAtRing >= 0) {
      // The last ring was not expanded: its kept nodes' allowed edges to other kept nodes are still to be added.
      for (const e of kept) edgeStamp[e] = listed;
      const extra: number[] = [];
      for (const u of nodes) {
        if (distA[u] !== stoppedAtRing) continue;
        yield* pauseAfter(offsets[u + 1]! - offsets[u]!);
        for (let p = offsets[u]!, end = offsets[u + 1]!; p < end; p++) {
          if (edgeAllowed[edgeTypes[p]!] === 0 || stampA[neighbors[p]!] !== keep) continue;
          const signed = edges[p]!;
          const e = signed < 0 ? ~signed : signed;
          if (edgeStamp[e] === listed) continue;
          edgeStamp[e] = listed;
          extra.push(e);
        }
      }
      if (extra.length > 0) {
        const joined = new Int32Array(kept.length + extra.length);
        joined.set(kept);
        joined.set(extra, kept.length);
        kept = joined.sort();
      }
    }
  }
  let edgesTruncated = false;
  if (kept.length > options.edgeLimit) {
    // Edges at the centre first, then nearer rings: the view stays anchored on the node that was asked for. The
    // rank (below 16) and the edge id (below 2^31) share one exact double, so a native sort orders by both.
    const ranked = new Float64Array(kept.length);
    for (let i = 0; i < kept.length; i++) {
      if (i % CLOCK_INTERVAL === 0) yield* breathe();
      const e = kept[i]!;
      const a = distA[index.edgeSource[e]!]!;
      const b = distA[index.edgeTarget[e]!]!;
      ranked[i] = (Math.min(a, b) * 4 + Math.max(a, b)) * EDGE_ID_SPAN + e;
    }
    ranked.sort();
    yield* breathe();
    const cut = new Int32Array(options.edgeLimit);
    for (let i = 0; i < cut.length; i++) cut[i] = ranked[i]! % EDGE_ID_SPAN;
    kept = cut.sort();
    edgesTruncated = true;
  }
  return {
    nodes,
    edges: Array.from(kept),
    truncated: truncated || edgesTruncated,
    counts: { nodes: tail, edges: met.length },
  };
}

/**
 * The reached nodes by ring (nearest first), then degree (largest first), then id. One exact double per node holds
 * all three, so a native typed-array sort does it; a comparator sort is kept for graphs too large for that.
 */
function byRingThenDegree(index: AdjacencyIndex, reached: Int32Array, distA: Int32Array): Int32Array {
  const { offsets } = index.both;
  const degree = (v: number): number => offsets[v + 1]! - offsets[v]!;
  let top = 0;
  for (const v of reached) top = Math.max(top, degree(v));
  const n = index.nodeCount;
  const span = (top + 1) * n;
  let maxRing = 0;
  for (const v of reached) maxRing = Math.max(maxRing, distA[v]!);
  if ((maxRing + 1) * span > Number.MAX_SAFE_INTEGER) {
    return Int32Array.from(reached).sort((a, b) => distA[a]! - distA[b]! || degree(b) - degree(a) || a - b);
  }
  const keys = new Float64Array(reached.length);
  for (let i = 0; i < reached.length; i++) {
    const v = reached[i]!;
    keys[i] = distA[v]! * span + (top - degree(v)) * n + v;
  }
  keys.sort();
  return Int32Array.from(keys, (key) => key % n);
}

/** More than any edge id (an Int32Array index): the rank of an edge is stored above it in one double. */
const EDGE_ID_SPAN = 2 ** 31;
