// The cheapest-first path search: how a node's children are found (read in full, or looked up from the ball around
// the end) and how far the ball grows only change the work done, never the paths found.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PATH_RULES } from "../../../src/api/parameters";
import { runToEnd } from "../../../src/query";
import { findRankedPaths } from "../../../src/query/paths";
import { pathCost } from "../../../src/query/paths/path-steps";
import { buildDataset, type FixtureEdge } from "../../helpers/query-fixture";
import { indexSearches } from "./index-search";

const NODES = Array.from({ length: 24 }, (_, i) => `state:n${String(i).padStart(2, "0")}`);
/** Two hubs, linked to most nodes, so that partial paths through them are many and their lists long. */
const HUBS = [0, 1];
const TYPES = ["sponsored", "about", "declined"];

const edgeArbitrary = fc.record({
  source: fc.integer({ min: 0, max: NODES.length - 1 }),
  target: fc.integer({ min: 0, max: NODES.length - 1 }),
  type: fc.constantFrom(...TYPES),
  cited: fc.boolean(),
  // Edges drawing the same small number quote the same sentence.
  quoteAt: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
});

const caseArbitrary = fc.record({
  edges: fc.array(edgeArbitrary, { maxLength: 50 }),
  hubLinks: fc.subarray(NODES.slice(2), { minLength: 8 }),
  from: fc.integer({ min: 0, max: NODES.length - 1 }),
  to: fc.integer({ min: 0, max: NODES.length - 1 }),
  maxHops: fc.integer({ min: 1, max: 6 }),
  limit: fc.integer({ min: 1, max: 12 }),
  direction: fc.constantFrom("any" as const, "forward" as const),
  edgeTypes: fc.option(fc.subarray(TYPES, { minLength: 1 }), { nil: undefined }),
});

describe("findRankedPaths", () => {
  it("finds the same paths whether children are read in full or looked up from the ball, however far it grows", () => {
    fc.assert(
      fc.property(caseArbitrary, (drawn) => {
        fc.pre(drawn.from !== drawn.to);
        const edges: FixtureEdge[] = drawn.edges.map((edge) => ({
          source: NODES[edge.source]!,
          target: NODES[edge.target]!,
          type: edge.type,
          footnotes: edge.cited ? ["i"] : [],
          ...(edge.quoteAt === undefined ? {} : { quoteAt: edge.quoteAt }),
        }));
        for (const hub of HUBS) {
          for (const node of drawn.hubLinks) edges.push({ source: NODES[hub]!, target: node, type: "sponsored" });
        }
        const dataset = buildDataset({ nodes: NODES, edges });
        const { maxHops, limit, direction, edgeTypes } = drawn;
        // The longest budget allowed: a starved machine must not cut one of the four searches compared.
        const timeBudgetMs = PATH_RULES.timeBudgetMs.max;
        const searches = indexSearches(dataset, { maxHops, limit, direction, edgeTypes, timeBudgetMs });
        const search = () => searches.search(drawn.from, drawn.to);
        const read = runToEnd(findRankedPaths(search(), Infinity, "never"));
        const lookedUp = runToEnd(findRankedPaths(search(), Infinity, "always"));
        const smallBall = runToEnd(findRankedPaths(search(), 0, "always"));
        const chosen = runToEnd(findRankedPaths(search()));
        expect(lookedUp).toEqual(read);
        expect(smallBall).toEqual(read);
        expect(chosen).toEqual(read);
        const paid = read.paths.map((path) => pathCost(search(), path.nodes));
        // Cheapest first, up to rounding: the search adds a path's step costs in the order it walked them, pathCost
        // from its start, and two paths of the same cost in exact sums can differ in the last bit (seed -320658481).
        for (let i = 1; i < paid.length; i++) expect(paid[i]! - paid[i - 1]!).toBeGreaterThanOrEqual(-1e-9 * paid[i]!);
      }),
      { numRuns: 150 },
    );
  });
});
