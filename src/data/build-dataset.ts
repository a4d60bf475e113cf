// Builds the graph from checked drafts: nodes with the sources that mention them, claim edges, cites edges.
import { MultiDirectedGraph } from "graphology";
import type {
  Dataset,
  EdgeAttributes,
  GraphAttributes,
  NodeAttributes,
  RightsGraph,
  SourceRecord,
} from "../schema/types";
import type { Drafts } from "./check-references";

/**
 * Edge ids: `base`, or `base--2`, `base--3`... : the first that no edge has taken yet. Ids are only ever added, so
 * the search for a base resumes where its last one stopped: linear, even for a pair linked thousands of times.
 */
class EdgeIds {
  private readonly next = new Map<string, number>();

  constructor(private readonly taken: Set<string>) {}

  unique(base: string): string {
    let n = this.next.get(base) ?? 1;
    let id = n === 1 ? base : `${base}--${n}`;
    while (this.taken.has(id)) id = `${base}--${++n}`;
    this.taken.add(id);
    this.next.set(base, n + 1);
    return id;
  }
}

/** The dataset of drafts that passed every check (the caller guarantees that no problem stands). */
export function buildDataset(dataDir: string, { schema, nodes: byId, sources, edges }: Drafts): Dataset {
  const graph: RightsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({
    allowSelfLoops: true,
  });
  graph.replaceAttributes({ name: "RightsGraph" });
  const mentions = new Map<string, Set<string>>();
  const mention = (id: string, sourceId: string) => {
    let set = mentions.get(id);
    if (!set) mentions.set(id, (set = new Set()));
    set.add(sourceId);
  };
  for (const node of byId.values()) if (node.sourceId) mention(node.id, node.sourceId);
  for (const edge of edges) for (const id of [...edge.sources, ...edge.targets]) mention(id, edge.sourceId);
  for (const source of sources) {
    mention(source.document, source.text.id);
    for (const citation of source.citations) mention(citation.document, source.text.id);
  }
  for (const node of byId.values()) {
    graph.addNode(node.id, {
      type: node.type,
      label: node.label,
      aliases: node.aliases,
      description: node.description,
      ...(node.date ? { date: node.date } : {}),
      props: node.props,
      ...(node.outsideKnowledge ? { outsideKnowledge: node.outsideKnowledge } : {}),
      sources: [...(mentions.get(node.id) ?? [])].sort(),
    });
  }
  // Ids written in the data are reserved first, so that no generated id can take one of them.
  const ids = new EdgeIds(new Set<string>(edges.flatMap((e) => (e.id ? [e.id] : []))));
  const records = new Map<string, SourceRecord>();
  for (const source of sources) {
    const text = source.text.text;
    for (const citation of source.citations) {
      const id = ids.unique(`${source.document}--cites--${citation.document}--${citation.marker}`);
      const start = text.indexOf(citation.quote);
      graph.addDirectedEdgeWithKey(id, source.document, citation.document, {
        type: "cites",
        label: `cites (endnote ${citation.marker}${citation.locator ? `, ${citation.locator}` : ""})`,
        evidence: {
          quote: citation.quote,
          footnotes: [citation.marker],
          sourceDoc: source.document,
          start,
          end: start + citation.quote.length,
        },
        props: { endnote: citation.marker, ...(citation.locator ? { locator: citation.locator } : {}) },
      });
    }
    records.set(source.text.id, {
      id: source.text.id,
      document: source.document,
      title: source.title,
      textPath: source.textPath,
      text,
      endnotes: source.endnotes,
      meta: source.meta,
    });
  }
  for (const edge of edges) {
    const spec = schema.edgeTypes.get(edge.type)!;
    const source = records.get(edge.sourceId)!;
    const start = edge.quoteStart;
    for (const from of edge.sources) {
      for (const to of edge.targets) {
        const id = edge.id ?? ids.unique(`${from}--${edge.type}--${to}`);
        graph.addDirectedEdgeWithKey(id, from, to, {
          type: edge.type,
          label: edge.label ?? spec.label,
          ...(edge.date ? { date: edge.date } : {}),
          evidence: {
            quote: edge.quote,
            footnotes: edge.footnotes,
            sourceDoc: source.document,
            start,
            end: start + edge.quote.length,
          },
          props: edge.props,
          ...(edge.outsideKnowledge ? { outsideKnowledge: edge.outsideKnowledge } : {}),
        });
      }
    }
  }
  return { dataDir, schema, graph, sources: records };
}
