// Exports under attack, beyond tests/export: hostile strings through GEXF (graphology-gexf and NetworkX), 1 MB
// values through every format and reader, and CSV cells that would run as spreadsheet formulas.
import { strFromU8, unzipSync } from "fflate";
import fc from "fast-check";
import { MultiDirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { afterAll, describe, expect, it } from "vitest";
import { csvZip, gexfString, graphmlChunks, jsonChunks, replaceForbiddenXmlChars } from "../../src/export";
import type { RightsGraph } from "../../src/schema";
import { validateGraphml } from "../helpers/graphml-validator";
import { tempDir } from "../helpers/temp-dir";
import { addEdge, addNode, emptyGraph } from "../helpers/graph-builder";
import { readWithNetworkx } from "../helpers/networkx-reader";
import { parseCsvObjects } from "../helpers/parse-csv";
import { buildSchema } from "../helpers/schema-builder";
import { Tally } from "./helpers/tally";

const schema = buildSchema({ nodeTypes: { thing: { note: "text" } }, edgeTypes: { "links-to": { what: "string" } } });
const tally = new Tally("exports");
const dir = tempDir("hostile-exports");
afterAll(() => {
  dir.remove();
  tally.save();
});

// XML-hostile pieces, spreadsheet formula starters, and any UTF-16 code unit (lone surrogates, controls).
const PIECES = ["<", ">", "&", "]]>", "<![CDATA[", '"', "'", "\r", "\n", "\r\n", "\t", "\u0000", "\u000B", "\u001F"];
const MORE = ["\uFEFF", "\uD800", "\uDFFF", "\uD83D\uDE00", "\uFFFE", "\uFFFF", "\u0085", "\u2028", "&amp;", "&#0;"];
const FORMULAS = [
  ...["=", "+", "-", "@", '=HYPERLINK("http://evil.example")', "+cmd|' /C calc'!A0", "@SUM(1,1)", "-2+3"],
  ...["\uff1d1+1", "\uff0b", "\uff0d", "\uff20", " =1+1", "\u00a0+", "\u3000@", "\u0000=", "\n="],
];
const unit = fc.oneof(
  fc.constantFrom(...PIECES, ...MORE, ...FORMULAS),
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
);
// Never empty: GEXF leaves empty strings out, which is its own documented behaviour, not what is tested here.
const hostile = fc.string({ unit, minLength: 1, maxLength: 20 });

interface Values {
  labels: string[];
  notes: string[];
  quotes: string[];
  whats: string[];
}
const values: fc.Arbitrary<Values> = fc.record({
  labels: fc.array(hostile, { minLength: 3, maxLength: 3 }),
  notes: fc.array(hostile, { minLength: 3, maxLength: 3 }),
  quotes: fc.array(hostile, { minLength: 2, maxLength: 2 }),
  whats: fc.array(hostile, { minLength: 2, maxLength: 2 }),
});

function graphOf(v: Values): RightsGraph {
  const graph = emptyGraph("hostile");
  v.labels.forEach((label, i) =>
    addNode(graph, `thing:${i}`, { type: "thing", label, description: v.notes[i], props: { note: v.notes[i]! } }),
  );
  v.quotes.forEach((quote, i) =>
    addEdge(graph, `edge:${i}`, `thing:${i}`, `thing:${i + 1}`, {
      type: "links-to",
      label: v.labels[i],
      props: { what: v.whats[i]! },
      evidence: { quote },
    }),
  );
  return graph;
}

const xml = (text: string) => replaceForbiddenXmlChars(text);
// What a UTF-8 file can hold: lone surrogates become U+FFFD on the way.
const utf8 = (text: string) => Buffer.from(text, "utf8").toString("utf8");
const graphml = (graph: RightsGraph) => [...graphmlChunks(graph, schema)].join("");

function expectGexfValues(
  read: (id: string) => Record<string, unknown>,
  readEdge: (id: string) => Record<string, unknown>,
  v: Values,
) {
  v.labels.forEach((label, i) => {
    expect(read(`thing:${i}`)).toMatchObject({
      label: xml(label),
      description: xml(v.notes[i]!),
      note: xml(v.notes[i]!),
    });
  });
  v.quotes.forEach((quote, i) => {
    expect(readEdge(`edge:${i}`)).toMatchObject({
      label: xml(v.labels[i]!),
      evidence: xml(quote),
      what: xml(v.whats[i]!),
    });
  });
}

describe("GEXF export of hostile strings", () => {
  it("keeps NEL and LINE SEPARATOR, which graphology-gexf's reader would turn into spaces", () => {
    const v: Values = {
      labels: ["a\u0085b", "c\u2028d", "e"],
      notes: ["\u0085", "\u2028", "x"],
      quotes: ["q\u2028", "r"],
      whats: ["\u0085w", "w"],
    };
    const parsed = parseGexf(MultiDirectedGraph, gexfString(graphOf(v), schema));
    expect(parsed.getNodeAttribute("thing:0", "label")).toBe("a\u0085b");
    expect(parsed.getNodeAttribute("thing:1", "note")).toBe("\u2028");
    expect(parsed.getEdgeAttribute("edge:0", "evidence")).toBe("q\u2028");
    expect(parsed.getEdgeAttribute("edge:0", "what")).toBe("\u0085w");
  });

  it("reads back from graphology-gexf exactly, forbidden characters replaced by U+FFFD", () => {
    fc.assert(
      fc.property(values, (v) => {
        tally.add("gexf values", 10);
        const parsed = parseGexf(MultiDirectedGraph, gexfString(graphOf(v), schema));
        expectGexfValues(
          (id) => parsed.getNodeAttributes(id),
          (id) => parsed.getEdgeAttributes(id),
          v,
        );
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it("reads back from NetworkX exactly, twenty generated files", () => {
    const samples = fc.sample(values, { numRuns: 20, seed: 11 });
    const files = samples.map((v, i) => dir.write(`hostile-${i}.gexf`, gexfString(graphOf(v), schema)));
    readWithNetworkx(files).forEach((read, n) => {
      const nodes = Object.fromEntries(read.nodes);
      const edges = Object.fromEntries(read.edges.map(([, , , a]) => [a.id?.[1] ?? "", a]));
      tally.add("gexf values", 10);
      const unwrap = (a: Record<string, [string, unknown]>) =>
        Object.fromEntries(Object.entries(a).map(([k, [, value]]) => [k, value]));
      // NetworkX keeps a GEXF edge's id as the attribute "id" and its label as "label".
      expectGexfValues(
        (id) => unwrap(nodes[id]!),
        (id) => unwrap(edges[id]!),
        samples[n]!,
      );
    });
  });
});

// Each reader takes megabytes of hostile text here: 20 s and more on a busy two-core machine, so a wider timeout.
describe("1 MB values", { timeout: 120_000 }, () => {
  // Every hostile piece, repeated to a megabyte, with astral characters so surrogate pairs cross chunk borders.
  const megabyte = (seed: string) => {
    const base = `${seed}${PIECES.join("")}${MORE.join("")}${FORMULAS.join("")}北朝鮮 🇰🇷 `;
    return base.repeat(Math.ceil(1_000_000 / base.length)).slice(0, 1_000_000);
  };
  const big: Values = {
    labels: ["=big label", megabyte("label"), "x"],
    notes: [megabyte("note"), "small", megabyte("@third")],
    quotes: [megabyte("quote"), "-2+3"],
    whats: ["what", megabyte("+what")],
  };
  const graph = graphOf(big);

  it("round-trip through GraphML: valid for libxml2, intact in graphology-graphml and NetworkX", async () => {
    const file = dir.write("big.graphml", graphml(graph));
    expect(await validateGraphml([file])).toEqual([{ file, valid: true, errors: [] }]);
    const parsed = parseGraphml(MultiDirectedGraph, graphml(graph));
    expectGexfValues(
      (id) => parsed.getNodeAttributes(id),
      (id) => parsed.getEdgeAttributes(id),
      big,
    );
    const [read] = readWithNetworkx([file]);
    const nodes = Object.fromEntries(read!.nodes);
    expect(nodes["thing:0"]!.note).toEqual(["str", xml(big.notes[0]!)]);
    const edge = read!.edges.find(([, , key]) => key === "edge:0")!;
    expect(edge[3].evidence).toEqual(["str", xml(big.quotes[0]!)]);
    tally.add("1 MB values", 5);
  });

  it("round-trip through GEXF: intact in graphology-gexf and NetworkX", () => {
    const gexf = gexfString(graph, schema);
    const parsed = parseGexf(MultiDirectedGraph, gexf);
    expectGexfValues(
      (id) => parsed.getNodeAttributes(id),
      (id) => parsed.getEdgeAttributes(id),
      big,
    );
    const [read] = readWithNetworkx([dir.write("big.gexf", gexf)]);
    expect(Object.fromEntries(read!.nodes)["thing:2"]!.note).toEqual(["str", xml(big.notes[2]!)]);
    tally.add("1 MB values", 5);
  });

  it("round-trip through JSON unchanged, lone surrogates and all", () => {
    const parsed = JSON.parse([...jsonChunks(graph)].join(""));
    expect(parsed.nodes[0].attributes.description).toBe(big.notes[0]);
    expect(parsed.edges[0].attributes.evidence.quote).toBe(big.quotes[0]);
    tally.add("1 MB values", 2);
  });
});

describe("CSV export of hostile strings", () => {
  // What a spreadsheet runs as a formula: = + - @ or their full-width forms, after any leading whitespace or
  // control characters; and a cell that opens with a control character is suspect whatever follows.
  const FORMULA_START = /^(?:\p{Cc}|[\s\p{Cc}]*[=+\-@\uff1d\uff0b\uff0d\uff20])/u;

  it("is valid UTF-8 and neutralises every cell a spreadsheet would run as a formula", async () => {
    await fc.assert(
      fc.asyncProperty(values, async (v) => {
        const files = unzipSync(await csvZip(graphOf(v), schema));
        for (const name of ["nodes.csv", "relationships.csv", "neptune/nodes.csv", "neptune/relationships.csv"])
          new TextDecoder("utf-8", { fatal: true }).decode(files[name]);
        const nodes = parseCsvObjects(strFromU8(files["nodes.csv"]!));
        const edges = parseCsvObjects(strFromU8(files["relationships.csv"]!));
        for (const row of [...nodes, ...edges])
          for (const field of Object.values(row)) {
            tally.add("csv cells");
            if (field.quoted && FORMULA_START.test(field.text))
              throw new Error(`formula cell: ${JSON.stringify(field.text)}`);
          }
        const byId = Object.fromEntries(nodes.map((row) => [row["id:ID(Node)"]!.text, row]));
        const neutral = (text: string) => utf8(FORMULA_START.test(text) ? `'${text}` : text);
        v.labels.forEach((label, i) => {
          expect(byId[`thing:${i}`]!.label!.text).toBe(neutral(label));
          expect(byId[`thing:${i}`]!.note!.text).toBe(neutral(v.notes[i]!));
        });
        edges.forEach((row, i) => expect(row.evidence!.text).toBe(neutral(v.quotes[i]!)));
      }),
      { numRuns: 150, seed: 13 },
    );
  });
});
