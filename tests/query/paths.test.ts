// Path queries: k shortest simple paths, direction, filters, provenance, every "none" cause, caps and bad input.
import { describe, expect, it } from "vitest";
import { PATH_RULES } from "../../src/api/parameters";
import { NotFoundError, ParameterError } from "../../src/errors";
import { createQueryEngine, type PathOptions, type PathResult } from "../../src/query";
import { buildDataset, type EdgeTuple } from "../helpers/query-fixture";

/**
 * Each found path as "node -types-> node ...", one arrow per step: `->` when its claims point along the walk, `<-`
 * against it, `<->` both ways; the types of the claims folded into the step joined by "+", the cheapest first.
 */
function walks(result: PathResult): string[] {
  if (result.type !== "found") return [];
  return result.paths.map((path) => {
    const typeOf = new Map(path.edges.map((edge) => [edge.id, edge.type]));
    return path.nodes
      .map((node, i) => {
        const step = path.steps[i - 1];
        if (!step) return node.id;
        const types = step.edges.map((id) => typeOf.get(id)).join("+");
        const arrow =
          step.direction === "forward" ? `-${types}->` : step.direction === "backward" ? `<-${types}-` : `<-${types}->`;
        return `${arrow} ${node.id}`;
      })
      .join(" ");
  });
}

// s -> x1 -> t twice (about and declined on the first leg), s -> x2 <- t, s -> y1 -> y2 -> t
const fork = createQueryEngine(
  buildDataset({
    nodes: ["state:s", "state:t", "person:x1", "person:x2", "person:y1", "person:y2"],
    edges: [
      ["state:s", "person:x1", "about"],
      ["state:s", "person:x1", "declined"],
      ["person:x1", "state:t", "about"],
      ["state:s", "person:x2", "about"],
      ["state:t", "person:x2", "about"],
      ["state:s", "person:y1", "about"],
      ["person:y1", "person:y2", "about"],
      ["person:y2", "state:t", "about"],
    ],
  }),
);

// s - t through a topic (about), a person (declined) or the source brief; doc:a cites doc:b; an island; a long chain
const chain: EdgeTuple[] = ["state:c1", "state:c2", "state:c3", "state:c4", "state:c5"].map((id, i, all): EdgeTuple => [
  i === 0 ? "state:u" : all[i - 1]!,
  id,
  "about",
]);
const filtered = createQueryEngine(
  buildDataset({
    nodes: [
      "state:s",
      "state:t",
      "topic:m",
      "person:p",
      "doc:brief",
      "doc:a",
      "doc:b",
      "state:island",
      "state:u",
      "state:v",
      "state:c1",
      "state:c2",
      "state:c3",
      "state:c4",
      "state:c5",
      "doc:shortcut",
    ],
    edges: [
      ["state:s", "topic:m", "about"],
      ["topic:m", "state:t", "about"],
      ["state:s", "person:p", "declined"],
      ["person:p", "state:t", "declined"],
      ["state:s", "doc:brief", "about"],
      ["doc:brief", "state:t", "about"],
      ["doc:a", "doc:b", "cites"],
      ["doc:brief", "doc:a", "about"],
      ...chain,
      ["state:c5", "state:v", "about"],
      ["state:u", "doc:shortcut", "about"],
      ["doc:shortcut", "state:v", "about"],
    ],
    sources: { brief: "doc:brief" },
  }),
);

function parameterOf(options: Partial<PathOptions>): string {
  try {
    fork.paths("state:s", "state:t", options);
  } catch (error) {
    expect(error).toBeInstanceOf(ParameterError);
    expect((error as ParameterError).code).toBe("bad-parameter");
    return (error as ParameterError).parameter;
  }
  throw new Error("expected a ParameterError");
}

describe("paths: bad input", () => {
  it("throws NotFoundError for an unknown end, suggesting close ids", () => {
    expect(() => fork.paths("state:ss", "state:t")).toThrow(NotFoundError);
    expect(() => fork.paths("state:s", "state:tt")).toThrow('node "state:tt" not found. Did you mean "state:t"');
  });

  it("rejects maxHops outside 1..8, naming maxHops", () => {
    expect(parameterOf({ maxHops: 0 })).toBe("maxHops");
    expect(parameterOf({ maxHops: 9 })).toBe("maxHops");
    expect(parameterOf({ maxHops: 2.5 })).toBe("maxHops");
  });

  it("rejects limit outside 1..50, naming limit", () => {
    expect(parameterOf({ limit: 0 })).toBe("limit");
    expect(parameterOf({ limit: 51 })).toBe("limit");
  });

  it("rejects an unknown direction, naming direction", () => {
    expect(parameterOf({ direction: "backward" as "any" })).toBe("direction");
  });

  it("rejects unknown type names, naming the list they are in", () => {
    expect(parameterOf({ edgeTypes: ["abuot"] })).toBe("edgeTypes");
    expect(parameterOf({ excludeEdgeTypes: ["abuot"] })).toBe("excludeEdgeTypes");
    expect(parameterOf({ excludeNodeTypes: ["sate"] })).toBe("excludeNodeTypes");
  });

  it("rejects a time budget above 5000 ms and a non-boolean includeProvenance", () => {
    expect(parameterOf({ timeBudgetMs: 5001 })).toBe("timeBudgetMs");
    expect(parameterOf({ includeProvenance: "yes" as unknown as boolean })).toBe("includeProvenance");
  });
});

describe("paths: k shortest simple paths", () => {
  it("with rank=hops, returns paths shortest first, ties in node id order, parallel edges folded into one step", () => {
    const result = fork.paths("state:s", "state:t", { limit: 10, rank: "hops" });
    expect(result).toMatchObject({ type: "found", rank: "hops", truncated: false });
    expect(walks(result)).toEqual([
      "state:s -declined+about-> person:x1 -about-> state:t",
      "state:s -about-> person:x2 <-about- state:t",
      "state:s -about-> person:y1 -about-> person:y2 -about-> state:t",
    ]);
    if (result.type === "found") expect(result.paths.map((p) => p.length)).toEqual([2, 2, 3]);
  });

  it("stops at limit", () => {
    expect(walks(fork.paths("state:s", "state:t", { limit: 2 }))).toHaveLength(2);
  });

  it("keeps to maxHops", () => {
    expect(walks(fork.paths("state:s", "state:t", { limit: 10, maxHops: 2 }))).toHaveLength(2);
  });

  it("gives full node and edge objects, each step listing every claim between its nodes, the cheapest first", () => {
    const result = fork.paths("state:s", "state:t", { limit: 1 });
    if (result.type !== "found") throw new Error("expected paths");
    const [path] = result.paths;
    expect(path!.nodes[1]).toMatchObject({ id: "person:x1", type: "person", label: "person:x1" });
    expect(path!.steps[0]).toEqual({
      from: "state:s",
      to: "person:x1",
      direction: "forward",
      edges: ["state:s--declined--person:x1", "state:s--about--person:x1"],
    });
    expect(path!.edges[0]).toMatchObject({
      id: "state:s--declined--person:x1",
      source: "state:s",
      target: "person:x1",
      direction: "forward",
      evidence: { quote: "state:s declined person:x1" },
    });
    expect(path!.edges.map((edge) => edge.id)).toEqual([...path!.steps[0]!.edges, ...path!.steps[1]!.edges]);
  });

  it("never repeats a node", () => {
    // s - a - b - s triangle with a - t: s-a-t and s-b-a-t, never s-a-b-a-t or s-b-s-a-t
    const triangle = createQueryEngine(
      buildDataset({
        nodes: ["state:s", "state:a", "state:b", "state:t"],
        edges: [
          ["state:s", "state:a"],
          ["state:a", "state:b"],
          ["state:b", "state:s"],
          ["state:a", "state:t"],
        ],
      }),
    );
    expect(walks(triangle.paths("state:s", "state:t", { limit: 50, maxHops: 8 }))).toEqual([
      "state:s -about-> state:a -about-> state:t",
      "state:s <-about- state:b <-about- state:a -about-> state:t",
    ]);
  });

  it("follows edge direction when asked", () => {
    expect(walks(fork.paths("state:s", "state:t", { limit: 10, direction: "forward" }))).toEqual([
      "state:s -declined+about-> person:x1 -about-> state:t",
      "state:s -about-> person:y1 -about-> person:y2 -about-> state:t",
    ]);
  });
});

describe("paths: the informative ranking (rank=informative, the default)", () => {
  /** The first path of each ranking, and the cost the answer gives it. */
  function firstOf(engine: ReturnType<typeof createQueryEngine>, from: string, to: string) {
    const ranked = engine.paths(from, to, { limit: 1 });
    const shortest = engine.paths(from, to, { limit: 1, rank: "hops" });
    return { informative: walks(ranked)[0], hops: walks(shortest)[0], ranked, shortest };
  }

  it("goes around a hub when a path through specific actors is not much longer", () => {
    const leaves = Array.from({ length: 60 }, (_, i) => `person:l${i}`);
    const engine = createQueryEngine(
      buildDataset({
        nodes: ["state:s", "state:t", "org:hub", "person:a", "person:b", ...leaves],
        edges: [
          ["state:s", "org:hub", "declined"],
          ["org:hub", "state:t", "declined"],
          ["state:s", "person:a", "declined"],
          ["person:a", "person:b", "declined"],
          ["person:b", "state:t", "declined"],
          ...leaves.map((leaf): EdgeTuple => ["org:hub", leaf, "declined"]),
        ],
      }),
    );
    const { informative, hops, ranked } = firstOf(engine, "state:s", "state:t");
    expect(informative).toBe("state:s -declined-> person:a -declined-> person:b -declined-> state:t");
    expect(hops).toBe("state:s -declined-> org:hub -declined-> state:t");
    // 3 hops and two nodes of 2 neighbours each: 3 + 2 * 0.5 * ln 2.
    if (ranked.type === "found") expect(ranked.paths[0]!.cost).toBeCloseTo(3 + Math.log(2), 3);
  });

  it("prefers claims between actors to weak relations (about), even a step longer", () => {
    const engine = createQueryEngine(
      buildDataset({
        nodes: ["state:s", "state:t", "topic:m", "person:p", "person:q"],
        edges: [
          ["state:s", "topic:m", "about"],
          ["topic:m", "state:t", "about"],
          ["state:s", "person:p", "declined"],
          ["person:p", "person:q", "sponsored"],
          ["person:q", "state:t", "declined"],
        ],
      }),
    );
    const { informative, hops } = firstOf(engine, "state:s", "state:t");
    expect(informative).toBe("state:s -declined-> person:p -sponsored-> person:q -declined-> state:t");
    expect(hops).toBe("state:s -about-> topic:m -about-> state:t");
  });

  it("counts a quote used for two steps in a row once, so one sentence naming two states is not a link", () => {
    // q called on s and t in one sentence (quoteAt 1); s and t sponsored the same draft, each in its own sentence.
    const engine = createQueryEngine(
      buildDataset({
        nodes: ["state:s", "state:t", "person:q", "doc:draft"],
        edges: [
          { source: "person:q", target: "state:s", type: "called-on", quoteAt: 1 },
          { source: "person:q", target: "state:t", type: "called-on", quoteAt: 1 },
          ["state:s", "doc:draft", "sponsored"],
          ["state:t", "doc:draft", "sponsored"],
        ],
      }),
    );
    const result = engine.paths("state:s", "state:t", { limit: 5 });
    expect(walks(result)).toEqual([
      "state:s -sponsored-> doc:draft <-sponsored- state:t",
      "state:s <-called-on- person:q -called-on-> state:t",
    ]);
    if (result.type === "found") {
      // Both 2 hops through a node of 2 neighbours; the second step of the shared quote pays weak + uncited.
      expect(result.paths.map((path) => path.cost)).toEqual([
        Math.round((2 + 0.5 * Math.log(2)) * 1000) / 1000,
        Math.round((2 + 0.5 * Math.log(2) + 2) * 1000) / 1000,
      ]);
    }
    // Hops alone cannot tell them apart: node id order decides.
    expect(walks(engine.paths("state:s", "state:t", { rank: "hops" }))[0]).toBe(
      "state:s -sponsored-> doc:draft <-sponsored- state:t",
    );
  });

  it("charges a claim without an endnote more than a cited one", () => {
    const engine = createQueryEngine(
      buildDataset({
        nodes: ["state:s", "state:t", "person:a", "person:b"],
        edges: [
          { source: "state:s", target: "person:a", type: "declined", footnotes: [] },
          ["person:a", "state:t", "declined"],
          ["state:s", "person:b", "declined"],
          ["person:b", "state:t", "declined"],
        ],
      }),
    );
    const result = engine.paths("state:s", "state:t");
    expect(walks(result)).toEqual([
      "state:s -declined-> person:b -declined-> state:t",
      "state:s -declined-> person:a -declined-> state:t",
    ]);
    if (result.type === "found") expect(result.paths[1]!.cost - result.paths[0]!.cost).toBeCloseTo(0.5, 6);
  });

  it("shows a step with claims both ways as one step, <->", () => {
    const engine = createQueryEngine(
      buildDataset({
        nodes: ["state:s", "state:t"],
        edges: [
          ["state:s", "state:t", "declined"],
          ["state:t", "state:s", "called-on"],
        ],
      }),
    );
    expect(walks(engine.paths("state:s", "state:t"))).toEqual(["state:s <-declined+called-on-> state:t"]);
    expect(walks(engine.paths("state:s", "state:t", { direction: "forward" }))).toEqual([
      "state:s -declined-> state:t",
    ]);
  });

  it("never lists the same sequence of nodes twice, in either ranking", () => {
    for (const rank of ["informative", "hops"] as const) {
      const result = fork.paths("state:s", "state:t", { limit: 50, maxHops: 8, rank });
      const sequences = result.type === "found" ? result.paths.map((p) => p.nodes.map((n) => n.id).join(" ")) : [];
      expect(sequences.length).toBeGreaterThan(0);
      expect(new Set(sequences).size).toBe(sequences.length);
    }
  });

  it("rejects an unknown rank, naming rank", () => {
    expect(parameterOf({ rank: "best" as "hops" })).toBe("rank");
  });
});

describe("paths: via and avoid", () => {
  it("passes through every via node, in any order", () => {
    expect(walks(fork.paths("state:s", "state:t", { via: ["person:y2"], limit: 10 }))).toEqual([
      "state:s -about-> person:y1 -about-> person:y2 -about-> state:t",
    ]);
    expect(
      walks(fork.paths("state:s", "state:t", { via: ["person:y2", "person:y1"], limit: 10, rank: "hops" })),
    ).toEqual(["state:s -about-> person:y1 -about-> person:y2 -about-> state:t"]);
  });

  it("never passes through an avoided node", () => {
    expect(walks(fork.paths("state:s", "state:t", { avoid: ["person:x1", "person:x2"], limit: 10 }))).toEqual([
      "state:s -about-> person:y1 -about-> person:y2 -about-> state:t",
    ]);
  });

  it("explains a missing path with the avoided nodes and the via nodes", () => {
    const avoiding = fork.paths("state:s", "state:t", { avoid: ["person:x1", "person:x2", "person:y1"] });
    expect(avoiding).toMatchObject({ type: "none", cause: "filtered" });
    if (avoiding.type === "none") expect(avoiding.reason).toContain("avoiding person:x1, person:x2, person:y1");
    const through = fork.paths("state:s", "state:t", { via: ["person:y1"], maxHops: 2 });
    expect(through).toMatchObject({ type: "none", cause: "via" });
    if (through.type === "none") expect(through.reason).toContain("passes through person:y1 within 2 steps");
  });

  it("refuses an end as a via or avoided node, and a node in both", () => {
    expect(parameterOf({ via: ["state:t"] })).toBe("via");
    expect(parameterOf({ avoid: ["state:s"] })).toBe("avoid");
    expect(parameterOf({ via: ["person:y1"], avoid: ["person:y1"] })).toBe("avoid");
    expect(parameterOf({ avoid: Array.from({ length: 21 }, (_, i) => `person:n${i}`) })).toBe("avoid");
  });
});

describe("paths: filters and provenance", () => {
  it("does not pass through a source document by default", () => {
    expect(walks(filtered.paths("state:s", "state:t"))).toEqual([
      "state:s -declined-> person:p -declined-> state:t",
      "state:s -about-> topic:m -about-> state:t",
    ]);
  });

  it("passes through source documents and follows provenance links when includeProvenance is on", () => {
    expect(walks(filtered.paths("state:s", "state:t", { includeProvenance: true, rank: "hops" }))).toEqual([
      "state:s -about-> doc:brief -about-> state:t",
      "state:s -declined-> person:p -declined-> state:t",
      "state:s -about-> topic:m -about-> state:t",
    ]);
    expect(walks(filtered.paths("doc:a", "doc:b", { includeProvenance: true }))).toEqual(["doc:a -cites-> doc:b"]);
  });

  it("allows a source document as an end", () => {
    expect(walks(filtered.paths("state:s", "doc:brief"))).toEqual([
      "state:s -about-> doc:brief",
      "state:s -declined-> person:p -declined-> state:t <-about- doc:brief",
      "state:s -about-> topic:m -about-> state:t <-about- doc:brief",
    ]);
  });

  it("skips provenance links by default, but uses them when edgeTypes names them", () => {
    expect(filtered.paths("doc:a", "doc:b")).toMatchObject({ type: "none", cause: "filtered" });
    expect(walks(filtered.paths("doc:a", "doc:b", { edgeTypes: ["cites"] }))).toEqual(["doc:a -cites-> doc:b"]);
  });

  it("uses only the edge types asked for", () => {
    expect(walks(filtered.paths("state:s", "state:t", { edgeTypes: ["declined"] }))).toEqual([
      "state:s -declined-> person:p -declined-> state:t",
    ]);
  });

  it("leaves out excluded edge types", () => {
    expect(walks(filtered.paths("state:s", "state:t", { excludeEdgeTypes: ["declined"] }))).toEqual([
      "state:s -about-> topic:m -about-> state:t",
    ]);
  });

  it("does not pass through excluded node types, but always allows the ends", () => {
    expect(walks(filtered.paths("state:s", "state:t", { excludeNodeTypes: ["topic"] }))).toEqual([
      "state:s -declined-> person:p -declined-> state:t",
    ]);
    expect(walks(filtered.paths("state:s", "state:t", { excludeNodeTypes: ["state"] }))).toHaveLength(2);
  });
});

describe("paths: when there is none", () => {
  it("says so when both ends are the same node", () => {
    expect(filtered.paths("state:s", "state:s")).toEqual({
      type: "none",
      cause: "same-node",
      reason: 'The start and the end are the same node, "state:s" (state:s); a path needs two different nodes.',
      truncated: false,
    });
  });

  it("says so when the ends lie in different components", () => {
    const result = filtered.paths("state:s", "state:island");
    expect(result).toMatchObject({ type: "none", cause: "disconnected", truncated: false });
    if (result.type === "none") expect(result.reason).toContain("not connected at all");
  });

  it("gives the shortest length when it is longer than maxHops", () => {
    const result = filtered.paths("state:u", "state:c3", { maxHops: 2 });
    expect(result).toMatchObject({ type: "none", cause: "too-long", shortestLength: 3, truncated: false });
    if (result.type === "none")
      expect(result.reason).toContain("has 3 steps, more than maxHops (2); raise maxHops to 3");
  });

  it("gives the shortest length under the filters when they make it too long", () => {
    expect(walks(filtered.paths("state:u", "state:v"))).toEqual(["state:u -about-> doc:shortcut -about-> state:v"]);
    const result = filtered.paths("state:u", "state:v", { excludeNodeTypes: ["document"] });
    expect(result).toMatchObject({ type: "none", cause: "too-long", shortestLength: 6 });
  });

  it("says the filters cut it when the ends are connected without them", () => {
    const result = filtered.paths("state:s", "state:t", { edgeTypes: ["sponsored"] });
    expect(result).toMatchObject({ type: "none", cause: "filtered", truncated: false });
    if (result.type === "none") {
      expect(result.shortestLength).toBeUndefined();
      expect(result.reason).toContain("connected in 2 steps when any link may be followed either way");
      expect(result.reason).toContain("only edge types sponsored");
      expect(result.reason).toContain(
        'Lifting one filter would connect them: without "only edge types sponsored" (2 steps)',
      );
    }
  });

  it("counts edge direction as a filter", () => {
    const result = filtered.paths("state:t", "state:s", { direction: "forward" });
    expect(result).toMatchObject({ type: "none", cause: "filtered" });
    if (result.type === "none") expect(result.reason).toContain('without "following edge direction" (2 steps)');
  });
});

describe("paths: caps", () => {
  // A clique of 30 states without the s - t edge: 28 paths of length 2, hundreds of length 3.
  const ids = Array.from({ length: 30 }, (_, i) => (i === 0 ? "state:s" : i === 1 ? "state:t" : `state:k${i}`));
  const edges: EdgeTuple[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) if (!(i === 0 && j === 1)) edges.push([ids[i]!, ids[j]!]);
  }
  const dense = createQueryEngine(buildDataset({ nodes: ids, edges }));

  it("finds the k shortest in a dense graph without hitting the caps", () => {
    // The longest budget allowed: a starved machine must not cut the search this test counts (it found 28 of the 50
    // paths at load 20 with the default budget).
    const ample = { timeBudgetMs: PATH_RULES.timeBudgetMs.max };
    const result = dense.paths("state:s", "state:t", { limit: 50, maxHops: 8, ...ample });
    expect(result.type === "found" && result.paths.length).toBe(50);
    expect(result.truncated).toBe(false);
  });

  it("returns what it found, marked truncated, when the expansion cap is hit", () => {
    const result = dense.paths("state:s", "state:t", { limit: 50, maxHops: 8, maxExpansions: 200 });
    expect(result.type).toBe("found");
    expect(result.truncated).toBe(true);
    if (result.type === "found") {
      expect(result.paths.length).toBeGreaterThan(0);
      expect(result.paths.length).toBeLessThan(50);
      expect(result.paths[0]!.length).toBe(2);
    }
  });

  it("returns what it found, marked truncated, when the time budget runs out", () => {
    const result = dense.paths("state:s", "state:t", { limit: 50, maxHops: 8, timeBudgetMs: 0 });
    expect(result.truncated).toBe(true);
    expect(result.type === "found" && result.paths.length).toBeGreaterThan(0);
  });

  it("still returns one shortest path when the cap stops the search before the first", () => {
    const result = dense.paths("state:s", "state:t", { maxExpansions: 1 });
    expect(result).toMatchObject({ type: "found", truncated: true });
    expect(result.type === "found" && result.paths.map((p) => p.length)).toEqual([2]);
  });
});
