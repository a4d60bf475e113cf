// Runs the work of each kind of request once, on a small corner of the graph, before the server says it is ready.
// JavaScript compiles a function when it is first called, and the first search, node, neighbourhood, path and export
// of a fresh server each cost tens of times what the next one does: a wave of clients starting together (the load
// run's hundred connections, an office opening the explorer at nine) would queue behind that compiling.
import { Writable } from "node:stream";
import { SEARCH_RULES } from "../api/parameters";
import { EXPORT_FORMATS, writeExport, type ExportFormat } from "../export";
import type { RightsGraph } from "../schema/types";
import { pathAnswer } from "./routes/query-routes";
import type { ServerContext } from "./server-context";

/** Neighbours at most of the node chosen: its neighbourhood and paths stay a few elements on any corpus. */
const MAX_CORNER_DEGREE = 8;

/** A node with few neighbours and one of them, or null for a graph without edges. */
function smallCorner(graph: RightsGraph): { node: string; neighbour: string } | null {
  const node = graph.findNode((id) => {
    const degree = graph.degree(id);
    return degree > 0 && degree <= MAX_CORNER_DEGREE && graph.neighbors(id).some((other) => other !== id);
  });
  if (node === undefined) return null;
  return { node, neighbour: graph.neighbors(node).find((other) => other !== node)! };
}

/** Takes whatever is written and forgets it. */
function discard(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}

/**
 * Searches (a match, and a miss that falls back to any term), looks up a node, its neighbourhood and a path to a
 * neighbour in slices as the routes do, writes them as JSON, and exports the path in every format to nowhere.
 * What it finds is thrown away; it changes nothing the server serves. An error is left to the requests themselves.
 */
export async function warmUp(context: ServerContext): Promise<void> {
  const { engine, dataset, display } = context;
  const corner = smallCorner(dataset.graph);
  if (corner === null) return;
  try {
    const label = dataset.graph.getNodeAttribute(corner.node, "label").slice(0, SEARCH_RULES.q.maxLength / 2);
    JSON.stringify(engine.search(label));
    JSON.stringify(engine.search(`${label} qqqqzzzz`));
    JSON.stringify(engine.node(corner.node));
    JSON.stringify(await engine.neighborsAsync(corner.node, { depth: 1 }));
    const paths = await engine.pathsAsync(corner.node, corner.neighbour, { maxHops: 2 });
    JSON.stringify(pathAnswer(paths));
    const subgraph = engine.pathSubgraph(paths);
    for (const format of Object.keys(EXPORT_FORMATS) as ExportFormat[])
      await writeExport(format, subgraph, dataset.schema, discard(), { display });
  } catch {
    // Only speed is at stake: a request that meets the same error answers it as it would have.
  }
}
