import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { jsonChunks } from "../../src/export";
import { computeLayout, type NodeDisplay } from "../../src/layout";
import { addNode, emptyGraph } from "../helpers/graph-builder";
import { tinyGraph } from "../helpers/tiny-fixture";

const json = (graph = tinyGraph(), display?: Map<string, NodeDisplay>): string =>
  [...jsonChunks(graph, { display })].join("");

describe("jsonChunks", () => {
  it("rejects a display option that is not a Map", () => {
    expect(() => json(tinyGraph(), new Set() as unknown as Map<string, NodeDisplay>)).toThrow(
      expect.objectContaining({ code: "bad-parameter" }),
    );
  });

  it("keeps lone surrogates and control characters, escaped, so JSON.parse gives them back", () => {
    const graph = emptyGraph();
    addNode(graph, "thing:1", { type: "thing", label: "\uD800\u0000\u2028" });
    expect(JSON.parse(json(graph)).nodes[0].attributes.label).toBe("\uD800\u0000\u2028");
  });

  it("is graphology's own serialisation, which graph.import() reads back", () => {
    const graph = tinyGraph();
    expect(JSON.parse(json(graph))).toEqual(JSON.parse(JSON.stringify(graph.export())));
    const imported = new MultiDirectedGraph().import(JSON.parse(json(graph)));
    expect(imported.getEdgeAttributes("state:kor--declined--doc:un:a-c.3-74-l.26")).toEqual(
      graph.getEdgeAttributes("state:kor--declined--doc:un:a-c.3-74-l.26"),
    );
  });

  it("merges x, y, size and color into the node attributes when a layout is given", () => {
    const display = computeLayout(tinyGraph());
    const parsed = JSON.parse(json(tinyGraph(), display));
    const prk = parsed.nodes.find((node: { key: string }) => node.key === "state:prk");
    expect(prk.attributes).toMatchObject({
      label: "Democratic People's Republic of Korea",
      ...display.get("state:prk"),
    });
  });

  it("streams one chunk per node and per edge", () => {
    expect([...jsonChunks(tinyGraph())]).toHaveLength(1 + 7 + 1 + 6 + 1);
  });
});
