// The view of the graph an export keeps: chosen node and edge types within a date range.
import { DATE_PATTERN } from "../api/parameters";
import { ParameterError } from "../errors";
import { dateBounds, dateOverlaps, dateProblem } from "../schema/dates";
import type { EdgeAttributes, NodeAttributes, RightsGraph, Schema } from "../schema/types";
import { checkTypeNames } from "./check-parameter";
import { copyGraphElements } from "./copy-graph-elements";
import type { SubgraphFilter } from "./types";

const CONTEXT = "subgraph";

/** The one check of `dateFrom` and `dateTo`, for the export route and the CLI alike: a real day, month or year. */
function checkDate(parameter: "dateFrom" | "dateTo", value: unknown): string {
  const problem =
    typeof value !== "string" || !DATE_PATTERN.test(value)
      ? `${JSON.stringify(value)} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`
      : dateProblem(value);
  if (problem) throw new ParameterError(parameter, `${CONTEXT}: ${parameter}: ${problem}`);
  return value as string;
}

/** Which nodes and edges a view keeps, as two tests on an element's attributes. */
export interface ViewTests {
  node(id: string, attributes: NodeAttributes): boolean;
  edge(id: string, attributes: EdgeAttributes): boolean;
}

/**
 * Checks a view filter against the schema: known node and edge types, real dates, dateFrom not after dateTo.
 * Returns the filter with empty type lists dropped; throws ParameterError naming nodeTypes, edgeTypes, dateFrom or
 * dateTo.
 */
export function resolveSubgraphFilter(filter: SubgraphFilter, schema: Schema): SubgraphFilter {
  const resolved: SubgraphFilter = {};
  if (filter.nodeTypes !== undefined && filter.nodeTypes.length > 0)
    resolved.nodeTypes = checkTypeNames(CONTEXT, "nodeTypes", filter.nodeTypes, schema.nodeTypes.keys(), "node");
  if (filter.edgeTypes !== undefined && filter.edgeTypes.length > 0)
    resolved.edgeTypes = checkTypeNames(CONTEXT, "edgeTypes", filter.edgeTypes, schema.edgeTypes.keys(), "edge");
  if (filter.dateFrom !== undefined) resolved.dateFrom = checkDate("dateFrom", filter.dateFrom);
  if (filter.dateTo !== undefined) resolved.dateTo = checkDate("dateTo", filter.dateTo);
  if (
    resolved.dateFrom !== undefined &&
    resolved.dateTo !== undefined &&
    dateBounds(resolved.dateFrom).start > dateBounds(resolved.dateTo).end
  ) {
    throw new ParameterError("dateTo", `${CONTEXT}: dateTo ${filter.dateTo} is before dateFrom ${filter.dateFrom}`);
  }
  return resolved;
}

/**
 * Checks a view filter (see `resolveSubgraphFilter`) and returns its tests: nodes of `nodeTypes`, edges of
 * `edgeTypes`, and elements whose date overlaps [dateFrom, dateTo] (an element without a date passes). An edge
 * belongs to the view only when both its ends do too; the tests leave that to the caller.
 */
export function subgraphTests(schema: Schema, filter: SubgraphFilter = {}): ViewTests {
  const checked = resolveSubgraphFilter(filter, schema);
  const nodeTypes = checked.nodeTypes === undefined ? null : new Set(checked.nodeTypes);
  const edgeTypes = checked.edgeTypes === undefined ? null : new Set(checked.edgeTypes);
  const from = checked.dateFrom === undefined ? undefined : dateBounds(checked.dateFrom).start;
  const to = checked.dateTo === undefined ? undefined : dateBounds(checked.dateTo).end;
  const inRange = (date: string | undefined): boolean => date === undefined || dateOverlaps(date, from, to);
  return {
    node: (_id, attributes) => (nodeTypes === null || nodeTypes.has(attributes.type)) && inRange(attributes.date),
    edge: (_id, attributes) => (edgeTypes === null || edgeTypes.has(attributes.type)) && inRange(attributes.date),
  };
}

/**
 * A copy of the part of `graph` the filter keeps (see `subgraphTests`). Edges lose out when an end is dropped.
 * Throws ParameterError naming nodeTypes, edgeTypes, dateFrom or dateTo.
 */
export function subgraph(graph: RightsGraph, schema: Schema, filter: SubgraphFilter = {}): RightsGraph {
  const tests = subgraphTests(schema, filter);
  return copyGraphElements(
    graph,
    (id) => tests.node(id, graph.getNodeAttributes(id)),
    (id) => tests.edge(id, graph.getEdgeAttributes(id)),
  );
}
