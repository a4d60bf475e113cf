// Path queries: k shortest simple paths, direction, filters, provenance, every "none" cause, caps and bad input.
import { describe, expect, it } from "vitest";
import { NotFoundError, ParameterError } from "../../src/errors";
import { createQueryEngine, type PathOptions, type PathResult } from "../../src/query";
import { buildDataset, type EdgeTuple } from "../helpers/query-fixture";

/** Each found path as "node -edge-> node ..." with arrows showing the edge direction along the walk. */
function walks(result: PathResult): string[] {
  if (result.type !== "found") return [];
  return result.paths.map((path) =>
    path.nodes
      .map((node, i) => {
        const edge = path.edges[i - 1];
        if (!edge) return node.id;
        return `${edge.direction === "forward" ? `-${edge.type}->` : `<-${edge.type}-`} ${node.id}`;
      })
      .join(" "),
  );
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
  it("returns paths shortest first, ties in node id order, parallel edges as distinct paths", () => {
    const result = fork.paths("state:s", "state:t", { limit: 10 });
    expect(result).toMatchObject({ type: "found", truncated: false });
    expect(walks(result)).toEqual([
      "state:s -about-> person:x1 -about-> state:t",
      "state:s -declined-> person:x1 -about-> state:t",
      "state:s -about-> person:x2 <-about- state:t",
      "state:s -about-> person:y1 -about-> person:y2 -about-> state:t",
    ]);
    if (result.type === "found") expect(result.paths.map((p) => p.length)).toEqual([2, 2, 2, 3]);
  });

  it("stops at limit", () => {
    expect(walks(fork.paths("state:s", "state:t", { limit: 2 }))).toHaveLength(2);
  });

  it("keeps to maxHops", () => {
    expect(walks(fork.paths("state:s", "state:t", { limit: 10, maxHops: 2 }))).toHaveLength(3);
  });

  it("gives full node and edge objects, edges[i] joining nodes[i] and nodes[i + 1]", () => {
    const result = fork.paths("state:s", "state:t", { limit: 1 });
    if (result.type !== "found") throw new Error("expected paths");
    const [path] = result.paths;
    expect(path!.nodes[1]).toMatchObject({ id: "person:x1", type: "person", label: "person:x1" });
    expect(path!.edges[0]).toMatchObject({
      id: "state:s--about--person:x1",
      source: "state:s",
      target: "person:x1",
      direction: "forward",
      evidence: { quote: "state:s about person:x1" },
    });
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
      "state:s -about-> person:x1 -about-> state:t",
      "state:s -declined-> person:x1 -about-> state:t",
      "state:s -about-> person:y1 -about-> person:y2 -about-> state:t",
    ]);
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
    expect(walks(filtered.paths("state:s", "state:t", { includeProvenance: true }))).toEqual([
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
    const result = dense.paths("state:s", "state:t", { limit: 50, maxHops: 8 });
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
