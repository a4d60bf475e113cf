// The practical limit for path queries: a minimal typed-array CSR graph and a bidirectional BFS, nothing else.

/** An undirected CSR graph: the neighbours of `v` are `targets[offsets[v]..offsets[v+1]]`, with edge type codes. */
export interface CsrReference {
  nodeCount: number;
  offsets: Int32Array;
  targets: Int32Array;
  types: Uint8Array;
  /** Scratch: per-node visit stamps and distances of the two searches, and their queues. */
  seenA: Int32Array;
  seenB: Int32Array;
  distA: Int32Array;
  distB: Int32Array;
  queueA: Int32Array;
  queueB: Int32Array;
  stamp: number;
}

/** Builds the reference from integer edge lists (each edge both ways), in two counting passes. */
export function buildCsrReference(
  nodeCount: number,
  sources: Int32Array,
  targets: Int32Array,
  types: Uint8Array,
): CsrReference {
  const offsets = new Int32Array(nodeCount + 1);
  for (let e = 0; e < sources.length; e++) {
    offsets[sources[e]! + 1]!++;
    offsets[targets[e]! + 1]!++;
  }
  for (let v = 0; v < nodeCount; v++) offsets[v + 1]! += offsets[v]!;
  const cursor = offsets.slice(0, nodeCount);
  const adjacent = new Int32Array(sources.length * 2);
  const adjacentTypes = new Uint8Array(sources.length * 2);
  for (let e = 0; e < sources.length; e++) {
    const a = sources[e]!;
    const b = targets[e]!;
    let p = cursor[a]!++;
    adjacent[p] = b;
    adjacentTypes[p] = types[e]!;
    p = cursor[b]!++;
    adjacent[p] = a;
    adjacentTypes[p] = types[e]!;
  }
  return {
    nodeCount,
    offsets,
    targets: adjacent,
    types: adjacentTypes,
    seenA: new Int32Array(nodeCount),
    seenB: new Int32Array(nodeCount),
    distA: new Int32Array(nodeCount),
    distB: new Int32Array(nodeCount),
    queueA: new Int32Array(nodeCount),
    queueB: new Int32Array(nodeCount),
    stamp: 0,
  };
}

/**
 * Shortest path length between `from` and `to` ignoring direction, using only edges whose type code has
 * `allowed[code] === 1` (null: every edge); null when unreachable. Level-synchronous bidirectional BFS that grows
 * the smaller frontier, like the engine's, so the two do the same work and differ only in overhead.
 */
export function csrShortestPathLength(
  g: CsrReference,
  from: number,
  to: number,
  allowed: Uint8Array | null,
): number | null {
  if (from === to) return 0;
  const stamp = ++g.stamp;
  const { offsets, targets, types, seenA, seenB, distA, distB, queueA, queueB } = g;
  seenA[from] = stamp;
  distA[from] = 0;
  seenB[to] = stamp;
  distB[to] = 0;
  queueA[0] = from;
  queueB[0] = to;
  let headA = 0;
  let tailA = 1;
  let headB = 0;
  let tailB = 1;
  while (headA < tailA && headB < tailB) {
    const growA = tailA - headA <= tailB - headB;
    const seen = growA ? seenA : seenB;
    const dist = growA ? distA : distB;
    const other = growA ? seenB : seenA;
    const otherDist = growA ? distB : distA;
    const queue = growA ? queueA : queueB;
    let head = growA ? headA : headB;
    const levelEnd = growA ? tailA : tailB;
    let tail = levelEnd;
    let best = Infinity;
    for (; head < levelEnd; head++) {
      const u = queue[head]!;
      const next = dist[u]! + 1;
      for (let p = offsets[u]!, end = offsets[u + 1]!; p < end; p++) {
        if (allowed !== null && allowed[types[p]!] === 0) continue;
        const w = targets[p]!;
        if (seen[w] === stamp) continue;
        seen[w] = stamp;
        dist[w] = next;
        if (other[w] === stamp) {
          if (next + otherDist[w]! < best) best = next + otherDist[w]!;
        } else queue[tail++] = w;
      }
    }
    if (best !== Infinity) return best;
    if (growA) {
      headA = head;
      tailA = tail;
    } else {
      headB = head;
      tailB = tail;
    }
  }
  return null;
}
