// Bidirectional breadth-first search over the adjacency index: the shortest path length, and one shortest path.
import { nextGeneration, type AdjacencyIndex, type AdjacencyView } from "../adjacency-index";
import { CLOCK_INTERVAL } from "../slice-clock";
import type { PathSearch } from "./path-search";

/** A path in integer form: `edges[i]` joins `nodes[i]` and `nodes[i+1]`; `e` runs along the walk, `~e` against it. */
export interface IndexPath {
  nodes: number[];
  edges: number[];
}

export interface ShortestSearch {
  length: number;
  /** One shortest path, when asked for. */
  path?: IndexPath;
}

/**
 * The shortest path from `from` to `to` (integers, different) of at most `maxLength` edges under `filter`, or null.
 * Level-synchronous: the side with the smaller frontier grows by one whole level, and the best meeting found in a
 * level is the optimum. Nodes the filter forbids (by type, or avoided) are never entered, except the two ends. Via
 * nodes are not its business: with them, its length is only a lower bound.
 *
 * A resumable search: it yields whenever `clock` is due. The index's scratch memory holds its state between
 * slices: no other query may use the index meanwhile.
 */
export function* bidirectionalSearch(
  search: Pick<PathSearch, "index" | "from" | "to" | "filter" | "clock">,
  maxLength: number,
  wantPath: boolean,
): Generator<void, ShortestSearch | null, undefined> {
  const { index, from, to, filter, clock } = search;
  const scratch = index.scratch;
  const generation = nextGeneration(scratch);
  const { stampA, distA, prevA, viaA, stampB, distB, prevB, viaB, queueA, queueB } = scratch;
  const { edgeAllowed, nodeAllowed, avoided, checkEdges, checkNodes } = filter;
  const nodeClass = index.nodeClass;

  stampA[from] = generation;
  distA[from] = 0;
  stampB[to] = generation;
  distB[to] = 0;
  queueA[0] = from;
  queueB[0] = to;
  let headA = 0;
  let tailA = 1;
  let headB = 0;
  let tailB = 1;
  let depthA = 0;
  let depthB = 0;
  let best = Infinity;
  let meet = -1;
  let work = 0;

  while (headA < tailA && headB < tailB) {
    if (depthA + depthB >= maxLength) return null;
    const growA = tailA - headA <= tailB - headB;
    const view: AdjacencyView = growA ? filter.fromView : filter.toView;
    const { offsets, neighbors, edges, edgeTypes } = view;
    const stamp = growA ? stampA : stampB;
    const dist = growA ? distA : distB;
    const prev = growA ? prevA : prevB;
    const via = growA ? viaA : viaB;
    const queue = growA ? queueA : queueB;
    const otherStamp = growA ? stampB : stampA;
    const otherDist = growA ? distB : distA;
    const levelEnd = growA ? tailA : tailB;
    let head = growA ? headA : headB;
    let tail = levelEnd;
    const nextDepth = (growA ? depthA : depthB) + 1;
    for (; head < levelEnd; head++) {
      const u = queue[head]!;
      // The clock is read per node rather than per entry, to keep the inner loop tight.
      work += offsets[u + 1]! - offsets[u]!;
      if (work >= CLOCK_INTERVAL) {
        work = 0;
        if (clock.due()) yield* clock.pause();
      }
      for (let p = offsets[u]!, end = offsets[u + 1]!; p < end; p++) {
        if (checkEdges && edgeAllowed[edgeTypes[p]!] === 0) continue;
        const w = neighbors[p]!;
        if (stamp[w] === generation) continue;
        if (
          checkNodes &&
          w !== from &&
          w !== to &&
          (nodeAllowed[nodeClass[w]!] === 0 || (avoided !== null && avoided[w] === 1))
        )
          continue;
        stamp[w] = generation;
        dist[w] = nextDepth;
        if (wantPath) {
          prev[w] = u;
          via[w] = edges[p]!;
        }
        if (otherStamp[w] === generation) {
          const length = nextDepth + otherDist[w]!;
          if (length < best) {
            best = length;
            meet = w;
          }
        } else {
          queue[tail++] = w;
        }
      }
    }
    if (growA) {
      headA = head;
      tailA = tail;
      depthA = nextDepth;
    } else {
      headB = head;
      tailB = tail;
      depthB = nextDepth;
    }
    if (meet >= 0) {
      if (best > maxLength) return null;
      return wantPath ? { length: best, path: reconstruct(index, from, to, meet) } : { length: best };
    }
  }
  return null;
}

function reconstruct(index: AdjacencyIndex, from: number, to: number, meet: number): IndexPath {
  const { prevA, viaA, prevB, viaB } = index.scratch;
  const nodes: number[] = [meet];
  const edges: number[] = [];
  for (let v = meet; v !== from; v = prevA[v]!) {
    nodes.push(prevA[v]!);
    edges.push(viaA[v]!);
  }
  nodes.reverse();
  edges.reverse();
  for (let v = meet; v !== to; v = prevB[v]!) {
    nodes.push(prevB[v]!);
    // viaB was read from the later node's list, so it points the other way along the walk.
    edges.push(~viaB[v]!);
  }
  return { nodes, edges };
}
