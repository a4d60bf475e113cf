// The k cheapest simple paths between two nodes within maxHops under PATH_COSTS: the informative ranking.
import { PATH_COSTS } from "../../api/parameters";
import { bidirectionalSearch, type IndexPath } from "./bidirectional-search";
import { CostHeap } from "./cost-heap";
import { EndBall } from "./end-ball";
import { CHEAP_BALL_NODES, type IndexPathSearch } from "./find-paths";
import { MIN_HUB_COST, stepPenalty } from "./path-costs";
import type { PathSearch } from "./path-search";
import { SearchBudget, SPENT, YIELD } from "./search-budget";
import { ViaBounds } from "./via-bounds";

/** Costs closer than this are equal: sums of logarithms added in different orders differ in the last bits. */
const COST_EPSILON = 1e-9;

/** Partial paths held at once before the arrays grow. */
const INITIAL_RECORDS = 1024;

/** The partial paths of a search, as columns: one row per partial path, its parent the path one step shorter. */
class Records {
  size = 0;
  node = new Int32Array(INITIAL_RECORDS);
  parent = new Int32Array(INITIAL_RECORDS);
  depth = new Uint8Array(INITIAL_RECORDS);
  /** Via nodes passed (bits). */
  passed = new Int32Array(INITIAL_RECORDS);
  /** The first usable edge of the step into the node (signed, as the adjacency views store it). */
  edge = new Int32Array(INITIAL_RECORDS);
  /** The step into the node, as a run of the view walked from the start. */
  runStart = new Int32Array(INITIAL_RECORDS);
  runEnd = new Int32Array(INITIAL_RECORDS);
  /** Cost so far, and that plus a lower bound of the rest. */
  cost = new Float64Array(INITIAL_RECORDS);
  estimate = new Float64Array(INITIAL_RECORDS);

  /** The heap ordered by these records' estimates: it follows the arrays when they grow. */
  heap: CostHeap | null = null;

  add(): number {
    if (this.size === this.node.length) this.grow();
    return this.size++;
  }

  /** Whether `w` is on the partial path ending at record `r`. */
  holds(r: number, w: number): boolean {
    for (let a = r; a >= 0; a = this.parent[a]!) if (this.node[a] === w) return true;
    return false;
  }

  /** The path ending at record `r`, in index form. */
  path(r: number): IndexPath {
    const nodes: number[] = [];
    const edges: number[] = [];
    for (let a = r; a >= 0; a = this.parent[a]!) {
      nodes.push(this.node[a]!);
      if (this.parent[a]! >= 0) edges.push(this.edge[a]!);
    }
    return { nodes: nodes.reverse(), edges: edges.reverse() };
  }

  private grow(): void {
    const capacity = this.node.length * 2;
    const grown = <T extends Int32Array | Uint8Array | Float64Array>(array: T): T => {
      const copy = new (array.constructor as new (length: number) => T)(capacity);
      copy.set(array);
      return copy;
    };
    this.node = grown(this.node);
    this.parent = grown(this.parent);
    this.depth = grown(this.depth);
    this.passed = grown(this.passed);
    this.edge = grown(this.edge);
    this.runStart = grown(this.runStart);
    this.runEnd = grown(this.runEnd);
    this.cost = grown(this.cost);
    this.estimate = grown(this.estimate);
    this.heap?.rebind(this.estimate, this.depth);
  }
}

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
  const { offsets, neighbors, edges, edgeTypes } = fromView;
  const nodeClass = index.nodeClass;
  const { hubCost } = costs;
  const records = new Records();
  const heap = new CostHeap(records.estimate, records.depth);
  records.heap = heap;

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
      records.node[child] = w;
      records.parent[child] = r;
      records.depth[child] = depth + 1;
      records.passed[child] = reached;
      records.edge[child] = edges[p]!;
      records.runStart[child] = p;
      records.runEnd[child] = runEnd;
      records.cost[child] = next;
      records.estimate[child] = estimate;
      heap.push(child);
    }
  }
  return finish(ordered(found, records).slice(0, limit), false);
}

/** Complete paths cheapest first; equal costs by fewer steps, then by their node ids, step by step. */
function ordered(found: number[], records: Records): number[] {
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
