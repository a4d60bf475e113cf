// One sentence for some of the edges of one claim read together, as a path uses them: Quintana's one call on four
// states, two of which a path passes through, reads "Ojea Quintana continues to call on the United States and China…".
import { nodeName, readingFor } from "../../schema/edge-sentence";
import { renderSentence } from "../../schema/render-sentence";
import { parseSentenceTemplate, TemplateProblem } from "../../schema/sentence-template";
import type { Dataset } from "../../schema/types";

/**
 * The sentence of `edgeIds` (edges of one claim: one type, reading and attributes), their sources and targets listed
 * in the order the edges come, written with the claim's reading as the loader writes `claimSentence`.
 */
export function claimSentenceOf(dataset: Pick<Dataset, "graph" | "schema">, edgeIds: readonly string[]): string {
  const { graph, schema } = dataset;
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
  const own = first.reading === undefined ? undefined : parseSentenceTemplate(first.reading);
  // The loader has checked every reading: a problem here is a bug, and the edge's own sentence still reads true.
  const template = readingFor(spec, own instanceof TemplateProblem ? undefined : own, first.props.negated === true);
  if (template === undefined || own instanceof TemplateProblem) return first.sentence;
  const name = (id: string) => nodeName(graph.getNodeAttributes(id));
  return renderSentence(
    template,
    { source: sources.map(name), target: targets.map(name) },
    first.props,
    (attribute) => spec.attributes.get(attribute)?.kind,
  );
}
