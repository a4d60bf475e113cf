// The k cheapest simple paths between two nodes within maxHops under PATH_COSTS: the informative ranking.
import { PATH_COSTS } from "../../api/parameters";
import { bidirectionalSearch } from "./bidirectional-search";
import { EndBall } from "./end-ball";
import { CHEAP_BALL_NODES, type IndexPathSearch } from "./find-paths";
import { MIN_HUB_COST, stepPenalty } from "./path-costs";
import { PathRecords } from "./path-records";
import type { PathSearch } from "./path-search";
import { SearchBudget, SPENT, YIELD } from "./search-budget";
import { ViaBounds } from "./via-bounds";

/** Costs closer than this are equal: sums of logarithms added in different orders differ in the last bits. */
const COST_EPSILON = 1e-9;

/**
 * Finds up to `options.limit` simple paths from `from` to `to` (different integers) of at most `options.maxHops`
 * steps, cheapest first under PATH_COSTS (ties: fewer steps, then node ids). Steps are folded as in `findPaths`:
 * every path is a different sequence of nodes; via and avoided nodes are kept to as there.
 *
 * A best-first (A*) search over partial paths: each is estimated at its cost so far plus a lower bound of the rest
 * (the steps still needed, from the ball around the end or ViaBounds, each at least a hop, the nodes between at
 * least MIN_HUB_COST, and the node reached its own hub cost), so complete paths come out cheapest first and the
 * search stops once `limit` of them (and any of equal cost) are out. A partial path that cannot reach the end
 * within maxHops, or costs more than the k-th path found, is never stored. A stop by the budget answers the
 * cheapest paths found so far, which are the cheapest there are (or the BFS's shortest path when none was).
 *
 * Resumable like `findPaths`, and with the same caps (every adjacency entry examined is one expansion).
 */
export function* findRankedPaths(
  search: PathSearch,
  cheapBallNodes = CHEAP_BALL_NODES,
): Generator<void, IndexPathSearch, undefined> {
  const { index, from, to, filter, options, clock, costs } = search;
  const { maxHops, limit, maxExpansions, timeBudgetMs } = options;
  const shortest = yield* bidirectionalSearch(search, maxHops, true);
  if (shortest === null) return { paths: [], truncated: false };
  const budget = new SearchBudget(clock, maxExpansions, timeBudgetMs);
  const finish = (found: number[], truncated: boolean): IndexPathSearch => {
    const paths = found.map((r) => records.path(r));
    if (paths.length === 0 && truncated && search.via.length === 0 && shortest.path) paths.push(shortest.path);
    return { paths, truncated };
  };

  let via: ViaBounds | null = null;
  let ball: EndBall | null = null;
  if (search.via.length > 0) {
    via = yield* ViaBounds.build(search, budget);
    if (via === null) return { paths: [], truncated: true };
  } else {
    ball = new EndBall(search, budget);
    let ballOk = yield* ball.grow(Math.max(1, Math.floor(shortest.length / 2)));
    while (ballOk && ball.radius < maxHops - 1 && ball.size <= cheapBallNodes)
      ballOk = yield* ball.grow(ball.radius + 1);
    if (!ballOk) return { paths: shortest.path && search.via.length === 0 ? [shortest.path] : [], truncated: true };
  }
  const bound = (w: number, passed: number): number => (via === null ? ball!.bound(w) : via.bound(w, passed));
  const fullMask = via === null ? 0 : via.full;

  const { edgeAllowed, nodeAllowed, avoided, checkEdges, checkNodes, fromView } = filter;
  const { offsets, neighbors, edgeTypes } = fromView;
  const nodeClass = index.nodeClass;
  const { hubCost } = costs;
  const records = new PathRecords(index.scratch, fromView);
  const { heap } = records;
  // Every row but the start is one expansion: the search never needs more.
  const mostRows = maxExpansions + 1;

  const root = records.add();
  records.node[root] = from;
  records.parent[root] = -1;
  records.depth[root] = 0;
  records.passed[root] = 0;
  records.runStart[root] = records.runEnd[root] = 0;
  records.cost[root] = 0;
  records.estimate[root] = 0;
  heap.push(root);

  const found: number[] = [];
  /** The cost of the limit-th path found: nothing dearer can make the answer. */
  let ceiling = Infinity;

  while (heap.size > 0) {
    const r = heap.peek();
    if (records.estimate[r]! > ceiling + COST_EPSILON) break;
    heap.pop();
    const u = records.node[r]!;
    if (u === to) {
      found.push(r);
      if (found.length === limit) ceiling = records.cost[r]!;
      // Paths as cheap as the limit-th are gathered to be ordered by node ids, a limit's worth at most.
      if (found.length >= 2 * limit) break;
      continue;
    }
    const depth = records.depth[r]!;
    const passed = records.passed[r]!;
    const cost = records.cost[r]!;
    const previousStart = records.runStart[r]!;
    const previousEnd = records.runEnd[r]!;
    const end = offsets[u + 1]!;
    // Room for every child first: the columns grow in slices, never in the middle of a node's neighbours.
    yield* records.reserve(records.size + end - offsets[u]!, mostRows, clock);
    const {
      node,
      parent,
      depth: depths,
      passed: passes,
      runStart,
      runEnd: runEnds,
      cost: costSoFar,
      estimate: estimates,
    } = records;
    let lastTried = -1;
    for (let p = offsets[u]!; p < end; p++) {
      const state = budget.tick();
      if (state === SPENT) return finish(ordered(found, records), true);
      if (state === YIELD) yield* clock.pause();
      if (checkEdges && edgeAllowed[edgeTypes[p]!] === 0) continue;
      const w = neighbors[p]!;
      if (w === lastTried) continue;
      lastTried = w;
      if (w !== to) {
        if (checkNodes && (nodeAllowed[nodeClass[w]!] === 0 || (avoided !== null && avoided[w] === 1))) continue;
        if (records.holds(r, w)) continue;
      }
      const reached = via === null ? 0 : passed | via.viaBit(w);
      if (w === to && reached !== fullMask) continue;
      const rest = w === to ? 0 : bound(w, reached);
      if (depth + 1 + rest > maxHops) continue;
      let runEnd = p + 1;
      while (runEnd < end && neighbors[runEnd] === w) runEnd++;
      const penalty = stepPenalty(costs, fromView, edgeAllowed, p, runEnd, previousStart, previousEnd);
      let next = cost + PATH_COSTS.hop + penalty;
      if (w !== to) next += hubCost[w]!;
      const estimate = w === to ? next : next + rest * PATH_COSTS.hop + (rest - 1) * MIN_HUB_COST;
      if (estimate > ceiling + COST_EPSILON) continue;
      const child = records.add();
      node[child] = w;
      parent[child] = r;
      depths[child] = depth + 1;
      passes[child] = reached;
      runStart[child] = p;
      runEnds[child] = runEnd;
      costSoFar[child] = next;
      estimates[child] = estimate;
      heap.push(child);
    }
  }
  return finish(ordered(found, records).slice(0, limit), false);
}

/** Complete paths cheapest first; equal costs by fewer steps, then by their node ids, step by step. */
function ordered(found: number[], records: PathRecords): number[] {
  const sequences = new Map(found.map((r) => [r, records.path(r).nodes]));
  return [...found].sort((a, b) => {
    const difference = records.cost[a]! - records.cost[b]!;
    if (Math.abs(difference) > COST_EPSILON) return difference;
    const x = sequences.get(a)!;
    const y = sequences.get(b)!;
    if (x.length !== y.length) return x.length - y.length;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return 0;
  });
}
