// A tiny graph and schema shaped like the real data: parallel edges, lists, typed props, hostile-ish text.
import type { RightsGraph, Schema } from "../../src/schema";
import { addEdge, addNode, emptyGraph } from "./graph-builder";
import { buildSchema } from "./schema-builder";

/** The schema of `tinyGraph`: a few node and edge types, with attributes of every kind. */
export function tinySchema(): Schema {
  return buildSchema({
    nodeTypes: {
      state: { iso3: "string" },
      "un-body": {},
      person: {},
      document: { kind: "string", symbol: "string", url: "url", publisher_verified: "boolean" },
      recommendation: { text: "text", number: "integer", incomplete: "boolean" },
      organisation: { kind: "string" },
      event: { place: "string", casualties: "number" },
    },
    edgeTypes: {
      sponsored: {},
      declined: { what: "string", qualifier: "string" },
      "addressed-to": {},
      cites: { endnote: "string", locator: "string" },
      adopted: { vote: "string" },
    },
  });
}

/** Quote with quotation marks, a CR LF line break, a tab, markup characters and non-ASCII text. */
export const TRICKY_QUOTE =
  "the Republic of Korea (ROK) \"declined\" to co-sponsor\r\nthe <resolution> & said 'no'\tagain — 北朝鮮 🇰🇷";

/** Seven nodes and six edges, two of them parallel, covering every attribute kind. */
export function tinyGraph(): RightsGraph {
  const graph = emptyGraph("tiny DPRK graph");
  addNode(graph, "state:prk", {
    type: "state",
    label: "Democratic People's Republic of Korea",
    shortLabel: "DPRK",
    article: "the",
    aliases: ["DPRK", "North Korea", 'the "Hermit Kingdom"'],
    description: "North Korea.",
    props: { iso3: "PRK" },
    sources: ["dprk-2020-brief"],
    outsideKnowledge: ["iso3: ISO 3166-1 code, not in the text"],
  });
  addNode(graph, "state:kor", {
    type: "state",
    label: "Republic of Korea",
    aliases: ["ROK"],
    description: "South Korea.",
    props: { iso3: "KOR" },
    sources: ["dprk-2020-brief"],
  });
  addNode(graph, "un:ga", { type: "un-body", label: "UN General Assembly", description: "" });
  addNode(graph, "person:khiari", {
    type: "person",
    label: "Mohamed Khaled Khiari",
    aliases: ["Mohamed Khaled Khari"],
    description: "Assistant Secretary-General; printed as «Khari».",
  });
  addNode(graph, "doc:un:a-c.3-74-l.26", {
    type: "document",
    label: "A/C.3/74/L.26",
    description: "Third Committee draft resolution.",
    date: "2019-10-31",
    props: { kind: "draft-resolution", symbol: "A/C.3/74/L.26", publisher_verified: false },
  });
  addNode(graph, "rec:sc-1", {
    type: "recommendation",
    label: "Recommendation 1 to the Security Council",
    props: { text: "Refer the situation\nto the ICC and", number: 1, incomplete: true },
  });
  addNode(graph, "event:tests-2019", {
    type: "event",
    label: '=HYPERLINK("http://evil.example")',
    description: "-2+3 missile tests, @dawn",
    date: "2019",
    props: { place: "+Sea of Japan", casualties: 0.5 },
  });

  addEdge(graph, "state:kor--declined--doc:un:a-c.3-74-l.26", "state:kor", "doc:un:a-c.3-74-l.26", {
    type: "declined",
    label: "declined to co-sponsor",
    sentence: "The Republic of Korea declined “to co-sponsor” <A/C.3/74/L.26> & said 'no' — 北朝鮮.",
    date: "2019-11",
    props: { what: "co-sponsorship", qualifier: "appeared to" },
    evidence: { quote: TRICKY_QUOTE, footnotes: ["iii"], sourceDoc: "doc:brief", start: 1204, end: 1290 },
  });
  addEdge(graph, "state:prk--sponsored--doc:un:a-c.3-74-l.26", "state:prk", "doc:un:a-c.3-74-l.26", {
    type: "sponsored",
    evidence: { quote: "sponsored it", footnotes: ["i", "ii"], sourceDoc: "doc:brief", start: 10, end: 22 },
  });
  addEdge(graph, "state:prk--sponsored--doc:un:a-c.3-74-l.26--2", "state:prk", "doc:un:a-c.3-74-l.26", {
    type: "sponsored",
    label: "sponsored again",
    evidence: { quote: "again", footnotes: [], sourceDoc: "doc:brief", start: 30, end: 35 },
  });
  addEdge(graph, "rec:sc-1--addressed-to--un:ga", "rec:sc-1", "un:ga", {
    type: "addressed-to",
    evidence: { quote: "The UN Security Council should:", sourceDoc: "doc:brief", start: 2000, end: 2031 },
  });
  addEdge(graph, "doc:brief--cites--doc:un:a-c.3-74-l.26", "state:prk", "doc:un:a-c.3-74-l.26", {
    type: "cites",
    props: { endnote: "iv", locator: "p.5" },
    evidence: { quote: "A/C.3/74/L.26, 31 October 2019", footnotes: ["iv"], sourceDoc: "doc:brief", start: 5, end: 9 },
  });
  addEdge(graph, "un:ga--adopted--doc:un:a-c.3-74-l.26", "un:ga", "doc:un:a-c.3-74-l.26", {
    type: "adopted",
    label: "adopted",
    props: { vote: "by consensus without a vote" },
    outsideKnowledge: ["date: from the UN press release"],
    evidence: { quote: "adopted by consensus", sourceDoc: "doc:brief", start: 40, end: 60 },
  });
  return graph;
}
