// The display graph and its filters: built from GET /api/graph, typed away from sigma's `type`, sized by the server,
// visibility from type switches and the date range.
import { describe, expect, it } from "vitest";
import {
  buildGraph,
  computeVisibility,
  countByNodeType,
  countBySource,
  dateInRange,
  FALLBACK_NODE_SIZE,
  formatDate,
  lastDayOfMonth,
  monthBounds,
  monthHistogram,
  monthsBetween,
  timelineMonths,
} from "../../web/src/graph/index.js";
import { DEFAULT_FILTERS } from "../../web/src/state/index.js";
import { fixtureGraph, GRAPH, SCHEMA } from "./fixture.js";

describe("buildGraph", () => {
  it("skips edges whose ends are missing instead of failing", () => {
    const graph = fixtureGraph();
    expect(graph.hasEdge("e:dangling")).toBe(false);
    expect(graph.order).toBe(5);
    expect(graph.size).toBe(4);
  });

  it("keeps the schema type as nodeType/relType and leaves `type` to sigma's programs", () => {
    const graph = fixtureGraph();
    expect(graph.getNodeAttribute("state:kor", "nodeType")).toBe("state");
    expect(graph.getNodeAttributes("state:kor")).not.toHaveProperty("type");
    expect(graph.getEdgeAttribute("e:declined", "relType")).toBe("declined");
    expect(graph.getEdgeAttribute("e:declined", "type")).toBe("straight");
  });

  it("draws the short name and keeps the full one for hover, and keeps each relation's sentence", () => {
    const long = {
      ...GRAPH.nodes[1]!,
      attributes: { ...GRAPH.nodes[1]!.attributes, label: "Democratic People's Republic of Korea" },
    };
    const graph = buildGraph({ ...GRAPH, nodes: [long, ...GRAPH.nodes.slice(2)], edges: [] }, SCHEMA);
    expect(graph.getNodeAttribute("state:prk", "label")).toBe("DPRK");
    expect(graph.getNodeAttribute("state:prk", "fullLabel")).toBe("Democratic People's Republic of Korea");
    expect(fixtureGraph().getEdgeAttribute("e:declined", "sentence")).toBe(
      "The Republic of Korea declined to co-sponsor A/C.3/74/L.26.",
    );
  });

  it("colours nodes by type from the schema and draws them at the size the server sent", () => {
    const graph = fixtureGraph();
    expect(graph.getNodeAttribute("state:kor", "color")).toBe("#332288");
    for (const { key, attributes } of GRAPH.nodes) expect(graph.getNodeAttribute(key, "size")).toBe(attributes.size);
  });

  it("keeps a node whose size is missing from a malformed answer visible", () => {
    const [first] = GRAPH.nodes;
    const broken = { ...first!, attributes: { ...first!.attributes, size: undefined as unknown as number } };
    const graph = buildGraph({ ...GRAPH, nodes: [broken], edges: [] }, SCHEMA);
    expect(graph.getNodeAttribute(first!.key, "size")).toBe(FALLBACK_NODE_SIZE);
  });

  it("draws every edge straight until the renderer curves parallel ones", () => {
    const graph = fixtureGraph();
    graph.forEachEdge((_edge, attributes) => expect(attributes).toMatchObject({ type: "straight", curvature: 0 }));
  });
});

describe("dates", () => {
  it("reads prefixes and intervals as month bounds, and nothing else", () => {
    expect(monthBounds("2019")).toEqual({ start: "2019-01", end: "2019-12" });
    expect(monthBounds("2019-12-18")).toEqual({ start: "2019-12", end: "2019-12" });
    expect(monthBounds("2019-07/2019-12")).toEqual({ start: "2019-07", end: "2019-12" });
    expect(monthBounds("December 2019")).toBeNull();
    expect(monthBounds(undefined)).toBeNull();
  });

  it("keeps undated elements and those overlapping the range", () => {
    expect(dateInRange(undefined, "2019-01", "2019-02")).toBe(true);
    expect(dateInRange("2019", "2019-06", null)).toBe(true);
    expect(dateInRange("2019-10-31", "2019-11", null)).toBe(false);
    expect(dateInRange("2019-07/2019-12", null, "2019-07")).toBe(true);
  });

  it("spans the timeline over every dated element, month by month", () => {
    expect(timelineMonths(["2019-11", undefined, "2020-01-05", "bad"])).toEqual(["2019-11", "2019-12", "2020-01"]);
    expect(timelineMonths([undefined])).toEqual([]);
    expect(monthsBetween("2019-12", "2019-12")).toEqual(["2019-12"]);
  });

  it("formats dates for people and ends months on their last day", () => {
    expect(formatDate("2019-12-18")).toBe("18 Dec 2019");
    expect(formatDate("2019-07/2019-12")).toBe("Jul 2019 – Dec 2019");
    expect(lastDayOfMonth("2020-02")).toBe("2020-02-29");
  });
});

describe("computeVisibility", () => {
  it("leaves suggested records out until suggestions are switched on, and keeps draft ones", () => {
    const data = structuredClone(GRAPH);
    const person = data.nodes.find((n) => n.key === "person:q")!;
    person.attributes.status = "suggested";
    data.edges.find((e) => e.key === "e:call-kor")!.attributes.status = "draft";
    const graph = buildGraph(data, SCHEMA);
    expect(graph.getNodeAttribute("person:q", "status")).toBe("suggested");
    const off = computeVisibility(graph, DEFAULT_FILTERS);
    expect(off.nodes.has("person:q")).toBe(false);
    expect([...off.edges].some((e) => graph.extremities(e).includes("person:q"))).toBe(false);
    const on = computeVisibility(graph, { ...DEFAULT_FILTERS, showSuggestions: true });
    expect(on.nodes.size).toBe(graph.order);
    expect(on.edges.size).toBe(graph.size);
  });

  it("shows everything without filters", () => {
    const graph = fixtureGraph();
    const vis = computeVisibility(graph, DEFAULT_FILTERS);
    expect(vis.nodes.size).toBe(graph.order);
    expect(vis.edges.size).toBe(graph.size);
  });

  it("drops a hidden node type and every edge touching it", () => {
    const graph = fixtureGraph();
    const vis = computeVisibility(graph, { ...DEFAULT_FILTERS, hiddenNodeTypes: ["document"] });
    expect([...vis.nodes].sort()).toEqual(["person:q", "state:kor", "state:prk"]);
    expect([...vis.edges].sort()).toEqual(["e:call-kor", "e:call-kor-2"]);
    expect(countByNodeType(graph, vis.nodes).get("document")).toEqual({ shown: 0, total: 2 });
  });

  it("drops a hidden relation type but keeps its nodes", () => {
    const vis = computeVisibility(fixtureGraph(), { ...DEFAULT_FILTERS, hiddenEdgeTypes: ["called-on"] });
    expect(vis.nodes.has("person:q")).toBe(true);
    expect(vis.edges.has("e:call-kor")).toBe(false);
  });

  it("narrows dated nodes and edges to the range, undated ones stay", () => {
    const vis = computeVisibility(fixtureGraph(), { ...DEFAULT_FILTERS, dateFrom: "2019-11", dateTo: "2019-12" });
    expect(vis.nodes.has("doc:l26")).toBe(false);
    expect(vis.nodes.has("doc:brief")).toBe(false);
    expect(vis.nodes.has("state:kor")).toBe(true);
    expect(vis.edges.has("e:declined")).toBe(false);
    expect(vis.edges.has("e:call-kor")).toBe(true);
    expect(vis.edges.has("e:call-kor-2")).toBe(false);
  });

  it("hides undated claims, and undated nodes no claim shown touches, with hideUndated", () => {
    const vis = computeVisibility(fixtureGraph(), { ...DEFAULT_FILTERS, hideUndated: true });
    expect([...vis.edges].sort()).toEqual(["e:call-kor-2", "e:declined"]);
    // The DPRK has no date and no dated claim; the brief and L.26 are dated themselves.
    expect([...vis.nodes].sort()).toEqual(["doc:brief", "doc:l26", "person:q", "state:kor"]);
  });

  it("keeps only the claims of a month and their ends with hideUndated and a range", () => {
    const filters = { ...DEFAULT_FILTERS, hideUndated: true, dateFrom: "2019-10", dateTo: "2019-11" };
    const vis = computeVisibility(fixtureGraph(), filters);
    expect([...vis.edges].sort()).toEqual(["e:call-kor-2", "e:declined"]);
    expect([...vis.nodes].sort()).toEqual(["doc:l26", "person:q", "state:kor"]);
  });

  it("drops every node no shown relation touches with hideUnlinked", () => {
    const filters = { ...DEFAULT_FILTERS, hiddenEdgeTypes: ["cites", "declined"], hideUnlinked: true };
    const vis = computeVisibility(fixtureGraph(), filters);
    expect([...vis.edges].sort()).toEqual(["e:call-kor", "e:call-kor-2"]);
    expect([...vis.nodes].sort()).toEqual(["person:q", "state:kor"]);
  });

  it("drops the claims of a hidden source and counts them per source", () => {
    const graph = fixtureGraph();
    const vis = computeVisibility(graph, { ...DEFAULT_FILTERS, hiddenSources: ["doc:brief"] });
    expect(vis.edges.size).toBe(0);
    expect(vis.nodes.size).toBe(graph.order);
    expect(countBySource(graph, vis.edges)).toEqual(new Map([["doc:brief", { shown: 0, total: 4 }]]));
  });
});

describe("monthHistogram", () => {
  it("counts dated claims per month, and those shown", () => {
    const graph = fixtureGraph();
    const vis = computeVisibility(graph, { ...DEFAULT_FILTERS, hiddenEdgeTypes: ["called-on"] });
    expect(monthHistogram(graph, vis.edges)).toEqual([
      { month: "2019-10", total: 1, shown: 0 },
      { month: "2019-11", total: 1, shown: 1 },
    ]);
  });

  it("counts an interval in every month it spans, and has no bars when nothing is dated", () => {
    const graph = fixtureGraph();
    graph.setEdgeAttribute("e:cites", "date", "2019-09/2019-11");
    const bars = monthHistogram(graph, new Set(["e:cites"]));
    expect(bars.map((b) => [b.month, b.total, b.shown])).toEqual([
      ["2019-09", 1, 1],
      ["2019-10", 2, 1],
      ["2019-11", 2, 1],
    ]);
    graph.forEachEdge((edge) => graph.removeEdgeAttribute(edge, "date"));
    expect(monthHistogram(graph, new Set())).toEqual([]);
  });
});
