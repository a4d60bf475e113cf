// What a grouped or DISTINCT answer highlights when its rows matched more than MAX_CYPHER_HIGHLIGHTED nodes and
// edges: the first rows' matches, in the order of the answer's rows and, within a row, of the matches folded into
// it; worked out while the rows are folded, without keeping each match's trail.
import { describe, expect, it } from "vitest";
import { createQueryEngine, type QueryEngine } from "../../../src/query";
import { MAX_CYPHER_HIGHLIGHTED, MAX_CYPHER_TIME_BUDGET_MS, type CypherResult } from "../../../src/query/cypher";
import { TrailDigest } from "../../../src/query/cypher/highlight";
import type { Trail } from "../../../src/query/cypher/cypher-rows";
import { buildDataset, type EdgeTuple } from "../../helpers/query-fixture";

/**
 * Two chains of states, each of n = 0.7 MAX_CYPHER_HIGHLIGHTED nodes, overlapping by half: `sponsored` links s0 ->
 * s1 -> ... -> s{n-1}, `declined` links s{n/2} on to s{3n/2 - 1}, and a few shortcuts from s0 on. Each type alone
 * matches fewer than MAX_CYPHER_HIGHLIGHTED nodes and edges, both together more: the highlight is full part-way
 * through the second group, whichever comes first.
 */
function chains(): QueryEngine {
  const n = Math.ceil(MAX_CYPHER_HIGHLIGHTED * 0.7);
  const state = (i: number) => `state:s${String(i).padStart(6, "0")}`;
  const nodes = Array.from({ length: n + n / 2 }, (_, i) => state(i));
  const edges: EdgeTuple[] = [];
  for (let i = 0; i + 1 < n; i++) edges.push([state(i), state(i + 1), "sponsored"]);
  for (let i = n / 2; i + 1 < n + n / 2; i++) edges.push([state(i), state(i + 1), "declined"]);
  for (let i = 0; i < 50; i++) edges.push([state(i), state(i + 2), "declined"]);
  return createQueryEngine(buildDataset({ nodes, edges }));
}

/**
 * The highlight worked out from the rows' meaning: the matches of each answer row in order, and within a row the
 * pattern's nodes (a, then b) and its relationship, the first MAX_CYPHER_HIGHLIGHTED distinct ids of each kept and
 * listed in the index's order, cut when one more was met.
 */
function expectedHighlight(engine: QueryEngine, matches: [a: string, r: string, b: string][][]) {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  let nodesCut = false;
  let edgesCut = false;
  const add = (set: Set<string>, id: string): boolean => {
    if (set.has(id)) return false;
    if (set.size === MAX_CYPHER_HIGHLIGHTED) return true;
    set.add(id);
    return false;
  };
  for (const row of matches) {
    for (const [a, r, b] of row) {
      if (!nodesCut) nodesCut = add(nodes, a) || add(nodes, b);
      if (!edgesCut) edgesCut = add(edges, r);
    }
  }
  const { nodeIndex } = engine.adjacency;
  const edgeIndex = new Map(engine.adjacency.edgeIds.map((id, e) => [id, e]));
  return {
    nodes: [...nodes].sort((x, y) => nodeIndex.get(x)! - nodeIndex.get(y)!),
    edges: [...edges].sort((x, y) => edgeIndex.get(x)! - edgeIndex.get(y)!),
    highlightTruncated: nodesCut || edgesCut,
  };
}

/** The whole answer: the longest budget, so that a loaded machine does not cut it. */
function answer(engine: QueryEngine, query: string): CypherResult {
  const result = engine.cypher(query, {}, { timeBudgetMs: MAX_CYPHER_TIME_BUDGET_MS });
  expect(result.truncatedBy, query).toEqual([]);
  return result;
}

/** Each type's matches in the order the engine meets them (collect keeps the order of the rows it folds). */
function matchesByType(engine: QueryEngine): Map<string, [string, string, string][]> {
  const { rows } = answer(engine, "MATCH (a)-[r]->(b) RETURN type(r), collect([a.id, r.id, b.id])");
  return new Map(rows.map((row) => [row[0] as string, row[1] as [string, string, string][]]));
}

describe("the highlight of answers that fold many matches", () => {
  const engine = chains();
  const byType = matchesByType(engine);

  it("is cut part-way through the second group, in the order of the answer's rows", () => {
    for (const [query, order] of [
      ["MATCH (a)-[r]->(b) RETURN type(r), count(*) ORDER BY type(r)", ["declined", "sponsored"]],
      ["MATCH (a)-[r]->(b) RETURN type(r), count(*) ORDER BY type(r) DESC", ["sponsored", "declined"]],
      ["MATCH (a)-[r]->(b) RETURN DISTINCT type(r) ORDER BY type(r) DESC", ["sponsored", "declined"]],
      ["MATCH (a)-[r]->(b) WITH type(r) AS t, count(*) AS c RETURN t, c ORDER BY t", ["declined", "sponsored"]],
    ] as const) {
      const result = answer(engine, query);
      expect(
        result.rows.map((row) => row[0]),
        query,
      ).toEqual(order);
      const expected = expectedHighlight(
        engine,
        order.map((type) => byType.get(type)!),
      );
      expect(expected.highlightTruncated).toBe(true);
      expect(expected.nodes).toHaveLength(MAX_CYPHER_HIGHLIGHTED);
      expect(
        { nodes: result.nodes, edges: result.edges, highlightTruncated: result.highlightTruncated },
        query,
      ).toEqual(expected);
    }
  });

  it("is the same when the answer is worked out in slices", async () => {
    const query = "MATCH (a)-[r]->(b) RETURN type(r), count(*) ORDER BY type(r) DESC";
    const options = { timeBudgetMs: MAX_CYPHER_TIME_BUDGET_MS };
    expect(await engine.cypherAsync(query, {}, options, 0)).toEqual(answer(engine, query));
  });

  it("is whole, and not cut, when one group matches fewer than the most highlighted", () => {
    const result = answer(engine, "MATCH (a)-[r:sponsored]->(b) RETURN count(*)");
    const expected = expectedHighlight(engine, [byType.get("sponsored")!]);
    expect(expected.highlightTruncated).toBe(false);
    expect({ nodes: result.nodes, edges: result.edges, highlightTruncated: result.highlightTruncated }).toEqual(
      expected,
    );
  });
});

describe("TrailDigest", () => {
  /** A trail whose ids count how often they are read. */
  function countedTrail(nodes: number[], edges: number[], reads: { count: number }): Trail {
    return {
      get nodes() {
        reads.count++;
        return nodes;
      },
      edges,
      prev: null,
    };
  }

  it("stops reading trails once it holds one more than the most highlighted of both nodes and edges", () => {
    const digest = new TrailDigest();
    const reads = { count: 0 };
    const rows = MAX_CYPHER_HIGHLIGHTED * 2;
    for (let i = 0; i < rows; i++) digest.add(countedTrail([2 * i, 2 * i + 1], [i], reads));
    expect(reads.count).toBe(MAX_CYPHER_HIGHLIGHTED + 1);
    const trail = digest.trail();
    expect(trail.edges).toEqual(Array.from({ length: MAX_CYPHER_HIGHLIGHTED + 1 }, (_, i) => i));
    expect(trail.nodes).toHaveLength(MAX_CYPHER_HIGHLIGHTED + 1);
    expect(trail.prev).toBeNull();
  });

  it("keeps reading while rows bring no edges (a pattern of nodes alone), and lists the nodes in the order met", () => {
    const digest = new TrailDigest();
    const reads = { count: 0 };
    for (let i = 0; i < 100; i++) digest.add(countedTrail([i % 7, 100 - i], [], reads));
    expect(reads.count).toBe(100);
    expect(digest.trail().nodes.slice(0, 4)).toEqual([0, 100, 1, 99]);
    expect(digest.trail().edges).toEqual([]);
  });

  it("reads a trail shared by the rows before them once", () => {
    const digest = new TrailDigest();
    const reads = { count: 0 };
    const shared = countedTrail([1, 2], [7], reads);
    for (let i = 0; i < 10; i++) digest.add({ nodes: [10 + i], edges: [20 + i], prev: shared });
    expect(reads.count).toBe(1);
    expect(digest.trail()).toEqual({
      nodes: [10, 1, 2, 11, 12, 13, 14, 15, 16, 17, 18, 19],
      edges: [20, 7, 21, 22, 23, 24, 25, 26, 27, 28, 29],
      prev: null,
    });
  });
});
