// pathsAsync: the same answers as paths, in slices that leave the event loop free, one query at a time.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NotFoundError } from "../../src/errors";
import { createQueryEngine } from "../../src/query";
import { withTurns } from "../helpers/event-loop-turns";
import { buildDataset, type EdgeTuple, type FixtureEdge } from "../helpers/query-fixture";

const NODES = Array.from({ length: 14 }, (_, i) => `state:n${String(i).padStart(2, "0")}`);

/** A dense graph: every pair of 40 nodes linked, so enumerating long paths takes the whole budget. */
function denseEngine() {
  const nodes = Array.from({ length: 40 }, (_, i) => `state:d${String(i).padStart(2, "0")}`);
  const edges: EdgeTuple[] = [];
  for (let a = 0; a < nodes.length; a++) for (let b = a + 1; b < nodes.length; b++) edges.push([nodes[a]!, nodes[b]!]);
  return { nodes, engine: createQueryEngine(buildDataset({ nodes, edges })) };
}

describe("pathsAsync", () => {
  it("rejects an unknown node with the NotFoundError paths throws", async () => {
    const engine = createQueryEngine(buildDataset({ nodes: NODES, edges: [] }));
    await expect(engine.pathsAsync("state:n00", "state:nope")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("gives the same answer as paths on random graphs, in either ranking, with via and avoid, even when sliced at every clock check", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 13 })), { maxLength: 45 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom("informative" as const, "hops" as const),
        fc.option(fc.integer({ min: 0, max: 13 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 13 }), { nil: undefined }),
        async (pairs, from, to, maxHops, rank, viaNode, avoidNode) => {
          const edges = pairs.map(([s, t]): EdgeTuple => [NODES[s]!, NODES[t]!]);
          const engine = createQueryEngine(buildDataset({ nodes: NODES, edges }));
          const inner = (v: number | undefined) => (v !== undefined && v !== from && v !== to ? [NODES[v]!] : []);
          const via = inner(viaNode);
          const avoid = inner(avoidNode).filter((id) => !via.includes(id));
          const options = { maxHops, limit: 12, rank, via, avoid };
          const expected = engine.paths(NODES[from]!, NODES[to]!, options);
          expect(await engine.pathsAsync(NODES[from]!, NODES[to]!, options, 0)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("lets other callbacks run between its slices", async () => {
    const { nodes, engine } = denseEngine();
    const options = { maxHops: 3, limit: 50 };
    const { result, turns } = await withTurns(() => engine.pathsAsync(nodes[0]!, nodes[1]!, options, 0));
    expect(result).toEqual(engine.paths(nodes[0]!, nodes[1]!, options));
    expect(turns).toBeGreaterThan(1);
  });

  it("slices the breadth-first searches too: the shortest path first found, and the explanation of none", async () => {
    // A chain of 6,000 nodes: each search reads about 12,000 adjacency entries, a dozen clock checks.
    const nodes = Array.from({ length: 6000 }, (_, i) => `state:c${String(i).padStart(4, "0")}`);
    const edges = nodes.slice(1).map((node, i): EdgeTuple => [nodes[i]!, node]);
    const engine = createQueryEngine(buildDataset({ nodes, edges }));
    for (const [from, to, options, cause] of [
      // No path within 8 steps: "too-long", found by a search of the whole chain.
      [nodes[0]!, nodes.at(-1)!, { maxHops: 8 }, "too-long"],
      // Against the chain's direction: "filtered", found by two whole-chain searches (unfiltered, direction lifted).
      [nodes.at(-1)!, nodes[0]!, { maxHops: 8, direction: "forward" as const }, "filtered"],
    ] as const) {
      const { result, turns } = await withTurns(() => engine.pathsAsync(from, to, options, 0));
      expect(result).toEqual(engine.paths(from, to, options));
      expect(result).toMatchObject({ type: "none", cause });
      // In one piece, the spinner would turn once or twice; sliced at every clock check, about once per check.
      expect(turns).toBeGreaterThan(8);
    }
  });

  it("makes the answer's objects in slices too: a step between two hubs can fold thousands of claims", async () => {
    // Two states that 3,000 claims link, and a third reached from each: two paths, 3,000 edge objects.
    const [a, b, c] = ["state:a", "state:b", "state:c"];
    // Each with an id of its own: the fixture numbers repeated ids by trying every number in turn.
    const edges: (FixtureEdge | EdgeTuple)[] = Array.from({ length: 3000 }, (_, i) => ({
      source: a,
      target: b,
      type: "sponsored",
      id: `claim-${i}`,
    }));
    edges.push([a, c], [c, b]);
    const engine = createQueryEngine(buildDataset({ nodes: [a, b, c], edges }));
    const slices: string[][] = [];
    const unwatch = engine.scheduler.watch((slice) => slices.push(slice.phases));
    const result = await engine.pathsAsync(a, b, {}, 0);
    unwatch();
    expect(result).toEqual(engine.paths(a, b));
    expect(result.type === "found" && result.paths.map((path) => path.edges.length)).toEqual([3000, 2]);
    // Sliced at every look at the clock (one per 64 objects): dozens of slices at it, where one piece was one slice.
    const making = slices.filter((phases) => phases.includes("API objects"));
    expect(making.length).toBeGreaterThan(3000 / 64 - 5);
  });

  it("is not disturbed by the other queries answered between its slices", async () => {
    const nodes = Array.from({ length: 6000 }, (_, i) => `state:c${String(i).padStart(4, "0")}`);
    const edges = nodes.slice(1).map((node, i): EdgeTuple => [nodes[i]!, node]);
    const engine = createQueryEngine(buildDataset({ nodes, edges }));
    const [from, to, options] = [nodes.at(-1)!, nodes[0]!, { maxHops: 8, direction: "forward" as const }];
    const expected = engine.paths(from, to, options);
    // Between slices, searches that fill the same kinds of queues and marks from elsewhere on the chain.
    const meddle = (turn: number): void => {
      const at = 1000 + 7 * turn;
      expect(engine.paths(nodes[at]!, nodes[at + 600]!, { maxHops: 3 })).toMatchObject({ shortestLength: 600 });
      expect(engine.neighbors(nodes[at]!, { depth: 3 }).nodes).toHaveLength(7);
    };
    const { result, turns } = await withTurns(() => engine.pathsAsync(from, to, options, 0), meddle);
    expect(turns).toBeGreaterThan(8);
    expect(result).toEqual(expected);
  });

  it("lets the event loop turn between queued queries once they have worked a slice, even quick ones", async () => {
    const { nodes, engine } = denseEngine();
    // Quick queries (well under a slice each): back to back they would all run in one stretch of microtasks. With
    // slices of 0 ms each one waits for a turn; with slices of 1 s they all run in one stretch, ahead of the rest.
    const ask = (sliceMs: number) =>
      withTurns(() =>
        Promise.all(nodes.slice(1, 31).map((to) => engine.pathsAsync(nodes[0]!, to, { maxHops: 1 }, sliceMs))),
      );
    const sliced = await ask(0);
    expect(sliced.result.every((answer) => answer.type === "found" && answer.paths.length === 1)).toBe(true);
    expect(sliced.turns).toBeGreaterThanOrEqual(29);
    const together = await ask(1000);
    expect(together.result).toEqual(sliced.result);
    expect(together.turns).toBeLessThanOrEqual(3);
  });

  it("runs concurrent queries one after the other, each with its own correct answer", async () => {
    const { nodes, engine } = denseEngine();
    const asked = [1, 2, 3, 4].map((i) => [nodes[0]!, nodes[i]!] as const);
    const answers = await Promise.all(asked.map(([a, b]) => engine.pathsAsync(a, b, { maxHops: 3, limit: 20 }, 0)));
    answers.forEach((answer, i) =>
      expect(answer).toEqual(engine.paths(asked[i]![0], asked[i]![1], { maxHops: 3, limit: 20 })),
    );
  });
});
