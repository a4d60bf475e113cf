// Reducers derive the look from the view: hidden or dimmed filtered elements, the hover neighbourhood, the chosen
// path alone; graph data is never touched.
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import {
  askPaths,
  hoverNode,
  selectEdge,
  selectNode,
  setFilterMode,
  setPathResult,
  toggleNodeType,
} from "../../web/src/actions/index.js";
import type { EdgeObject, NodeObject } from "../../web/src/api/index.js";
import {
  computeView,
  DIM_EDGE_COLOR,
  DIM_NODE_COLOR,
  edgeReducer,
  nodeReducer,
  viewChanged,
  VIEW_FIELDS,
} from "../../web/src/reducers/index.js";
import { DEFAULT_FILTERS, DEFAULT_PATH_QUERY, initialState } from "../../web/src/state/index.js";
import type { AppState } from "../../web/src/state/index.js";
import { fixtureGraph } from "./fixture.js";

const graph = fixtureGraph();
const nodeLook = (state: AppState, node: string) =>
  nodeReducer(computeView(graph, state), node, graph.getNodeAttributes(node));
const edgeLook = (state: AppState, edge: string) =>
  edgeReducer(computeView(graph, state), edge, graph.getEdgeAttributes(edge));

describe("nodeReducer", () => {
  it("leaves nodes as they are with nothing selected, hovered or filtered", () => {
    const look = nodeLook(initialState(), "state:kor");
    expect(look).toMatchObject({ color: "#332288", label: "Republic of Korea" });
    expect(look.hidden).toBeUndefined();
  });

  it("hides filtered nodes, or dims them when the user prefers", () => {
    const filtered = toggleNodeType("document")(initialState());
    expect(nodeLook(filtered, "doc:l26").hidden).toBe(true);
    expect(nodeLook(setFilterMode("dim")(filtered), "doc:l26")).toMatchObject({ color: DIM_NODE_COLOR, label: "" });
  });

  it("highlights a hovered node and its neighbours, dims the rest", () => {
    const state = hoverNode("person:q")(initialState());
    expect(nodeLook(state, "person:q")).toMatchObject({ highlighted: true, forceLabel: true });
    expect(nodeLook(state, "state:kor")).toMatchObject({ forceLabel: true, color: "#332288" });
    expect(nodeLook(state, "doc:brief")).toMatchObject({ color: DIM_NODE_COLOR, label: "" });
  });

  it("highlights the ends of a selected edge", () => {
    const state = selectEdge("e:declined")(initialState());
    expect(nodeLook(state, "doc:l26").highlighted).toBe(true);
    expect(nodeLook(state, "person:q").color).toBe(DIM_NODE_COLOR);
  });

  it("shows the chosen path alone, even over the selection", () => {
    const node = (id: string) => ({ id }) as NodeObject;
    const edge = (id: string) => ({ id, direction: "forward" }) as EdgeObject & { direction: "forward" };
    const asked = askPaths({ ...DEFAULT_PATH_QUERY, from: "person:q", to: "doc:l26" })(
      selectNode("doc:brief")(initialState()),
    );
    const state = setPathResult({
      status: "found",
      response: {
        paths: [
          {
            nodes: [node("person:q"), node("state:kor"), node("doc:l26")],
            edges: [edge("e:call-kor"), edge("e:declined")],
            steps: [],
            claims: [],
            length: 2,
            cost: 2,
          },
        ],
        rank: "informative",
        truncated: false,
      },
    })(asked);
    expect(nodeLook(state, "state:kor")).toMatchObject({ forceLabel: true, color: "#332288" });
    expect(nodeLook(state, "doc:brief")).toMatchObject({ color: DIM_NODE_COLOR, highlighted: false });
    expect(edgeLook(state, "e:declined")).toMatchObject({ size: 4, color: "#dd0000" });
    expect(edgeLook(state, "e:call-kor-2").color).toBe(DIM_EDGE_COLOR);
    expect(edgeLook(state, "e:cites").color).toBe(DIM_EDGE_COLOR);
  });
});

describe("edgeReducer", () => {
  it("hides edges of hidden relation types and edges to hidden nodes", () => {
    const state = toggleNodeType("document")(initialState());
    expect(edgeLook(state, "e:declined").hidden).toBe(true);
    expect(edgeLook(state, "e:call-kor").hidden).toBeUndefined();
  });

  it("thickens the selected edge and dims the others", () => {
    const state = selectEdge("e:declined")(initialState());
    expect(edgeLook(state, "e:declined")).toMatchObject({ size: 4.5, color: "#dd0000" });
    expect(edgeLook(state, "e:cites").color).toBe(DIM_EDGE_COLOR);
  });

  it("forces the label of the relations in focus and blanks the faded ones", () => {
    const selected = selectNode("person:q")(initialState());
    expect(edgeLook(selected, "e:call-kor")).toMatchObject({ forceLabel: true, label: "called on" });
    expect(edgeLook(selected, "e:cites")).toMatchObject({ label: "", color: DIM_EDGE_COLOR });
    expect(edgeLook(selectEdge("e:declined")(initialState()), "e:declined").forceLabel).toBe(true);
    // Nothing in focus: no label is forced, the label layer shows them when zoomed in.
    expect(edgeLook(initialState(), "e:declined").forceLabel).toBeUndefined();
    expect(edgeLook(initialState(), "e:declined").label).toBe("declined to co-sponsor");
  });

  it("never writes into the graph", () => {
    const before = JSON.stringify(graph.export());
    nodeLook(hoverNode("person:q")(initialState()), "doc:brief");
    edgeLook(selectEdge("e:declined")(initialState()), "e:cites");
    expect(JSON.stringify(graph.export())).toBe(before);
  });
});

describe("the fields that redraw the canvas", () => {
  const node = (id: string) => ({ id, label: graph.getNodeAttribute(id, "label") }) as NodeObject;
  const edge = (id: string) => ({ id, direction: "forward" }) as EdgeObject & { direction: "forward" };
  const SHORT = {
    nodes: [node("person:q"), node("state:kor")],
    edges: [edge("e:call-kor")],
    steps: [],
    claims: [],
    length: 1,
    cost: 1,
  };
  const LONG = {
    nodes: [node("person:q"), node("state:kor"), node("doc:l26")],
    edges: [edge("e:call-kor-2"), edge("e:declined")],
    steps: [],
    claims: [],
    length: 2,
    cost: 2,
  };
  const QUESTION = { ...DEFAULT_PATH_QUERY, from: "person:q", to: "doc:l26" };
  const answered = setPathResult({
    status: "found",
    response: { paths: [SHORT, LONG], rank: "informative", truncated: false },
  })(askPaths(QUESTION)(initialState()));
  const BASES: AppState[] = [initialState(), selectNode("state:kor")(initialState()), answered];

  const answeredQuery = {
    columns: ["s"],
    rows: [],
    truncated: false,
    truncatedBy: [],
    nodes: ["state:kor", "doc:l26"],
    edges: ["e:declined"],
    highlightTruncated: false,
  };
  // One other value for every field of the state; the Record type makes a new field fail to compile until listed.
  const OTHER: { [K in keyof AppState]: AppState[K] } = {
    selection: { kind: "edge", id: "e:cites" },
    hoveredNode: "doc:brief",
    hoveredEdge: "e:declined",
    filters: { ...DEFAULT_FILTERS, hiddenNodeTypes: ["person"] },
    pathQuery: { ...QUESTION, maxHops: 2 },
    pathResult: { status: "found", response: { paths: [LONG], rank: "informative", truncated: false } },
    activePath: 1,
    reading: { edgeId: "e:declined" },
    camera: { x: 0.2, y: 0.3, ratio: 0.5, angle: 0 },
    queryText: "MATCH (s)-[r:declined]->(d) RETURN s, r, d",
    queryResult: { status: "answered", response: answeredQuery },
    scene: { members: null, hidden: ["person:q"], expanded: {}, pins: {}, summarised: [] },
    picked: ["state:kor"],
  };

  it("highlights what a query matched, unless a path is chosen", () => {
    const queried = { ...initialState(), queryResult: OTHER.queryResult };
    expect(computeView(graph, queried).path).toEqual({
      nodes: new Set(["state:kor", "doc:l26"]),
      edges: new Set(["e:declined"]),
    });
    const both = { ...answered, queryResult: OTHER.queryResult };
    expect(computeView(graph, both).path!.edges).toEqual(new Set(["e:call-kor"]));
    const empty = {
      ...initialState(),
      queryResult: { ...OTHER.queryResult, response: { ...answeredQuery, nodes: [], edges: [] } },
    };
    expect(computeView(graph, empty).path).toBeNull();
  });

  it("lists exactly the fields computeView reads", () => {
    for (const field of Object.keys(OTHER) as (keyof AppState)[]) {
      const changes = BASES.map((base) => {
        const next = { ...base, [field]: OTHER[field] };
        expect(viewChanged(next, base), field).toBe(VIEW_FIELDS.includes(field as never));
        return !isDeepStrictEqual(computeView(graph, next), computeView(graph, base));
      });
      // A listed field changes the view from some state; an unlisted one never does.
      expect(changes.some(Boolean), field).toBe(VIEW_FIELDS.includes(field as never));
    }
  });
});
