// The scene's pure parts: picking, hiding, showing only, expanding and collapsing, pins, the undo history, and the
// visibility a scene gives.
import { describe, expect, it } from "vitest";
import { computeVisibility } from "../../web/src/graph/index.js";
import {
  collapseNode,
  createViewHistory,
  expandNode,
  hideNodes,
  pickNodes,
  pinNode,
  setMembers,
  showHidden,
  showOnly,
  togglePicked,
} from "../../web/src/scene/index.js";
import { setHideUndated } from "../../web/src/actions/index.js";
import { createStore, DEFAULT_FILTERS, initialState } from "../../web/src/state/index.js";
import { fixtureGraph } from "./fixture.js";

const graph = fixtureGraph();

describe("scene transitions", () => {
  it("picks with shift-click and a box, and hides what is picked", () => {
    let state = togglePicked("state:kor")(initialState());
    state = togglePicked("doc:l26")(state);
    expect(state.picked).toEqual(["doc:l26", "state:kor"]);
    expect(togglePicked("doc:l26")(state).picked).toEqual(["state:kor"]);
    state = pickNodes(["person:q"], true)(state);
    expect(state.picked).toEqual(["doc:l26", "person:q", "state:kor"]);
    expect(pickNodes(["person:q"], true)(state)).toBe(state);
    const hidden = hideNodes(state.picked)(state);
    expect(hidden.scene.hidden).toEqual(["doc:l26", "person:q", "state:kor"]);
    expect(hidden.picked).toEqual([]);
    const vis = computeVisibility(graph, hidden.filters, hidden.scene);
    expect(vis.nodes.has("state:kor")).toBe(false);
    expect([...vis.edges].some((e) => graph.extremities(e).includes("state:kor"))).toBe(false);
    expect(showHidden()(hidden).scene.hidden).toEqual([]);
  });

  it("shows only the picked nodes", () => {
    const all = graph.nodes();
    const state = showOnly(["state:kor", "state:prk"], all)(initialState());
    const vis = computeVisibility(graph, state.filters, state.scene);
    expect([...vis.nodes].sort()).toEqual(["state:kor", "state:prk"]);
  });

  it("expands into a listed scene, collapses back, and keeps pins", () => {
    let state = setMembers(["state:kor"])(initialState());
    expect([...computeVisibility(graph, state.filters, state.scene).nodes]).toEqual(["state:kor"]);
    state = expandNode("state:kor", ["doc:l26", "state:prk"])(state);
    expect(state.scene.members).toEqual(["doc:l26", "state:kor", "state:prk"]);
    expect(state.scene.expanded).toEqual({ "state:kor": ["doc:l26", "state:prk"] });
    state = collapseNode("state:kor", state.scene.expanded["state:kor"]!)(state);
    expect(state.scene.expanded).toEqual({});
    expect([...computeVisibility(graph, state.filters, state.scene).nodes]).toEqual(["state:kor"]);
    const pinned = pinNode("state:kor", { x: 3, y: 4 })(state);
    expect(pinned.scene.pins).toEqual({ "state:kor": { x: 3, y: 4 } });
    expect(pinNode("state:kor", { x: 3, y: 4 })(pinned)).toBe(pinned);
  });
});

describe("view history", () => {
  it("undoes and redoes filters and scene changes, and forgets the redo on a new change", () => {
    const store = createStore(initialState());
    const history = createViewHistory(store);
    expect(history.canUndo()).toBe(false);
    store.dispatch(hideNodes(["state:kor"]));
    store.dispatch(setHideUndated(true));
    // The live graph's copy of the same filters is no change.
    store.dispatch((s) => ({ ...s, filters: { ...s.filters } }));
    store.dispatch(pinNode("doc:l26", { x: 1, y: 2 }));
    expect(history.undo()).toBe(true);
    expect(store.get().scene.pins).toEqual({});
    expect(history.undo()).toBe(true);
    expect(store.get().filters.hideUndated).toBe(false);
    expect(store.get().scene.hidden).toEqual(["state:kor"]);
    expect(history.redo()).toBe(true);
    expect(store.get().filters.hideUndated).toBe(true);
    expect(history.undo() && history.undo()).toBe(true);
    expect(store.get().scene.hidden).toEqual([]);
    expect(store.get().filters).toEqual(DEFAULT_FILTERS);
    expect(history.undo()).toBe(false);
    expect(history.canRedo()).toBe(true);
    store.dispatch(hideNodes(["person:q"]));
    expect(history.canRedo()).toBe(false);
  });
});
