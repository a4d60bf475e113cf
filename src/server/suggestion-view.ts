// The graph without its suggested records, for requests that leave them out (`include=none`): the records
// `rightsgraph ingest` suggested are loaded once, and this view drops them (a suggested node with every edge that
// touches it, and the endnote citations of a suggested document), as the loader does when it is not asked for them.
// Edge ids are the loaded graph's, so a link or permalink names the same claim in either view.
import type { Dataset, SourceRecord } from "../schema/types";

const suggested = (props: Record<string, unknown>): boolean => props.status === "suggested";

/** Whether the dataset holds any suggested node or edge. */
export function hasSuggestions(dataset: Dataset): boolean {
  const { graph } = dataset;
  return (
    graph.someNode((_id, a) => suggested(a.props)) ||
    graph.someEdge((_id, a) => suggested(a.props as Record<string, unknown>))
  );
}

/** The dataset without its suggested records (the same object when it has none). */
export function withoutSuggestions(dataset: Dataset): Dataset {
  if (!hasSuggestions(dataset)) return dataset;
  const graph = dataset.graph.copy();
  graph.forEachEdge((id, a) => {
    if (suggested(a.props as Record<string, unknown>)) graph.dropEdge(id);
  });
  graph.forEachNode((id, a) => {
    if (suggested(a.props)) graph.dropNode(id);
  });
  const sources = new Map<string, SourceRecord>();
  for (const [id, source] of dataset.sources) {
    const endnotes = new Map(
      [...source.endnotes].map(([marker, note]) => [
        marker,
        { ...note, citations: note.citations.filter((c) => graph.hasNode(c.document)) },
      ]),
    );
    sources.set(id, { ...source, endnotes });
  }
  return {
    ...dataset,
    graph,
    sources,
    ...(dataset.review ? { review: { ...dataset.review, suggestionsShown: false } } : {}),
  };
}
