// What one path search works on, passed whole to each of its steps instead of a long positional list.
import type { AdjacencyIndex } from "../adjacency-index";
import type { SliceClock } from "../slice-clock";
import type { PathCosts } from "./path-costs";
import type { PathFilter } from "./path-filter";
import type { PathOptions } from "./path-options";

/**
 * One path query, resolved: the index (whose scratch memory the search may use), the two ends and the via nodes as
 * integer ids, the compiled filter (with the avoided nodes) and the options it came from, the cost tables of the
 * informative ranking, the clock that says when to yield, and the node labels for the explanation of a missing path.
 */
export interface PathSearch {
  index: AdjacencyIndex;
  from: number;
  to: number;
  /** Nodes every path must pass through, in any order; empty for none. */
  via: readonly number[];
  /** Nodes no path may pass through (the filter's `avoided` mask holds them too); empty for none. */
  avoid: readonly number[];
  filter: PathFilter;
  options: PathOptions;
  costs: PathCosts;
  clock: SliceClock;
  labelOf: (id: string) => string;
}
