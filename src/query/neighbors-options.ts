// Neighbourhood query settings: the interface, the defaults and the one function that checks and completes them.
import type { Schema } from "../schema/types";
import { checkInteger, checkOneOf, checkTypeNames } from "./check-parameter";
import type { NeighborDirection } from "./types";

export interface NeighborsOptions {
  /** How many steps out from the centre: 1..3. */
  depth: number;
  /** Follow edges out of, into, or both ways from each node. */
  direction: NeighborDirection;
  /** Follow only edges of these types; unset (or empty) means every type. */
  edgeTypes?: string[];
  /** Visit and return only nodes of these types (the centre is always returned); unset (or empty) means every type. */
  nodeTypes?: string[];
  /** At most this many nodes, the centre included: 1..5000. */
  limit: number;
  /** At most this many edges, the centre's own first: 1..50000. Hubs share thousands of parallel edges. */
  edgeLimit: number;
}

export const DEFAULT_NEIGHBORS_OPTIONS: Readonly<NeighborsOptions> = Object.freeze({
  depth: 1,
  direction: "both",
  limit: 500,
  edgeLimit: 5000,
});

export const MAX_NEIGHBORS_LIMIT = 5000;
export const MAX_NEIGHBORS_EDGE_LIMIT = 50_000;

const CONTEXT = "neighbors";

/** Checks partial neighbourhood options against the schema and completes them; ParameterError names the bad one. */
export function resolveNeighborsOptions(partial: Partial<NeighborsOptions> = {}, schema: Schema): NeighborsOptions {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined));
  const merged = { ...DEFAULT_NEIGHBORS_OPTIONS, ...defined } as NeighborsOptions;
  const resolved: NeighborsOptions = {
    depth: checkInteger(CONTEXT, "depth", merged.depth, 1, 3),
    direction: checkOneOf(CONTEXT, "direction", merged.direction, ["out", "in", "both"] as const),
    limit: checkInteger(CONTEXT, "limit", merged.limit, 1, MAX_NEIGHBORS_LIMIT),
    edgeLimit: checkInteger(CONTEXT, "edgeLimit", merged.edgeLimit, 1, MAX_NEIGHBORS_EDGE_LIMIT),
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
