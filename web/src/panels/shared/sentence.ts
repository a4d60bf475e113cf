// Relations as the panels list them: grouped by type and direction, and within a group by claim, so that the edges
// of one joint claim read as the one sentence the server wrote for it. The panels write no sentence of their own:
// every claim's sentence comes from the server (`sentence`, `claimSentence`).
interface EdgeLike {
  type: string;
  source: string;
  target: string;
}

/** Heading of a group of relations in the details panel: "DPRK declined …" or "… cites DPRK". */
export function groupHeading(nodeName: string, verb: string, direction: "out" | "in"): string {
  return direction === "out" ? `${nodeName} ${verb} …` : `… ${verb} ${nodeName}`;
}

export interface RelationGroup<E> {
  key: string;
  type: string;
  direction: "out" | "in";
  edges: E[];
}

/** Group a node's relations by type and direction: outgoing first, then incoming, each by type name. */
export function groupRelations<E extends EdgeLike>(nodeId: string, edges: E[]): RelationGroup<E>[] {
  const groups = new Map<string, RelationGroup<E>>();
  for (const edge of edges) {
    const direction = edge.source === nodeId ? "out" : "in";
    const key = `${direction}:${edge.type}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, type: edge.type, direction, edges: [] };
      groups.set(key, group);
    }
    group.edges.push(edge);
  }
  return [...groups.values()].sort((a, b) =>
    a.direction === b.direction ? a.type.localeCompare(b.type) : a.direction === "out" ? -1 : 1,
  );
}

/** The nodes a claim links to `nodeId`: its other ends, each once, in order. */
export function otherEnds(nodeId: string, edges: readonly EdgeLike[]): string[] {
  const others: string[] = [];
  for (const edge of edges) {
    const other = edge.source === nodeId ? edge.target : edge.source;
    if (!others.includes(other)) others.push(other);
  }
  return others;
}
