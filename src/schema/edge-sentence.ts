// The sentence of an edge, or of several edges of one claim read together: which reading applies, and the names
// of the nodes it writes.
import { renderSentence, type NodeName } from "./render-sentence";
import { parseSentenceTemplate, TemplateProblem, type SentenceTemplate } from "./sentence-template";
import type { EdgeAttributes, EdgeTypeSpec, NodeAttributes, RightsGraph, Schema } from "./types";

/** How a sentence names a node: its short name (the label when it has none), article and number. */
export function nodeName(attributes: Pick<NodeAttributes, "label" | "shortLabel" | "article" | "plural">): NodeName {
  return {
    name: attributes.shortLabel ?? attributes.label,
    ...(attributes.article ? { article: attributes.article } : {}),
    ...(attributes.plural ? { plural: true } : {}),
  };
}

/**
 * The reading a claim is written with: the edge's own, else its type's, or its type's negated reading when the
 * claim is negated (an edge's own reading says the negation itself). Undefined only for a negated claim of a type
 * without a negated reading, which the loader refuses.
 */
export function readingFor(
  spec: EdgeTypeSpec,
  own: SentenceTemplate | undefined,
  negated: boolean,
): SentenceTemplate | undefined {
  if (own) return own;
  return negated ? spec.negatedTemplate : spec.template;
}

const ownReadings = new Map<string, SentenceTemplate>();

/** An edge's own reading, parsed once per text; the loader has checked it. */
function ownReading(text: string): SentenceTemplate {
  let template = ownReadings.get(text);
  if (!template) {
    const parsed = parseSentenceTemplate(text);
    if (parsed instanceof TemplateProblem) throw new Error(`sentence: unchecked reading "${text}": ${parsed.message}`);
    ownReadings.set(text, (template = parsed));
  }
  return template;
}

/** The reading of a loaded edge (see `readingFor`). */
export function edgeReading(schema: Schema, attributes: EdgeAttributes): SentenceTemplate {
  const spec = schema.edgeTypes.get(attributes.type)!;
  const own = attributes.reading === undefined ? undefined : ownReading(attributes.reading);
  return readingFor(spec, own, attributes.props.negated === true)!;
}

/**
 * One sentence for several edges of one claim read together (all or some of the edges of one joint record, which
 * share their type, reading and attributes): their sources and targets listed in the order the edges come.
 * "China and Russia jointly sponsored the China–Russia sanctions draft."
 */
export function sentenceOfEdges(graph: RightsGraph, schema: Schema, edgeIds: readonly string[]): string {
  if (edgeIds.length === 0) throw new Error("sentence: no edges to write a sentence of");
  const sources: string[] = [];
  const targets: string[] = [];
  for (const id of edgeIds) {
    const source = graph.source(id);
    const target = graph.target(id);
    if (!sources.includes(source)) sources.push(source);
    if (!targets.includes(target)) targets.push(target);
  }
  const first = graph.getEdgeAttributes(edgeIds[0]!);
  const spec = schema.edgeTypes.get(first.type)!;
  const name = (id: string): NodeName => nodeName(graph.getNodeAttributes(id));
  return renderSentence(
    edgeReading(schema, first),
    { source: sources.map(name), target: targets.map(name) },
    first.props,
    (attribute) => spec.attributes.get(attribute)?.kind,
  );
}
