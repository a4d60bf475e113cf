// How ingest, check and review write YAML: block style for free text, quoted dates and markers, endnote lists on one
// line, a blank line between records, so that files read like documents and a reviewed change is a small diff.
import { Document, isPair, isScalar, isSeq, Scalar, visit, type Node, type ToStringOptions } from "yaml";

/** Longest string kept on its key's line; longer ones become folded blocks (`>-`). */
const INLINE_LENGTH = 80;

/** The options every writer uses: 120 columns, as the rest of the data. */
export const YAML_OUTPUT: ToStringOptions = { lineWidth: 120, minContentWidth: 0, flowCollectionPadding: false };

const ANCHOR_KEYS = new Set(["prefix", "suffix"]);

/** The key of a pair as text, whether parsed (a Scalar) or set by code (a plain value). */
function keyOf(parent: unknown): string | undefined {
  if (!isPair(parent)) return undefined;
  return isScalar(parent.key) ? String(parent.key.value) : typeof parent.key === "string" ? parent.key : undefined;
}

// Scalars a reader could misread: dates, numbers written as text (endnote "3"), yes/no words.
const MISREADABLE = /^(?:\d[\d:./-]*|yes|no|on|off|true|false|null|~)$/i;

/**
 * Styles a document's values, or one record's: long text folded, misreadable strings quoted, anchors' context
 * quoted, `footnotes` lists flat. Editors style only the records they change, so the rest of a file stays as written.
 */
export function styleDocument(doc: Document | Node): void {
  visit(doc, {
    Scalar(key, node, path) {
      if (typeof node.value !== "string") return;
      // An anchor's context may hold line breaks and edge spaces: one quoted line shows them plainly.
      const parent = path[path.length - 1];
      if (key === "value" && ANCHOR_KEYS.has(keyOf(parent) ?? "")) node.type = Scalar.QUOTE_DOUBLE;
      else if (node.value.length > INLINE_LENGTH && node.value === node.value.trim() && !node.value.includes("\n"))
        node.type = Scalar.BLOCK_FOLDED;
      else if (MISREADABLE.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
      // A value edited in place keeps its node's style: a short one that was folded is folded no more.
      else if (node.type === Scalar.BLOCK_FOLDED) node.type = Scalar.PLAIN;
    },
    Seq(_key, node, path) {
      if (keyOf(path[path.length - 1]) === "footnotes") node.flow = true;
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
  // Records that share a value (one footnotes list for two claims) each get their own copy: an anchor and alias
  // would tie one record to another, and a record could not be written or read alone.
  const doc = new Document(value, { aliasDuplicateObjects: false });
  doc.commentBefore = comment;
  styleDocument(doc);
  spaceRecords(doc, recordLists);
  return doc.toString(YAML_OUTPUT);
}
