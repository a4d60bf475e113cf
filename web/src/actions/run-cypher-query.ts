// The query runner: sends the query panel's Cypher to POST /api/query and stores the answer, or the error with the
// place in the query where it stands.
import { api, ApiError, errorMessage, viewInclude } from "../api/index.js";
import type { QueryRequest, QueryResponse, QueryUrlRequest } from "../api/index.js";
import type { Store } from "../state/index.js";
import { askQuery, setQueryResult } from "./transitions.js";

export type FetchQuery = (request: QueryRequest, url: QueryUrlRequest) => Promise<QueryResponse>;

/**
 * Ask `text` of the graph the canvas shows (with its suggested records while the switch shows them); an answer that
 * arrives after another query was sent is dropped.
 */
export async function runCypherQuery(store: Store, text: string, fetchQuery: FetchQuery = api.query): Promise<void> {
  store.dispatch(askQuery(text));
  try {
    const response = await fetchQuery({ query: text }, { include: viewInclude(store.get().filters.showSuggestions) });
    if (store.get().queryText !== text) return;
    store.dispatch(setQueryResult({ status: "answered", response }));
  } catch (error) {
    if (store.get().queryText !== text) return;
    const detail = error instanceof ApiError ? error.detail : undefined;
    store.dispatch(
      setQueryResult({ status: "error", message: errorMessage(error), line: detail?.line, column: detail?.column }),
    );
  }
}
