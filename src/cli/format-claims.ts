// Writes edges as the sentences analysts cite: "Republic of Korea declined to co-sponsor A/C.3/74/L.26", with the quote.
import type { EdgeObject, PathObject } from "../query";

/** "source label" + edge label + "target label", reading the claim in its own direction. */
export function claimSentence(edge: EdgeObject, labelOf: (id: string) => string): string {
  return `${labelOf(edge.source)} ${edge.label} ${labelOf(edge.target)}`;
}

/** The quote and the endnotes behind it, as one line. */
export function evidenceLine(edge: EdgeObject): string {
  const notes =
    edge.evidence.footnotes.length > 0 ? ` [endnote ${edge.evidence.footnotes.join(", ")}]` : " [no endnote]";
  return `“${edge.evidence.quote}”${notes}`;
}

/** A path as numbered, cited sentences. */
export function formatPath(path: PathObject, index: number): string[] {
  const labels = new Map(path.nodes.map((n) => [n.id, n.label]));
  const labelOf = (id: string) => labels.get(id) ?? id;
  const lines = [
    `Path ${index + 1} (${path.length} hop${path.length === 1 ? "" : "s"}): ${path.nodes.map((n) => n.label).join(" — ")}`,
  ];
  path.edges.forEach((edge, i) => {
    const date = edge.date ? ` (${edge.date})` : "";
    lines.push(`  ${i + 1}. ${claimSentence(edge, labelOf)}${date}.`);
    lines.push(`     ${evidenceLine(edge)}`);
  });
  return lines;
}
