// The length of a shortest path between two nodes under the path filters: the fast entry point for benchmarks.
import { NotFoundError } from "../../errors";
import type { AdjacencyIndex } from "../adjacency-index";
import { runToEnd, SliceClock } from "../slice-clock";
import { bidirectionalSearch } from "./bidirectional-search";
import { compilePathFilter } from "./path-filter";
import { resolvePathOptions, type PathOptions } from "./path-options";

/** Anything that carries an adjacency index: the index itself or a query engine. */
export type HasAdjacency = AdjacencyIndex | { adjacency: AdjacencyIndex };

function adjacencyOf(target: HasAdjacency): AdjacencyIndex {
  return "adjacency" in target ? target.adjacency : target;
}

/**
 * The number of edges on a shortest path from `from` to `to`, using the same filters as `paths()` (direction,
 * edge and node types, provenance) but ignoring `maxHops`, `limit` and the budgets; 0 when `from === to`, null
 * when no path exists. Bidirectional BFS over the CSR index.
 * Throws NotFoundError for an unknown id and ParameterError for bad options.
 */
export function shortestPathLength(
  target: HasAdjacency,
  from: string,
  to: string,
  options: Partial<PathOptions> = {},
): number | null {
  const index = adjacencyOf(target);
  const source = index.nodeIndex.get(from);
  if (source === undefined) throw new NotFoundError(`shortestPathLength: node "${from}" not found`);
  const destination = index.nodeIndex.get(to);
  if (destination === undefined) throw new NotFoundError(`shortestPathLength: node "${to}" not found`);
  if (source === destination) return 0;
  const filter = compilePathFilter(index, resolvePathOptions(options, index.schema));
  const search = { index, from: source, to: destination, filter, clock: new SliceClock(Infinity) };
  return runToEnd(bidirectionalSearch(search, Infinity, false))?.length ?? null;
}
