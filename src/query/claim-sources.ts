// Several sources on one graph: which sources state a claim, which disagree with it, which mention a node. A claim's
// source is the source whose document its evidence names (`evidence.sourceDoc`).
import type {
  ClaimSourcesResponse,
  DisagreementKind,
  NodeSourcesResponse,
  SourceClaims,
  SourceDisagreement,
  SourceSummary,
} from "../api/contract";
import { NotFoundError } from "../errors";
import type { Dataset, RightsGraph } from "../schema/types";
import { toEdgeObject } from "./to-edge-object";

/** The relation family of an edge type (sponsored and declined share one): types of one family can disagree. */
export type RelationFamily = (type: string) => string;

function sourcesByDocument(dataset: Dataset): Map<string, SourceSummary> {
  const byDoc = new Map<string, SourceSummary>();
  for (const s of dataset.sources.values()) byDoc.set(s.document, { id: s.id, title: s.title, document: s.document });
  return byDoc;
}

/** Two dates agree when one is a prefix of the other ("2019-12" and "2019-12-18"), or when either is missing. */
function datesDiffer(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && !a.startsWith(b) && !b.startsWith(a);
}

const modality = (graph: RightsGraph, edge: string) => graph.getEdgeAttributes(edge).props?.modality;
const negated = (graph: RightsGraph, edge: string) => graph.getEdgeAttributes(edge).props?.negated === true;

/** How edge `b` differs from edge `a` about the same relation (an empty list: they agree). */
function differences(graph: RightsGraph, a: string, b: string): DisagreementKind[] {
  const [x, y] = [graph.getEdgeAttributes(a), graph.getEdgeAttributes(b)];
  const kinds: DisagreementKind[] = [];
  if (x.type !== y.type) kinds.push("type");
  if (datesDiffer(x.date, y.date)) kinds.push("date");
  if (negated(graph, a) !== negated(graph, b)) kinds.push("negated");
  const modalities = new Set([modality(graph, a), modality(graph, b)]);
  if (modalities.has("asserted") && modalities.has("hedged")) kinds.push("modality");
  return kinds;
}

/**
 * The sources that state edge `edgeId`'s claim (every edge between the same two nodes, in the same direction, of the
 * same type, that does not disagree with it; grouped by source, its own source first), and the edges of other
 * sources between the same two nodes in the same direction whose type is of the same family and that differ from it
 * in type, date, negation or modality.
 */
export function claimSources(dataset: Dataset, edgeId: string, family: RelationFamily): ClaimSourcesResponse {
  const { graph } = dataset;
  if (!graph.hasEdge(edgeId)) throw new NotFoundError(`sources: edge "${edgeId.slice(0, 200)}" not found`);
  const byDoc = sourcesByDocument(dataset);
  const attributes = graph.getEdgeAttributes(edgeId);
  const own = attributes.evidence.sourceDoc;
  const support = new Map<string, SourceClaims>();
  const disagreements: SourceDisagreement[] = [];
  const sourceOf = (edge: string) => byDoc.get(graph.getEdgeAttributes(edge).evidence.sourceDoc);
  const ownSource = sourceOf(edgeId);
  if (ownSource) support.set(ownSource.id, { source: ownSource, edges: [] });
  for (const other of graph.directedEdges(graph.source(edgeId), graph.target(edgeId))) {
    const source = sourceOf(other);
    const type = graph.getEdgeAttributes(other).type;
    if (!source || family(type) !== family(attributes.type)) continue;
    const differs = other === edgeId ? [] : differences(graph, edgeId, other);
    if (differs.length === 0 && type === attributes.type) {
      let group = support.get(source.id);
      if (!group) support.set(source.id, (group = { source, edges: [] }));
      group.edges.push(toEdgeObject(graph, other));
    } else if (differs.length > 0 && graph.getEdgeAttributes(other).evidence.sourceDoc !== own)
      disagreements.push({ source, edge: toEdgeObject(graph, other), differs });
  }
  return { edge: toEdgeObject(graph, edgeId), support: [...support.values()], disagreements };
}

/** The sources that mention node `nodeId` (declare it or state a claim about it), with their claims naming it. */
export function nodeSources(dataset: Dataset, nodeId: string): NodeSourcesResponse {
  const { graph } = dataset;
  if (!graph.hasNode(nodeId)) throw new NotFoundError(`sources: node "${nodeId.slice(0, 200)}" not found`);
  const byDoc = sourcesByDocument(dataset);
  const counts = new Map<string, number>(graph.getNodeAttribute(nodeId, "sources").map((id) => [id, 0]));
  graph.forEachEdge(nodeId, (_edge, attributes) => {
    const source = byDoc.get(attributes.evidence.sourceDoc);
    if (source) counts.set(source.id, (counts.get(source.id) ?? 0) + 1);
  });
  const sources = [...counts]
    .flatMap(([id, claims]) => {
      const s = dataset.sources.get(id);
      return s ? [{ source: { id: s.id, title: s.title, document: s.document }, claims }] : [];
    })
    .sort((a, b) => b.claims - a.claims || a.source.id.localeCompare(b.source.id));
  return { node: nodeId, sources };
}
