// The bundled data folder, loaded once per test worker and set of options: the unit tier runs without isolation, so
// every file of a worker shares these loads. Loading is the slow part of most tests that read the bundled graph, and
// none of them changes what it is given. The loader's own tests load their fixtures afresh.
import path from "node:path";
import { DEFAULT_DATA_DIR, loadDataset, type LoadOptions } from "../../src/data";
import type { Dataset } from "../../src/schema/types";

const loads = new Map<string, Promise<Dataset>>();

/** `loadDataset(DEFAULT_DATA_DIR, options)`, the same dataset each time for the same `suggestions` and `locateClaims`. */
export function bundledDataset(options: Pick<LoadOptions, "suggestions" | "locateClaims"> = {}): Promise<Dataset> {
  const key = `${options.suggestions === true} ${options.locateClaims === true}`;
  let load = loads.get(key);
  if (!load) {
    load = loadDataset(DEFAULT_DATA_DIR, options);
    loads.set(key, load);
  }
  return load;
}

/**
 * A `loadDataset` for the CLI's `io`: the bundled folder comes from `bundledDataset` (it has one source, too few for a
 * progress line); any other folder, or a load with overrides, limits or left-out sources, is loaded afresh.
 */
export function loadDatasetSharingBundled(dir: string, options: LoadOptions = {}): Promise<Dataset> {
  const { onProgress: _onProgress, suggestions, locateClaims, ...rest } = options;
  const plain = Object.values(rest).every((value) => value === undefined);
  return path.resolve(dir) === DEFAULT_DATA_DIR && plain
    ? bundledDataset({ suggestions, locateClaims })
    : loadDataset(dir, options);
}
