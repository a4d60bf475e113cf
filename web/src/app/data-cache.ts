// Remembers what the explorer fetched (node details, sources) so panels ask the server once per item, and once per
// position of the "show suggestions" switch: a node's details with its suggested claims are another answer.
import { api, currentInclude } from "../api/index.js";
import type { EdgeObject, NodeResponse, SourceResponse, SourceSummary } from "../api/index.js";
import type { DisplayGraph } from "../graph/index.js";

export interface DataCache {
  node(id: string): Promise<NodeResponse>;
  /** An edge with its evidence, found through its source node's details. */
  edge(id: string): Promise<EdgeObject | null>;
  /** The source whose document node is `documentId` (evidence.sourceDoc), or null when none is known. */
  sourceForDocument(documentId: string): Promise<SourceResponse | null>;
  /** A source by its id (the source reader's chooser). */
  source(id: string): Promise<SourceResponse>;
  /** Forgets everything fetched, after the served graph changed. */
  forget(): void;
  /**
   * Changes when the cache forgot, or when the switch changed what the server answers: a panel that shows fetched
   * data redraws when it changes.
   */
  readonly generation: string;
}

export function createDataCache(graph: DisplayGraph, sourceList: SourceSummary[]): DataCache {
  const nodes = new Map<string, Promise<NodeResponse>>();
  const sources = new Map<string, Promise<SourceResponse>>();
  const byDocument = new Map(sourceList.map((s) => [s.document, s.id]));

  function node(id: string, include = currentInclude()): Promise<NodeResponse> {
    const key = `${include} ${id}`;
    let pending = nodes.get(key);
    if (!pending) {
      pending = api.node(id, undefined, include);
      nodes.set(key, pending);
      pending.catch(() => nodes.delete(key));
    }
    return pending;
  }

  function source(id: string): Promise<SourceResponse> {
    let pending = sources.get(id);
    if (!pending) {
      pending = api.source(id);
      sources.set(id, pending);
      pending.catch(() => sources.delete(id));
    }
    return pending;
  }

  let forgotten = 0;
  return {
    node,
    forget() {
      nodes.clear();
      sources.clear();
      forgotten++;
    },
    get generation() {
      return `${forgotten} ${currentInclude()}`;
    },
    async edge(id) {
      if (!graph.hasEdge(id)) return null;
      // A suggested claim asked for by its id (the review queue reads it, a link names it) is read whatever the
      // switch: it is what was asked for, not a link offered as evidence.
      const include = graph.getEdgeAttribute(id, "status") === "suggested" ? "suggested" : currentInclude();
      const details = await node(graph.source(id), include);
      return details.edges.find((e) => e.id === id) ?? null;
    },
    source,
    async sourceForDocument(documentId) {
      const id = byDocument.get(documentId) ?? (sourceList.length === 1 ? sourceList[0]!.id : undefined);
      return id ? source(id) : null;
    },
  };
}
