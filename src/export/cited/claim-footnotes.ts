// The footnote of a cited claim: its verbatim quote, the source it comes from, and each endnote's citations as printed
// with the cited document's title, publisher, date and link.
import type { EdgeObject } from "../../api/contract";
import type { Dataset } from "../../schema/types";
import { markdownText } from "./markdown-text";

/** Links the cited paragraph writes: http(s) only, no space or angle bracket (the loader checks `url` the same way). */
export const SAFE_LINK = /^https?:\/\/[^\s<>]+$/i;

function documentDetails(dataset: Dataset, id: string): string {
  if (!dataset.graph.hasNode(id)) return "";
  const { label, props, date } = dataset.graph.getNodeAttributes(id);
  const title = typeof props.title === "string" ? props.title : label;
  const parts = [markdownText(title)];
  if (typeof props.publisher === "string") parts.push(markdownText(props.publisher));
  const when = typeof props.date === "string" ? props.date : date;
  if (when) parts.push(markdownText(when));
  if (typeof props.url === "string" && SAFE_LINK.test(props.url)) parts.push(`<${props.url}>`);
  return parts.join(", ");
}

/**
 * The footnote text of one claim (Markdown, every data value escaped): “quote” — source: its document, then per endnote
 * "endnote ii: <citation as printed> (title, publisher, date, link)"; "no endnote" when none backs it.
 */
export function claimFootnote(dataset: Dataset, edge: EdgeObject): string {
  const { quote, footnotes, sourceDoc } = edge.evidence;
  const source = [...dataset.sources.values()].find((s) => s.document === sourceDoc);
  const sourceName = dataset.graph.hasNode(sourceDoc) ? dataset.graph.getNodeAttribute(sourceDoc, "label") : sourceDoc;
  const notes = footnotes.map((marker) => {
    const citations = source?.endnotes.get(marker)?.citations ?? [];
    const printed = citations.map((citation) => {
      const details = documentDetails(dataset, citation.document);
      return `${markdownText(citation.quote)}${details ? ` (${details})` : ""}`;
    });
    return `endnote ${markdownText(marker)}: ${printed.length > 0 ? printed.join("; ") : "no citation recorded"}`;
  });
  const backing = notes.length > 0 ? notes.join("; ") : "no endnote";
  return `“${markdownText(quote)}” — source: ${markdownText(sourceName)}; ${backing}.`;
}
