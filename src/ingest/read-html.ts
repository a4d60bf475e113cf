// The text of an HTML report, read with a real HTML parser (parse5): block elements become paragraphs, list items
// keep their numbers, and the markup a reader needs stays as light markup, as the bundled source.txt has it:
// italics as `*Reuters*`, superscripts (endnote markers) as `^{iv}`, links as `text <https://...>`.
import { parse } from "parse5";
import type { DefaultTreeAdapterMap } from "parse5";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

const SKIPPED = new Set(["head", "script", "style", "noscript", "template", "nav", "svg", "iframe", "button", "form"]);
const BLOCKS = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "header",
  "footer",
  "aside",
  "blockquote",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "li",
  "table",
  "tr",
  "figure",
  "figcaption",
  "dl",
  "dt",
  "dd",
  "pre",
  "address",
]);

const isElement = (node: Node): node is Element => "tagName" in node;
const attr = (el: Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;

/** The text of an HTML document (see the file's banner). */
export function htmlToText(html: string): string {
  const out: string[] = [];
  const block = () => out.push("\n\n");
  const walk = (node: Node, listNumber?: { next: number }) => {
    if (node.nodeName === "#text") {
      out.push((node as DefaultTreeAdapterMap["textNode"]).value.replace(/\s+/g, " "));
      return;
    }
    if (!isElement(node) && !("childNodes" in node)) return;
    if (isElement(node)) {
      const tag = node.tagName;
      if (SKIPPED.has(tag) || attr(node, "hidden") !== undefined) return;
      if (tag === "br") return void out.push("\n");
      if (tag === "em" || tag === "i" || tag === "cite") return void out.push(`*${inline(node)}*`);
      if (tag === "sup") {
        const marker = inline(node)
          .trim()
          .replace(/^\[(.*)\]$/, "$1");
        return void out.push(marker ? `^{${marker}}` : "");
      }
      if (tag === "a") {
        const href = attr(node, "href");
        const label = inline(node);
        // A link worth keeping: an outside address the text does not already print.
        if (href && /^https?:\/\//.test(href) && !label.includes(href)) return void out.push(`${label} <${href}>`);
        return void out.push(label);
      }
      if (BLOCKS.has(tag)) block();
      if (tag === "li" && listNumber) out.push(`${listNumber.next++}. `);
      const numbering =
        tag === "ol" ? { next: Number(attr(node, "start") ?? "1") || 1 } : tag === "ul" ? undefined : listNumber;
      for (const child of node.childNodes) walk(child, numbering);
      if (BLOCKS.has(tag)) block();
      return;
    }
    for (const child of (node as { childNodes: Node[] }).childNodes) walk(child, listNumber);
  };
  const inline = (el: Element): string => {
    const start = out.length;
    for (const child of el.childNodes) walk(child);
    return out.splice(start).join("").replace(/\s+/g, " ").trim();
  };
  walk(parse(html));
  return out
    .join("")
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
