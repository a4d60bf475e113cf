// The path-query worker: rebuilds the dataset it was given, builds its own query engine, and answers path queries
// one at a time, so a long search never blocks the server's event loop.
import { parentPort, workerData } from "node:worker_threads";
import { MultiDirectedGraph } from "graphology";
import { NotFoundError, ParameterError, RightsGraphError } from "../errors";
import { createQueryEngine } from "../query";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, RightsGraph } from "../schema/types";
import type { PathRequest, PathResponse, PathWorkerData, SerializedError } from "./path-runner";

function serializeError(error: unknown): SerializedError {
  if (error instanceof ParameterError) return { kind: "parameter", message: error.message, parameter: error.parameter };
  if (error instanceof NotFoundError)
    return { kind: "not-found", message: error.message, suggestions: error.suggestions };
  if (error instanceof RightsGraphError) return { kind: "rightsgraph", code: error.code, message: error.message };
  const e = error instanceof Error ? error : new Error(String(error));
  return { kind: "unexpected", message: e.message, stack: e.stack ?? e.message };
}

const data = workerData as PathWorkerData;
const graph: RightsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
graph.import(data.graph);
const engine = createQueryEngine({ dataDir: data.dataDir, schema: data.schema, graph, sources: data.sources });

parentPort!.on("message", ({ id, from, to, options }: PathRequest) => {
  let response: PathResponse;
  try {
    response = { id, result: engine.paths(from, to, options) };
  } catch (error) {
    response = { id, error: serializeError(error) };
  }
  parentPort!.postMessage(response);
});
parentPort!.postMessage({ ready: true });
