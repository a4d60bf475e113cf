// Reads the JSON body of `POST /api/query` once, at the route: an object with a query text and, optionally, its
// parameters and limits, or a ParameterError naming what is wrong. The engine judges the values themselves.
import type { QueryRequest } from "../api/contract";
import { CYPHER_RULES, QUERY_BODY_KEYS } from "../api/parameters";
import { ParameterError } from "../errors";

// The body's keys are the contract's: the compiler refuses one that QueryRequest does not have.
const BODY_KEYS: readonly (keyof QueryRequest)[] = QUERY_BODY_KEYS;

/** The query and what the engine takes beside it, still to be judged by `resolveCypherOptions` and the engine. */
export interface QueryBody {
  query: string;
  params: Record<string, unknown> | undefined;
  options: { timeBudgetMs?: unknown; maxRows?: unknown };
}

/** Checks the body's shape: an object of the contract's keys, a non-empty query of at most maxLength characters. */
export function readQueryBody(body: unknown): QueryBody {
  if (body === null || typeof body !== "object" || Array.isArray(body))
    throw new ParameterError("query", 'the body must be a JSON object: {"query": "MATCH ...", "params": {...}}');
  const given = body as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!(BODY_KEYS as readonly string[]).includes(key))
      throw new ParameterError(
        key.slice(0, 100),
        `unknown key ${JSON.stringify(key.slice(0, 100))} in the body; it accepts: ${BODY_KEYS.join(", ")}`,
      );
  }
  const { query, params } = given;
  if (typeof query !== "string" || query.trim() === "")
    throw new ParameterError("query", '"query" is required: the Cypher text, as a string');
  if (query.length > CYPHER_RULES.query.maxLength)
    throw new ParameterError(
      "query",
      `"query" is ${query.length} characters long; at most ${CYPHER_RULES.query.maxLength} are accepted`,
    );
  if (params !== undefined && (params === null || typeof params !== "object" || Array.isArray(params)))
    throw new ParameterError("params", '"params" must be an object of parameter names and values');
  return {
    query,
    params: params as Record<string, unknown> | undefined,
    options: { timeBudgetMs: given.timeBudgetMs, maxRows: given.maxRows },
  };
}
