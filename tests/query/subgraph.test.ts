// Export views: subgraphs by node type, edge type and date range, and the graph of found paths.
import { describe, expect, it } from "vitest";
import { ParameterError } from "../../src/errors";
import { createQueryEngine, type SubgraphFilter } from "../../src/query";
import { buildDataset } from "../helpers/query-fixture";

const dataset = buildDataset({
  nodes: [
    { id: "state:kor", label: "Republic of Korea" },
    { id: "state:prk", label: "DPRK" },
    { id: "doc:res", label: "Resolution", date: "2019-12-18" },
    { id: "doc:old", label: "Old report", date: "2014" },
    { id: "topic:talks", label: "Talks", date: "2018-06/2019-02" },
  ],
  edges: [
    { source: "state:kor", target: "doc:res", type: "declined", date: "2019-11" },
    { source: "state:prk", target: "doc:res", type: "about" },
    { source: "doc:old", target: "state:prk", type: "about", date: "2014-02" },
    { source: "state:prk", target: "topic:talks", type: "about", date: "2019-02" },
    { source: "doc:res", target: "doc:old", type: "cites" },
  ],
});
const engine = createQueryEngine(dataset);

function view(filter: SubgraphFilter) {
  const graph = engine.subgraph(filter);
  return { nodes: graph.nodes().sort(), edges: graph.edges().sort() };
}

function parameterOf(filter: SubgraphFilter): string {
  try {
    engine.subgraph(filter);
  } catch (error) {
    expect(error).toBeInstanceOf(ParameterError);
    return (error as ParameterError).parameter;
  }
  throw new Error("expected a ParameterError");
}

describe("subgraph: bad input", () => {
  it("rejects unknown type names, naming the list", () => {
    expect(parameterOf({ nodeTypes: ["sate"] })).toBe("nodeTypes");
    expect(parameterOf({ edgeTypes: ["abuot"] })).toBe("edgeTypes");
  });

  it("rejects malformed or impossible dates, naming the bound", () => {
    expect(parameterOf({ dateFrom: "2019/12" })).toBe("dateFrom");
    expect(parameterOf({ dateFrom: "2019-13" })).toBe("dateFrom");
    expect(parameterOf({ dateTo: "18 December 2019" })).toBe("dateTo");
    expect(parameterOf({ dateFrom: "2019-12", dateTo: "2019-01" })).toBe("dateTo");
  });
});

describe("subgraph", () => {
  it("copies the whole graph with an empty filter, attributes kept but not shared", () => {
    const graph = engine.subgraph();
    expect(graph.order).toBe(5);
    expect(graph.size).toBe(5);
    expect(graph.getAttribute("name")).toBe("fixture");
    expect(graph.getNodeAttributes("doc:res")).toEqual(dataset.graph.getNodeAttributes("doc:res"));
    graph.setNodeAttribute("doc:res", "label", "changed");
    expect(dataset.graph.getNodeAttribute("doc:res", "label")).toBe("Resolution");
  });

  it("keeps only the node types asked for, and the edges between them", () => {
    expect(view({ nodeTypes: ["state", "document"] })).toEqual({
      nodes: ["doc:old", "doc:res", "state:kor", "state:prk"],
      edges: [
        "doc:old--about--state:prk",
        "doc:res--cites--doc:old",
        "state:kor--declined--doc:res",
        "state:prk--about--doc:res",
      ],
    });
  });

  it("keeps only the edge types asked for, and every node", () => {
    expect(view({ edgeTypes: ["declined", "cites"] })).toEqual({
      nodes: ["doc:old", "doc:res", "state:kor", "state:prk", "topic:talks"],
      edges: ["doc:res--cites--doc:old", "state:kor--declined--doc:res"],
    });
  });

  it("keeps undated elements and dated ones overlapping the range; drops edges that lose an end", () => {
    expect(view({ dateFrom: "2019" })).toEqual({
      nodes: ["doc:res", "state:kor", "state:prk", "topic:talks"],
      edges: ["state:kor--declined--doc:res", "state:prk--about--doc:res", "state:prk--about--topic:talks"],
    });
    expect(view({ dateFrom: "2018-01", dateTo: "2018-12-31" })).toEqual({
      nodes: ["state:kor", "state:prk", "topic:talks"],
      edges: [],
    });
    expect(view({ dateTo: "2014-01" })).toEqual({ nodes: ["doc:old", "state:kor", "state:prk"], edges: [] });
  });
});

describe("pathSubgraph", () => {
  it("holds the union of the nodes and edges of the found paths", () => {
    const result = engine.paths("state:kor", "topic:talks", { limit: 5 });
    const graph = engine.pathSubgraph(result);
    expect(graph.nodes().sort()).toEqual(["doc:res", "state:kor", "state:prk", "topic:talks"]);
    expect(graph.edges().sort()).toEqual([
      "state:kor--declined--doc:res",
      "state:prk--about--doc:res",
      "state:prk--about--topic:talks",
    ]);
    expect(graph.getEdgeAttribute("state:kor--declined--doc:res", "date")).toBe("2019-11");
  });

  it("is empty when there is no path", () => {
    const graph = engine.pathSubgraph(engine.paths("state:kor", "state:kor"));
    expect([graph.order, graph.size]).toEqual([0, 0]);
  });
});
