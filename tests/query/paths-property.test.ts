// Property tests on random graphs: shortest lengths match a reference, and every path found is valid and in order.
import fc from "fast-check";
import { DirectedGraph, UndirectedGraph } from "graphology";
import { bidirectional } from "graphology-shortest-path/unweighted";
import { describe, expect, it } from "vitest";
import { createQueryEngine, shortestPathLength, type PathOptions, type QueryEngine } from "../../src/query";
import { buildDataset, type EdgeTuple } from "../helpers/query-fixture";

const NODE_POOL = ["state:a", "state:b", "person:c", "person:d", "doc:e", "doc:f", "topic:g", "topic:h", "state:i"];
const EDGE_TYPES = ["about", "declined", "cites"];

const graphArbitrary = fc
  .integer({ min: 2, max: NODE_POOL.length })
  .chain((n) =>
    fc.record({
      nodes: fc.constant(NODE_POOL.slice(0, n)),
      edges: fc.array(
        fc.tuple(
          fc.integer({ min: 0, max: n - 1 }),
          fc.integer({ min: 0, max: n - 1 }),
          fc.constantFrom(...EDGE_TYPES),
        ),
        { maxLength: 22 },
      ),
      from: fc.integer({ min: 0, max: n - 1 }),
      to: fc.integer({ min: 0, max: n - 1 }),
    }),
  )
  .map(({ nodes, edges, from, to }) => ({
    nodes,
    edges: edges.map(([s, t, type]): EdgeTuple => [nodes[s]!, nodes[t]!, type]),
    from: nodes[from]!,
    to: nodes[to]!,
  }));

const optionsArbitrary = fc.record({
  maxHops: fc.integer({ min: 1, max: 5 }),
  limit: fc.integer({ min: 1, max: 12 }),
  direction: fc.constantFrom("any" as const, "forward" as const),
  edgeTypes: fc.option(fc.subarray(EDGE_TYPES, { minLength: 1 }), { nil: undefined }),
  excludeNodeTypes: fc.subarray(["person", "topic"]),
  includeProvenance: fc.boolean(),
});

type Case = { nodes: string[]; edges: EdgeTuple[]; from: string; to: string };

function engineFor(graphCase: Case): QueryEngine {
  // doc:e, when present, stands for a source document.
  const sources = graphCase.nodes.includes("doc:e") ? { brief: "doc:e" } : undefined;
  return createQueryEngine(
    buildDataset({ nodes: graphCase.nodes, edges: graphCase.edges, ...(sources ? { sources } : {}) }),
  );
}

/** Every simple path within maxHops under the options, by brute force: keys "edgeId>" / "edgeId<" joined by " ". */
function allSimplePaths(engine: QueryEngine, from: string, to: string, options: Partial<PathOptions>): string[][] {
  const graph = engine.dataset.graph;
  const includeProvenance = options.includeProvenance || (options.edgeTypes ?? []).includes("cites");
  const edgeOk = (type: string): boolean =>
    (options.edgeTypes === undefined || options.edgeTypes.includes(type)) && (includeProvenance || type !== "cites");
  const nodeOk = (id: string): boolean =>
    !(options.excludeNodeTypes ?? []).includes(graph.getNodeAttribute(id, "type")) &&
    (includeProvenance || !engine.dataset.sources.size || id !== "doc:e");
  const found: string[][] = [];
  const walk = (node: string, visited: Set<string>, steps: string[]): void => {
    if (node === to) {
      found.push([...steps]);
      return;
    }
    if (steps.length === (options.maxHops ?? 4)) return;
    if (node !== from && !nodeOk(node)) return;
    graph.forEachEdge(node, (edge, attributes, source, target) => {
      if (!edgeOk(attributes.type) || source === target) return;
      const forward = source === node;
      if (!forward && options.direction === "forward") return;
      const next = forward ? target : source;
      if (visited.has(next)) return;
      visited.add(next);
      walk(next, visited, [...steps, `${edge}${forward ? ">" : "<"}`]);
      visited.delete(next);
    });
  };
  if (from !== to) walk(from, new Set([from]), []);
  return found.sort((x, y) => x.length - y.length);
}

describe("paths on random graphs", () => {
  it("finds the same shortest length as graphology's bidirectional BFS, undirected and directed", () => {
    fc.assert(
      fc.property(graphArbitrary, (graphCase) => {
        const engine = engineFor(graphCase);
        const undirected = new UndirectedGraph();
        const directed = new DirectedGraph();
        for (const node of graphCase.nodes) {
          undirected.addNode(node);
          directed.addNode(node);
        }
        for (const [s, t] of graphCase.edges) {
          if (s === t) continue;
          undirected.mergeEdge(s, t);
          directed.mergeEdge(s, t);
        }
        const expectedAny = bidirectional(undirected, graphCase.from, graphCase.to);
        const expectedForward = bidirectional(directed, graphCase.from, graphCase.to);
        const all = { includeProvenance: true };
        expect(shortestPathLength(engine, graphCase.from, graphCase.to, all)).toBe(
          expectedAny === null ? null : expectedAny.length - 1,
        );
        expect(
          shortestPathLength(engine.adjacency, graphCase.from, graphCase.to, { ...all, direction: "forward" }),
        ).toBe(expectedForward === null ? null : expectedForward.length - 1);
      }),
      { numRuns: 300 },
    );
  });

  it("returns the k shortest simple paths: valid, allowed, within maxHops, in non-decreasing length", () => {
    fc.assert(
      fc.property(graphArbitrary, optionsArbitrary, (graphCase, options) => {
        const engine = engineFor(graphCase);
        const expected = allSimplePaths(engine, graphCase.from, graphCase.to, options);
        const result = engine.paths(graphCase.from, graphCase.to, options);
        expect(result.truncated).toBe(false);
        if (expected.length === 0) {
          expect(result.type).toBe("none");
          return;
        }
        if (result.type !== "found") throw new Error(`expected paths, got: ${result.reason}`);
        const keys = new Set(expected.map((path) => path.join(" ")));
        const lengths = result.paths.map((path) => path.length);
        expect(lengths).toEqual(expected.slice(0, options.limit).map((path) => path.length));
        const seen = new Set<string>();
        for (const path of result.paths) {
          const ids = path.nodes.map((node) => node.id);
          expect(new Set(ids).size).toBe(ids.length);
          expect(ids[0]).toBe(graphCase.from);
          expect(ids[ids.length - 1]).toBe(graphCase.to);
          expect(path.edges).toHaveLength(path.length);
          expect(path.length).toBeLessThanOrEqual(options.maxHops);
          path.edges.forEach((edge, i) => {
            const [a, b] = edge.direction === "forward" ? [edge.source, edge.target] : [edge.target, edge.source];
            expect([a, b]).toEqual([ids[i], ids[i + 1]]);
          });
          const key = path.edges.map((edge) => `${edge.id}${edge.direction === "forward" ? ">" : "<"}`).join(" ");
          expect(keys.has(key)).toBe(true);
          expect(seen.has(key)).toBe(false);
          seen.add(key);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("explains a missing path consistently with the filtered shortest length", () => {
    fc.assert(
      fc.property(graphArbitrary, optionsArbitrary, (graphCase, options) => {
        const engine = engineFor(graphCase);
        const result = engine.paths(graphCase.from, graphCase.to, options);
        if (result.type === "found") return;
        const shortest = shortestPathLength(engine, graphCase.from, graphCase.to, options);
        if (graphCase.from === graphCase.to) expect(result.cause).toBe("same-node");
        else if (shortestPathLength(engine, graphCase.from, graphCase.to, { includeProvenance: true }) === null) {
          expect(result.cause).toBe("disconnected");
        } else if (shortest !== null) {
          expect(result).toMatchObject({ cause: "too-long", shortestLength: shortest });
          expect(shortest).toBeGreaterThan(options.maxHops);
        } else expect(result.cause).toBe("filtered");
      }),
      { numRuns: 300 },
    );
  });
});
