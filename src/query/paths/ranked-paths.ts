// The k cheapest simple paths between two nodes within maxHops under PATH_COSTS: the informative ranking.
import { PATH_COSTS } from "../../api/parameters";
import { bidirectionalSearch } from "./bidirectional-search";
import { EndBall, restCosts } from "./end-ball";
import { CHEAP_BALL_NODES, type IndexPathSearch } from "./find-paths";
import { stepPenalty } from "./path-costs";
import { PathRecords } from "./path-records";
import { firstEntry } from "./path-steps";
import type { PathSearch } from "./path-search";
import { SearchBudget, SPENT, YIELD } from "./search-budget";
import { ViaBounds } from "./via-bounds";

/**
 * How a node's children are found when the ball knows every node close enough to the end: by looking those up in
 * its list when that reads fewer entries ("auto"), or always or never (the answers are the same; tests compare).
 */
export type LookUps = "auto" | "always" | "never";

/** Costs closer than this are equal: sums of logarithms added in different orders differ in the last bits. */
const COST_EPSILON = 1e-9;

/**
 * Finds up to `options.limit` simple paths from `from` to `to` (different integers) of at most `options.maxHops`
 * steps, cheapest first under PATH_COSTS (ties: fewer steps, then node ids). Steps are folded as in `findPaths`:
 * every path is a different sequence of nodes; via and avoided nodes are kept to as there.
 *
 * A best-first (A*) search over partial paths: each is estimated at its cost so far (the node reached with its own
 * hub cost) plus a lower bound of the rest (`restCosts`: the steps still needed, from the ball around the end or
 * ViaBounds, each at least a hop, and each node between at least the cheapest hub cost at its distance from the
 * end), so complete paths come out cheapest first and the search stops once `limit` of them (and any of equal cost)
 * are out. A partial path that cannot reach the end within maxHops, or costs more than the k-th path found, is
 * never stored. A stop by the budget answers the cheapest paths found so far, which are the cheapest there are (or
 * the BFS's shortest path when none was).
 *
 * Past half the shortest length, the ball grows to maxHops - 2 steps at most (while small): as far as a child of
 * any node but the start may lie from the end; more of the ball would be read, at a cost, and never used. A node
 * whose entries outnumber the ball's nodes near enough to the end (a hub, met again on every partial path through
 * it) has its children found by looking those nodes up in its sorted list (`lookUps`).
 *
 * Resumable like `findPaths`, and with the same caps (every adjacency entry examined is one expansion).
 */
export function* findRankedPaths(
  search: PathSearch,
  cheapBallNodes = CHEAP_BALL_NODES,
  lookUps: LookUps = "auto",
): Generator<void, IndexPathSearch, undefined> {
  const { index, from, to, filter, options, clock, costs } = search;
  const { maxHops, limit, maxExpansions, timeBudgetMs } = options;
  clock.enter("shortest path");
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
    clock.enter("via bounds");
    via = yield* ViaBounds.build(search, budget);
    if (via === null) return { paths: [], truncated: true };
  } else {
    clock.enter("end ball");
    ball = new EndBall(search, budget);
    let ballOk = yield* ball.grow(Math.max(1, Math.floor(shortest.length / 2)));
    while (ballOk && ball.radius < maxHops - 2 && ball.size <= cheapBallNodes)
      ballOk = yield* ball.grow(ball.radius + 1);
    if (!ballOk) return { paths: shortest.path && search.via.length === 0 ? [shortest.path] : [], truncated: true };
  }
  const bound = (w: number, passed: number): number => (via === null ? ball!.bound(w) : via.bound(w, passed));
  const restCost = restCosts(ball, costs.hubCost, maxHops);
  const fullMask = via === null ? 0 : via.full;

  const { edgeAllowed, nodeAllowed, avoided, checkEdges, checkNodes, fromView } = filter;
  const { offsets, neighbors, edgeTypes } = fromView;
  const nodeClass = index.nodeClass;
  const { hubCost } = costs;
  clock.enter("ranked search");
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
  /** The entries of a reverse look-up (see below), in adjacency order. */
  let matched: Int32Array = new Int32Array(256);

  // The row being expanded, and its columns (read again after they grow), for `consider`.
  let r = 0;
  let depth = 0;
  let passed = 0;
  let cost = 0;
  let previousStart = 0;
  let previousEnd = 0;
  let end = 0;
  let columns = records.columns;
  /** Adds the child of row r through entry p (the first usable entry of its run) unless it cannot make the answer. */
  const consider = (p: number): void => {
    const w = neighbors[p]!;
    if (w !== to) {
      if (checkNodes && (nodeAllowed[nodeClass[w]!] === 0 || (avoided !== null && avoided[w] === 1))) return;
      if (records.holds(r, w)) return;
    }
    const reached = via === null ? 0 : passed | via.viaBit(w);
    if (w === to && reached !== fullMask) return;
    const rest = w === to ? 0 : bound(w, reached);
    if (depth + 1 + rest > maxHops) return;
    let runEnd = p + 1;
    while (runEnd < end && neighbors[runEnd] === w) runEnd++;
    const penalty = stepPenalty(costs, fromView, edgeAllowed, p, runEnd, previousStart, previousEnd);
    let next = cost + PATH_COSTS.hop + penalty;
    if (w !== to) next += hubCost[w]!;
    const estimate = next + restCost[rest]!;
    if (estimate > ceiling + COST_EPSILON) return;
    const child = records.add();
    columns.node[child] = w;
    columns.parent[child] = r;
    columns.depth[child] = depth + 1;
    columns.passed[child] = reached;
    columns.runStart[child] = p;
    columns.runEnd[child] = runEnd;
    columns.cost[child] = next;
    columns.estimate[child] = estimate;
    heap.push(child);
  };

  while (heap.size > 0) {
    r = heap.peek();
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
    depth = records.depth[r]!;
    passed = records.passed[r]!;
    cost = records.cost[r]!;
    previousStart = records.runStart[r]!;
    previousEnd = records.runEnd[r]!;
    const start = offsets[u]!;
    end = offsets[u + 1]!;
    // A child must lie within this many steps of the end. When the ball knows every such node and they are far
    // fewer than u's entries (a hub's tens of thousands, met again on every partial path through it), each is
    // looked up in u's sorted list instead of reading the whole list: the same children, in the same order.
    const near = ball === null ? -1 : ball.within(maxHops - depth - 1);
    const lookUp = lookUps === "auto" ? near * (33 - Math.clz32(end - start)) < end - start : lookUps === "always";
    if (near >= 0 && lookUp) {
      const queue = ball!.queue;
      let count = 0;
      for (let i = 0; i < near; i++) {
        const state = budget.tick();
        if (state === SPENT) return finish(ordered(found, records), true);
        if (state === YIELD) yield* clock.pause();
        const w = queue[i]!;
        let p = firstEntry(neighbors, start, end, w);
        while (p < end && neighbors[p] === w && checkEdges && edgeAllowed[edgeTypes[p]!] === 0) p++;
        if (p === end || neighbors[p] !== w) continue;
        if (count === matched.length) matched = grown(matched);
        matched[count++] = p;
      }
      matched.subarray(0, count).sort();
      yield* records.reserve(records.size + count, mostRows, clock);
      columns = records.columns;
      for (let i = 0; i < count; i++) consider(matched[i]!);
      continue;
    }
    // Room for every child first: the columns grow in slices, never in the middle of a node's neighbours.
    yield* records.reserve(records.size + end - start, mostRows, clock);
    columns = records.columns;
    let lastTried = -1;
    for (let p = start; p < end; p++) {
      const state = budget.tick();
      if (state === SPENT) return finish(ordered(found, records), true);
      if (state === YIELD) yield* clock.pause();
      if (checkEdges && edgeAllowed[edgeTypes[p]!] === 0) continue;
      const w = neighbors[p]!;
      if (w === lastTried) continue;
      lastTried = w;
      consider(p);
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

function grown(items: Int32Array): Int32Array {
  const bigger = new Int32Array(items.length * 2);
  bigger.set(items);
  return bigger;
}
