// The loaded graph as a JSON Lines edge list with every attribute: what the NetworkX side of the benchmark reads.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { RightsGraph } from "../schema";

/**
 * Writes one `{"node": {...}}` line per node and one `{"edge": {...}}` line per edge, attributes flattened the way a
 * NetworkX user would hold them (evidence quote, footnotes, source document and offsets as edge attributes).
 */
export async function writeEdgeList(graph: RightsGraph, file: string): Promise<void> {
  const out = createWriteStream(file);
  let batch: string[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const text = `${batch.join("\n")}\n`;
    batch = [];
    if (!out.write(text)) await once(out, "drain");
  };
  for (const { node, attributes: a } of graph.nodeEntries()) {
    const { props, ...rest } = a;
    batch.push(JSON.stringify({ node: { id: node, ...rest, ...props } }));
    if (batch.length >= 4096) await flush();
  }
  for (const { edge, source, target, attributes: a } of graph.edgeEntries()) {
    const { props, evidence, ...rest } = a;
    const { quote, footnotes, sourceDoc, start, end } = evidence;
    const flat = { id: edge, source, target, ...rest, quote, footnotes, sourceDoc, start, end, ...props };
    batch.push(JSON.stringify({ edge: flat }));
    if (batch.length >= 4096) await flush();
  }
  await flush();
  out.end();
  await once(out, "finish");
}
