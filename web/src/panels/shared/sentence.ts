// Relations written as sentences: "Republic of Korea declined to co-sponsor A/C.3/74/L.26".
import type { EdgeTypeInfo } from "../../api/index.js";

export interface SentenceParts {
  source: string;
  verb: string;
  target: string;
}

interface EdgeLike {
  type: string;
  label?: string;
  source: string;
  target: string;
}

/**
 * Split a relation into its subject, verb phrase and object. The edge's own label is the verb when it has one;
 * otherwise the type's reading template ("{source} is addressed to {target}") gives it.
 */
export function sentenceParts(edge: EdgeLike, labelOf: (id: string) => string, type?: EdgeTypeInfo): SentenceParts {
  const source = labelOf(edge.source);
  const target = labelOf(edge.target);
  let verb = edge.label?.trim() ?? "";
  if (!verb && type?.reading) {
    const middle = /\{source\}(.*)\{target\}/.exec(type.reading);
    if (middle) verb = middle[1]!.trim();
  }
  if (!verb) verb = type?.label ?? edge.type.replace(/-/g, " ");
  return { source, verb, target };
}

export function sentence(edge: EdgeLike, labelOf: (id: string) => string, type?: EdgeTypeInfo): string {
  const { source, verb, target } = sentenceParts(edge, labelOf, type);
  return `${source} ${verb} ${target}`;
}

/** Heading of a group of relations in the details panel: "Republic of Korea declined …" or "… cites X". */
export function groupHeading(nodeLabel: string, verb: string, direction: "out" | "in"): string {
  return direction === "out" ? `${nodeLabel} ${verb} …` : `… ${verb} ${nodeLabel}`;
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
