// The bibliography (cited articles, news outlets, journalists) is marked when the graph is built and folded out of
// the view until the user shows it; the summary says what is folded, and into which document.
import { describe, expect, it } from "vitest";
import type { GraphResponse } from "../../web/src/api/index.js";
import { bibliographySummary, buildGraph, computeVisibility, foldedCount } from "../../web/src/graph/index.js";
import { DEFAULT_FILTERS } from "../../web/src/state/index.js";
import { GRAPH, SCHEMA } from "./fixture.js";

const node = (key: string, type: string, kind?: string) => ({
  key,
  attributes: {
    label: key,
    shortLabel: key,
    type,
    ...(kind ? { kind } : {}),
    aliases: [],
    description: "",
    x: 0,
    y: 0,
    size: 5,
    color: "#000000",
  },
});

const edge = (key: string, source: string, target: string, type: string) => ({
  key,
  source,
  target,
  attributes: {
    type,
    label: type,
    sentence: `${source} ${type} ${target}.`,
    color: "#000000",
    evidence: { quote: "q", footnotes: [], sourceDoc: "doc:brief", start: 0, end: 0 },
  },
});

/** The fixture with an article the brief cites, its outlet and its journalist, and a person who also did more. */
const WITH_BIBLIOGRAPHY: GraphResponse = {
  ...GRAPH,
  nodes: [
    ...GRAPH.nodes,
    node("doc:article", "document", "article"),
    node("org:outlet", "organisation", "media"),
    node("org:ngo", "organisation", "ngo"),
    node("person:journalist", "person"),
    node("person:writer-and-actor", "person"),
  ],
  edges: [
    ...GRAPH.edges,
    edge("e:cites-article", "doc:brief", "doc:article", "cites"),
    edge("e:published", "org:outlet", "doc:article", "published"),
    edge("e:authored", "person:journalist", "doc:article", "authored"),
    edge("e:authored-2", "person:writer-and-actor", "doc:article", "authored"),
    edge("e:called-on", "person:writer-and-actor", "state:kor", "called-on"),
  ],
};

describe("the bibliography", () => {
  it("marks cited articles, news outlets and people known only as an article's author", () => {
    const graph = buildGraph(WITH_BIBLIOGRAPHY, SCHEMA);
    const marked = graph.filterNodes((_n, a) => Boolean(a.bibliography)).sort();
    expect(marked).toEqual(["doc:article", "org:outlet", "person:journalist"]);
  });

  it("says what is folded, by role, and into the document that cites the articles", () => {
    const summary = bibliographySummary(buildGraph(WITH_BIBLIOGRAPHY, SCHEMA));
    expect(summary).toEqual({ articles: 1, outlets: 1, journalists: 1, citedBy: ["doc:brief"] });
    expect(foldedCount(summary)).toBe(3);
  });

  it("is folded out of the view, with the relations reaching it, until it is shown", () => {
    const graph = buildGraph(WITH_BIBLIOGRAPHY, SCHEMA);
    const folded = computeVisibility(graph, DEFAULT_FILTERS);
    for (const id of ["doc:article", "org:outlet", "person:journalist"]) expect(folded.nodes.has(id)).toBe(false);
    expect(folded.nodes.has("person:writer-and-actor")).toBe(true);
    expect(folded.edges.has("e:cites-article")).toBe(false);
    expect(folded.edges.has("e:called-on")).toBe(true);
    const shown = computeVisibility(graph, { ...DEFAULT_FILTERS, showBibliography: true });
    expect(shown.nodes.size).toBe(graph.order);
    expect(shown.edges.has("e:cites-article")).toBe(true);
  });

  it("is empty in a graph without articles or outlets", () => {
    const summary = bibliographySummary(buildGraph(GRAPH, SCHEMA));
    expect(foldedCount(summary)).toBe(0);
    expect(summary.citedBy).toEqual([]);
  });
});
