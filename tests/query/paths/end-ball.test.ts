// The ball around the end: what it says the last steps of a path cost at least is never more than they cost, and
// counts the hubs every route to the end must pass.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PATH_COSTS } from "../../../src/api/parameters";
import { runToEnd } from "../../../src/query";
import type { PathSearch } from "../../../src/query/paths";
import { EndBall, restCosts } from "../../../src/query/paths/end-ball";
import { MIN_HUB_COST } from "../../../src/query/paths/path-costs";
import { SearchBudget } from "../../../src/query/paths/search-budget";
import { buildDataset, type EdgeTuple } from "../../helpers/query-fixture";
import { indexSearches } from "./index-search";

const hub = (neighbours: number): number => PATH_COSTS.hub * Math.log(neighbours);

/** A ball of `radius` around `to` on a graph of `nodes` and `edges` (any direction), with the graph's cost tables. */
function ballOn(nodes: string[], edges: EdgeTuple[], from: string, to: string, radius: number) {
  const { index, search: searchFor } = indexSearches(buildDataset({ nodes, edges }), { maxHops: 8 });
  const search = searchFor(index.nodeIndex.get(from)!, index.nodeIndex.get(to)!);
  const ball = new EndBall(search, new SearchBudget(search.clock, Infinity, Infinity));
  expect(runToEnd(ball.grow(radius))).toBe(true);
  return { search, ball };
}

/**
 * The least a route from `w` to `to` costs, by brute force over simple routes of at most `steps` steps: a hop per
 * step and the hub cost of every node between (claims at their cheapest).
 */
function cheapestRoute(search: PathSearch, w: number, steps: number): number {
  const { offsets, neighbors } = search.index.both;
  const { hubCost } = search.costs;
  let best = Infinity;
  const walk = (u: number, cost: number, left: number, on: Set<number>): void => {
    if (u === search.to) {
      best = Math.min(best, cost);
      return;
    }
    if (left === 0) return;
    const passing = u === w ? 0 : hubCost[u]!;
    for (let p = offsets[u]!; p < offsets[u + 1]!; p++) {
      const x = neighbors[p]!;
      if (on.has(x) || x === search.from) continue;
      on.add(x);
      walk(x, cost + passing + PATH_COSTS.hop, left - 1, on);
      on.delete(x);
    }
  };
  walk(w, 0, steps, new Set([w]));
  return best;
}

describe("restCosts", () => {
  it("charges the cheaper of the end's neighbours when every route passes one of them", () => {
    // end <- h1 (10 neighbours), end <- h2 (20 neighbours): two steps from the end pass h1 or h2.
    const nodes = ["state:end", "state:h1", "state:h2", ...Array.from({ length: 30 }, (_, i) => `person:p${i}`)];
    const edges: EdgeTuple[] = [
      ["state:h1", "state:end"],
      ["state:h2", "state:end"],
      ...Array.from({ length: 9 }, (_, i): EdgeTuple => [`person:p${i}`, "state:h1"]),
      ...Array.from({ length: 19 }, (_, i): EdgeTuple => [`person:p${i + 10}`, "state:h2"]),
    ];
    const { search, ball } = ballOn(nodes, edges, "person:p29", "state:end", 2);
    const rest = restCosts(ball, search.costs.hubCost, 4);
    expect(rest[0]).toBe(0);
    expect(rest[1]).toBe(PATH_COSTS.hop);
    expect(rest[2]).toBeCloseTo(2 * PATH_COSTS.hop + hub(10), 9);
    // Level 2 holds the people, each with one neighbour: a node passed has two at least.
    expect(rest[3]).toBeCloseTo(3 * PATH_COSTS.hop + hub(10) + MIN_HUB_COST, 9);
    expect(rest[4]).toBeCloseTo(4 * PATH_COSTS.hop + hub(10) + 2 * MIN_HUB_COST, 9);
  });

  it("without a ball, charges a hop and MIN_HUB_COST per node between", () => {
    const rest = restCosts(null, new Float64Array(0), 3);
    expect([...rest]).toEqual([0, 1, 2 + MIN_HUB_COST, 3 + 2 * MIN_HUB_COST]);
  });

  it("never charges more than the cheapest route from a node at that distance costs", () => {
    const NODES = Array.from({ length: 14 }, (_, i) => `state:n${String(i).padStart(2, "0")}`);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 13 })), { maxLength: 40 }),
        fc.integer({ min: 0, max: 3 }),
        (pairs, radius) => {
          const edges = pairs.map(([s, t]): EdgeTuple => [NODES[s]!, NODES[t]!]);
          const { search, ball } = ballOn(NODES, edges, NODES[13]!, NODES[0]!, radius);
          const maxHops = 5;
          const rest = restCosts(ball, search.costs.hubCost, maxHops);
          for (let w = 0; w < NODES.length; w++) {
            if (w === search.to || w === search.from) continue;
            const steps = ball.bound(w);
            if (steps > maxHops) continue;
            expect(rest[steps]!).toBeLessThanOrEqual(cheapestRoute(search, w, maxHops) + 1e-9);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
