import { describe, expect, it } from "vitest";
import { computeLayout, extendLayout } from "../../src/layout";
import type { RightsGraph } from "../../src/schema";
import { addEdge, addNode, emptyGraph } from "../helpers/graph-builder";

/** A ring of `n` people, each linked to the next. */
function ring(n: number): RightsGraph {
  const graph = emptyGraph();
  for (let i = 0; i < n; i++) addNode(graph, `person:${i}`, { type: "person" });
  for (let i = 0; i < n; i++) addEdge(graph, `e${i}`, `person:${i}`, `person:${(i + 1) % n}`, { type: "related-to" });
  return graph;
}

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe("extendLayout", () => {
  const before = ring(30);
  const previous = computeLayout(before);

  it("keeps the position of every node that was there, and sizes nodes by their new degree", () => {
    const after = ring(30);
    addNode(after, "state:new", { type: "state" });
    addEdge(after, "n1", "state:new", "person:3", { type: "related-to" });
    const display = extendLayout(after, previous);
    for (const [id, old] of previous) expect([display.get(id)!.x, display.get(id)!.y]).toEqual([old.x, old.y]);
    expect(display.get("person:3")!.size).toBeGreaterThan(previous.get("person:3")!.size);
    expect(display.get("person:4")!.size).toBe(previous.get("person:4")!.size);
  });

  it("places a new node next to its neighbour: nearer to it than to any other node", () => {
    const after = ring(30);
    addNode(after, "state:new", { type: "state" });
    addEdge(after, "n1", "state:new", "person:3", { type: "related-to" });
    const display = extendLayout(after, previous);
    const placed = display.get("state:new")!;
    const nearest = [...previous.keys()].sort(
      (a, b) => distance(placed, display.get(a)!) - distance(placed, display.get(b)!),
    );
    expect(nearest.slice(0, 3)).toContain("person:3");
  });

  it("places a chain of new nodes, each next to the one it links to, and a new isolated node inside the drawing", () => {
    const after = ring(30);
    addNode(after, "state:a", { type: "state" });
    addNode(after, "state:b", { type: "state" });
    addNode(after, "topic:alone", { type: "topic" });
    addEdge(after, "n1", "state:a", "person:10", { type: "related-to" });
    addEdge(after, "n2", "state:b", "state:a", { type: "related-to" });
    const display = extendLayout(after, previous);
    const radius = Math.max(...[...previous.values()].map((p) => Math.hypot(p.x, p.y)));
    expect(distance(display.get("state:b")!, display.get("state:a")!)).toBeLessThan(radius / 2);
    expect(Math.hypot(display.get("topic:alone")!.x, display.get("topic:alone")!.y)).toBeLessThanOrEqual(radius * 1.5);
    for (const p of display.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });

  it("gives the same positions for the same graph and previous layout", () => {
    const after = ring(30);
    addNode(after, "state:new", { type: "state" });
    addEdge(after, "n1", "state:new", "person:3", { type: "related-to" });
    expect(extendLayout(after, previous)).toEqual(extendLayout(after, previous));
  });

  it("drops the nodes that are gone", () => {
    const after = ring(30);
    after.dropNode("person:7");
    const display = extendLayout(after, previous);
    expect(display.has("person:7")).toBe(false);
    expect(display.size).toBe(29);
  });
});
