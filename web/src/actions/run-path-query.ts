// The path query runner: asks the server a path question and stores the answer through the path actions.
import { api, errorMessage } from "../api/index.js";
import type { PathsRequest, PathsResponse } from "../api/index.js";
import { pathParams } from "./path-params.js";
import type { PathQuery, Store } from "../state/index.js";
import { askPaths, setPathResult } from "./transitions.js";

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
  try {
    const response = await fetchPaths(pathParams(query));
    if (store.get().pathQuery !== query) return;
    if ("reason" in response) {
      store.dispatch(setPathResult({ status: "none", reason: response.reason, cause: response.cause }));
    } else {
      store.dispatch(setPathResult({ status: "found", response }, activePath));
    }
  } catch (error) {
    if (store.get().pathQuery !== query) return;
    store.dispatch(setPathResult({ status: "error", message: errorMessage(error) }));
  }
}
