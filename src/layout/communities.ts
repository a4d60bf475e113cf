// Communities of the whole graph, found once at start beside the positions (Louvain, seeded): the explorer's
// overview of a large corpus names them and opens them. Louvain looks at who is linked to whom, so the graph is
// folded to a simple undirected one first: parallel claims and both directions add to one weight.
import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import { mulberry32 } from "../common";
import type { RightsGraph } from "../schema";

/** Community of every node, numbered from 0 by size (largest first; ties by their smallest member id). */
export function computeCommunities(graph: RightsGraph, seed = 1): Map<string, number> {
  const simple = new Graph<Record<string, never>, { weight: number }>({ type: "undirected", allowSelfLoops: false });
  graph.forEachNode((node) => simple.addNode(node));
  graph.forEachEdge((_edge, _a, source, target) => {
    if (source === target) return;
    const key = simple.edge(source, target);
    if (key === undefined) simple.addEdge(source, target, { weight: 1 });
    else simple.updateEdgeAttribute(key, "weight", (weight) => (weight ?? 0) + 1);
  });
  const found = louvain(simple, { getEdgeWeight: "weight", rng: mulberry32(seed) });
  const members = new Map<number, string[]>();
  graph.forEachNode((node) => {
    const community = found[node] ?? -1;
    const list = members.get(community) ?? [];
    list.push(node);
    members.set(community, list);
  });
  const ordered = [...members.values()].sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
  const numbered = new Map<string, number>();
  ordered.forEach((list, index) => list.forEach((node) => numbered.set(node, index)));
  return numbered;
}
