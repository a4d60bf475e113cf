// Cypher query settings: the interface, the defaults, the limits and the one function that checks and completes them.
import { checkInteger, checkNumber } from "../check-parameter";

export interface CypherOptions {
  /** Stop after this much time spent working (not waiting between slices) and answer what was found, truncated. */
  timeBudgetMs: number;
  /** Answer at most this many rows; more are cut and the answer is marked truncated. */
  maxRows: number;
}

/** Longest time budget a caller may ask for, in milliseconds. */
export const MAX_CYPHER_TIME_BUDGET_MS = 5000;
/** Most rows a caller may ask for. */
export const MAX_CYPHER_ROWS = 10_000;

export const DEFAULT_CYPHER_OPTIONS: Readonly<CypherOptions> = Object.freeze({
  timeBudgetMs: 1000,
  maxRows: 1000,
});

/**
 * Most hops of a variable-length relationship. `*` and `*2..` stop here and mark the answer truncated when a
 * longer match was possible; an upper bound written above it is refused. Like path queries' 8 hops.
 */
export const MAX_VARIABLE_LENGTH = 8;

/** Rows an ORDER BY, DISTINCT or aggregation may hold at once; past it the answer is cut and marked truncated. */
export const MAX_CYPHER_BUFFERED_ROWS = 1_000_000;

/** Most node ids and edge ids listed for highlighting; past it the lists are cut (`highlightTruncated`). */
export const MAX_CYPHER_HIGHLIGHTED = 10_000;

const CONTEXT = "cypher";

/** Checks partial options and completes them from `base`; ParameterError names timeBudgetMs or maxRows. */
export function resolveCypherOptions(
  partial: Partial<CypherOptions> = {},
  base: Readonly<CypherOptions> = DEFAULT_CYPHER_OPTIONS,
): CypherOptions {
  const merged = { ...base, ...Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)) };
  return {
    timeBudgetMs: checkNumber(CONTEXT, "timeBudgetMs", merged.timeBudgetMs, 0, MAX_CYPHER_TIME_BUDGET_MS),
    maxRows: checkInteger(CONTEXT, "maxRows", merged.maxRows, 1, MAX_CYPHER_ROWS),
  };
}
