// A graph node as the API shows it: core fields first, then its type-specific attributes flattened in.
import type { RightsGraph } from "../schema/types";
import { CORE_NODE_KEYS, type NodeObject } from "./types";

/**
 * The API object of node `id`: `{id, type, label, shortLabel, article?, plural?, aliases, description, date?,
 * outsideKnowledge?, sources, sourceCount, ...props}`, with at most `sourceLimit` source ids (lists of nodes pass
 * LIST_SOURCES).
 * Type-specific attributes are flattened in; where one shares a name with a core field, the core field wins.
 * The caller guarantees that the node exists.
 */
export function toNodeObject(graph: RightsGraph, id: string, sourceLimit = Infinity): NodeObject {
  const attributes = graph.getNodeAttributes(id);
  const node: NodeObject = {
    id,
    type: attributes.type,
    label: attributes.label,
    shortLabel: attributes.shortLabel ?? attributes.label,
    aliases: [...attributes.aliases],
    description: attributes.description,
  } as NodeObject;
  if (attributes.article !== undefined) node.article = attributes.article;
  if (attributes.plural) node.plural = true;
  if (attributes.date !== undefined) node.date = attributes.date;
  if (attributes.outsideKnowledge !== undefined) node.outsideKnowledge = [...attributes.outsideKnowledge];
  node.sources = attributes.sources.slice(0, sourceLimit);
  node.sourceCount = attributes.sources.length;
  for (const [key, value] of Object.entries(attributes.props ?? {})) {
    if (!CORE_NODE_KEYS.has(key)) node[key] = Array.isArray(value) ? [...value] : value;
  }
  return node;
}
