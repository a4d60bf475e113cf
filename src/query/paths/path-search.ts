// What one path search works on, passed whole to each of its steps instead of a long positional list.
import type { AdjacencyIndex } from "../adjacency-index";
import type { SliceClock } from "../slice-clock";
import type { PathFilter } from "./path-filter";
import type { PathOptions } from "./path-options";

/**
 * One path query, resolved: the index (whose scratch memory the search may use), the two ends as integer ids, the
 * compiled filter and the options it came from, the clock that says when to yield, and the node labels for the
 * explanation of a missing path.
 */
export interface PathSearch {
  index: AdjacencyIndex;
  from: number;
  to: number;
  filter: PathFilter;
  options: PathOptions;
  clock: SliceClock;
  labelOf: (id: string) => string;
}
