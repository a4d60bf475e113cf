// Cypher query settings: the interface, the defaults, the limits and the one function that checks and completes them.
import { CYPHER_RULES, PATH_RULES } from "../../api/parameters";
import { checkInteger, checkNumber } from "../check-parameter";

export interface CypherOptions {
  /** Stop after this much time spent working (not waiting between slices) and answer what was found, truncated. */
  timeBudgetMs: number;
  /** Answer at most this many rows; more are cut and the answer is marked truncated. */
  maxRows: number;
}

/** Longest time budget a caller may ask for, in milliseconds (CYPHER_RULES in src/api/parameters.ts). */
export const MAX_CYPHER_TIME_BUDGET_MS = CYPHER_RULES.timeBudgetMs.max;
/** Most rows a caller may ask for. */
export const MAX_CYPHER_ROWS = CYPHER_RULES.maxRows.max;

export const DEFAULT_CYPHER_OPTIONS: Readonly<CypherOptions> = Object.freeze({
  timeBudgetMs: CYPHER_RULES.timeBudgetMs.default,
  maxRows: CYPHER_RULES.maxRows.default,
});

/**
 * Most hops of a variable-length relationship. `*` and `*2..` stop here and mark the answer truncated when a
 * longer match was possible; an upper bound written above it is refused. Like path queries' 8 hops.
 */
export const MAX_VARIABLE_LENGTH = PATH_RULES.maxHops.max;

/** Rows an ORDER BY, DISTINCT or aggregation may hold at once; past it the answer is cut and marked truncated. */
export const MAX_CYPHER_BUFFERED_ROWS = 1_000_000;

/** Most node ids and edge ids listed for highlighting; past it the lists are cut (`highlightTruncated`). */
export const MAX_CYPHER_HIGHLIGHTED = CYPHER_RULES.highlighted.max;

const CONTEXT = "cypher";

/** Checks partial options and completes them from `base`; ParameterError names timeBudgetMs or maxRows. */
export function resolveCypherOptions(
  partial: Partial<CypherOptions> = {},
  base: Readonly<CypherOptions> = DEFAULT_CYPHER_OPTIONS,
): CypherOptions {
  // Read field by field: this runs at every query, and copying the objects showed in short queries' profiles.
  const { timeBudgetMs = base.timeBudgetMs, maxRows = base.maxRows } = partial;
  return {
    timeBudgetMs: checkNumber(CONTEXT, "timeBudgetMs", timeBudgetMs, CYPHER_RULES.timeBudgetMs),
    maxRows: checkInteger(CONTEXT, "maxRows", maxRows, CYPHER_RULES.maxRows),
  };
}
