// Checks that review statuses agree across records: what readers show never leans on what they hide.
import type { Problem } from "../errors";
import type { ReviewStatus } from "../schema/review-status";
import type { EdgeDraft } from "./check-records";
import type { Drafts } from "./check-references";

/** How far a status is shown: rejected never, suggested only on request, draft and reviewed always. */
const SHOWN_RANK: Readonly<Record<ReviewStatus, number>> = { rejected: 0, suggested: 1, draft: 2, reviewed: 2 };

/**
 * A claim may not be shown where one of its ends is not: an edge that is not rejected may not name a rejected node,
 * and a draft or reviewed edge may not name a suggested one. A source with a draft or reviewed claim needs its own
 * document node draft or reviewed too, since every claim names it as its `source_doc`. Whichever records the load
 * shows, the same folder is valid or not.
 */
export function checkStatuses({ nodes, sources, edges }: Drafts, problems: Problem[]): void {
  const sourcesShowingClaims = new Set<string>();
  for (const edge of edges) {
    const rank = SHOWN_RANK[edge.status];
    if (rank === 0) continue;
    if (rank === 2) sourcesShowingClaims.add(edge.sourceId);
    checkEnds(edge, "source", rank, nodes, problems);
    checkEnds(edge, "target", rank, nodes, problems);
  }
  for (const source of sources) {
    const doc = nodes.get(source.document);
    if (!doc || SHOWN_RANK[doc.status] === 2 || !sourcesShowingClaims.has(source.text.id)) continue;
    problems.push({
      file: source.record.file,
      line: source.record.lineOf("document"),
      code: "dangling-reference",
      message: `source "${source.text.id}" has draft or reviewed claims but its document "${doc.id}" is ${doc.status}`,
      hint: `accept the document too (rightsgraph review ${source.text.id} accept ${doc.id})`,
    });
  }
}

/** The nodes one end of an edge names are shown at least wherever the edge is (`rank`). */
function checkEnds(
  edge: EdgeDraft,
  end: "source" | "target",
  rank: number,
  nodes: Drafts["nodes"],
  problems: Problem[],
): void {
  for (const id of end === "source" ? edge.sources : edge.targets) {
    const node = nodes.get(id);
    if (!node || SHOWN_RANK[node.status] >= rank) continue;
    problems.push({
      file: edge.file,
      line: edge.endpointLines[end],
      code: "dangling-reference",
      message: `${edge.status} edge "${edge.type}" has a ${node.status} ${end} "${id}"`,
      hint:
        node.status === "rejected"
          ? "reject the edge too, or restore the node"
          : `accept the node too (rightsgraph review ${edge.sourceId} accept ${id})`,
    });
  }
}
