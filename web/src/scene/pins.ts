// Pinned nodes stay where they were dropped: the state holds their positions, and the graph's are set from it when
// the pins change (a drop, undo, redo) and whenever the node enters the graph again (a refetch after a live update).
import type { DisplayGraph } from "../graph/index.js";
import type { Pin, Store } from "../state/index.js";

export interface Pins {
  /** Remember where a node was laid out before it is first dragged, so that undoing its pin puts it back. */
  remember(id: string): void;
}

export function followPins(graph: DisplayGraph, store: Store): Pins {
  const laidOut = new Map<string, Pin>();
  const remember = (id: string): void => {
    if (!laidOut.has(id) && graph.hasNode(id)) {
      laidOut.set(id, { x: graph.getNodeAttribute(id, "x"), y: graph.getNodeAttribute(id, "y") });
    }
  };
  const place = (id: string, pin: Pin | undefined): void => {
    if (!graph.hasNode(id)) return;
    const at = pin ?? laidOut.get(id);
    if (at) graph.mergeNodeAttributes(id, { x: at.x, y: at.y });
  };

  store.subscribe((state, previous) => {
    const { pins } = state.scene;
    if (pins === previous.scene.pins) return;
    for (const id of new Set([...Object.keys(pins), ...Object.keys(previous.scene.pins)])) {
      if (pins[id] !== previous.scene.pins[id]) place(id, pins[id]);
    }
  });
  // A refetched graph brings the server's positions back: the pins win over them.
  graph.on("nodeAdded", ({ key }) => {
    const pin = store.get().scene.pins[key];
    if (!pin) return;
    laidOut.set(key, { x: graph.getNodeAttribute(key, "x"), y: graph.getNodeAttribute(key, "y") });
    place(key, pin);
  });
  return { remember };
}
