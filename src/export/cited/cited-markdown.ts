// A cited paragraph in Markdown: a path answer or everything the corpus says about a node, each claim as a sentence
// followed by a footnote that quotes its evidence verbatim and names its source and endnotes.
import { pathWalk, type EdgeObject, type FoundPathObject, type NodeResponse } from "../../api/contract";
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

/** The claim as a sentence a person would sign: "Republic of Korea declined to co-sponsor A/C.3/74/L.26 (2019-11)". */
function sentence(dataset: Dataset, edge: EdgeObject): string {
  const label = (id: string) => (dataset.graph.hasNode(id) ? dataset.graph.getNodeAttribute(id, "label") : id);
  const date = edge.date ? ` (${edge.date})` : "";
  return markdownText(`${label(edge.source)} ${edge.label} ${label(edge.target)}${date}.`);
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
    const sentences = path.steps.flatMap((step) =>
      step.edges.map((id) => {
        const edge = edges.get(id)!;
        return `${sentence(dataset, edge)}${footnotes.ref(edge)}`;
      }),
    );
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
  for (const edge of edges) body.push(`${sentence(dataset, edge)}${footnotes.ref(edge)}`, "");
  return document(`${node.label}`, body, footnotes);
}
