import { describe, expect, it } from "vitest";
import { computeLayout, DEFAULT_LAYOUT_OPTIONS, NODE_TYPE_COLORS, resolveLayoutOptions } from "../../src/layout";
import type { RightsGraph } from "../../src/schema";
import { addEdge, addNode, emptyGraph } from "../helpers/graph-builder";
import { tinyGraph } from "../helpers/tiny-fixture";

const HEX = /^#[0-9a-f]{6}$/;

// The same nodes and edges as tinyGraph, added in reverse order.
function reversedTinyGraph(): RightsGraph {
  const source = tinyGraph();
  const graph = emptyGraph();
  for (const id of source.nodes().reverse()) graph.addNode(id, structuredClone(source.getNodeAttributes(id)));
  for (const id of source.edges().reverse()) {
    graph.addEdgeWithKey(id, source.source(id), source.target(id), structuredClone(source.getEdgeAttributes(id)));
  }
  return graph;
}

function star(leaves: number): RightsGraph {
  const graph = emptyGraph();
  addNode(graph, "state:hub", { type: "state" });
  addNode(graph, "topic:alone", { type: "topic" });
  for (let i = 0; i < leaves; i++) {
    addNode(graph, `person:${i}`, { type: "person" });
    addEdge(graph, `e${i}`, `person:${i}`, "state:hub", { type: "member-of" });
  }
  return graph;
}

describe("resolveLayoutOptions", () => {
  it("rejects zero iterations, naming the option", () => {
    expect(() => resolveLayoutOptions({ iterations: 0 })).toThrow(
      expect.objectContaining({ code: "bad-parameter", parameter: "iterations" }),
    );
  });

  it("rejects a fractional iteration count, a NaN size and an unknown option", () => {
    expect(() => resolveLayoutOptions({ iterations: 2.5 })).toThrow(
      expect.objectContaining({ parameter: "iterations" }),
    );
    expect(() => resolveLayoutOptions({ maxSize: Number.NaN })).toThrow(
      expect.objectContaining({ parameter: "maxSize" }),
    );
    expect(() => resolveLayoutOptions({ speed: 3 } as never)).toThrow(expect.objectContaining({ parameter: "speed" }));
  });

  it("rejects a maximum size below the minimum size", () => {
    expect(() => resolveLayoutOptions({ minSize: 10, maxSize: 5 })).toThrow(
      expect.objectContaining({ parameter: "maxSize" }),
    );
  });

  it("fills missing options from the defaults", () => {
    expect(resolveLayoutOptions({ seed: 7 })).toEqual({ ...DEFAULT_LAYOUT_OPTIONS, seed: 7 });
  });
});

describe("computeLayout", () => {
  it("gives an empty map for an empty graph", () => {
    expect(computeLayout(emptyGraph()).size).toBe(0);
  });

  it("gives identical positions for the same graph, twice", () => {
    expect(computeLayout(tinyGraph())).toEqual(computeLayout(tinyGraph()));
  });

  it("gives identical positions whatever order nodes and edges were added in", () => {
    const forward = computeLayout(tinyGraph());
    const backward = computeLayout(reversedTinyGraph());
    for (const [id, display] of forward) expect(backward.get(id)).toEqual(display);
  });

  it("gives different positions for a different seed", () => {
    const a = computeLayout(tinyGraph(), { seed: 1 });
    const b = computeLayout(tinyGraph(), { seed: 2 });
    expect(a.get("state:prk")).not.toEqual(b.get("state:prk"));
  });

  it("places every node at finite, distinct coordinates", () => {
    const display = computeLayout(tinyGraph());
    expect([...display.keys()].sort()).toEqual(tinyGraph().nodes().sort());
    for (const { x, y, size } of display.values()) {
      expect(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(size)).toBe(true);
    }
    const points = new Set([...display.values()].map(({ x, y }) => `${x},${y}`));
    expect(points.size).toBe(display.size);
  });

  it("survives self-loops and parallel edges", () => {
    const graph = tinyGraph();
    addEdge(graph, "loop", "state:prk", "state:prk", { type: "related-to" });
    const display = computeLayout(graph);
    expect(display.size).toBe(graph.order);
    for (const { x, y } of display.values()) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
  });

  it("colours nodes by type with #rrggbb colours, unknown types included", () => {
    const graph = tinyGraph();
    addNode(graph, "widget:1", { type: "widget" });
    const display = computeLayout(graph);
    for (const { color } of display.values()) expect(color).toMatch(HEX);
    expect(display.get("state:prk")!.color).toBe(NODE_TYPE_COLORS.state);
    expect(display.get("person:khiari")!.color).toBe(NODE_TYPE_COLORS.person);
  });

  it("sizes nodes by degree: minimum for an isolated node, 4 + 2 sqrt(degree) for others, capped", () => {
    const display = computeLayout(star(9), { noverlapIterations: 0 });
    expect(display.get("topic:alone")!.size).toBe(4);
    expect(display.get("person:0")!.size).toBe(6);
    expect(display.get("state:hub")!.size).toBe(10);
    expect(
      computeLayout(star(400), { maxSize: 24, iterations: 10, noverlapIterations: 0 }).get("state:hub")!.size,
    ).toBe(24);
  });

  it("does not change the input graph", () => {
    const graph = tinyGraph();
    const before = structuredClone(graph.export());
    computeLayout(graph);
    expect(graph.export()).toEqual(before);
  });

  it("stays finite on a larger graph where the work budget cuts iterations down", () => {
    const graph = emptyGraph();
    for (let i = 0; i < 3000; i++) addNode(graph, `n:${i}`, { type: "topic" });
    for (let i = 0; i < 3000; i++) addEdge(graph, `e:${i}`, `n:${i}`, `n:${(i * 7 + 1) % 3000}`, { type: "about" });
    const display = computeLayout(graph, { workBudget: 60_000, noverlapIterations: 5 });
    expect(display.size).toBe(3000);
    for (const { x, y } of display.values()) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
  });
});
