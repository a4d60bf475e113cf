// Property tests on random graphs: shortest lengths match a reference, and every path found is valid and in order.
import fc from "fast-check";
import { DirectedGraph, UndirectedGraph } from "graphology";
import { bidirectional } from "graphology-shortest-path/unweighted";
import { describe, expect, it } from "vitest";
import { PATH_COSTS } from "../../src/api/parameters";
import {
  createQueryEngine,
  shortestPathLength,
  type PathOptions,
  type PathResult,
  type QueryEngine,
} from "../../src/query";
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

/** One brute-force path: its nodes, and per step the allowed edges between them ("edgeId>" or "edgeId<"). */
interface BrutePath {
  nodes: string[];
  steps: string[][];
}

/**
 * Every simple path within maxHops under the options, by brute force, one per sequence of nodes (parallel edges
 * fold into the step), shortest first. `via` nodes must all be on it, `avoid` nodes none.
 */
function allSimplePaths(engine: QueryEngine, from: string, to: string, options: Partial<PathOptions>): BrutePath[] {
  const graph = engine.dataset.graph;
  const includeProvenance = options.includeProvenance || (options.edgeTypes ?? []).includes("cites");
  const edgeOk = (type: string): boolean =>
    (options.edgeTypes === undefined || options.edgeTypes.includes(type)) && (includeProvenance || type !== "cites");
  const nodeOk = (id: string): boolean =>
    !(options.excludeNodeTypes ?? []).includes(graph.getNodeAttribute(id, "type")) &&
    (includeProvenance || !engine.dataset.sources.size || id !== "doc:e") &&
    !(options.avoid ?? []).includes(id);
  const stepEdges = (u: string, w: string): string[] => {
    const found: string[] = [];
    graph.forEachEdge(u, (edge, attributes, source, target) => {
      if (!edgeOk(attributes.type) || source === target) return;
      const forward = source === u;
      if ((forward ? target : source) !== w) return;
      if (!forward && options.direction === "forward") return;
      found.push(`${edge}${forward ? ">" : "<"}`);
    });
    return found.sort();
  };
  const found: BrutePath[] = [];
  const walk = (nodes: string[]): void => {
    const node = nodes[nodes.length - 1]!;
    if (node === to) {
      if ((options.via ?? []).every((v) => nodes.includes(v))) {
        found.push({ nodes: [...nodes], steps: nodes.slice(1).map((w, i) => stepEdges(nodes[i]!, w)) });
      }
      return;
    }
    if (nodes.length - 1 === (options.maxHops ?? 4)) return;
    if (node !== from && !nodeOk(node)) return;
    for (const next of graph.nodes()) {
      if (nodes.includes(next) || stepEdges(node, next).length === 0) continue;
      walk([...nodes, next]);
    }
  };
  if (from !== to) walk([from]);
  return found.sort((x, y) => x.nodes.length - y.nodes.length);
}

/**
 * What a path costs under PATH_COSTS, written again from its documentation: a hop per step, the penalty of the
 * step's cheapest claim (weak or provenance types: weakClaim; the fixture's quotes are all different and all cited),
 * and hub times ln(distinct neighbours) of each node passed through (0 with one neighbour).
 */
function bruteCost(engine: QueryEngine, path: BrutePath): number {
  const graph = engine.dataset.graph;
  let cost = 0;
  for (const step of path.steps) {
    const penalties = step.map((key) => {
      const type = graph.getEdgeAttribute(key.slice(0, -1), "type");
      return type === "about" || type === "cites" ? PATH_COSTS.weakClaim : 0;
    });
    cost += PATH_COSTS.hop + Math.min(...penalties);
  }
  for (const node of path.nodes.slice(1, -1)) {
    const distinct = new Set(graph.neighbors(node).filter((other) => other !== node)).size;
    if (distinct > 1) cost += PATH_COSTS.hub * Math.log(distinct);
  }
  return cost;
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
      { numRuns: 150 },
    );
  });

  /** Checks an answer against the brute-force paths: each a real, allowed, folded path, no sequence twice. */
  function checkPaths(graphCase: Case, options: Partial<PathOptions>, expected: BrutePath[], result: PathResult) {
    if (result.type !== "found") throw new Error(`expected paths, got: ${result.reason}`);
    const bySequence = new Map(expected.map((path) => [path.nodes.join(" "), path]));
    const seen = new Set<string>();
    for (const path of result.paths) {
      const ids = path.nodes.map((node) => node.id);
      const sequence = ids.join(" ");
      expect(bySequence.has(sequence)).toBe(true);
      expect(seen.has(sequence)).toBe(false);
      seen.add(sequence);
      expect(ids[0]).toBe(graphCase.from);
      expect(ids[ids.length - 1]).toBe(graphCase.to);
      expect(path.length).toBe(path.steps.length);
      expect(path.length).toBeLessThanOrEqual(options.maxHops!);
      const direction = new Map(path.edges.map((edge) => [edge.id, edge.direction === "forward" ? ">" : "<"]));
      path.steps.forEach((step, i) => {
        expect([step.from, step.to]).toEqual([ids[i], ids[i + 1]]);
        const keys = step.edges.map((id) => `${id}${direction.get(id)}`);
        expect([...keys].sort()).toEqual(bySequence.get(sequence)!.steps[i]);
        const ways = new Set(keys.map((key) => key.slice(-1)));
        expect(step.direction).toBe(ways.size === 2 ? "both" : ways.has(">") ? "forward" : "backward");
      });
      expect(path.edges.map((edge) => edge.id)).toEqual(path.steps.flatMap((step) => step.edges));
    }
  }

  /**
   * Runs the query and the brute force on `engine` (the case's own unless given); checks the answer (see checkPaths)
   * and returns both, or null when the brute force finds no path (and the answer says so).
   */
  function answer(graphCase: Case, options: Partial<PathOptions>, engine = engineFor(graphCase)) {
    const expected = allSimplePaths(engine, graphCase.from, graphCase.to, options);
    const result = engine.paths(graphCase.from, graphCase.to, options);
    expect(result.truncated).toBe(false);
    if (expected.length === 0) {
      expect(result.type).toBe("none");
      return null;
    }
    checkPaths(graphCase, options, expected, result);
    if (result.type !== "found") throw new Error("expected paths");
    return { engine, expected, paths: result.paths };
  }

  it("with rank=hops, returns the k shortest node sequences: valid, folded, within maxHops, shortest first", () => {
    fc.assert(
      fc.property(graphArbitrary, optionsArbitrary, (graphCase, drawn) => {
        const options = { ...drawn, rank: "hops" as const };
        const answered = answer(graphCase, options);
        if (answered === null) return;
        const { expected, paths } = answered;
        expect(paths.map((path) => path.length)).toEqual(
          expected.slice(0, options.limit).map((path) => path.steps.length),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("with rank=informative, returns the k cheapest node sequences under PATH_COSTS, cheapest first", () => {
    fc.assert(
      fc.property(graphArbitrary, optionsArbitrary, (graphCase, options) => {
        const answered = answer(graphCase, options);
        if (answered === null) return;
        const { engine, expected, paths } = answered;
        const cheapest = expected
          .map((path) => bruteCost(engine, path))
          .sort((a, b) => a - b)
          .slice(0, options.limit);
        expect(paths).toHaveLength(cheapest.length);
        paths.forEach((path, i) => expect(path.cost).toBeCloseTo(cheapest[i]!, 2));
      }),
      { numRuns: 400 },
    );
  });

  it("keeps to via (every one passed, in any order) and avoid (none passed), in both rankings", () => {
    fc.assert(
      fc.property(
        graphArbitrary,
        optionsArbitrary,
        fc.subarray(NODE_POOL, { maxLength: 2 }),
        fc.subarray(NODE_POOL, { maxLength: 2 }),
        fc.constantFrom("hops" as const, "informative" as const),
        (graphCase, drawn, viaDrawn, avoidDrawn, rank) => {
          const engine = engineFor(graphCase);
          const inner = (id: string) => graphCase.nodes.includes(id) && id !== graphCase.from && id !== graphCase.to;
          const avoid = avoidDrawn.filter(inner);
          const passable = (id: string) =>
            !(drawn.excludeNodeTypes ?? []).includes(engine.dataset.graph.getNodeAttribute(id, "type")) &&
            (drawn.includeProvenance || (drawn.edgeTypes ?? []).includes("cites") || id !== "doc:e");
          const via = viaDrawn.filter((id) => inner(id) && !avoid.includes(id) && passable(id));
          const options = { ...drawn, via, avoid, rank };
          const answered = answer(graphCase, options, engine);
          if (answered === null) return;
          expect(answered.paths).toHaveLength(Math.min(options.limit, answered.expected.length));
        },
      ),
      { numRuns: 200 },
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
      { numRuns: 150 },
    );
  });
});
