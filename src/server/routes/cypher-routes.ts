// POST /api/query and POST /api/query/export: a read-only Cypher query from a JSON body, answered as rows with the
// ids to highlight, or as the file of the subgraph it matched. Queries run in the engine's slice scheduler, like
// path queries, so one that spends its whole budget never stalls /api/health or any other request.
import { Router, type RequestHandler } from "express";
import type { QueryExportUrlRequest, QueryResponse, QueryUrlRequest } from "../../api/contract";
import { EXPORT_RULES, INCLUDE_RULES } from "../../api/parameters";
import { RightsGraphError } from "../../errors";
import { EXPORT_FORMATS, writeExport } from "../../export";
import { matchedTests, type CypherResult } from "../../query";
import { jsonBody } from "../json-body";
import { readQueryBody } from "../query-body";
import { QueryParams } from "../query-params";
import { sendJson } from "../send-json";
import type { ServerContext } from "../server-context";
import type { ExportRuntime } from "./export-routes";

/** `RightsGraph-Truncated` on a query export: why the file may hold less than the query matched. */
export const TRUNCATED_HEADER = "RightsGraph-Truncated";

function onlyPost(): RequestHandler {
  return (_req, res) => {
    res.setHeader("Allow", "POST");
    throw new RightsGraphError("method-not-allowed", "this route answers POST with a JSON body only");
  };
}

/** Why an export of `result` holds less than the query matched, as the header's comma-separated list. */
function truncation(result: CypherResult): string | undefined {
  const causes = [...result.truncatedBy, ...(result.highlightTruncated ? ["highlight-cap"] : [])];
  return causes.length > 0 ? causes.join(", ") : undefined;
}

export function cypherRoutes(
  context: ServerContext,
  runtime: ExportRuntime,
  maxBodyBytes: number,
  onStreamError: (error: unknown) => void,
): Router {
  const router = Router();
  const { engine, dataset, display } = context;
  const body = jsonBody(maxBodyBytes);

  const run = (reqBody: unknown): Promise<CypherResult> => {
    const { query, params, options } = readQueryBody(reqBody);
    return engine.cypherAsync(query, params, options);
  };

  // `include` chose the graph this router reads (create-app.ts); it is checked there and only accepted here.
  router.post("/query", ...body, async (req, res) => {
    new QueryParams(req, [INCLUDE_RULES.name] satisfies (keyof QueryUrlRequest)[]);
    await sendJson(res, (await run(req.body)) satisfies QueryResponse);
  });

  router.post("/query/export", ...body, async (req, res) => {
    const params = new QueryParams(req, ["format", INCLUDE_RULES.name] satisfies (keyof QueryExportUrlRequest)[]);
    const format = params.oneOf("format", EXPORT_RULES.format.values) ?? EXPORT_RULES.format.default;
    const left = new AbortController();
    res.once("close", () => left.abort());
    const result = await run(req.body);
    // The client went away while the query ran: nothing to write.
    if (left.signal.aborted) return;
    const { contentType, extension } = EXPORT_FORMATS[format];
    res.setHeader("Content-Type", contentType);
    res.setHeader("Content-Disposition", `attachment; filename="rightsgraph-query.${extension}"`);
    const cut = truncation(result);
    if (cut !== undefined) res.setHeader(TRUNCATED_HEADER, cut);
    // Never heavy: a query highlights at most MAX_CYPHER_HIGHLIGHTED nodes and as many edges.
    try {
      await writeExport(
        format,
        dataset.graph,
        dataset.schema,
        res,
        { display, only: matchedTests(result) },
        { turns: runtime.turns, stallMs: runtime.stallMs },
      );
    } catch (error) {
      if (!res.headersSent) throw error;
      onStreamError(error);
      res.destroy();
    }
  });

  router.all("/query", onlyPost());
  router.all("/query/export", onlyPost());
  return router;
}
