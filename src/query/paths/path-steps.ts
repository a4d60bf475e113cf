// The folded steps of a found path: every usable edge between two consecutive nodes, and what the path costs.
import { PATH_COSTS } from "../../api/parameters";
import type { AdjacencyView } from "../adjacency-index";
import { stepPenalty } from "./path-costs";
import type { PathSearch } from "./path-search";

/** A run of adjacency entries: positions `start..end` of a view, all between the same two nodes. */
export interface Run {
  start: number;
  end: number;
}

/**
 * The entries of `u` in `view` that lead to `w`, from the first usable one (`edgeAllowed`) to the last of the run:
 * the CSR lists are sorted by neighbour, so parallel edges are adjacent. Empty (start = end) when none is usable.
 */
export function usableRun(view: AdjacencyView, edgeAllowed: Uint8Array, u: number, w: number): Run {
  const { offsets, neighbors, edgeTypes } = view;
  const low = firstEntry(neighbors, offsets[u]!, offsets[u + 1]!, w);
  let end = low;
  while (end < offsets[u + 1]! && neighbors[end] === w) end++;
  let start = low;
  while (start < end && edgeAllowed[edgeTypes[start]!] === 0) start++;
  return { start, end };
}

/** The first position of `w` in the sorted list `neighbors[start..end)`, or where it would stand: end if past all. */
export function firstEntry(neighbors: Int32Array, start: number, end: number, w: number): number {
  let low = start;
  let high = end;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (neighbors[middle]! < w) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The runs of a path's steps, in the view walked from the start. */
export function pathRuns(search: Pick<PathSearch, "filter">, nodes: readonly number[]): Run[] {
  const { fromView, edgeAllowed } = search.filter;
  return nodes.slice(1).map((w, i) => usableRun(fromView, edgeAllowed, nodes[i]!, w));
}

/**
 * What a path costs under PATH_COSTS: per step a hop and the penalty of its best claim, per node passed through its
 * hub cost. Added up in the order the cheapest-first search adds them, so that both give the same number.
 */
export function pathCost(search: Pick<PathSearch, "filter" | "costs">, nodes: readonly number[]): number {
  const { fromView, edgeAllowed } = search.filter;
  const runs = pathRuns(search, nodes);
  let cost = 0;
  let previous: Run = { start: 0, end: 0 };
  runs.forEach((run, i) => {
    const penalty = stepPenalty(search.costs, fromView, edgeAllowed, run.start, run.end, previous.start, previous.end);
    cost = cost + PATH_COSTS.hop + penalty;
    if (i + 1 < runs.length) cost += search.costs.hubCost[nodes[i + 1]!]!;
    previous = run;
  });
  return cost;
}
