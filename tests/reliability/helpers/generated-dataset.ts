// A large, dense random dataset built in memory (no files): the worst case for path queries and exports.
import { readFileSync } from "node:fs";
import { MultiDirectedGraph } from "graphology";
import { mulberry32 } from "../../../src/common";
import { readSchema } from "../../../src/data";
import type { Dataset, EdgeAttributes, GraphAttributes, NodeAttributes, RightsGraph } from "../../../src/schema";

export interface GeneratedOptions {
  nodes: number;
  edges: number;
  seed: number;
  /** Length of each evidence quote, to make exports heavy. */
  quoteLength: number;
  /** Extra edges between person:p0 and random people, making p0 a hub. */
  hubEdges: number;
}

function edgeAttributes(quote: string, claim: string): EdgeAttributes {
  return {
    type: "influenced",
    label: "influenced",
    sentence: `${quote}.`,
    claim,
    evidence: { quote, footnotes: [], sourceDoc: "doc:generated", start: 0, end: quote.length },
    props: {},
  };
}

/** The pathological path query on a generated dataset: one path exists, proving there is no other takes forever. */
export const PATHOLOGICAL_PATH = "/api/paths?from=person%3Afrom&to=person%3Ato&maxHops=8&limit=50";

/** `nodes` people joined by `edges` random "influenced" claims, with the bundled schema. */
export function generatedDataset(options: Partial<GeneratedOptions> = {}): Dataset {
  const { nodes, edges, seed, quoteLength, hubEdges } = {
    nodes: 20_000,
    edges: 200_000,
    seed: 1,
    quoteLength: 40,
    hubEdges: 2000,
    ...options,
  };
  const schema = readSchema("schema.yaml", readFileSync("graph-data/schema.yaml", "utf8")).schema!;
  const graph: RightsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({
    allowSelfLoops: true,
  });
  graph.replaceAttributes({ name: "generated" });
  const next = mulberry32(seed);
  for (let i = 0; i < nodes; i++)
    graph.addNode(`person:p${i}`, {
      type: "person",
      label: `Person ${i}`,
      aliases: [`P${i}`],
      description: `Generated person number ${i}.`,
      props: {},
      sources: ["generated"],
    });
  const quote = "q".repeat(quoteLength);
  for (let e = 0; e < edges; e++) {
    const source = Math.floor(next() * nodes);
    let target = Math.floor(next() * nodes);
    if (target === source) target = (target + 1) % nodes;
    graph.addDirectedEdgeWithKey(`e${e}`, `person:p${source}`, `person:p${target}`, edgeAttributes(quote, `e${e}`));
  }
  for (let e = 0; e < hubEdges; e++) {
    const other = 1 + Math.floor(next() * (nodes - 1));
    const [a, b] = e % 2 ? [0, other] : [other, 0];
    graph.addDirectedEdgeWithKey(`hub${e}`, `person:p${a}`, `person:p${b}`, edgeAttributes(quote, `hub${e}`));
  }
  // Two extra people hang off person:p0 alone: between them there is one path (via p0), but every walk through
  // the dense part looks as if it could come back to "person:to", so proving there is no other path explodes.
  for (const id of ["person:from", "person:to"]) {
    graph.addNode(id, { type: "person", label: id, aliases: [], description: "", props: {}, sources: ["generated"] });
  }
  graph.addDirectedEdgeWithKey("e-from", "person:from", "person:p0", edgeAttributes(quote, "e-from"));
  graph.addDirectedEdgeWithKey("e-to", "person:p0", "person:to", edgeAttributes(quote, "e-to"));
  return { dataDir: "generated", schema, graph, sources: new Map() };
}
