// The k shortest simple paths between two nodes within maxHops, over the adjacency index, shortest first.
import { nextGeneration } from "../adjacency-index";
import { CLOCK_INTERVAL } from "../slice-clock";
import { bidirectionalSearch, type IndexPath } from "./bidirectional-search";
import type { PathSearch } from "./path-search";

export interface IndexPathSearch {
  /** Shortest first; among equal lengths, in order of node ids then edge order along the walk. */
  paths: IndexPath[];
  /** True when the time budget or the expansion cap stopped the search early. */
  truncated: boolean;
}

/** The ball around the end keeps growing towards exact bounds while it holds at most this many nodes. */
const CHEAP_BALL_NODES = 4096;

/**
 * Finds up to `options.limit` simple paths (no repeated node) from `from` to `to` (different integers) of at most
 * `options.maxHops` edges, shortest first. Parallel edges make distinct paths.
 *
 * A bidirectional BFS first gives the shortest length (and one shortest path to fall back on if the budget runs
 * out). Then, for each length L from there up to maxHops, a depth-first enumeration extends a partial path of
 * depth i to a node w only when i + 1 + lb(w) <= L, where lb(w) is a lower bound on the distance from w to `to`:
 * exact inside a BFS ball grown around `to`, radius + 1 outside it. The ball reaches radius floor(L / 2) at least,
 * which keeps both the ball and the unpruned prefixes small, like a bidirectional search, and grows on towards
 * L - 1 (exact bounds everywhere) while it holds at most `cheapBallNodes` nodes. The paths found do not depend
 * on how far the ball grows, only the work done.
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
  const shortest = yield* bidirectionalSearch(search, maxHops, true);
  if (shortest === null) return { paths: [], truncated: false };

  const { edgeAllowed, nodeAllowed, checkEdges, checkNodes } = filter;
  const nodeClass = index.nodeClass;
  const scratch = index.scratch;
  const { stampB, distB, queueB, onPath } = scratch;
  const ballGeneration = nextGeneration(scratch);
  const pathGeneration = nextGeneration(scratch);

  let expansions = 0;
  let truncated = false;
  /** Checked per expansion: 1 when the budget is spent, 2 when the slice is over (yield, then go on), else 0. */
  const tick = (): number => {
    if (expansions >= maxExpansions) return 1;
    if (expansions % CLOCK_INTERVAL !== 0) return 0;
    if (clock.workedMs() > timeBudgetMs) return 1;
    return clock.due() ? 2 : 0;
  };

  // The ball around `to`: all nodes within `ballRadius` are labelled in stampB/distB.
  stampB[to] = ballGeneration;
  distB[to] = 0;
  queueB[0] = to;
  let levelStart = 0;
  let levelEnd = 1;
  let ballRadius = 0;
  const toView = filter.toView;
  const growBall = function* (radius: number): Generator<void, boolean, undefined> {
    while (ballRadius < radius) {
      if (levelStart === levelEnd) {
        ballRadius = Infinity;
        return true;
      }
      let tail = levelEnd;
      for (let head = levelStart; head < levelEnd; head++) {
        const u = queueB[head]!;
        for (let p = toView.offsets[u]!, end = toView.offsets[u + 1]!; p < end; p++) {
          expansions++;
          const state = tick();
          if (state === 1) return false;
          if (state === 2) yield* clock.pause();
          if (checkEdges && edgeAllowed[toView.edgeTypes[p]!] === 0) continue;
          const w = toView.neighbors[p]!;
          if (stampB[w] === ballGeneration) continue;
          if (checkNodes && w !== from && nodeAllowed[nodeClass[w]!] === 0) continue;
          stampB[w] = ballGeneration;
          distB[w] = ballRadius + 1;
          // The start is never passed through, so its neighbours are not reached through it.
          if (w !== from) queueB[tail++] = w;
        }
      }
      levelStart = levelEnd;
      levelEnd = tail;
      ballRadius++;
    }
    return true;
  };

  const paths: IndexPath[] = [];
  const { offsets, neighbors, edges, edgeTypes } = filter.fromView;
  const stackNodes = new Int32Array(maxHops + 1);
  const stackEdges = new Int32Array(maxHops);
  const cursor = new Int32Array(maxHops + 1);

  search: for (let length = shortest.length; length <= maxHops; length++) {
    // Half the length at least; further, up to length - 1 (exact bounds), while the ball stays small.
    let ballOk = yield* growBall(Math.floor(length / 2));
    while (ballOk && ballRadius < length - 1 && levelEnd <= cheapBallNodes) ballOk = yield* growBall(ballRadius + 1);
    if (!ballOk) {
      truncated = true;
      break;
    }
    const outside = ballRadius + 1;
    let depth = 0;
    stackNodes[0] = from;
    cursor[0] = offsets[from]!;
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
      expansions++;
      const state = tick();
      if (state === 1) {
        truncated = true;
        break search;
      }
      if (state === 2) yield* clock.pause();
      if (checkEdges && edgeAllowed[edgeTypes[p]!] === 0) continue;
      const w = neighbors[p]!;
      if (w === to) {
        if (depth + 1 === length) {
          stackEdges[depth] = edges[p]!;
          paths.push({
            nodes: [...stackNodes.subarray(0, depth + 1), to],
            edges: [...stackEdges.subarray(0, depth + 1)],
          });
          if (paths.length >= limit) break search;
        }
        continue;
      }
      if (onPath[w] === pathGeneration) continue;
      if (checkNodes && nodeAllowed[nodeClass[w]!] === 0) continue;
      const bound = stampB[w] === ballGeneration ? distB[w]! : outside;
      if (depth + 1 + bound > length) continue;
      stackEdges[depth] = edges[p]!;
      depth++;
      stackNodes[depth] = w;
      cursor[depth] = offsets[w]!;
      onPath[w] = pathGeneration;
    }
  }
  // Marks left by an early stop carry this query's generation and mean nothing to the next query.
  if (paths.length === 0 && shortest.path) paths.push(shortest.path);
  return { paths, truncated };
}
