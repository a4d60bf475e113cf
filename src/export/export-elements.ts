// The nodes and edges an export writes: all of a graph's, or those an ElementFilter keeps, in the graph's order.
import type { EdgeAttributes, NodeAttributes, RightsGraph } from "../schema";
import type { ElementFilter } from "./export-options";

export interface NodeEntry {
  node: string;
  attributes: NodeAttributes;
}

export interface EdgeEntry {
  edge: string;
  attributes: EdgeAttributes;
  source: string;
  target: string;
  undirected: boolean;
}

/**
 * How many elements a filter may pass over in a row before a `null` is yielded: a narrow view of a large graph
 * skips nearly everything, and the writer must still get its chance to let the event loop run.
 */
export const SKIPPED_STEP = 1024;

/** The nodes `only` keeps (every node without it), with a `null` after every SKIPPED_STEP nodes passed over. */
export function* exportedNodes(graph: RightsGraph, only?: ElementFilter): Generator<NodeEntry | null, void, undefined> {
  let skipped = 0;
  for (const entry of graph.nodeEntries()) {
    if (only === undefined || only.node(entry.node, entry.attributes)) yield entry;
    else if (++skipped % SKIPPED_STEP === 0) yield null;
  }
}

/**
 * The edges `only` keeps whose two ends it keeps too (every edge without it), as a copy of the view would hold
 * them, with a `null` after every SKIPPED_STEP edges passed over.
 */
export function* exportedEdges(graph: RightsGraph, only?: ElementFilter): Generator<EdgeEntry | null, void, undefined> {
  let skipped = 0;
  for (const entry of graph.edgeEntries()) {
    if (
      only === undefined ||
      (only.edge(entry.edge, entry.attributes) &&
        only.node(entry.source, entry.sourceAttributes) &&
        only.node(entry.target, entry.targetAttributes))
    )
      yield entry;
    else if (++skipped % SKIPPED_STEP === 0) yield null;
  }
}

/**
 * The text of each entry as `write` makes it, and "" for each `null`: the empty chunks give the stream a chance to
 * pause during long stretches of skipped elements.
 */
export function* writeEach<T>(
  entries: Iterable<T | null>,
  write: (entry: T) => string,
): Generator<string, void, undefined> {
  for (const entry of entries) yield entry === null ? "" : write(entry);
}
