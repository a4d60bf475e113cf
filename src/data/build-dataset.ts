// Builds the graph from checked drafts: nodes with the sources that mention them, claim edges (each with its
// sentence, and the sentence of its whole claim when the record made several), cites edges.
import { MultiDirectedGraph } from "graphology";
import { nodeName } from "../schema/edge-sentence";
import { renderSentence, type NodeName } from "../schema/render-sentence";
import type { SentenceTemplate } from "../schema/sentence-template";
import { emptyStatusCounts, type ReviewStatus } from "../schema/review-status";
import type {
  Dataset,
  EdgeAttributes,
  EdgeTypeSpec,
  GraphAttributes,
  NodeAttributes,
  PropValue,
  RecordLocation,
  RightsGraph,
  SourceRecord,
} from "../schema/types";
import type { EdgeDraft, NodeDraft } from "./check-records";
import type { Drafts } from "./check-references";
import type { SourceDraft } from "./check-source";

/**
 * Edge ids: `base`, or `base--2`, `base--3`... : the first that no edge has taken yet. Ids are only ever added, so
 * the search for a base resumes where its last one stopped: linear, even for a pair linked thousands of times. A
 * base is remembered only once it has been asked for twice: most are asked for once, and a map entry for each of a
 * million edges is what the load spent its time on.
 */
class EdgeIds {
  private readonly next = new Map<string, number>();

  constructor(private readonly taken: Set<string>) {}

  unique(base: string): string {
    const remembered = this.next.get(base);
    if (remembered === undefined && !this.taken.has(base)) {
      this.taken.add(base);
      return base;
    }
    let n = remembered ?? 2;
    let id = `${base}--${n}`;
    while (this.taken.has(id)) id = `${base}--${++n}`;
    this.taken.add(id);
    this.next.set(base, n + 1);
    return id;
  }
}

/** Writes a claim's sentence from its reading, naming its ends as the graph's nodes (added first) are named. */
function sentenceWriter(graph: RightsGraph) {
  const names = new Map<string, NodeName>();
  const name = (id: string): NodeName => {
    let found = names.get(id);
    if (!found) names.set(id, (found = nodeName(graph.getNodeAttributes(id))));
    return found;
  };
  return (
    template: SentenceTemplate,
    sources: readonly string[],
    targets: readonly string[],
    spec: EdgeTypeSpec,
    props: Record<string, PropValue>,
  ): string =>
    renderSentence(
      template,
      { source: sources.map(name), target: targets.map(name) },
      props,
      (attribute) => spec.attributes.get(attribute)?.kind,
    );
}

/** The status a shown element carries in its props (`status`), so that API answers and exports say it; none when reviewed. */
function statusProps(status: ReviewStatus): { status?: string } {
  return status === "reviewed" ? {} : { status };
}

/**
 * An edge's props: the draft's own object when the record makes one reviewed edge (the draft is dropped once the
 * graph is built, so nothing else holds it), otherwise a copy of its own for each edge, with the status.
 */
function edgeProps(edge: EdgeDraft, size: number): Record<string, PropValue> {
  return size === 1 && edge.status === "reviewed" ? edge.props : { ...edge.props, ...statusProps(edge.status) };
}

/**
 * The dataset of drafts that passed every check (the caller guarantees that no problem stands), with the records of
 * the `shown` statuses: a hidden node takes its edges and its citations' `cites` edges with it.
 */
export function buildDataset(
  dataDir: string,
  { schema, nodes: allNodes, sources, edges: allEdges }: Drafts,
  shown: ReadonlySet<ReviewStatus>,
  locateClaims = false,
): Dataset {
  const graph: RightsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({
    allowSelfLoops: true,
  });
  const counts = { nodes: emptyStatusCounts(), edges: emptyStatusCounts() };
  const byId = new Map<string, NodeDraft>();
  const hiddenNodes = new Set<string>();
  for (const node of allNodes.values()) {
    counts.nodes[node.status]++;
    if (shown.has(node.status)) byId.set(node.id, node);
    else hiddenNodes.add(node.id);
  }
  const edges = allEdges.filter((edge) => {
    counts.edges[edge.status] += edge.sources.length * edge.targets.length;
    return shown.has(edge.status);
  });
  graph.replaceAttributes({ name: "RightsGraph" });
  const mentions = new Map<string, Set<string>>();
  const mention = (id: string, sourceId: string) => {
    let set = mentions.get(id);
    if (!set) mentions.set(id, (set = new Set()));
    set.add(sourceId);
  };
  for (const node of byId.values()) if (node.sourceId) mention(node.id, node.sourceId);
  for (const edge of edges) {
    for (const id of edge.sources) mention(id, edge.sourceId);
    for (const id of edge.targets) mention(id, edge.sourceId);
  }
  const citationsShown = (source: SourceDraft) =>
    byId.has(source.document) ? source.citations.filter((c) => byId.has(c.document)) : [];
  for (const source of sources) {
    if (byId.has(source.document)) mention(source.document, source.text.id);
    for (const citation of citationsShown(source)) mention(citation.document, source.text.id);
  }
  for (const node of byId.values()) {
    graph.addNode(node.id, {
      type: node.type,
      label: node.label,
      ...(node.shortLabel !== undefined ? { shortLabel: node.shortLabel } : {}),
      ...(node.article !== undefined ? { article: node.article } : {}),
      ...(node.plural ? { plural: true } : {}),
      aliases: node.aliases,
      description: node.description,
      ...(node.date ? { date: node.date } : {}),
      props: { ...node.props, ...statusProps(node.status) },
      ...(node.outsideKnowledge ? { outsideKnowledge: node.outsideKnowledge } : {}),
      sources: [...(mentions.get(node.id) ?? [])].sort(),
    });
  }
  // Ids written in the data are reserved first, so that no generated id can take one of them.
  const ids = new EdgeIds(new Set<string>(edges.flatMap((e) => (e.id ? [e.id] : []))));
  const records = new Map<string, SourceRecord>();
  const citesSpec = schema.edgeTypes.get("cites")!;
  const sentence = sentenceWriter(graph);
  const claimRecords = locateClaims ? new Map<string, RecordLocation>() : undefined;
  for (const source of sources) {
    const text = source.text.text;
    const citations = citationsShown(source);
    for (const citation of citations) {
      const id = ids.unique(`${source.document}--cites--${citation.document}--${citation.marker}`);
      const start = text.indexOf(citation.quote);
      // The endnote is the brief's own statement that it cites the document: asserted, in its own voice.
      const props = {
        endnote: citation.marker,
        ...(citation.locator ? { locator: citation.locator } : {}),
        modality: "asserted",
      };
      graph.addDirectedEdgeWithKey(id, source.document, citation.document, {
        type: "cites",
        label: `cites (endnote ${citation.marker}${citation.locator ? `, ${citation.locator}` : ""})`,
        sentence: sentence(citesSpec.template, [source.document], [citation.document], citesSpec, props),
        claim: id,
        evidence: {
          quote: citation.quote,
          footnotes: [citation.marker],
          sourceDoc: source.document,
          start,
          end: start + citation.quote.length,
        },
        props,
      });
    }
    records.set(source.text.id, {
      id: source.text.id,
      document: source.document,
      title: source.title,
      textPath: source.textPath,
      text,
      // The citations of hidden documents are left out with them (the endnote and its marker stay).
      endnotes:
        citations.length === source.citations.length
          ? source.endnotes
          : new Map(
              [...source.endnotes].map(([marker, note]) => [
                marker,
                { ...note, citations: note.citations.filter((c) => byId.has(c.document)) },
              ]),
            ),
      meta: source.meta,
    });
  }
  for (const edge of edges) {
    const spec = schema.edgeTypes.get(edge.type)!;
    const source = records.get(edge.sourceId)!;
    const start = edge.quoteStart;
    const template = edge.template!;
    const size = edge.sources.length * edge.targets.length;
    const joint =
      size > 1
        ? { claimSentence: sentence(template, edge.sources, edge.targets, spec, edge.props), claimSize: size }
        : {};
    let claim: string | undefined;
    for (const from of edge.sources) {
      for (const to of edge.targets) {
        const id = edge.id ?? ids.unique(`${from}--${edge.type}--${to}`);
        // The claim is named after its first edge, so a claim of one edge has its edge's id.
        claim ??= id;
        claimRecords?.set(id, { file: edge.file, line: edge.line });
        graph.addDirectedEdgeWithKey(id, from, to, {
          type: edge.type,
          label: edge.label ?? spec.label,
          sentence: sentence(template, [from], [to], spec, edge.props),
          ...(edge.reading !== undefined ? { reading: edge.reading } : {}),
          claim,
          ...joint,
          ...(edge.date ? { date: edge.date } : {}),
          evidence: {
            quote: edge.quote,
            footnotes: edge.footnotes,
            sourceDoc: source.document,
            start,
            end: start + edge.quote.length,
          },
          props: edgeProps(edge, size),
          ...(edge.outsideKnowledge ? { outsideKnowledge: edge.outsideKnowledge } : {}),
        });
      }
    }
  }
  const suggestionsShown = shown.has("suggested");
  return {
    dataDir,
    schema,
    graph,
    sources: records,
    review: { ...counts, suggestionsShown, hiddenNodes },
    ...(claimRecords ? { claimRecords } : {}),
  };
}
