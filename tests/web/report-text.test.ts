// The words of the report image: a title for what the view shows, counts and filters, the legend of what is in view,
// and a caption naming the sources and the day.
import { describe, expect, it } from "vitest";
import { selectNode, setDateRange, setPathResult, setShowSuggestions, askPaths } from "../../web/src/actions/index.js";
import type { FoundPathObject, PathsFoundResponse } from "../../web/src/api/index.js";
import { computeVisibility } from "../../web/src/graph/index.js";
import { describeReport } from "../../web/src/panels/export/report-text.js";
import { DEFAULT_PATH_QUERY, initialState } from "../../web/src/state/index.js";
import type { AppState } from "../../web/src/state/index.js";
import { fixtureGraph, SCHEMA } from "./fixture.js";

const graph = fixtureGraph();
const report = (state: AppState) =>
  describeReport({
    graph,
    state,
    visibility: computeVisibility(graph, state.filters),
    nodeTypes: new Map(SCHEMA.nodeTypes.map((t) => [t.name, t])),
    edgeTypes: new Map(SCHEMA.edgeTypes.map((t) => [t.name, t])),
    today: "2026-11-30",
  });

describe("describeReport", () => {
  it("titles the whole graph with its source, counts what is shown and names the source and the day", () => {
    const words = report(initialState());
    expect(words.title).toBe("Brief");
    expect(words.subtitle).toBe("5 of 5 nodes and 4 of 4 relations shown.");
    expect(words.caption).toBe(
      "Source: Brief. Every relation drawn is quoted from its source in RightsGraph. Image made 30 Nov 2026.",
    );
  });

  it("puts in the legend the node types and relation families in view, each once, with its line", () => {
    expect(report(initialState()).legend).toEqual([
      { label: "States", color: "#332288", shape: "dot" },
      { label: "Documents", color: "#999933", shape: "dot" },
      { label: "People", color: "#cc6677", shape: "dot" },
      { label: "Opposition and violations", color: "#dd0000", shape: "solid" },
      { label: "Statements and calls", color: "#0000dd", shape: "solid" },
      { label: "Citations (provenance)", color: "#aaaaaa", shape: "dashed" },
    ]);
  });

  it("counts suggested records only while the switch shows them, and says how many are in view", () => {
    const withSuggestion = fixtureGraph();
    withSuggestion.setEdgeAttribute(withSuggestion.edges()[0]!, "status", "suggested");
    const words = (state: AppState) =>
      describeReport({
        graph: withSuggestion,
        state,
        visibility: computeVisibility(withSuggestion, state.filters),
        nodeTypes: new Map(),
        edgeTypes: new Map(),
        today: "2026-11-30",
      }).subtitle;
    expect(words(initialState())).toBe("5 of 5 nodes and 3 of 3 relations shown.");
    expect(words(setShowSuggestions(true)(initialState()))).toBe(
      "5 of 5 nodes and 4 of 4 relations shown; 1 suggested record not yet reviewed.",
    );
  });

  it("titles a selected node with its full name, and says which months are kept", () => {
    const state = setDateRange("2019-10", "2019-11")(selectNode("person:q")(initialState()));
    const words = report(state);
    expect(words.title).toBe("Tomás Ojea Quintana and its relations");
    expect(words.subtitle).toMatch(/; dated Oct 2019 to Nov 2019\.$/);
  });

  it("titles a chosen path by its ends and spells it out", () => {
    const path: FoundPathObject = {
      nodes: [
        { id: "state:kor", label: "Republic of Korea" },
        { id: "person:q", label: "Tomás Ojea Quintana" },
      ] as FoundPathObject["nodes"],
      edges: [],
      steps: [{ direction: "backward" }] as FoundPathObject["steps"],
      claims: [],
      length: 1,
      cost: 1,
    };
    const response = { paths: [path], truncated: false } as unknown as PathsFoundResponse;
    const asked = askPaths({ ...DEFAULT_PATH_QUERY, from: "state:kor", to: "person:q" })(initialState());
    const words = report(setPathResult({ status: "found", response })(asked));
    expect(words.title).toBe("How Republic of Korea is connected to Tomás Ojea Quintana");
    expect(words.subtitle).toMatch(/^Path 1 of 1: Republic of Korea ← Tomás Ojea Quintana; 5 of 5 nodes/);
  });
});
