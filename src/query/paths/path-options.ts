// Path query settings: the interface, the defaults and the one function that checks and completes them.
import { PATH_RULES, type PathDirection, type PathRank } from "../../api/parameters";
import { ParameterError } from "../../errors";
import type { Schema } from "../../schema/types";
import {
  checkBoolean,
  checkInteger,
  checkNumber,
  checkOneOf,
  checkTypeNames,
  type OptionsInput,
} from "../check-parameter";

export interface PathOptions {
  /** Longest path, in edges (PATH_RULES.maxHops). */
  maxHops: number;
  /** How many paths, k shortest (PATH_RULES.limit). */
  limit: number;
  /** "any" ignores edge direction; "forward" follows edges from `from` towards `to`. */
  direction: PathDirection;
  /** Use only edges of these types; unset (or empty) means every type. */
  edgeTypes?: string[];
  /** Never use edges of these types. */
  excludeEdgeTypes: string[];
  /** Never pass through nodes of these types (the two ends are always allowed). */
  excludeNodeTypes: string[];
  /**
   * Use provenance edge types (schema `provenance: true`, e.g. `cites`) and pass through the source documents
   * themselves. Off by default: every claim links to its source, so these would short-circuit every path.
   * Naming a provenance type in `edgeTypes` turns it on.
   */
  includeProvenance: boolean;
  /** "informative": cheapest first by PATH_COSTS; "hops": shortest first, ties in node id order. */
  rank: PathRank;
  /**
   * Nodes (ids or names, as the search box resolves them) every path must pass through, in any order. Any order
   * rather than the order given: an analyst asking for paths through two actors rarely knows which comes first.
   */
  via: string[];
  /** Nodes (ids or names) no path may pass through. */
  avoid: string[];
  /** Stop searching after this many milliseconds and return what was found, marked truncated (PATH_RULES). */
  timeBudgetMs: number;
  /** Stop after examining this many adjacency entries and return what was found, marked truncated. */
  maxExpansions: number;
}

export const DEFAULT_PATH_OPTIONS: Readonly<PathOptions> = Object.freeze({
  maxHops: PATH_RULES.maxHops.default,
  limit: PATH_RULES.limit.default,
  direction: PATH_RULES.direction.default,
  excludeEdgeTypes: [],
  excludeNodeTypes: [],
  includeProvenance: PATH_RULES.includeProvenance.default,
  rank: PATH_RULES.rank.default,
  via: [],
  avoid: [],
  timeBudgetMs: PATH_RULES.timeBudgetMs.default,
  maxExpansions: PATH_RULES.maxExpansions.default,
});

const CONTEXT = "paths";

/**
 * Checks partial path options against the schema and completes them with the defaults. Throws a ParameterError
 * naming the offending parameter (maxHops, limit, direction, edgeTypes, excludeEdgeTypes, excludeNodeTypes,
 * includeProvenance, rank, via, avoid, timeBudgetMs, maxExpansions). Names in via and avoid are only checked for
 * form here: the engine resolves them. Missing or undefined values come from `base` (the defaults).
 */
export function resolvePathOptions(
  partial: OptionsInput<PathOptions> = {},
  schema: Schema,
  base: Readonly<PathOptions> = DEFAULT_PATH_OPTIONS,
): PathOptions {
  const merged = { ...base, ...withoutUndefined(partial) };
  const edgeTypes =
    merged.edgeTypes === undefined
      ? undefined
      : checkTypeNames(CONTEXT, "edgeTypes", merged.edgeTypes, schema.edgeTypes.keys(), "edge");
  const resolved: PathOptions = {
    maxHops: checkInteger(CONTEXT, "maxHops", merged.maxHops, PATH_RULES.maxHops),
    limit: checkInteger(CONTEXT, "limit", merged.limit, PATH_RULES.limit),
    direction: checkOneOf(CONTEXT, "direction", merged.direction, PATH_RULES.direction.values),
    excludeEdgeTypes: checkTypeNames(
      CONTEXT,
      "excludeEdgeTypes",
      merged.excludeEdgeTypes,
      schema.edgeTypes.keys(),
      "edge",
    ),
    excludeNodeTypes: checkTypeNames(
      CONTEXT,
      "excludeNodeTypes",
      merged.excludeNodeTypes,
      schema.nodeTypes.keys(),
      "node",
    ),
    includeProvenance: checkBoolean(CONTEXT, "includeProvenance", merged.includeProvenance),
    rank: checkOneOf(CONTEXT, "rank", merged.rank, PATH_RULES.rank.values),
    via: checkNames("via", merged.via, PATH_RULES.via.maxItems),
    avoid: checkNames("avoid", merged.avoid, PATH_RULES.avoid.maxItems),
    timeBudgetMs: checkNumber(CONTEXT, "timeBudgetMs", merged.timeBudgetMs, PATH_RULES.timeBudgetMs),
    maxExpansions: checkInteger(CONTEXT, "maxExpansions", merged.maxExpansions, PATH_RULES.maxExpansions),
  };
  if (edgeTypes !== undefined && edgeTypes.length > 0) {
    resolved.edgeTypes = edgeTypes;
    if (edgeTypes.some((name) => schema.edgeTypes.get(name)?.provenance)) resolved.includeProvenance = true;
  }
  return resolved;
}

/** A list of at most `maxItems` non-empty names, duplicates dropped. */
function checkNames(parameter: string, value: unknown, maxItems: number): string[] {
  if (!Array.isArray(value) || value.some((name) => typeof name !== "string" || name.trim() === "")) {
    throw new ParameterError(parameter, `${CONTEXT}: ${parameter} must be a list of node names or ids`);
  }
  const names = [...new Set((value as string[]).map((name) => name.trim()))];
  if (names.length > maxItems) {
    throw new ParameterError(
      parameter,
      `${CONTEXT}: ${parameter} names ${names.length} nodes; at most ${maxItems} are accepted`,
    );
  }
  return names;
}

function withoutUndefined<T extends object>(partial: T): Partial<T> {
  return Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined)) as Partial<T>;
}
