// Neighbourhood query settings: the interface, the defaults and the one function that checks and completes them.
import { NEIGHBORS_RULES, type NeighborDirection } from "../api/parameters";
import type { Schema } from "../schema/types";
import { checkInteger, checkOneOf, checkTypeNames, type OptionsInput } from "./check-parameter";

export interface NeighborsOptions {
  /** How many steps out from the centre (NEIGHBORS_RULES.depth). */
  depth: number;
  /** Follow edges out of, into, or both ways from each node. */
  direction: NeighborDirection;
  /** Follow only edges of these types; unset (or empty) means every type. */
  edgeTypes?: string[];
  /** Visit and return only nodes of these types (the centre is always returned); unset (or empty) means every type. */
  nodeTypes?: string[];
  /** At most this many nodes, the centre included (NEIGHBORS_RULES.limit). */
  limit: number;
  /** At most this many edges, the centre's own first (NEIGHBORS_RULES.edgeLimit). */
  edgeLimit: number;
}

export const DEFAULT_NEIGHBORS_OPTIONS: Readonly<NeighborsOptions> = Object.freeze({
  depth: NEIGHBORS_RULES.depth.default,
  direction: NEIGHBORS_RULES.direction.default,
  limit: NEIGHBORS_RULES.limit.default,
  edgeLimit: NEIGHBORS_RULES.edgeLimit.default,
});

const CONTEXT = "neighbors";

/** Checks partial neighbourhood options against the schema and completes them; ParameterError names the bad one. */
export function resolveNeighborsOptions(
  partial: OptionsInput<NeighborsOptions> = {},
  schema: Schema,
): NeighborsOptions {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined));
  const merged = { ...DEFAULT_NEIGHBORS_OPTIONS, ...defined } as NeighborsOptions;
  const resolved: NeighborsOptions = {
    depth: checkInteger(CONTEXT, "depth", merged.depth, NEIGHBORS_RULES.depth),
    direction: checkOneOf(CONTEXT, "direction", merged.direction, NEIGHBORS_RULES.direction.values),
    limit: checkInteger(CONTEXT, "limit", merged.limit, NEIGHBORS_RULES.limit),
    edgeLimit: checkInteger(CONTEXT, "edgeLimit", merged.edgeLimit, NEIGHBORS_RULES.edgeLimit),
  };
  if (merged.edgeTypes !== undefined) {
    const edgeTypes = checkTypeNames(CONTEXT, "edgeTypes", merged.edgeTypes, schema.edgeTypes.keys(), "edge");
    if (edgeTypes.length > 0) resolved.edgeTypes = edgeTypes;
  }
  if (merged.nodeTypes !== undefined) {
    const nodeTypes = checkTypeNames(CONTEXT, "nodeTypes", merged.nodeTypes, schema.nodeTypes.keys(), "node");
    if (nodeTypes.length > 0) resolved.nodeTypes = nodeTypes;
  }
  return resolved;
}
