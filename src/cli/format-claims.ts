// Writes edges as the sentences analysts cite ("The Republic of Korea declined to co-sponsor A/C.3/74/L.26, for the
// first time since 2008."), each with its quote; the edges of one joint claim shown together read as one sentence.
import { groupByClaim } from "../api/claim-groups";
import { pathWalk } from "../api/contract";
import type { EdgeObject, FoundPathObject } from "../query";

/** The quote and the endnotes behind it, as one line. */
export function evidenceLine(edge: EdgeObject): string {
  const notes =
    edge.evidence.footnotes.length > 0 ? ` [endnote ${edge.evidence.footnotes.join(", ")}]` : " [no endnote]";
  return `“${edge.evidence.quote}”${notes}`;
}

/** What follows a sentence: its date and type, in brackets. */
function claimTail(edge: EdgeObject, withType: boolean): string {
  const parts = [...(edge.date ? [edge.date] : []), ...(withType ? [edge.type] : [])];
  return parts.length > 0 ? `  (${parts.join("; ")})` : "";
}

/**
 * Claims as a list: one item per claim (a joint claim whose edges are all listed reads as one sentence), its date
 * and type, then the quote its edges share.
 */
export function formatClaims(edges: readonly EdgeObject[]): string[] {
  return groupByClaim(edges).flatMap(({ sentence, edges: [first] }) => [
    `- ${sentence}${claimTail(first!, true)}`,
    `  ${evidenceLine(first!)}`,
  ]);
}

/**
 * A path as numbered, cited sentences: a header with each step's own arrow (→, ←, ↔), then its claims with their
 * quotes, numbered by step ("1.", or "1-2." for one sentence of the source used by two steps); further claims of a
 * step follow it unnumbered.
 */
export function formatPath(path: FoundPathObject, index: number): string[] {
  const edges = new Map(path.edges.map((edge) => [edge.id, edge]));
  const walk = pathWalk(
    path.nodes.map((n) => n.label),
    path.steps.map((s) => s.direction),
  );
  const lines = [`Path ${index + 1} (${path.length} hop${path.length === 1 ? "" : "s"}): ${walk}`];
  let lastStep = -1;
  for (const claim of path.claims) {
    const edge = edges.get(claim.edges[0]!)!;
    const first = claim.steps[0]!;
    const numbers = claim.steps.length > 1 ? `${first + 1}-${claim.steps.at(-1)! + 1}` : `${first + 1}`;
    const lead = first === lastStep ? "     " : `  ${numbers}. `;
    lastStep = claim.steps.at(-1)!;
    lines.push(`${lead}${claim.sentence}${claimTail(edge, false)}`);
    lines.push(`     ${evidenceLine(edge)}`);
  }
  return lines;
}
