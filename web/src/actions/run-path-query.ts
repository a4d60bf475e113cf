// The path query runner: asks the server a path question and stores the answer through the path actions.
import { api, currentInclude, errorMessage } from "../api/index.js";
import type { PathsRequest, PathsResponse } from "../api/index.js";
import { pathParams } from "./path-params.js";
import type { PathQuery, Store } from "../state/index.js";
import { askPaths, reaskPaths, setPathResult } from "./transitions.js";

export type FetchPaths = (request: PathsRequest) => Promise<PathsResponse>;

/**
 * Ask `query` and store its answer; shared by the path finder's form and permalinks. An answer that arrives after
 * another question was asked is dropped, so a slow reply never overwrites a newer one. `activePath` chooses a path
 * of the answer (a permalink restoring its choice); `fetchPaths` is the server by default.
 */
export async function runPathQuery(
  store: Store,
  query: PathQuery,
  activePath?: number | null,
  fetchPaths: FetchPaths = api.paths,
): Promise<void> {
  store.dispatch(askPaths(query));
  await answerPaths(store, query, activePath, fetchPaths);
}

/**
 * Ask the current path question again, the path chosen kept where the new answer has it: the suggestions switch
 * changed what the server answers, and the answer on screen must not run through a claim the canvas hides.
 */
export async function runPathQueryAgain(store: Store, fetchPaths: FetchPaths = api.paths): Promise<void> {
  const { pathQuery, activePath } = store.get();
  if (pathQuery === null) return;
  store.dispatch(reaskPaths());
  await answerPaths(store, pathQuery, activePath, fetchPaths);
}

/**
 * Fetch and store the answer, unless the question changed meanwhile, or the switch did (the answer asked after it is
 * on its way).
 */
async function answerPaths(
  store: Store,
  query: PathQuery,
  activePath: number | null | undefined,
  fetchPaths: FetchPaths,
): Promise<void> {
  const include = currentInclude();
  const stale = () => store.get().pathQuery !== query || currentInclude() !== include;
  try {
    const response = await fetchPaths(pathParams(query));
    if (stale()) return;
    if ("reason" in response) {
      store.dispatch(setPathResult({ status: "none", reason: response.reason, cause: response.cause }));
    } else {
      store.dispatch(setPathResult({ status: "found", response }, activePath));
    }
  } catch (error) {
    if (stale()) return;
    store.dispatch(setPathResult({ status: "error", message: errorMessage(error) }));
  }
}
