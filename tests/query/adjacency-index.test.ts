// The CSR adjacency index: integer ids in id order, sorted adjacency lists, type codes, components; shortest lengths.
import { describe, expect, it } from "vitest";
import { NotFoundError, ParameterError } from "../../src/errors";
import { buildAdjacencyIndex, createQueryEngine, shortestPathLength } from "../../src/query";
import { buildDataset } from "../helpers/query-fixture";

const dataset = buildDataset({
  nodes: ["state:b", "state:a", "doc:brief", "doc:x", "topic:alone"],
  edges: [
    ["state:a", "state:b", "declined"],
    ["state:b", "state:a", "about"],
    ["state:a", "doc:x", "about"],
    ["doc:brief", "doc:x", "cites"],
    ["state:a", "state:b", "about"],
  ],
  sources: { brief: "doc:brief" },
});
const index = buildAdjacencyIndex(dataset);

function list(view: "out" | "in" | "both", id: string): string[] {
  const v = index.nodeIndex.get(id)!;
  const adjacency = index[view];
  const entries: string[] = [];
  for (let p = adjacency.offsets[v]!; p < adjacency.offsets[v + 1]!; p++) {
    const signed = adjacency.edges[p]!;
    const edge = index.edgeIds[signed < 0 ? ~signed : signed]!;
    entries.push(`${index.nodeIds[adjacency.neighbors[p]!]} ${signed < 0 ? "<" : ">"} ${edge}`);
  }
  return entries;
}

describe("buildAdjacencyIndex", () => {
  it("numbers nodes in id order and edges in graph order", () => {
    expect(index.nodeIds).toEqual(["doc:brief", "doc:x", "state:a", "state:b", "topic:alone"]);
    expect(index.edgeIds).toEqual(dataset.graph.edges());
    expect([index.nodeCount, index.edgeCount]).toEqual([5, 5]);
  });

  it("lists out-, in- and undirected neighbours sorted by neighbour then edge, direction in the sign", () => {
    expect(list("out", "state:a")).toEqual([
      "doc:x > state:a--about--doc:x",
      "state:b > state:a--declined--state:b",
      "state:b > state:a--about--state:b",
    ]);
    expect(list("in", "state:a")).toEqual(["state:b < state:b--about--state:a"]);
    expect(list("both", "state:a")).toEqual([
      "doc:x > state:a--about--doc:x",
      "state:b > state:a--declined--state:b",
      "state:b > state:a--about--state:b",
      "state:b < state:b--about--state:a",
    ]);
  });

  it("codes edge and node types, flags provenance types and source documents", () => {
    expect(index.edgeTypeNames[index.edgeType[0]!]).toBe("declined");
    expect(index.provenanceEdgeType[index.edgeTypeCode.get("cites")!]).toBe(1);
    expect(index.provenanceEdgeType[index.edgeTypeCode.get("about")!]).toBe(0);
    expect(index.nodeClass[index.nodeIndex.get("doc:brief")!]! % 2).toBe(1);
    expect(index.nodeClass[index.nodeIndex.get("doc:x")!]! % 2).toBe(0);
    expect(index.nodeTypeNames[index.nodeType[index.nodeIndex.get("doc:x")!]!]).toBe("document");
  });

  it("labels connected components of the undirected graph", () => {
    const component = (id: string) => index.component[index.nodeIndex.get(id)!];
    expect(component("doc:brief")).toBe(component("state:b"));
    expect(component("topic:alone")).not.toBe(component("state:a"));
  });
});

describe("shortestPathLength", () => {
  const engine = createQueryEngine(dataset);

  it("throws NotFoundError for an unknown node and ParameterError for a bad option", () => {
    expect(() => shortestPathLength(engine, "state:zz", "state:a")).toThrow(NotFoundError);
    expect(() => shortestPathLength(engine, "state:a", "state:b", { direction: "up" as "any" })).toThrow(
      ParameterError,
    );
  });

  it("is 0 from a node to itself and null between components", () => {
    expect(shortestPathLength(engine, "state:a", "state:a")).toBe(0);
    expect(shortestPathLength(engine, "state:a", "topic:alone")).toBeNull();
  });

  it("counts edges on a shortest path under the path filters, from the engine or the index", () => {
    expect(shortestPathLength(engine, "state:b", "doc:x")).toBe(2);
    expect(shortestPathLength(index, "state:b", "doc:x", { direction: "forward" })).toBe(2);
    expect(shortestPathLength(index, "doc:x", "state:b", { direction: "forward" })).toBeNull();
    expect(shortestPathLength(engine, "state:b", "doc:brief")).toBeNull();
    expect(shortestPathLength(engine, "state:b", "doc:brief", { includeProvenance: true })).toBe(3);
    expect(shortestPathLength(engine, "state:b", "doc:x", { edgeTypes: ["declined"] })).toBeNull();
  });
});
