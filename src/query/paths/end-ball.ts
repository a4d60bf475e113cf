// The ball around the end of a path search: exact distances to the end near it, a lower bound everywhere else, and
// the least the last steps of a path cost.
import { PATH_COSTS } from "../../api/parameters";
import { nextGeneration } from "../adjacency-index";
import { MIN_HUB_COST } from "./path-costs";
import type { PathSearch } from "./path-search";
import { SPENT, YIELD, type SearchBudget } from "./search-budget";

/**
 * A breadth-first ball grown around `to` over the view walked back from it, under the query's filter: every node
 * within `radius` steps of the end is labelled with its exact distance, so `bound(w)` (that distance, or radius + 1
 * outside the ball) never overestimates how many steps remain from `w`. The start is never passed through.
 * It keeps its labels in the index's scratch (stampB, distB, queueB): one ball per search.
 */
export class EndBall {
  radius = 0;
  private readonly generation: number;
  private levelStart = 0;
  private levelEnd = 1;
  /** ends[d]: how many nodes of the queue lie within d steps of the end (the queue holds them level by level). */
  private readonly ends: number[] = [1];
  /** Nothing was left to reach: the ball holds every node the end can reach under the filter. */
  private exhausted = false;

  constructor(
    private readonly search: Pick<PathSearch, "index" | "from" | "to" | "filter" | "clock">,
    private readonly budget: SearchBudget,
  ) {
    const { stampB, distB, queueB } = search.index.scratch;
    this.generation = nextGeneration(search.index.scratch);
    stampB[search.to] = this.generation;
    distB[search.to] = 0;
    queueB[0] = search.to;
  }

  /** Nodes labelled so far. */
  get size(): number {
    return this.levelEnd;
  }

  /** Grows the ball to `radius` (or until nothing is left to reach); false when the budget ran out first. */
  *grow(radius: number): Generator<void, boolean, undefined> {
    const { index, from, filter, clock } = this.search;
    const { stampB, distB, queueB } = index.scratch;
    const { edgeAllowed, nodeAllowed, avoided, checkEdges, checkNodes, toView } = filter;
    const nodeClass = index.nodeClass;
    const generation = this.generation;
    while (this.radius < radius) {
      if (this.levelStart === this.levelEnd) {
        this.radius = Infinity;
        this.exhausted = true;
        return true;
      }
      let tail = this.levelEnd;
      for (let head = this.levelStart; head < this.levelEnd; head++) {
        const u = queueB[head]!;
        for (let p = toView.offsets[u]!, end = toView.offsets[u + 1]!; p < end; p++) {
          const state = this.budget.tick();
          if (state === SPENT) return false;
          if (state === YIELD) yield* clock.pause();
          if (checkEdges && edgeAllowed[toView.edgeTypes[p]!] === 0) continue;
          const w = toView.neighbors[p]!;
          if (stampB[w] === generation) continue;
          if (checkNodes && w !== from && (nodeAllowed[nodeClass[w]!] === 0 || (avoided !== null && avoided[w] === 1)))
            continue;
          stampB[w] = generation;
          distB[w] = this.radius + 1;
          // The start is never passed through, so its neighbours are not reached through it.
          if (w !== from) queueB[tail++] = w;
        }
      }
      this.levelStart = this.levelEnd;
      this.levelEnd = tail;
      this.radius++;
      this.ends.push(tail);
    }
    return true;
  }

  /**
   * How many nodes lie within `steps` of the end, when the ball knows them all (its radius reaches `steps`, or it
   * holds the whole component): they are `queue[0..count)`, the end first, nearer nodes before farther ones. The
   * start, never passed through, is not among them. -1 when the ball does not reach that far.
   */
  within(steps: number): number {
    if (steps < this.ends.length) return this.ends[steps]!;
    return this.exhausted ? this.levelEnd : -1;
  }

  /** The ball's nodes, nearest first (see `within`). */
  get queue(): Int32Array {
    return this.search.index.scratch.queueB;
  }

  /** A lower bound on the steps from `w` to the end: exact inside the ball, radius + 1 outside. */
  bound(w: number): number {
    const { stampB, distB } = this.search.index.scratch;
    return stampB[w] === this.generation ? distB[w]! : this.radius + 1;
  }

  /** The scratch marks and generation, for a search's innermost loop to read without a call. */
  get marks(): { stamp: Int32Array; dist: Int32Array; generation: number } {
    const { stampB, distB } = this.search.index.scratch;
    return { stamp: stampB, dist: distB, generation: this.generation };
  }
}

/**
 * Lower bounds of what the last `j` steps to the end cost, by j (0..maxHops): a hop each, and a hub cost for each
 * node passed on the way, the cheapest among the nodes at its distance from the end. A path from j steps away
 * passes through every distance from j - 1 down to 1, so it pays at least that much; beyond the ball's complete
 * levels (or without a ball), at least MIN_HUB_COST per node. When every route to the end passes through hubs
 * (an end whose few neighbours are all hubs), the bound says so, and partial paths far from the end are never
 * expanded only to fail.
 */
export function restCosts(ball: EndBall | null, hubCost: Float64Array, maxHops: number): Float64Array {
  const rest = new Float64Array(maxHops + 1);
  let passedOn = 0;
  for (let j = 1; j <= maxHops; j++) {
    rest[j] = j * PATH_COSTS.hop + passedOn;
    // The node passed at distance j, on the way from farther out.
    let cheapest = Infinity;
    const levelEnd = ball === null ? -1 : ball.within(j);
    if (levelEnd >= 0) {
      const queue = ball!.queue;
      for (let i = ball!.within(j - 1); i < levelEnd; i++) cheapest = Math.min(cheapest, hubCost[queue[i]!]!);
    }
    passedOn += cheapest === Infinity ? MIN_HUB_COST : Math.max(MIN_HUB_COST, cheapest);
  }
  return rest;
}
