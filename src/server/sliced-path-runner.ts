// Path queries for the server on its own engine, in slices: the event loop stays free, and nothing is copied.
import type { QueryEngine } from "../query";
import type { PathRunner } from "./path-runner";

/**
 * A PathRunner over the server's engine: `engine.pathsAsync` works in slices of ~10 ms with the event loop free in
 * between, so a search that takes its whole budget never blocks /api/health or any other request.
 *
 * Chosen over the worker runner (createPathRunner) from measurements at 10^6 edges (`npm run bench -- --size
 * large`): starting that worker exports, clones and rebuilds the whole graph, which took 80 s, held a second copy
 * in memory, and blocked the main thread for 3-4 s while the copy was made; answers were no faster.
 */
export function createSlicedPathRunner(engine: QueryEngine): PathRunner {
  return {
    paths: (from, to, options) => engine.pathsAsync(from, to, options),
    warm: async () => {},
    close: async () => {},
  };
}
