// What a GraphML reader should find for each node and edge, spelled out here rather than derived from the writer's
// own column plan; shared by the in-process round trip and the NetworkX read-back.
import type { NodeDisplay } from "../../src/layout";
import type { EdgeAttributes, NodeAttributes } from "../../src/schema";

/** The data a reader should find on a node: core fields, props, layout; lists as JSON strings. */
export function expectedNodeData(attributes: NodeAttributes, display?: NodeDisplay): Record<string, unknown> {
  const data: Record<string, unknown> = {
    label: attributes.label,
    short_label: attributes.shortLabel ?? attributes.label,
    type: attributes.type,
    aliases: JSON.stringify(attributes.aliases),
    description: attributes.description,
    sources: JSON.stringify(attributes.sources),
    ...attributes.props,
  };
  if (attributes.article !== undefined) data.article = attributes.article;
  if (attributes.plural) data.plural = true;
  if (attributes.date !== undefined) data.date = attributes.date;
  if (attributes.outsideKnowledge) data.outside_knowledge = JSON.stringify(attributes.outsideKnowledge);
  if (display) Object.assign(data, display);
  return data;
}

/** The data a reader should find on an edge: core fields, evidence spread out, props. */
export function expectedEdgeData(attributes: EdgeAttributes): Record<string, unknown> {
  const data: Record<string, unknown> = {
    type: attributes.type,
    label: attributes.label,
    sentence: attributes.sentence,
    claim: attributes.claim,
    evidence: attributes.evidence.quote,
    footnotes: JSON.stringify(attributes.evidence.footnotes),
    source_doc: attributes.evidence.sourceDoc,
    evidence_start: attributes.evidence.start,
    evidence_end: attributes.evidence.end,
    ...attributes.props,
  };
  if (attributes.claimSentence !== undefined) data.claim_sentence = attributes.claimSentence;
  if (attributes.claimSize !== undefined) data.claim_size = attributes.claimSize;
  if (attributes.date !== undefined) data.date = attributes.date;
  if (attributes.outsideKnowledge) data.outside_knowledge = JSON.stringify(attributes.outsideKnowledge);
  return data;
}

/** NetworkX values without their Python type names. */
export const untyped = (attributes: Record<string, [string, unknown]>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(attributes).map(([name, [, value]]) => [name, value]));
