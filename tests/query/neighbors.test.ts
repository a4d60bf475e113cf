// Neighbourhoods: direction, depth, edge and node type filters, the node limit and truncation.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NotFoundError, ParameterError } from "../../src/errors";
import { createQueryEngine, type NeighborsOptions } from "../../src/query";
import { buildDataset, type EdgeTuple } from "../helpers/query-fixture";

// a -> b -> c -> g, d -> a, a => e (two parallel edges) -> f, h -> b
const engine = createQueryEngine(
  buildDataset({
    nodes: ["state:a", "person:b", "topic:c", "state:d", "doc:e", "topic:f", "topic:g", "person:h"],
    edges: [
      ["state:a", "person:b", "about"],
      ["person:b", "topic:c", "about"],
      ["state:d", "state:a", "declined"],
      ["state:a", "doc:e", "sponsored"],
      ["state:a", "doc:e", "declined"],
      ["doc:e", "topic:f", "about"],
      ["topic:c", "topic:g", "about"],
      ["person:h", "person:b", "member-of"],
    ],
  }),
);

function around(options: Partial<NeighborsOptions>) {
  const result = engine.neighbors("state:a", options);
  return { ...result, nodes: result.nodes.map((n) => n.id), edges: result.edges.map((e) => e.id) };
}

function parameterOf(options: Partial<NeighborsOptions>): string {
  try {
    engine.neighbors("state:a", options);
  } catch (error) {
    expect(error).toBeInstanceOf(ParameterError);
    return (error as ParameterError).parameter;
  }
  throw new Error("expected a ParameterError");
}

describe("neighbors: bad input", () => {
  it("throws NotFoundError for an unknown node", () => {
    expect(() => engine.neighbors("state:zz")).toThrow(NotFoundError);
  });

  it("rejects a depth outside 1..3, naming depth", () => {
    expect(parameterOf({ depth: 0 })).toBe("depth");
    expect(parameterOf({ depth: 4 })).toBe("depth");
  });

  it("rejects an unknown direction, naming direction", () => {
    expect(parameterOf({ direction: "sideways" as "out" })).toBe("direction");
  });

  it("rejects a limit outside 1..5000, naming limit", () => {
    expect(parameterOf({ limit: 0 })).toBe("limit");
    expect(parameterOf({ limit: 5001 })).toBe("limit");
  });

  it("rejects unknown type names, naming the list", () => {
    expect(parameterOf({ edgeTypes: ["abut"] })).toBe("edgeTypes");
    expect(parameterOf({ nodeTypes: ["sate"] })).toBe("nodeTypes");
  });
});

describe("neighbors: direction and depth", () => {
  it("returns the direct neighbours both ways by default, the centre first, then by degree and id", () => {
    expect(around({})).toEqual({
      nodes: ["state:a", "doc:e", "person:b", "state:d"],
      edges: [
        "state:a--about--person:b",
        "state:d--declined--state:a",
        "state:a--sponsored--doc:e",
        "state:a--declined--doc:e",
      ],
      truncated: false,
      counts: { nodes: 4, edges: 4 },
    });
  });

  it("follows only out-edges for direction out", () => {
    const result = around({ direction: "out" });
    expect(result.nodes).toEqual(["state:a", "doc:e", "person:b"]);
    expect(result.edges).toEqual(["state:a--about--person:b", "state:a--sponsored--doc:e", "state:a--declined--doc:e"]);
  });

  it("follows only in-edges for direction in", () => {
    const result = around({ direction: "in" });
    expect(result.nodes).toEqual(["state:a", "state:d"]);
    expect(result.edges).toEqual(["state:d--declined--state:a"]);
  });

  it("goes further with depth 2 and 3", () => {
    expect(around({ direction: "out", depth: 2 }).nodes).toEqual([
      "state:a",
      "doc:e",
      "person:b",
      "topic:c",
      "topic:f",
    ]);
    expect(around({ direction: "out", depth: 3 }).nodes).toEqual([
      "state:a",
      "doc:e",
      "person:b",
      "topic:c",
      "topic:f",
      "topic:g",
    ]);
    const both = around({ depth: 2 });
    expect(both.nodes.sort()).toEqual(["doc:e", "person:b", "person:h", "state:a", "state:d", "topic:c", "topic:f"]);
    expect(both.counts).toEqual({ nodes: 7, edges: 7 });
  });
});

describe("neighbors: filters", () => {
  it("follows only the requested edge types", () => {
    const result = around({ depth: 2, edgeTypes: ["about"] });
    expect(result.nodes).toEqual(["state:a", "person:b", "topic:c"]);
    expect(result.edges).toEqual(["state:a--about--person:b", "person:b--about--topic:c"]);
  });

  it("visits only the requested node types, keeping the centre", () => {
    const result = around({ depth: 2, nodeTypes: ["person"] });
    expect(result.nodes).toEqual(["state:a", "person:b", "person:h"]);
    expect(result.edges).toEqual(["state:a--about--person:b", "person:h--member-of--person:b"]);
  });
});

describe("neighbors: limit", () => {
  it("keeps the nearest, best-connected nodes and the edges among them, marked truncated", () => {
    expect(around({ depth: 2, limit: 3 })).toEqual({
      nodes: ["state:a", "doc:e", "person:b"],
      edges: ["state:a--about--person:b", "state:a--sponsored--doc:e", "state:a--declined--doc:e"],
      truncated: true,
      // The first ring already overflows the limit, so the search stops there: counts are what it met by then.
      counts: { nodes: 4, edges: 4 },
    });
  });

  it("answers as the unlimited search cut to its first nodes, on random graphs and limits", () => {
    const pool = ["state:a", "state:b", "person:c", "person:d", "doc:e", "doc:f", "topic:g", "topic:h", "state:i"];
    const types = ["about", "declined", "cites"];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(pool.length - 1), fc.nat(pool.length - 1), fc.constantFrom(...types)), {
          maxLength: 30,
        }),
        fc.nat(pool.length - 1),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom("out" as const, "in" as const, "both" as const),
        (pairs, centreIndex, depth, limit, direction) => {
          const engine = createQueryEngine(
            buildDataset({ nodes: pool, edges: pairs.map(([s, t, type]): EdgeTuple => [pool[s]!, pool[t]!, type]) }),
          );
          const centre = pool[centreIndex]!;
          const full = engine.neighbors(centre, { depth, direction, limit: 5000 });
          const cut = engine.neighbors(centre, { depth, direction, limit });
          const kept = full.nodes.slice(0, limit).map((n) => n.id);
          expect(cut.nodes.map((n) => n.id)).toEqual(kept);
          expect(cut.edges.map((e) => e.id)).toEqual(
            full.edges.filter((e) => kept.includes(e.source) && kept.includes(e.target)).map((e) => e.id),
          );
          expect(cut.truncated).toBe(full.nodes.length > limit);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("cuts the edges to edgeLimit, the centre's own first, and says truncated", () => {
    const cut = engine.neighbors("state:a", { depth: 2, edgeLimit: 2 });
    expect(cut.edges).toHaveLength(2);
    expect(cut.edges.every((e) => e.source === "state:a" || e.target === "state:a")).toBe(true);
    expect(cut.truncated).toBe(true);
    expect(engine.neighbors("state:a", { depth: 2 }).truncated).toBe(false);
  });

  it("rejects an edgeLimit of 0", () => {
    expect(() => engine.neighbors("state:a", { edgeLimit: 0 })).toThrow(ParameterError);
  });

  it("returns only the centre with limit 1", () => {
    expect(around({ limit: 1 })).toMatchObject({ nodes: ["state:a"], edges: [], truncated: true });
  });

  it("is not truncated when the limit equals the count", () => {
    expect(around({ limit: 4 }).truncated).toBe(false);
  });
});
