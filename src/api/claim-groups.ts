// Edges shown together, read as claims: the edges of one joint claim ("China and Russia jointly sponsored...") read
// as one sentence wherever all of them are shown. Shared by the CLI and the web explorer; imports nothing.

/** What grouping needs of an edge (an EdgeObject has it). */
export interface ClaimEdge {
  sentence: string;
  claim: string;
  claimSentence?: string;
  claimSize?: number;
}

/** One sentence to show, and the edges that it stands for. */
export interface ClaimGroup<E extends ClaimEdge> {
  sentence: string;
  edges: E[];
}

/**
 * Groups edges shown together by claim, in the order they come (a claim where its first edge is): a claim whose
 * every edge is among them (all `claimSize`) reads as its `claimSentence`; any other edge reads as its own
 * `sentence`, also when only some of its claim's edges are shown.
 */
export function groupByClaim<E extends ClaimEdge>(edges: readonly E[]): ClaimGroup<E>[] {
  const byClaim = new Map<string, E[]>();
  for (const edge of edges) {
    const group = byClaim.get(edge.claim);
    if (group) group.push(edge);
    else byClaim.set(edge.claim, [edge]);
  }
  const groups: ClaimGroup<E>[] = [];
  for (const claimEdges of byClaim.values()) {
    const first = claimEdges[0]!;
    if (claimEdges.length > 1 && first.claimSentence !== undefined && claimEdges.length === first.claimSize)
      groups.push({ sentence: first.claimSentence, edges: claimEdges });
    else for (const edge of claimEdges) groups.push({ sentence: edge.sentence, edges: [edge] });
  }
  return groups;
}
