// The query runner: sends the query panel's Cypher to POST /api/query and stores the answer, or the error with the
// place in the query where it stands.
import { api, ApiError, currentInclude, errorMessage } from "../api/index.js";
import type { QueryRequest, QueryResponse } from "../api/index.js";
import type { Store } from "../state/index.js";
import { askQuery, reaskQuery, setQueryResult } from "./transitions.js";

export type FetchQuery = (request: QueryRequest) => Promise<QueryResponse>;

/**
 * Ask `text` of the graph the canvas shows (with its suggested records while the switch shows them); an answer that
 * arrives after another query was sent is dropped.
 */
export async function runCypherQuery(store: Store, text: string, fetchQuery: FetchQuery = api.query): Promise<void> {
  store.dispatch(askQuery(text));
  await answerQuery(store, text, fetchQuery);
}

/** Send the query on screen again: the suggestions switch changed the graph it reads. */
export async function runCypherQueryAgain(store: Store, fetchQuery: FetchQuery = api.query): Promise<void> {
  const { queryText } = store.get();
  if (queryText === null) return;
  store.dispatch(reaskQuery());
  await answerQuery(store, queryText, fetchQuery);
}

/** Fetch and store the answer, unless the query or the switch changed meanwhile. */
async function answerQuery(store: Store, text: string, fetchQuery: FetchQuery): Promise<void> {
  const include = currentInclude();
  const stale = () => store.get().queryText !== text || currentInclude() !== include;
  try {
    const response = await fetchQuery({ query: text });
    if (stale()) return;
    store.dispatch(setQueryResult({ status: "answered", response }));
  } catch (error) {
    if (stale()) return;
    const detail = error instanceof ApiError ? error.detail : undefined;
    store.dispatch(
      setQueryResult({ status: "error", message: errorMessage(error), line: detail?.line, column: detail?.column }),
    );
  }
}
