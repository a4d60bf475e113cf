// An index-level path search on a small hand-made dataset, as the engine would set it up, for tests that call the
// search generators directly.
import { buildAdjacencyIndex, resolvePathOptions, SliceClock, type AdjacencyIndex } from "../../../src/query";
import { buildPathCosts, compilePathFilter, type PathOptions, type PathSearch } from "../../../src/query/paths";
import type { Dataset } from "../../../src/schema/types";

/** What the searches of one test share: the index and cost tables of `dataset`, and options checked against it. */
export interface IndexSearches {
  index: AdjacencyIndex;
  /** A fresh search (new clock, same tables) from `from` to `to`, integer ids. */
  search(from: number, to: number): PathSearch;
}

export function indexSearches(dataset: Dataset, pathOptions: Partial<PathOptions>): IndexSearches {
  const index = buildAdjacencyIndex(dataset);
  const costs = buildPathCosts(dataset, index);
  const options = resolvePathOptions(pathOptions, dataset.schema);
  const filter = compilePathFilter(index, options);
  return {
    index,
    search: (from, to) => ({
      index,
      from,
      to,
      via: [],
      avoid: [],
      filter,
      options,
      costs,
      clock: new SliceClock(Infinity),
      labelOf: (id) => id,
    }),
  };
}
