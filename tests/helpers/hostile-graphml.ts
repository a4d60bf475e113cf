// Generated GraphML full of strings that break naive writers, and what a reader must get back from each.
import fc from "fast-check";
import { graphmlChunks, replaceForbiddenXmlChars } from "../../src/export";
import type { RightsGraph } from "../../src/schema";
import { addEdge, addNode, emptyGraph } from "./graph-builder";
import { buildSchema } from "./schema-builder";

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

export interface HostileValues {
  name: string;
  labels: string[];
  aliases: string[][];
  notes: string[];
  quotes: string[];
  footnotes: string[][];
  whats: string[];
}

export const hostileValues: fc.Arbitrary<HostileValues> = fc.record({
  name: hostileString,
  labels: fc.array(hostileString, { minLength: 3, maxLength: 3 }),
  aliases: fc.array(fc.array(hostileString, { maxLength: 3 }), { minLength: 3, maxLength: 3 }),
  notes: fc.array(hostileString, { minLength: 3, maxLength: 3 }),
  quotes: fc.array(hostileString, { minLength: 2, maxLength: 2 }),
  footnotes: fc.array(fc.array(hostileString, { maxLength: 2 }), { minLength: 2, maxLength: 2 }),
  whats: fc.array(hostileString, { minLength: 2, maxLength: 2 }),
});

export function hostileGraph(values: HostileValues): RightsGraph {
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

/** The GraphML text of a graph, as one string. */
export const graphml = (graph: RightsGraph): string => [...graphmlChunks(graph, schema)].join("");
// A reader gets back exactly the input with forbidden characters replaced; lists arrive as their JSON text.
export const text = (value: string): string => replaceForbiddenXmlChars(value);
const json = (value: string[]): string => replaceForbiddenXmlChars(JSON.stringify(value));

export function expectedStrings(values: HostileValues): {
  nodes: Record<string, string>[];
  edges: Record<string, string>[];
} {
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
