import fc from "fast-check";
import { MultiDirectedGraph } from "graphology";
import { parse } from "graphology-graphml";
import { afterAll, describe, expect, it } from "vitest";
import { graphmlChunks, replaceForbiddenXmlChars } from "../../src/export";
import type { RightsGraph } from "../../src/schema";
import { tempDir, xmllintValidate } from "../helpers/external-tools";
import { addEdge, addNode, emptyGraph } from "../helpers/graph-builder";
import { readWithNetworkx } from "../helpers/networkx-reader";
import { buildSchema } from "../helpers/schema-builder";

const XSD = "tests/fixtures/graphml-xsd/graphml.xsd";
const schema = buildSchema({ nodeTypes: { thing: { note: "text" } }, edgeTypes: { "links-to": { what: "string" } } });

// Pieces that break naive writers, mixed with arbitrary UTF-16 code units (lone surrogates, controls) and any
// code point (astral planes).
const PIECES = ["<", ">", "&", "]]>", '"', "'", "\r", "\n", "\r\n", "\t", "\u0000", "\u000B", "\u001F", "\uFEFF"];
const MORE = ["\uD800", "\uDFFF", "\uD83D\uDE00", "\uFFFE", "\uFFFF", "\u0085", "\u2028", "\u2029", "&amp;", "&#0;"];
const hostileUnit = fc.oneof(
  fc.constantFrom(...PIECES, ...MORE),
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
);
const hostileString = fc.string({ unit: hostileUnit, maxLength: 24 });

interface HostileValues {
  name: string;
  labels: string[];
  aliases: string[][];
  notes: string[];
  quotes: string[];
  footnotes: string[][];
  whats: string[];
}

const hostileValues: fc.Arbitrary<HostileValues> = fc.record({
  name: hostileString,
  labels: fc.array(hostileString, { minLength: 3, maxLength: 3 }),
  aliases: fc.array(fc.array(hostileString, { maxLength: 3 }), { minLength: 3, maxLength: 3 }),
  notes: fc.array(hostileString, { minLength: 3, maxLength: 3 }),
  quotes: fc.array(hostileString, { minLength: 2, maxLength: 2 }),
  footnotes: fc.array(fc.array(hostileString, { maxLength: 2 }), { minLength: 2, maxLength: 2 }),
  whats: fc.array(hostileString, { minLength: 2, maxLength: 2 }),
});

function hostileGraph(values: HostileValues): RightsGraph {
  const graph = emptyGraph(values.name);
  values.labels.forEach((label, i) => {
    addNode(graph, `thing:${i}`, {
      type: "thing",
      label,
      aliases: values.aliases[i],
      description: values.notes[(i + 1) % 3],
      props: { note: values.notes[i] },
    });
  });
  values.quotes.forEach((quote, i) => {
    addEdge(graph, `edge:${i}`, `thing:${i}`, `thing:${i + 1}`, {
      type: "links-to",
      label: values.labels[i],
      props: { what: values.whats[i] },
      evidence: { quote, footnotes: values.footnotes[i], sourceDoc: "doc:source", start: i, end: i + 1 },
    });
  });
  return graph;
}

const graphml = (graph: RightsGraph): string => [...graphmlChunks(graph, schema)].join("");
// A reader gets back exactly the input with forbidden characters replaced; lists arrive as their JSON text.
const text = (value: string): string => replaceForbiddenXmlChars(value);
const json = (value: string[]): string => replaceForbiddenXmlChars(JSON.stringify(value));

function expectedStrings(values: HostileValues): { nodes: Record<string, string>[]; edges: Record<string, string>[] } {
  return {
    nodes: values.labels.map((label, i) => ({
      label: text(label),
      aliases: json(values.aliases[i]),
      description: text(values.notes[(i + 1) % 3]),
      note: text(values.notes[i]),
    })),
    edges: values.quotes.map((quote, i) => ({
      label: text(values.labels[i]),
      evidence: text(quote),
      footnotes: json(values.footnotes[i]),
      what: text(values.whats[i]),
    })),
  };
}

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
      { numRuns: 150, seed: 20200101 },
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

  describe("twenty generated files checked by xmllint and NetworkX", () => {
    const dir = tempDir("graphml-hostile");
    const samples = fc.sample(hostileValues, { numRuns: 20, seed: 42 });
    const files = samples.map((values, i) => dir.write(`hostile-${i}.graphml`, graphml(hostileGraph(values))));
    afterAll(() => dir.remove());

    it("validates every file against the GraphML XSD", () => {
      const result = xmllintValidate(XSD, files);
      expect(result.stderr).not.toMatch(/error|fails/i);
      expect(result.status).toBe(0);
    });

    it("reads every value back in NetworkX exactly, forbidden characters replaced by U+FFFD", () => {
      const read = readWithNetworkx(files);
      read.forEach((graph, n) => {
        const expected = expectedStrings(samples[n]);
        expect(graph.graph.name).toEqual(["str", text(samples[n].name)]);
        const nodes = Object.fromEntries(graph.nodes);
        expected.nodes.forEach((node, i) => {
          for (const [name, value] of Object.entries(node)) expect(nodes[`thing:${i}`][name]).toEqual(["str", value]);
        });
        const edges = Object.fromEntries(graph.edges.map(([, , key, attributes]) => [key, attributes]));
        expected.edges.forEach((edge, i) => {
          for (const [name, value] of Object.entries(edge)) expect(edges[`edge:${i}`][name]).toEqual(["str", value]);
        });
      });
    });
  });
});
