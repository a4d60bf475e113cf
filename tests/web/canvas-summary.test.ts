// The canvas in words, for screen readers: what it shows, or what it highlights (a path, a node, a relation).
import { describe, expect, it } from "vitest";
import { askPaths, selectEdge, selectNode, setPathResult, toggleNodeType } from "../../web/src/actions/index.js";
import type { EdgeObject, NodeObject } from "../../web/src/api/index.js";
import { canvasSummary } from "../../web/src/app/canvas-summary.js";
import { computeView } from "../../web/src/reducers/index.js";
import { DEFAULT_PATH_QUERY, initialState } from "../../web/src/state/index.js";
import type { AppState } from "../../web/src/state/index.js";
import { fixtureGraph } from "./fixture.js";

const graph = fixtureGraph();
const summary = (state: AppState) => canvasSummary(graph, state, computeView(graph, state));

describe("canvasSummary", () => {
  it("counts what the filters leave on the canvas", () => {
    expect(summary(initialState())).toBe("The canvas shows 5 of 5 nodes and 4 of 4 edges.");
    expect(summary(toggleNodeType("document")(initialState()))).toBe("The canvas shows 3 of 5 nodes and 2 of 4 edges.");
  });

  it("names the selected node with its neighbours, or the selected relation as a sentence", () => {
    expect(summary(selectNode("state:kor")(initialState()))).toBe(
      "The canvas highlights Republic of Korea and 2 neighbours.",
    );
    expect(summary(selectEdge("e:declined")(initialState()))).toBe(
      "The canvas highlights the relation: The Republic of Korea declined to co-sponsor A/C.3/74/L.26.",
    );
  });

  it("reads the chosen path, which wins over the selection", () => {
    const node = (id: string) => ({ id, label: graph.getNodeAttribute(id, "label") }) as NodeObject;
    const edge = { id: "e:call-kor", direction: "forward" } as EdgeObject & { direction: "forward" };
    const step = { from: "person:q", to: "state:kor", direction: "forward" as const, edges: [edge.id] };
    const path = {
      nodes: [node("person:q"), node("state:kor")],
      edges: [edge],
      steps: [step],
      claims: [],
      length: 1,
      cost: 1,
    };
    const asked = askPaths({ ...DEFAULT_PATH_QUERY, from: "person:q", to: "state:kor" })(
      selectNode("doc:brief")(initialState()),
    );
    const state = setPathResult({
      status: "found",
      response: { paths: [path], rank: "informative", truncated: false },
    })(asked);
    expect(summary(state)).toBe("The canvas highlights path 1: Tomás Ojea Quintana → Republic of Korea.");
  });
});
