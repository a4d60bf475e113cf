// The names the graph uses for its own fields, written once: the API, the loader and the schema reader import them.

/** The fields every node has, as the graph and the API name them; a type-specific attribute never replaces one. */
export const CORE_NODE_KEYS: ReadonlySet<string> = new Set([
  "id",
  "type",
  "label",
  "shortLabel",
  "article",
  "plural",
  "aliases",
  "description",
  "date",
  "outsideKnowledge",
  "sources",
  "sourceCount",
]);

/** Core node fields the loader works out from every file read: a data record never writes them. */
const COMPUTED_NODE_KEYS: ReadonlySet<string> = new Set(["sources", "sourceCount"]);

/** A core field as data files and exports spell it: `outsideKnowledge` is written `outside_knowledge`. */
export function dataFieldName(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** The core fields a node record in a data file may write, in the data's spelling. */
export const NODE_RECORD_FIELDS: ReadonlySet<string> = new Set(
  [...CORE_NODE_KEYS].filter((key) => !COMPUTED_NODE_KEYS.has(key)).map(dataFieldName),
);
