// The ball around the end of a path search: exact distances to the end near it, a lower bound everywhere else.
import { nextGeneration } from "../adjacency-index";
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
    }
    return true;
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
