import { MultiDirectedGraph } from "graphology";
import { parse } from "graphology-gexf";
import { describe, expect, it } from "vitest";
import { gexfString } from "../../src/export";
import { computeLayout, type NodeDisplay } from "../../src/layout";
import { addNode, emptyGraph } from "../helpers/graph-builder";
import { buildSchema } from "../helpers/schema-builder";
import { TRICKY_QUOTE, tinyGraph, tinySchema } from "../helpers/tiny-fixture";

describe("gexfString", () => {
  it("rejects a display option that is not a Map", () => {
    expect(() => gexfString(tinyGraph(), tinySchema(), { display: [] as unknown as Map<string, NodeDisplay> })).toThrow(
      expect.objectContaining({ code: "bad-parameter" }),
    );
  });

  it("replaces characters XML cannot carry instead of writing a broken file", () => {
    const graph = emptyGraph();
    addNode(graph, "thing:1", { type: "thing", label: "a\u0000b", description: "c\uD800d" });
    const gexf = gexfString(graph, buildSchema({ nodeTypes: { thing: {} }, edgeTypes: {} }));
    const parsed = parse(MultiDirectedGraph, gexf, { respectInputGraphType: true });
    expect(parsed.getNodeAttribute("thing:1", "label")).toBe("a\uFFFDb");
    expect(parsed.getNodeAttribute("thing:1", "description")).toBe("c\uFFFDd");
  });

  it("renames a type-specific attribute called like a viz field so it is not taken for layout", () => {
    const graph = emptyGraph();
    addNode(graph, "thing:1", { type: "thing", props: { size: "large" } });
    const schema = buildSchema({ nodeTypes: { thing: { size: "string" } }, edgeTypes: {} });
    const parsed = parse(MultiDirectedGraph, gexfString(graph, schema), { respectInputGraphType: true });
    expect(parsed.getNodeAttribute("thing:1", "prop_size")).toBe("large");
    expect(parsed.getNodeAttribute("thing:1", "size")).toBeUndefined();
  });

  it("writes GEXF 1.3 with the viz namespace", () => {
    const gexf = gexfString(tinyGraph(), tinySchema());
    expect(gexf).toContain('<gexf version="1.3" xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz"');
    expect(gexf).toContain('defaultedgetype="directed"');
  });

  it("parses back with graphology-gexf with every node, edge, label and value", () => {
    const graph = tinyGraph();
    const display = computeLayout(graph);
    const parsed = parse(MultiDirectedGraph, gexfString(graph, tinySchema(), { display }));
    expect(parsed.order).toBe(7);
    expect(parsed.size).toBe(6);
    expect(parsed.edges().sort()).toEqual(graph.edges().sort());
    const prk = parsed.getNodeAttributes("state:prk");
    expect(prk).toMatchObject({
      label: "Democratic People's Republic of Korea",
      type: "state",
      aliases: '["DPRK","North Korea","the \\"Hermit Kingdom\\""]',
      sources: '["dprk-2020-brief"]',
      iso3: "PRK",
    });
    const shown = display.get("state:prk")!;
    expect(prk.x).toBeCloseTo(shown.x, 3);
    expect(prk.y).toBeCloseTo(shown.y, 3);
    expect(prk.size).toBeCloseTo(shown.size, 6);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(shown.color.slice(i, i + 2), 16));
    expect(prk.color).toBe(`rgb(${r},${g},${b})`);
    expect(parsed.getNodeAttributes("rec:sc-1")).toMatchObject({
      number: 1,
      incomplete: true,
      text: "Refer the situation\nto the ICC and",
    });
    const declined = parsed.getEdgeAttributes("state:kor--declined--doc:un:a-c.3-74-l.26");
    expect(declined).toMatchObject({
      label: "declined to co-sponsor",
      type: "declined",
      evidence: TRICKY_QUOTE,
      footnotes: '["iii"]',
      source_doc: "doc:brief",
      evidence_start: 1204,
      what: "co-sponsorship",
    });
    expect(parsed.source("state:kor--declined--doc:un:a-c.3-74-l.26")).toBe("state:kor");
  });
});
