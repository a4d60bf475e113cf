// A cited paragraph in Markdown: a path answer or everything the corpus says about a node, each claim as a sentence
// followed by a footnote that quotes its evidence verbatim and names its source and endnotes.
import { groupByClaim, pathWalk, type EdgeObject, type FoundPathObject, type NodeResponse } from "../../api/contract";
import type { Dataset } from "../../schema/types";
import { claimFootnote } from "./claim-footnotes";
import { markdownText } from "./markdown-text";

/** Footnotes numbered in order of first use; a claim cited twice keeps its number. */
class Footnotes {
  private readonly numbers = new Map<string, number>();
  private readonly texts: string[] = [];
  constructor(private readonly dataset: Dataset) {}

  ref(edge: EdgeObject): string {
    let n = this.numbers.get(edge.id);
    if (n === undefined) {
      n = this.texts.length + 1;
      this.numbers.set(edge.id, n);
      this.texts.push(claimFootnote(this.dataset, edge));
    }
    return `[^${n}]`;
  }

  lines(): string[] {
    return this.texts.map((text, i) => `[^${i + 1}]: ${text}`);
  }
}

function document(title: string, body: string[], footnotes: Footnotes): string {
  return [`# ${markdownText(title)}`, "", ...body, ...footnotes.lines(), ""].join("\n");
}

/**
 * Paths as cited paragraphs: a heading per path with each step's arrow, then its claims step by step, each sentence
 * followed by its footnote reference. `first` is the number of the first path shown (for one path chosen of many).
 */
export function citedPathMarkdown(
  dataset: Dataset,
  paths: readonly FoundPathObject[],
  ends: { from: string; to: string },
  first = 1,
): string {
  const footnotes = new Footnotes(dataset);
  const body: string[] = [];
  paths.forEach((path, i) => {
    const walk = pathWalk(
      path.nodes.map((n) => n.label),
      path.steps.map((s) => s.direction),
    );
    const steps = path.length === 1 ? "1 step" : `${path.length} steps`;
    body.push(`## Path ${first + i} (${steps}): ${markdownText(walk)}`, "");
    const edges = new Map(path.edges.map((edge) => [edge.id, edge]));
    // The edges of one claim share its evidence: one footnote for the claim.
    const sentences = path.claims.map((claim) => {
      const edge = edges.get(claim.edges[0]!)!;
      return `${markdownText(claim.sentence)}${footnotes.ref(edge)}`;
    });
    body.push(sentences.join(" "), "");
  });
  return document(`How ${ends.from} is connected to ${ends.to}`, body, footnotes);
}

/** The cited paragraph of a question without an answer: its heading and the reason there is no path. */
export function noPathMarkdown(dataset: Dataset, ends: { from: string; to: string }, reason: string): string {
  const body = [`No path: ${markdownText(reason)}`, ""];
  return document(`How ${ends.from} is connected to ${ends.to}`, body, new Footnotes(dataset));
}

/** Everything the corpus says about a node: its description, then every claim about it, cited. */
export function dossierMarkdown(dataset: Dataset, detail: NodeResponse): string {
  const { node, edges } = detail;
  const footnotes = new Footnotes(dataset);
  const body: string[] = [markdownText(node.description), ""];
  if (node.aliases.length > 0) body.push(`Also named: ${node.aliases.map(markdownText).join("; ")}.`, "");
  for (const note of node.outsideKnowledge ?? [])
    body.push(`Outside knowledge (not in the sources): ${markdownText(note)}`, "");
  body.push(`## What the sources say`, "");
  // A joint claim whose edges all concern the node reads as one sentence, with one footnote.
  for (const group of groupByClaim(edges))
    body.push(`${markdownText(group.sentence)}${footnotes.ref(group.edges[0]!)}`, "");
  return document(`${node.label}`, body, footnotes);
}
