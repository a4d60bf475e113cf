// GraphML export of hostile strings: every value read back exactly by graphology-graphml, forbidden characters
// replaced by U+FFFD.
import fc from "fast-check";
import { MultiDirectedGraph } from "graphology";
import { parse } from "graphology-graphml";
import { describe, expect, it } from "vitest";
import {
  expectedStrings,
  graphml,
  hostileGraph,
  hostileValues,
  text,
  type HostileValues,
} from "../helpers/hostile-graphml";

describe("GraphML export of hostile strings", () => {
  it("reads back from graphology-graphml exactly, forbidden characters replaced by U+FFFD", () => {
    fc.assert(
      fc.property(hostileValues, (values) => {
        const parsed = parse(MultiDirectedGraph, graphml(hostileGraph(values)));
        const expected = expectedStrings(values);
        expect(parsed.getAttribute("name")).toBe(text(values.name));
        expected.nodes.forEach((node, i) => expect(parsed.getNodeAttributes(`thing:${i}`)).toMatchObject(node));
        expected.edges.forEach((edge, i) => expect(parsed.getEdgeAttributes(`edge:${i}`)).toMatchObject(edge));
      }),
      { numRuns: 75, seed: 20200101 },
    );
  });

  it("keeps a lone CR, a CR LF pair and a BOM inside values", () => {
    const values: HostileValues = {
      name: "\uFEFFname",
      labels: ["a\rb", "c\r\nd", "\r"],
      aliases: [["\r\n"], [], ["\t"]],
      notes: ["x\r", "\r\ry", "z"],
      quotes: ["q\r\nq", "\n\r"],
      footnotes: [["\r"], []],
      whats: ["\r", ""],
    };
    const parsed = parse(MultiDirectedGraph, graphml(hostileGraph(values)));
    expect(parsed.getNodeAttribute("thing:0", "label")).toBe("a\rb");
    expect(parsed.getNodeAttribute("thing:1", "label")).toBe("c\r\nd");
    expect(parsed.getEdgeAttribute("edge:1", "evidence")).toBe("\n\r");
    expect(parsed.getAttribute("name")).toBe("\uFEFFname");
  });
});
