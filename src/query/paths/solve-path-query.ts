// A path query's answer: the k shortest paths as API objects, or, when there is none, the reason why.
import type { RightsGraph } from "../../schema/types";
import { toEdgeObject } from "../to-edge-object";
import { toNodeObject } from "../to-node-object";
import { LIST_SOURCES, type PathEdgeObject, type PathResult } from "../types";
import { explainNoPath } from "./explain-no-path";
import { findPaths } from "./find-paths";
import type { PathSearch } from "./path-search";

/**
 * Finds the paths of `search`, or explains why there are none, yielding whenever its clock is due. Nodes and edges
 * become the API's objects, read from `graph` (the graph the search's index was built from).
 */
export function* solvePathQuery(search: PathSearch, graph: RightsGraph): Generator<void, PathResult, undefined> {
  const { index, from, to } = search;
  const found = from === to ? { paths: [], truncated: false } : yield* findPaths(search);
  if (found.paths.length === 0) {
    const why = yield* explainNoPath(search);
    return { type: "none", ...why, truncated: found.truncated };
  }
  const edgeObject = (e: number) => toEdgeObject(graph, index.edgeIds[e]!);
  return {
    type: "found",
    truncated: found.truncated,
    paths: found.paths.map((path) => ({
      length: path.edges.length,
      nodes: path.nodes.map((v) => toNodeObject(graph, index.nodeIds[v]!, LIST_SOURCES)),
      edges: path.edges.map((signed): PathEdgeObject =>
        signed >= 0
          ? { ...edgeObject(signed), direction: "forward" }
          : { ...edgeObject(~signed), direction: "backward" },
      ),
    })),
  };
}
