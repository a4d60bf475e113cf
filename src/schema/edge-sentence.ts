// What a claim's sentence is written with: the reading that applies to an edge, and the names of its nodes.
import type { NodeName } from "./render-sentence";
import type { SentenceTemplate } from "./sentence-template";
import type { EdgeTypeSpec, NodeAttributes } from "./types";

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
