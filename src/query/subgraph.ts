// The view of the graph an export keeps: chosen node and edge types within a date range.
import { ParameterError } from "../errors";
import { dateBounds, dateOverlaps, dateProblem } from "../schema/dates";
import type { EdgeAttributes, NodeAttributes, RightsGraph, Schema } from "../schema/types";
import { checkTypeNames } from "./check-parameter";
import { copyGraphElements } from "./copy-graph-elements";
import type { SubgraphFilter } from "./types";

const CONTEXT = "subgraph";
const DAY_PREFIX = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

function checkDate(parameter: "dateFrom" | "dateTo", value: unknown): string {
  const problem =
    typeof value !== "string" || !DAY_PREFIX.test(value)
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
 * Checks a view filter against the schema and returns its tests: nodes of `nodeTypes`, edges of `edgeTypes`, and
 * elements whose date overlaps [dateFrom, dateTo] (an element without a date passes). An edge belongs to the view
 * only when both its ends do too; the tests leave that to the caller. Throws ParameterError naming nodeTypes,
 * edgeTypes, dateFrom or dateTo.
 */
export function subgraphTests(schema: Schema, filter: SubgraphFilter = {}): ViewTests {
  const nodeTypes =
    filter.nodeTypes === undefined || filter.nodeTypes.length === 0
      ? null
      : new Set(checkTypeNames(CONTEXT, "nodeTypes", filter.nodeTypes, schema.nodeTypes.keys(), "node"));
  const edgeTypes =
    filter.edgeTypes === undefined || filter.edgeTypes.length === 0
      ? null
      : new Set(checkTypeNames(CONTEXT, "edgeTypes", filter.edgeTypes, schema.edgeTypes.keys(), "edge"));
  const from = filter.dateFrom === undefined ? undefined : dateBounds(checkDate("dateFrom", filter.dateFrom)).start;
  const to = filter.dateTo === undefined ? undefined : dateBounds(checkDate("dateTo", filter.dateTo)).end;
  if (from !== undefined && to !== undefined && from > to) {
    throw new ParameterError("dateTo", `${CONTEXT}: dateTo ${filter.dateTo} is before dateFrom ${filter.dateFrom}`);
  }
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
