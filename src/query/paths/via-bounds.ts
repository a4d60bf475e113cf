// Lower bounds for paths that must pass through given nodes (via), in any order: how many steps remain at least.
import type { PathSearch } from "./path-search";
import { SPENT, YIELD, type SearchBudget } from "./search-budget";

/**
 * For a search with via nodes: exact distances (under the query's filter, up to maxHops) from every node to each
 * via node and to the end, and, for every set of via nodes already passed, the fewest steps that still visit the
 * others in the best order and end at `to`. `bound(w, mask)` never overestimates the steps a path from `w` needs.
 */
export class ViaBounds {
  /** The mask of a path that has passed every via node. */
  readonly full: number;

  private constructor(
    private readonly via: readonly number[],
    /** distances[j][w]: steps from w to via node j; distances[via.length][w]: steps from w to the end. */
    private readonly distances: Int32Array[],
    /** tail[mask * via.length + j]: fewest steps from via node j, with `mask` passed, through the rest to the end. */
    private readonly tail: Int32Array,
  ) {
    this.full = (1 << via.length) - 1;
  }

  /** The bit of `w` when it is a via node, else 0. */
  viaBit(w: number): number {
    const j = this.via.indexOf(w);
    return j < 0 ? 0 : 1 << j;
  }

  /** At least how many steps a path from `w`, having passed the via nodes in `mask`, still needs. */
  bound(w: number, mask: number): number {
    const count = this.via.length;
    if (mask === this.full) return this.distances[count]![w]!;
    let best = Number.MAX_SAFE_INTEGER;
    for (let j = 0; j < count; j++) {
      const bit = 1 << j;
      if (mask & bit) continue;
      const steps = this.distances[j]![w]! + this.tail[(mask | bit) * count + j]!;
      if (steps < best) best = steps;
    }
    return best;
  }

  /**
   * Runs one breadth-first search per via node and one from the end (each up to maxHops, yielding when the clock is
   * due), then the table of tails. Null when the budget ran out first.
   */
  static *build(
    search: Pick<PathSearch, "index" | "from" | "to" | "filter" | "clock" | "options" | "via">,
    budget: SearchBudget,
  ): Generator<void, ViaBounds | null, undefined> {
    const { via, to, options } = search;
    const unreached = options.maxHops + 1;
    const distances: Int32Array[] = [];
    for (const target of [...via, to]) {
      const distance = yield* distancesTo(search, target, unreached, budget);
      if (distance === null) return null;
      distances.push(distance);
    }
    const count = via.length;
    const tail = new Int32Array((1 << count) * count);
    const full = (1 << count) - 1;
    for (let mask = full; mask > 0; mask--) {
      for (let j = 0; j < count; j++) {
        if (!(mask & (1 << j))) continue;
        let best = mask === full ? distances[count]![via[j]!]! : Number.MAX_SAFE_INTEGER;
        for (let k = 0; k < count && mask !== full; k++) {
          if (mask & (1 << k)) continue;
          const steps = distances[k]![via[j]!]! + tail[(mask | (1 << k)) * count + k]!;
          if (steps < best) best = steps;
        }
        tail[mask * count + j] = Math.min(best, 2 * unreached * (count + 1));
      }
    }
    return new ViaBounds(via, distances, tail);
  }
}

/**
 * Steps from every node to `target` along the query's walk (over the view walked back from the end), under its
 * filter, up to `unreached - 1`; `unreached` beyond. Neither the start nor the end of the query is passed through.
 */
function* distancesTo(
  search: Pick<PathSearch, "index" | "from" | "to" | "filter" | "clock">,
  target: number,
  unreached: number,
  budget: SearchBudget,
): Generator<void, Int32Array | null, undefined> {
  const { index, from, to, filter, clock } = search;
  const { edgeAllowed, nodeAllowed, avoided, checkEdges, checkNodes, toView } = filter;
  const nodeClass = index.nodeClass;
  const distance = new Int32Array(index.nodeCount).fill(unreached);
  const queue = index.scratch.queueA;
  distance[target] = 0;
  queue[0] = target;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const u = queue[head++]!;
    const next = distance[u]! + 1;
    if (next >= unreached) break;
    for (let p = toView.offsets[u]!, end = toView.offsets[u + 1]!; p < end; p++) {
      const state = budget.tick();
      if (state === SPENT) return null;
      if (state === YIELD) yield* clock.pause();
      if (checkEdges && edgeAllowed[toView.edgeTypes[p]!] === 0) continue;
      const w = toView.neighbors[p]!;
      if (distance[w] !== unreached) continue;
      distance[w] = next;
      // The ends of the query are labelled but never passed through; nor is a node the filter forbids.
      if (w === from || w === to) continue;
      if (checkNodes && (nodeAllowed[nodeClass[w]!] === 0 || (avoided !== null && avoided[w] === 1))) {
        distance[w] = unreached;
        continue;
      }
      queue[tail++] = w;
    }
  }
  return distance;
}
