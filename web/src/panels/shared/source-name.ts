// A source as every panel names it: by its document's full name ("Democratic People's Republic of Korea (country
// brief, 2020)"), as the source reader is titled, not by the source's own title, which may be only the country's.
import type { SourceSummary } from "../../api/index.js";
import type { DisplayGraph } from "../../graph/index.js";

/** The full name of the source's document when the graph holds it, else the source's title. */
export function sourceName(graph: DisplayGraph, source: Pick<SourceSummary, "document" | "title">): string {
  return graph.hasNode(source.document) ? graph.getNodeAttribute(source.document, "fullLabel") : source.title;
}
