// The texts an engine keeps of the node and edge objects it answers with: JSON.stringify's text of the element.
import { describe, expect, it } from "vitest";
import { createQueryEngine, ElementTexts } from "../../src/query";
import { buildDataset } from "../helpers/query-fixture";

const engine = createQueryEngine(
  buildDataset({
    nodes: ["state:a", "person:b", "topic:c"],
    edges: [
      ["state:a", "person:b", "about"],
      ["person:b", "topic:c", "about"],
    ],
  }),
);

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString("utf8");

describe("ElementTexts", () => {
  it("gives JSON.stringify's text of each node and edge as the engine answers with it, every time asked", () => {
    for (let round = 0; round < 2; round++) {
      const detail = engine.node("person:b");
      expect(text(engine.texts.text("node", "person:b"))).toBe(JSON.stringify(detail.node));
      for (const edge of detail.edges) expect(text(engine.texts.text("edge", edge.id))).toBe(JSON.stringify(edge));
      const around = engine.neighbors("person:b", { depth: 2 });
      for (const node of around.nodes)
        expect(text(engine.texts.text("listed-node", node.id))).toBe(JSON.stringify(node));
      for (const edge of around.edges) expect(text(engine.texts.text("edge", edge.id))).toBe(JSON.stringify(edge));
    }
  });

  it("writes the element as made, whatever a caller did to an object it was given", () => {
    const changed = engine.node("topic:c").node;
    changed.label = "changed by a caller";
    changed.aliases.push("added by a caller");
    const kept = text(engine.texts.text("node", "topic:c"));
    expect(kept).toBe(JSON.stringify(engine.node("topic:c").node));
    expect(kept).not.toContain("by a caller");
  });

  it("lets the oldest texts go past its size, and makes them again when asked", () => {
    const made: string[] = [];
    const texts = new ElementTexts((form, id) => {
      made.push(id);
      return { form, id, padding: "x".repeat(80) };
    }, 250);
    for (const id of ["a", "b", "c", "d"]) texts.text("edge", id);
    expect(texts.keptBytes).toBeLessThanOrEqual(250);
    texts.text("edge", "d");
    texts.text("edge", "c");
    expect(made).toEqual(["a", "b", "c", "d"]);
    expect(JSON.parse(text(texts.text("edge", "a")))).toEqual({ form: "edge", id: "a", padding: "x".repeat(80) });
    expect(made).toEqual(["a", "b", "c", "d", "a"]);
    expect(texts.keptBytes).toBeLessThanOrEqual(250);
  });

  it("keeps each form of a node apart", () => {
    const texts = new ElementTexts((form, id) => ({ form, id }));
    expect(text(texts.text("node", "a"))).toBe('{"form":"node","id":"a"}');
    expect(text(texts.text("listed-node", "a"))).toBe('{"form":"listed-node","id":"a"}');
  });
});
