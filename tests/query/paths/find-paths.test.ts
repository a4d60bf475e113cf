// The index-level path search: the ball around the end only changes the work done, never the paths found.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runToEnd } from "../../../src/query";
import { findPaths } from "../../../src/query/paths";
import { buildDataset, type EdgeTuple } from "../../helpers/query-fixture";
import { indexSearches } from "./index-search";

const NODES = Array.from({ length: 12 }, (_, i) => `state:n${String(i).padStart(2, "0")}`);

describe("findPaths", () => {
  it("finds the same paths whether the ball around the end stays at half the length or grows to exact bounds", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 11 })), { maxLength: 40 }),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom("any" as const, "forward" as const),
        (pairs, from, to, maxHops, direction) => {
          fc.pre(from !== to);
          const edges = pairs.map(([s, t]): EdgeTuple => [NODES[s]!, NODES[t]!]);
          const dataset = buildDataset({ nodes: NODES, edges });
          const { search } = indexSearches(dataset, { maxHops, limit: 20, direction });
          const half = runToEnd(findPaths(search(from, to), 0));
          const exact = runToEnd(findPaths(search(from, to), Infinity));
          expect(half).toEqual(exact);
          const lengths = exact.paths.map((path) => path.edges.length);
          expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
        },
      ),
      { numRuns: 300 },
    );
  });
});
