// neighborsAsync: the same answers as neighbors, in slices that leave the event loop free, like pathsAsync.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NotFoundError, ParameterError } from "../../src/errors";
import { createQueryEngine } from "../../src/query";
import { withTurns } from "../helpers/event-loop-turns";
import { buildDataset, type EdgeTuple } from "../helpers/query-fixture";

const NODES = Array.from({ length: 16 }, (_, i) => `state:n${String(i).padStart(2, "0")}`);
const TYPES = ["sponsored", "declined", "about"];

let hub: ReturnType<typeof createQueryEngine> | undefined;

/**
 * A hub linked to 3,000 nodes, each also linked to the next: the neighbourhood of a hub at large limits. Built once
 * for the file: the tests only read it.
 */
function hubEngine() {
  hub ??= buildHubEngine();
  return hub;
}

function buildHubEngine() {
  const leaves = Array.from({ length: 3000 }, (_, i) => `person:p${String(i).padStart(4, "0")}`);
  const edges: EdgeTuple[] = leaves.map((leaf): EdgeTuple => ["state:hub", leaf]);
  for (let i = 1; i < leaves.length; i++) edges.push([leaves[i - 1]!, leaves[i]!, "about"]);
  return createQueryEngine(buildDataset({ nodes: ["state:hub", ...leaves], edges }));
}

describe("neighborsAsync", () => {
  it("rejects an unknown node and bad options with the errors neighbors throws", async () => {
    const engine = createQueryEngine(buildDataset({ nodes: NODES, edges: [] }));
    await expect(engine.neighborsAsync("state:nope")).rejects.toBeInstanceOf(NotFoundError);
    await expect(engine.neighborsAsync("state:n00", { depth: 4 })).rejects.toMatchObject({
      constructor: ParameterError,
      parameter: "depth",
    });
  });

  it("gives the same answer as neighbors on random graphs and limits, even when sliced at every clock check", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(15), fc.nat(15), fc.constantFrom(...TYPES)), { maxLength: 80 }),
        fc.nat(15),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom("out" as const, "in" as const, "both" as const),
        async (pairs, centre, depth, limit, edgeLimit, direction) => {
          const edges = pairs.map(([s, t, type]): EdgeTuple => [NODES[s]!, NODES[t]!, type]);
          const engine = createQueryEngine(buildDataset({ nodes: NODES, edges }));
          const options = { depth, limit, edgeLimit, direction };
          const expected = engine.neighbors(NODES[centre]!, options);
          expect(await engine.neighborsAsync(NODES[centre]!, options, 0)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("lets the event loop turn while a hub's neighbourhood is searched and its objects made", async () => {
    const engine = hubEngine();
    const options = { depth: 3, limit: 5000, edgeLimit: 50_000 };
    const { result, turns } = await withTurns(() => engine.neighborsAsync("state:hub", options, 0));
    expect(result).toEqual(engine.neighbors("state:hub", options));
    expect(result.nodes).toHaveLength(3001);
    // In one piece the counter would turn once or twice; here about once per clock check (a hundred or more).
    expect(turns).toBeGreaterThan(50);
  });

  it("is not disturbed by the other queries answered between its slices", async () => {
    const engine = hubEngine();
    const options = { depth: 2, limit: 1200, edgeLimit: 1500 };
    const expected = engine.neighbors("state:hub", options);
    const meddle = (turn: number): void => {
      const at = `person:p${String(100 + turn).padStart(4, "0")}`;
      expect(engine.neighbors(at, { depth: 3 }).nodes.length).toBeGreaterThan(3);
    };
    const { result, turns } = await withTurns(() => engine.neighborsAsync("state:hub", options, 0), meddle);
    expect(turns).toBeGreaterThan(20);
    expect(result).toEqual(expected);
    expect(result.truncated).toBe(true);
  });
});
