// Small hand-made datasets for the query layer's tests: a fixed schema and a builder of nodes and edges.
import { MultiDirectedGraph } from "graphology";
import { parseReading } from "./parse-reading";
import { nodeName, renderSentence } from "../../src/schema";
import type {
  Dataset,
  EdgeAttributes,
  EdgeTypeSpec,
  GraphAttributes,
  NodeAttributes,
  NodeTypeSpec,
  PropValue,
  RightsGraph,
  Schema,
  SourceRecord,
} from "../../src/schema/types";

const NODE_TYPES: [name: string, prefix: string][] = [
  ["state", "state"],
  ["person", "person"],
  ["organisation", "org"],
  ["document", "doc"],
  ["topic", "topic"],
  ["recommendation", "rec"],
];

const EDGE_TYPES: [name: string, provenance: boolean][] = [
  ["sponsored", false],
  ["declined", false],
  ["addressed-to", false],
  ["about", false],
  ["member-of", false],
  ["called-on", false],
  ["cites", true],
];

/** A schema with six node types and seven edge types, `cites` the provenance one; any type may link any other. */
export function querySchema(): Schema {
  const nodeTypes = new Map<string, NodeTypeSpec>(
    NODE_TYPES.map(([name, idPrefix]) => [
      name,
      { name, label: name, plural: `${name}s`, idPrefix, description: `A ${name}.`, attributes: new Map() },
    ]),
  );
  const all = NODE_TYPES.map(([name]) => name);
  const edgeTypes = new Map<string, EdgeTypeSpec>(
    EDGE_TYPES.map(([name, provenance]) => [
      name,
      {
        name,
        label: name,
        reading: `{source} ${name} {target}`,
        template: parseReading(`{source} ${name} {target}`),
        description: `${name} link.`,
        sourceTypes: all,
        targetTypes: all,
        provenance,
        weak: name === "about",
        attributes: new Map(),
      },
    ]),
  );
  return { version: 1, nodeTypes, edgeTypes };
}

export interface FixtureNode {
  id: string;
  /** Defaults to the type whose id prefix the id starts with. */
  type?: string;
  /** Defaults to the id. */
  label?: string;
  shortLabel?: string;
  aliases?: string[];
  date?: string;
  props?: Record<string, PropValue>;
}

export interface FixtureEdge {
  source: string;
  target: string;
  /** Defaults to "about". */
  type?: string;
  /** Defaults to `source--type--target`, with `--2`, `--3`... when repeated. */
  id?: string;
  date?: string;
  props?: Record<string, PropValue>;
  /** Defaults to "<source> <type> <target>". */
  quote?: string;
  /** Defaults to ["i"]; [] for a claim no endnote backs. */
  footnotes?: string[];
  /**
   * Where its quote stands in the source text; edges given the same number quote the same sentence. Defaults to a
   * place of its own.
   */
  quoteAt?: number;
}

/** An edge as [source, target, type?]. */
export type EdgeTuple = [source: string, target: string, type?: string];

export interface FixtureSpec {
  nodes: (string | FixtureNode)[];
  edges?: (FixtureEdge | EdgeTuple)[];
  /** Source id -> id of the node that stands for its document. */
  sources?: Record<string, string>;
}

function typeOf(id: string): string {
  const prefix = id.slice(0, id.indexOf(":"));
  const found = NODE_TYPES.find(([, p]) => p === prefix);
  if (!found) throw new Error(`fixture: no node type has the id prefix of "${id}"`);
  return found[0];
}

/** A Dataset holding exactly the given nodes and edges (every edge with a made-up evidence quote). */
export function buildDataset(spec: FixtureSpec): Dataset {
  const graph: RightsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  graph.replaceAttributes({ name: "fixture" });
  for (const raw of spec.nodes) {
    const node = typeof raw === "string" ? { id: raw } : raw;
    graph.addNode(node.id, {
      type: node.type ?? typeOf(node.id),
      label: node.label ?? node.id,
      ...(node.shortLabel ? { shortLabel: node.shortLabel } : {}),
      aliases: node.aliases ?? [],
      description: `Fixture node ${node.id}.`,
      ...(node.date ? { date: node.date } : {}),
      props: node.props ?? {},
      sources: ["fixture"],
    });
  }
  const documents = Object.values(spec.sources ?? {});
  const schema = querySchema();
  let ordinal = 0;
  // The next number to try for each pair's repeated edges: counting from 2 at each edge made many parallel edges
  // quadratic.
  const nextNumber = new Map<string, number>();
  for (const raw of spec.edges ?? []) {
    const edge: FixtureEdge = Array.isArray(raw) ? { source: raw[0], target: raw[1], type: raw[2] } : raw;
    const type = edge.type ?? "about";
    const base = `${edge.source}--${type}--${edge.target}`;
    let id = edge.id ?? base;
    if (graph.hasEdge(id)) {
      let n = nextNumber.get(base) ?? 2;
      while (graph.hasEdge(`${base}--${n}`)) n++;
      id = `${base}--${n}`;
      nextNumber.set(base, n + 1);
    }
    const name = (node: string) => [nodeName(graph.getNodeAttributes(node))];
    const start = edge.quoteAt === undefined ? ordinal++ * 100 : 1_000_000 + edge.quoteAt * 100;
    graph.addEdgeWithKey(id, edge.source, edge.target, {
      type,
      label: type,
      sentence: renderSentence(
        schema.edgeTypes.get(type)!.template,
        { source: name(edge.source), target: name(edge.target) },
        {},
      ),
      claim: id,
      ...(edge.date ? { date: edge.date } : {}),
      evidence: {
        quote: edge.quote ?? `${edge.source} ${type} ${edge.target}`,
        footnotes: edge.footnotes ?? ["i"],
        sourceDoc: documents[0] ?? "doc:fixture",
        start,
        end: start + 10,
      },
      props: edge.props ?? {},
    });
  }
  const sources = new Map<string, SourceRecord>(
    Object.entries(spec.sources ?? {}).map(([id, document]) => [
      id,
      { id, document, title: id, textPath: "", text: "", endnotes: new Map(), meta: {} },
    ]),
  );
  return { dataDir: "", schema, graph, sources };
}
