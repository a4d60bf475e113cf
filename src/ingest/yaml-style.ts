// How ingest, check and review write YAML: block style for free text, quoted dates and markers, endnote lists on one
// line, a blank line between records, so that files read like documents and a reviewed change is a small diff.
import { Document, isPair, isScalar, isSeq, Scalar, visit, type ToStringOptions } from "yaml";

/** Longest string kept on its key's line; longer ones become folded blocks (`>-`). */
const INLINE_LENGTH = 80;

/** The options every writer uses: 120 columns, as the rest of the data. */
export const YAML_OUTPUT: ToStringOptions = { lineWidth: 118, minContentWidth: 0, flowCollectionPadding: false };

const ANCHOR_KEYS = new Set(["prefix", "suffix"]);

// Scalars a reader could misread: dates, numbers written as text (endnote "3"), yes/no words.
const MISREADABLE = /^(?:\d[\d:./-]*|yes|no|on|off|true|false|null|~)$/i;

/** Styles a document's values: long text folded, misreadable strings quoted, `footnotes` and `aliases` lists flat. */
export function styleDocument(doc: Document): void {
  visit(doc, {
    Scalar(key, node, path) {
      if (typeof node.value !== "string") return;
      // An anchor's context may hold line breaks and edge spaces: one quoted line shows them plainly.
      const parent = path[path.length - 1];
      if (key === "value" && isPair(parent) && isScalar(parent.key) && ANCHOR_KEYS.has(String(parent.key.value)))
        node.type = Scalar.QUOTE_DOUBLE;
      else if (node.value.length > INLINE_LENGTH && node.value === node.value.trim() && !node.value.includes("\n"))
        node.type = Scalar.BLOCK_FOLDED;
      else if (MISREADABLE.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
    Seq(_key, node, path) {
      const parent = path[path.length - 1];
      if (isPair(parent) && isScalar(parent.key) && parent.key.value === "footnotes") node.flow = true;
    },
  });
}

/** Puts a blank line before every record of the top-level lists (after the first), as hand-written files have. */
export function spaceRecords(doc: Document, keys: string[]): void {
  for (const key of keys) {
    const list = doc.get(key, true);
    if (!isSeq(list)) continue;
    list.items.forEach((item, i) => {
      if (i > 0 && item && typeof item === "object") (item as { spaceBefore?: boolean }).spaceBefore = true;
    });
  }
}

/** A new YAML file: a comment, then `value` styled as above. */
export function writeYaml(comment: string, value: unknown, recordLists: string[]): string {
  const doc = new Document(value);
  doc.commentBefore = comment;
  styleDocument(doc);
  spaceRecords(doc, recordLists);
  return doc.toString(YAML_OUTPUT);
}
