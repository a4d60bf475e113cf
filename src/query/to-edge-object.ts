// A graph edge as the API shows it: core fields and evidence first, then its type-specific attributes flattened in.
import type { Evidence, RightsGraph } from "../schema/types";
import type { EdgeEvidenceObject, EdgeObject } from "./types";

const CORE_EDGE_KEYS = new Set([
  "id",
  "type",
  "source",
  "target",
  "label",
  "sentence",
  "claim",
  "claimSentence",
  "claimSize",
  "date",
  "evidence",
  "outsideKnowledge",
]);

/** An edge's evidence as the API shows it: a copy, so that no answer shares the graph's own arrays. */
export function toEvidenceObject(evidence: Evidence): EdgeEvidenceObject {
  return {
    quote: evidence.quote,
    footnotes: [...evidence.footnotes],
    sourceDoc: evidence.sourceDoc,
    start: evidence.start,
    end: evidence.end,
  };
}

/**
 * The API object of edge `edgeId`:
 * `{id, type, source, target, label, sentence, claim, claimSentence?, claimSize?, date?, evidence: {quote, footnotes,
 * sourceDoc, start, end}, outsideKnowledge?, ...props}`.
 * Type-specific attributes are flattened in; where one shares a name with a core field, the core field wins.
 * The caller guarantees that the edge exists.
 */
export function toEdgeObject(graph: RightsGraph, edgeId: string): EdgeObject {
  const attributes = graph.getEdgeAttributes(edgeId);
  const edge: EdgeObject = {
    id: edgeId,
    type: attributes.type,
    source: graph.source(edgeId),
    target: graph.target(edgeId),
    label: attributes.label,
    sentence: attributes.sentence,
    claim: attributes.claim,
  } as EdgeObject;
  if (attributes.claimSentence !== undefined) {
    edge.claimSentence = attributes.claimSentence;
    edge.claimSize = attributes.claimSize;
  }
  if (attributes.date !== undefined) edge.date = attributes.date;
  edge.evidence = toEvidenceObject(attributes.evidence);
  if (attributes.outsideKnowledge !== undefined) edge.outsideKnowledge = [...attributes.outsideKnowledge];
  for (const [key, value] of Object.entries(attributes.props ?? {})) {
    if (!CORE_EDGE_KEYS.has(key)) edge[key] = Array.isArray(value) ? [...value] : value;
  }
  return edge;
}
