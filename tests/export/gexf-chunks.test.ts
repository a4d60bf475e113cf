// The streamed GEXF writer: the same bytes graphology-gexf's writer made (so every reader sees what it saw), one
// chunk per element, and filtered views written without a copy.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gexfChunks, gexfString, type ElementFilter } from "../../src/export";
import { computeLayout } from "../../src/layout";
import type { PropValue, RightsGraph } from "../../src/schema";
import { addEdge, addNode, emptyGraph } from "../helpers/graph-builder";
import { referenceGexf } from "../helpers/graphology-gexf-reference";
import { buildSchema } from "../helpers/schema-builder";
import { tinyGraph, tinySchema } from "../helpers/tiny-fixture";

const schema = buildSchema({
  nodeTypes: { thing: { note: "text", count: "integer", share: "number", flag: "boolean", tags: "string-list" } },
  edgeTypes: { "links-to": { what: "string", count: "integer" } },
});

// XML's markup characters, line ends of every kind, characters XML cannot carry, astral characters.
const PIECES = ["<", ">", "&", '"', "'", "\t", "\n", "\r", "\u0085", "\u2028", "\u0000", "\uD800", "😀", "x", " "];
const text = fc.string({ unit: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 1 })), maxLength: 8 });
const propValue: fc.Arbitrary<PropValue> = fc.oneof(
  text,
  fc.constant(""),
  fc.integer(),
  fc.integer({ min: 2 ** 31, max: 2 ** 40 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.array(text, { maxLength: 3 }),
);
const props = fc.dictionary(fc.constantFrom("note", "count", "share", "flag", "tags", "mixed", "extra"), propValue, {
  maxKeys: 4,
});

interface Spec {
  name: string;
  nodes: { label: string; description: string; date?: string; props: Record<string, PropValue> }[];
  edges: { from: number; to: number; label: string; quote: string; props: Record<string, PropValue> }[];
  layout: boolean;
}

const spec: fc.Arbitrary<Spec> = fc
  .record({
    name: text,
    nodes: fc.array(
      fc.record({ label: text, description: text, date: fc.option(fc.constant("2019-12"), { nil: undefined }), props }),
      { minLength: 1, maxLength: 6 },
    ),
    layout: fc.boolean(),
  })
  .chain((base) =>
    fc
      .array(
        fc.record({
          from: fc.nat(base.nodes.length - 1),
          to: fc.nat(base.nodes.length - 1),
          label: text,
          quote: text,
          props: fc.dictionary(fc.constantFrom("what", "count", "mixed"), propValue, { maxKeys: 3 }),
        }),
        { maxLength: 8 },
      )
      .map((edges) => ({ ...base, edges })),
  );

function graphOf(s: Spec): RightsGraph {
  const graph = emptyGraph(s.name);
  s.nodes.forEach((node, i) =>
    addNode(graph, `thing:${i}`, {
      type: "thing",
      label: node.label,
      description: node.description,
      ...(node.date ? { date: node.date } : {}),
      props: node.props,
    }),
  );
  s.edges.forEach((edge, i) =>
    addEdge(graph, `edge:${i}`, `thing:${edge.from}`, `thing:${edge.to}`, {
      type: "links-to",
      label: edge.label,
      props: edge.props,
      evidence: { quote: edge.quote },
    }),
  );
  return graph;
}

describe("gexfChunks", () => {
  it("rejects an `only` option without node and edge tests", () => {
    expect(() => gexfString(tinyGraph(), tinySchema(), { only: {} as ElementFilter })).toThrow(
      expect.objectContaining({ code: "bad-parameter", parameter: "only" }),
    );
  });

  it("writes the bytes graphology-gexf's writer made, with and without layout", () => {
    const graph = tinyGraph();
    const display = computeLayout(graph);
    expect(gexfString(graph, tinySchema(), { display })).toBe(referenceGexf(graph, tinySchema(), { display }));
    expect(gexfString(graph, tinySchema())).toBe(referenceGexf(graph, tinySchema()));
  });

  it("writes the bytes graphology-gexf's writer made for an empty graph and one without attributes", () => {
    const empty = buildSchema({ nodeTypes: {}, edgeTypes: {} });
    expect(gexfString(emptyGraph(), empty)).toBe(referenceGexf(emptyGraph(), empty));
    const bare = emptyGraph("");
    addNode(bare, "thing:1", { type: "" });
    expect(gexfString(bare, empty)).toBe(referenceGexf(bare, empty));
  });

  it("writes the bytes graphology-gexf's writer made for any hostile text, number, list and mix of types", () => {
    fc.assert(
      fc.property(spec, (s) => {
        const graph = graphOf(s);
        const options = s.layout ? { display: computeLayout(graph) } : {};
        expect(gexfString(graph, schema, options)).toBe(referenceGexf(graph, schema, options));
      }),
      { numRuns: 150, seed: 17 },
    );
  });

  it("yields the file one element at a time, never as one string", () => {
    const graph = tinyGraph();
    const chunks = [...gexfChunks(graph, tinySchema())].filter((chunk) => chunk !== "");
    expect(chunks.length).toBeGreaterThanOrEqual(graph.order + graph.size);
    const nodeChunks = chunks.filter((chunk) => chunk.includes("<node "));
    expect(nodeChunks).toHaveLength(graph.order);
    expect(nodeChunks.every((chunk) => chunk.match(/<node /g)!.length === 1)).toBe(true);
  });

  it("writes a filtered view like a copy of that view, without copying", () => {
    const only: ElementFilter = {
      node: (id) => id !== "un:ga",
      edge: (_id, attributes) => attributes.type !== "cites",
    };
    const copy = tinyGraph();
    copy.dropNode("un:ga");
    for (const edge of copy.filterEdges((_id, attributes) => attributes.type === "cites")) copy.dropEdge(edge);
    expect(gexfString(tinyGraph(), tinySchema(), { only })).toBe(referenceGexf(copy, tinySchema()));
  });

  it("writes an empty node and edge list for a view that keeps nothing", () => {
    const only: ElementFilter = { node: () => false, edge: () => false };
    const gexf = gexfString(tinyGraph(), tinySchema(), { only });
    const none = emptyGraph("tiny DPRK graph");
    expect(gexf).toBe(referenceGexf(none, buildSchema({ nodeTypes: {}, edgeTypes: {} })));
    expect(gexf).toContain("<nodes/>");
  });
});
