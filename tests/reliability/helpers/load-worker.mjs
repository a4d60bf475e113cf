// Runs loadDataset in a worker thread, so a load that never ends can be stopped (worker.terminate) and counted
// as a hang instead of stalling the test. Answers with a summary of the graph, the problems, or the crash.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { loadDataset } = await import("../../../src/data/index.ts");
const { DataError } = await import("../../../src/errors.ts");

/** What a complete graph must satisfy, checked on the loaded dataset itself. */
function summarise(dataset) {
  const { graph, schema, sources } = dataset;
  const texts = new Map([...sources.values()].map((s) => [s.document, s.text]));
  const inconsistencies = [];
  graph.forEachNode((id, a) => {
    if (typeof a.label !== "string" || a.label === "") inconsistencies.push(`node ${id} has no label`);
    if (!schema.nodeTypes.has(a.type)) inconsistencies.push(`node ${id} has unknown type ${a.type}`);
  });
  graph.forEachEdge((id, a) => {
    if (!schema.edgeTypes.has(a.type)) inconsistencies.push(`edge ${id} has unknown type ${a.type}`);
    const text = texts.get(a.evidence.sourceDoc);
    if (text === undefined) inconsistencies.push(`edge ${id} cites an unknown source ${a.evidence.sourceDoc}`);
    else if (text.slice(a.evidence.start, a.evidence.end) !== a.evidence.quote)
      inconsistencies.push(`edge ${id}: the quote is not at its offsets in the source text`);
  });
  return { nodes: graph.nodes().sort(), edges: graph.size, inconsistencies };
}

parentPort.on("message", async ({ id, dir }) => {
  try {
    const dataset = await loadDataset(dir);
    parentPort.postMessage({ id, type: "loaded", summary: summarise(dataset) });
  } catch (error) {
    if (error instanceof DataError)
      parentPort.postMessage({ id, type: "data-error", code: error.code, problems: error.problems });
    else
      parentPort.postMessage({
        id,
        type: "crash",
        name: String(error?.name),
        message: String(error?.message).slice(0, 500),
        stack: String(error?.stack).slice(0, 2000),
      });
  }
});
parentPort.postMessage({ type: "ready" });
