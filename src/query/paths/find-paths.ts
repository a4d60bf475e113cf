// The k shortest simple paths between two nodes within maxHops, over the adjacency index, shortest first.
import { nextGeneration } from "../adjacency-index";
import { bidirectionalSearch, type IndexPath } from "./bidirectional-search";
import { EndBall } from "./end-ball";
import type { PathSearch } from "./path-search";
import { SearchBudget, SPENT, YIELD } from "./search-budget";
import { ViaBounds } from "./via-bounds";

export interface IndexPathSearch {
  /** In the order of the ranking asked for; each a different sequence of nodes. */
  paths: IndexPath[];
  /** True when the time budget or the expansion cap stopped the search early. */
  truncated: boolean;
}

/** The ball around the end keeps growing towards exact bounds while it holds at most this many nodes. */
export const CHEAP_BALL_NODES = 4096;

/**
 * Finds up to `options.limit` simple paths (no repeated node) from `from` to `to` (different integers) of at most
 * `options.maxHops` edges, shortest first, ties in node id order. Parallel edges fold into one step: every path is
 * a different sequence of nodes, and `edges[i]` is the first usable edge between nodes i and i + 1 (the answer
 * lists them all). With via nodes, every path passes through all of them, in any order; avoided nodes are never
 * entered (the filter's mask).
 *
 * A bidirectional BFS first gives the shortest length (and one shortest path to fall back on if the budget runs
 * out). Then, for each length L from there up to maxHops, a depth-first enumeration extends a partial path of
 * depth i to a node w only when i + 1 + lb(w) <= L, where lb(w) is a lower bound on the distance from w to `to`:
 * exact inside a BFS ball grown around `to`, radius + 1 outside it. The ball reaches radius floor(L / 2) at least,
 * which keeps both the ball and the unpruned prefixes small, like a bidirectional search, and grows on towards
 * L - 1 (exact bounds everywhere) while it holds at most `cheapBallNodes` nodes. The paths found do not depend
 * on how far the ball grows, only the work done. With via nodes the bound is ViaBounds' instead.
 *
 * A resumable search: it yields whenever `clock` is due, so a caller can let other work run between slices (see
 * `pathsAsync`); `runToEnd` runs it in one piece. The time budget counts only the time spent searching
 * (`clock.workedMs()`), not the time spent suspended. The index's scratch memory holds the search's state between
 * slices: no other query may use the index until this one is done.
 */
export function* findPaths(
  search: PathSearch,
  cheapBallNodes = CHEAP_BALL_NODES,
): Generator<void, IndexPathSearch, undefined> {
  const { index, from, to, filter, options, clock } = search;
  const { maxHops, limit, maxExpansions, timeBudgetMs } = options;
  // Not bound by the time budget: it is linear, and its path is the answer of last resort.
  clock.enter("shortest path");
  const shortest = yield* bidirectionalSearch(search, maxHops, true);
  if (shortest === null) return { paths: [], truncated: false };
  const budget = new SearchBudget(clock, maxExpansions, timeBudgetMs);
  const fallback = (paths: IndexPath[]): IndexPathSearch => ({
    paths: paths.length === 0 && search.via.length === 0 && shortest.path ? [shortest.path] : paths,
    truncated: true,
  });

  let via: ViaBounds | null = null;
  let ball: EndBall | null = null;
  let firstLength = shortest.length;
  if (search.via.length > 0) {
    clock.enter("via bounds");
    via = yield* ViaBounds.build(search, budget);
    if (via === null) return fallback([]);
    firstLength = Math.max(firstLength, via.bound(from, 0));
  } else {
    ball = new EndBall(search, budget);
  }

  const { edgeAllowed, nodeAllowed, avoided, checkEdges, checkNodes } = filter;
  const nodeClass = index.nodeClass;
  const onPath = index.scratch.onPath;
  const pathGeneration = nextGeneration(index.scratch);
  const paths: IndexPath[] = [];
  const { offsets, neighbors, edges, edgeTypes } = filter.fromView;
  const stackNodes = new Int32Array(maxHops + 1);
  const stackEdges = new Int32Array(maxHops);
  const cursor = new Int32Array(maxHops + 1);
  /** Per depth, the neighbour last tried: parallel edges are adjacent in a CSR list, and fold into one step. */
  const lastTried = new Int32Array(maxHops + 1);
  /** Per depth, the via nodes passed (bits). */
  const passed = new Int32Array(maxHops + 1);
  const fullMask = via === null ? 0 : via.full;

  for (let length = firstLength; length <= maxHops; length++) {
    let outside = 0;
    let stamp = onPath;
    let dist = onPath;
    let ballGeneration = 0;
    if (ball !== null) {
      clock.enter("end ball");
      // Half the length at least; further, up to length - 1 (exact bounds), while the ball stays small.
      let ballOk = yield* ball.grow(Math.floor(length / 2));
      while (ballOk && ball.radius < length - 1 && ball.size <= cheapBallNodes)
        ballOk = yield* ball.grow(ball.radius + 1);
      if (!ballOk) return fallback(paths);
      outside = ball.radius + 1;
      ({ stamp, dist, generation: ballGeneration } = ball.marks);
    }
    clock.enter("enumeration");
    let depth = 0;
    stackNodes[0] = from;
    cursor[0] = offsets[from]!;
    lastTried[0] = -1;
    passed[0] = 0;
    onPath[from] = pathGeneration;
    while (depth >= 0) {
      const u = stackNodes[depth]!;
      const p = cursor[depth]!;
      if (p >= offsets[u + 1]!) {
        onPath[u] = 0;
        depth--;
        continue;
      }
      cursor[depth] = p + 1;
      const state = budget.tick();
      if (state === SPENT) return fallback(paths);
      if (state === YIELD) yield* clock.pause();
      if (checkEdges && edgeAllowed[edgeTypes[p]!] === 0) continue;
      const w = neighbors[p]!;
      if (w === lastTried[depth]) continue;
      lastTried[depth] = w;
      if (w === to) {
        if (depth + 1 === length && passed[depth] === fullMask) {
          stackEdges[depth] = edges[p]!;
          paths.push({
            nodes: [...stackNodes.subarray(0, depth + 1), to],
            edges: [...stackEdges.subarray(0, depth + 1)],
          });
          if (paths.length >= limit) return { paths, truncated: false };
        }
        continue;
      }
      if (onPath[w] === pathGeneration) continue;
      if (checkNodes && (nodeAllowed[nodeClass[w]!] === 0 || (avoided !== null && avoided[w] === 1))) continue;
      let mask = 0;
      let bound: number;
      if (via === null) {
        bound = stamp[w] === ballGeneration ? dist[w]! : outside;
      } else {
        mask = passed[depth]! | via.viaBit(w);
        bound = via.bound(w, mask);
      }
      if (depth + 1 + bound > length) continue;
      stackEdges[depth] = edges[p]!;
      depth++;
      stackNodes[depth] = w;
      cursor[depth] = offsets[w]!;
      lastTried[depth] = -1;
      passed[depth] = mask;
      onPath[w] = pathGeneration;
    }
  }
  // Marks left by an early stop carry this query's generation and mean nothing to the next query.
  return { paths, truncated: false };
}
