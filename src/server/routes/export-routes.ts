// GET /api/export: the whole graph, a filtered view or a path result, as GraphML, GEXF, JSON or a Neo4j CSV zip.
import { Router } from "express";
import { EXPORT_FORMATS, writeExport, type ExportFormat } from "../../export";
import { ParameterError } from "../../errors";
import type { RightsGraph } from "../../schema/types";
import { QueryParams } from "../query-params";
import type { ServerContext } from "../server-context";
import { PATH_PARAMETERS, runPathQuery } from "./query-routes";

const DAY = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export function exportRoutes(context: ServerContext, onStreamError: (error: unknown) => void): Router {
  const router = Router();
  const { engine, dataset, display } = context;

  router.get("/export", async (req, res) => {
    const params = new QueryParams(req, ["format", "nodeTypes", "dateFrom", "dateTo", ...PATH_PARAMETERS]);
    const format = params.oneOf("format", Object.keys(EXPORT_FORMATS) as ExportFormat[]) ?? "graphml";
    let graph: RightsGraph;
    let name = "rightsgraph";
    if (params.string("from") !== undefined || params.string("to") !== undefined) {
      for (const other of ["nodeTypes", "dateFrom", "dateTo"]) {
        if (params.string(other) !== undefined)
          throw new ParameterError(
            other,
            `parameter "${other}" filters a view; it cannot be combined with a path export (from, to)`,
          );
      }
      graph = engine.pathSubgraph(await runPathQuery(engine, params));
      name = "rightsgraph-path";
    } else {
      for (const pathOnly of PATH_PARAMETERS.filter((p) => p !== "edgeTypes")) {
        if (params.string(pathOnly) !== undefined)
          throw new ParameterError(
            pathOnly,
            `parameter "${pathOnly}" belongs to a path export, which needs both "from" and "to"`,
          );
      }
      const dateFrom = params.string("dateFrom");
      const dateTo = params.string("dateTo");
      for (const [key, value] of [
        ["dateFrom", dateFrom],
        ["dateTo", dateTo],
      ] as const) {
        if (value !== undefined && !DAY.test(value))
          throw new ParameterError(key, `parameter "${key}" must be YYYY, YYYY-MM or YYYY-MM-DD, got "${value}"`);
      }
      const filter = { nodeTypes: params.list("nodeTypes"), edgeTypes: params.list("edgeTypes"), dateFrom, dateTo };
      const filtered = Object.values(filter).some((v) => v !== undefined);
      graph = filtered ? engine.subgraph(filter) : dataset.graph;
      if (filtered) name = "rightsgraph-view";
    }
    const { contentType, extension } = EXPORT_FORMATS[format];
    res.setHeader("Content-Type", contentType);
    res.setHeader("Content-Disposition", `attachment; filename="${name}.${extension}"`);
    try {
      // Ends the response when done; if the client went away mid-way, the stream just stops ("closed").
      await writeExport(format, graph, dataset.schema, res, { display });
    } catch (error) {
      // Headers are gone: the only honest thing left is to cut the response, so the client sees it incomplete.
      onStreamError(error);
      res.destroy();
    }
  });

  return router;
}
