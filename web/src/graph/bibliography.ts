// The bibliography: the articles a source cites, the news outlets that published them and the journalists who wrote
// them. They are about a quarter of a brief's nodes and say nothing of the situation itself, so the canvas folds them
// into the document that cites them until the user asks to see them. Pure; the node types' `kind`s decide.
import type { DisplayGraph } from "./types.js";

/** What is folded, by role, and into which documents (the ones citing the folded articles). */
export interface BibliographySummary {
  articles: number;
  outlets: number;
  journalists: number;
  /** Ids of the documents that cite a folded article, most citing first. */
  citedBy: string[];
}

const isArticle = (graph: DisplayGraph, node: string): boolean => {
  const a = graph.getNodeAttributes(node);
  return a.nodeType === "document" && a.kind === "article";
};

const isOutlet = (graph: DisplayGraph, node: string): boolean => {
  const a = graph.getNodeAttributes(node);
  return a.nodeType === "organisation" && a.kind === "media";
};

/** A person whose every relation is having written a cited article: known to the graph only as a byline. */
const isJournalist = (graph: DisplayGraph, node: string): boolean =>
  graph.getNodeAttribute(node, "nodeType") === "person" &&
  graph.degree(node) > 0 &&
  graph.everyEdge(
    node,
    (_e, a, source, target) => source === node && a.relType === "authored" && isArticle(graph, target),
  );

/** The role a node plays in the bibliography, or null when it is not part of it. */
function roleOf(graph: DisplayGraph, node: string): keyof Omit<BibliographySummary, "citedBy"> | null {
  if (isArticle(graph, node)) return "articles";
  if (isOutlet(graph, node)) return "outlets";
  if (isJournalist(graph, node)) return "journalists";
  return null;
}

/** Mark the bibliography's nodes (`bibliography: true`); the visibility leaves them out while it is folded. */
export function markBibliography(graph: DisplayGraph): void {
  graph.forEachNode((node) => {
    if (roleOf(graph, node)) graph.setNodeAttribute(node, "bibliography", true);
  });
}

/** What the marked bibliography holds, by role, and the documents it folds into. */
export function bibliographySummary(graph: DisplayGraph): BibliographySummary {
  const summary: BibliographySummary = { articles: 0, outlets: 0, journalists: 0, citedBy: [] };
  const citing = new Map<string, number>();
  graph.forEachNode((node, a) => {
    const role = a.bibliography ? roleOf(graph, node) : null;
    if (!role) return;
    summary[role] += 1;
    if (role !== "articles") return;
    graph.forEachInEdge(node, (_e, edge, source) => {
      if (edge.relType === "cites") citing.set(source, (citing.get(source) ?? 0) + 1);
    });
  });
  summary.citedBy = [...citing].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
  return summary;
}

/** How many nodes the summary folds. */
export function foldedCount(summary: BibliographySummary): number {
  return summary.articles + summary.outlets + summary.journalists;
}
