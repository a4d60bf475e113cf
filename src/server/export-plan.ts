// What an export request asks for, checked before any work: the whole graph, a filtered view or a path result,
// and under which file name. Building it (a path search) is a separate step, so HEAD can stop before it.
import { INCLUDE_RULES } from "../api/parameters";
import type { ElementFilter } from "../export";
import { ParameterError } from "../errors";
import { keepPath, resolvePathOptions, subgraphTests } from "../query";
import type { RightsGraph } from "../schema/types";
import type { QueryParams } from "./query-params";
import { PATH_PARAMETERS, readPathQuery, runPathQuery } from "./routes/query-routes";
import type { ServerContext } from "./server-context";

const VIEW_PARAMETERS = ["nodeTypes", "dateFrom", "dateTo"] as const;

/** The graph an export writes, and which of its elements (a view is written from the whole graph, not a copy). */
export interface ExportSource {
  graph: RightsGraph;
  only?: ElementFilter;
}

export interface ExportPlan {
  /** The whole graph, a filtered view of it, or the paths a path query found (never large). */
  kind: "graph" | "view" | "path";
  /** The download's name without extension: rightsgraph, rightsgraph-view or rightsgraph-path. */
  name: string;
  /** Every check that needs no search (parameters, node ids), for a HEAD request, which never builds. */
  check(): void;
  /** The graph to write; for a path export this runs the path search. */
  build(): Promise<ExportSource>;
}

/** Reads and checks the parameters of an export request; throws a ParameterError naming a wrong one. */
export function planExport(context: ServerContext, params: QueryParams): ExportPlan {
  const { engine, dataset } = context;
  if (params.string("from") !== undefined || params.string("to") !== undefined) {
    for (const other of VIEW_PARAMETERS) {
      if (params.string(other) !== undefined)
        throw new ParameterError(
          other,
          `parameter "${other}" filters a view; it cannot be combined with a path export (from, to)`,
        );
    }
    const { from, to, options } = readPathQuery(params);
    const path = params.int("path");
    return {
      kind: "path",
      name: path === undefined ? "rightsgraph-path" : `rightsgraph-path-${path}`,
      check() {
        resolvePathOptions(options, dataset.schema);
        engine.nodeId(from, "from");
        engine.nodeId(to, "to");
      },
      build: async () => ({ graph: engine.pathSubgraph(keepPath(await runPathQuery(engine, params), path)) }),
    };
  }
  // edgeTypes filters a view too, and include chooses the graph any export reads.
  const shared: readonly string[] = ["edgeTypes", INCLUDE_RULES.name];
  for (const pathOnly of [...PATH_PARAMETERS.filter((p) => !shared.includes(p)), "path"]) {
    if (params.string(pathOnly) !== undefined)
      throw new ParameterError(
        pathOnly,
        `parameter "${pathOnly}" belongs to a path export, which needs both "from" and "to"`,
      );
  }
  const filter = {
    nodeTypes: params.list("nodeTypes"),
    edgeTypes: params.list("edgeTypes"),
    dateFrom: params.string("dateFrom"),
    dateTo: params.string("dateTo"),
  };
  if (!Object.values(filter).some((value) => value !== undefined)) {
    return { kind: "graph", name: "rightsgraph", check() {}, build: async () => ({ graph: dataset.graph }) };
  }
  const only = subgraphTests(dataset.schema, filter);
  return { kind: "view", name: "rightsgraph-view", check() {}, build: async () => ({ graph: dataset.graph, only }) };
}
