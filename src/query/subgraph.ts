// The view of the graph an export keeps: chosen node and edge types within a date range.
import { ParameterError } from "../errors";
import { dateBounds, dateOverlaps, dateProblem } from "../schema/dates";
import type { RightsGraph, Schema } from "../schema/types";
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

/**
 * A copy of the part of `graph` the filter keeps: nodes of `nodeTypes`, edges of `edgeTypes`, and elements whose
 * date overlaps [dateFrom, dateTo] (an element without a date stays). Edges lose out when an end is dropped.
 * Throws ParameterError naming nodeTypes, edgeTypes, dateFrom or dateTo.
 */
export function subgraph(graph: RightsGraph, schema: Schema, filter: SubgraphFilter = {}): RightsGraph {
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
  return copyGraphElements(
    graph,
    (id) => {
      const attributes = graph.getNodeAttributes(id);
      return (nodeTypes === null || nodeTypes.has(attributes.type)) && inRange(attributes.date);
    },
    (id) => {
      const attributes = graph.getEdgeAttributes(id);
      return (edgeTypes === null || edgeTypes.has(attributes.type)) && inRange(attributes.date);
    },
  );
}
