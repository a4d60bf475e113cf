// What a type-specific attribute declared in schema.yaml may be called: its name becomes a record field, an API
// property and a column header of every export (CSV, GraphML keys), so it is kept to a plain, safe form.
import { CORE_NODE_KEYS, dataFieldName } from "./core-keys";

/**
 * Attribute names: a lower-case letter, then lower-case letters, digits and `_`, 64 characters at most. Safe as a
 * CSV header cell (no formula can start with a letter), an XML name and a JavaScript property (no `__proto__`).
 */
export const ATTRIBUTE_NAME_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * Names an attribute may not take: the core node fields (in the data's spelling; attribute names are lower case),
 * the fields of an edge record, and the columns every export writes beside the attributes.
 */
export const RESERVED_ATTRIBUTE_NAMES: ReadonlySet<string> = new Set([
  ...[...CORE_NODE_KEYS].map(dataFieldName),
  "evidence",
  "source",
  "target",
  "reading",
  "sentence",
  "claim",
  "claim_sentence",
  "claim_size",
  "props",
  "x",
  "y",
  "size",
  "color",
  "footnotes",
  "source_doc",
  "evidence_start",
  "evidence_end",
  // The review status travels with a suggested or draft element into the API and every export.
  "status",
  "rule",
  "review_note",
]);

/** What is wrong with `name` as an attribute name, with the fix, or undefined when it may be used. */
export function attributeNameProblem(name: string): { message: string; hint: string } | undefined {
  if (!ATTRIBUTE_NAME_PATTERN.test(name))
    return {
      message: "is not a valid attribute name",
      hint: "use a lower-case letter, then lower-case letters, digits and _ (64 characters at most)",
    };
  if (RESERVED_ATTRIBUTE_NAMES.has(name))
    return { message: "uses a reserved name", hint: "rename it; the graph uses this name itself" };
  // Every JavaScript object has these (`constructor`): reading one from a record would find the object's own.
  if (name in Object.prototype)
    return { message: "uses the name of a JavaScript built-in", hint: "rename it, e.g. with a prefix or a suffix" };
  return undefined;
}
