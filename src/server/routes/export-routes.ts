// GET /api/export: the whole graph, a filtered view or a path result, as GraphML, GEXF, JSON or a Neo4j CSV zip.
// Heavy exports stream in turns shared with every other heavy export and wait for a place among a bounded few; every
// export stops when the client leaves or stops reading, and HEAD answers the headers without building anything.
import { Router } from "express";
import { EXPORT_RULES } from "../../api/parameters";
import { EXPORT_FORMATS, exportChunks, streamChunks, type StreamTurns } from "../../export";
import type { ExportGate } from "../export-gate";
import { planExport } from "../export-plan";
import { QueryParams } from "../query-params";
import { sendChunks } from "../send-chunks";
import type { ServerContext } from "../server-context";
import { PATH_PARAMETERS } from "./query-routes";

/** What every export of one server shares: the places to run, the turns to work in, how long a client may stall. */
export interface ExportRuntime {
  gate: ExportGate;
  /** Exports of graphs with more nodes and edges than this go through the gate. */
  heavyElements: number;
  turns: StreamTurns;
  stallMs: number;
}

const NO_PLACE_NEEDED = (): void => undefined;

export function exportRoutes(
  context: ServerContext,
  runtime: ExportRuntime,
  onStreamError: (error: unknown) => void,
): Router {
  const router = Router();
  const { dataset, display } = context;

  router.get("/export", async (req, res) => {
    const params = new QueryParams(req, ["format", "nodeTypes", "dateFrom", "dateTo", "path", ...PATH_PARAMETERS]);
    const format = params.oneOf("format", EXPORT_RULES.format.values) ?? EXPORT_RULES.format.default;
    const plan = planExport(context, params);
    const { contentType, extension } = EXPORT_FORMATS[format];
    const sendHeaders = (): void => {
      res.setHeader("Content-Type", contentType);
      res.setHeader("Content-Disposition", `attachment; filename="${plan.name}.${extension}"`);
    };
    if (req.method === "HEAD") {
      plan.check();
      sendHeaders();
      res.end();
      return;
    }

    const left = new AbortController();
    // Every answer closes; only one closed before it finished was left by its client. Aborting makes an exception
    // object with its stack, which every export paid for at its end.
    res.once("close", () => {
      if (!res.writableFinished) left.abort();
    });
    // A view's size is not known before it is written: the whole graph's stands for it.
    const heavy = plan.kind !== "path" && dataset.graph.order + dataset.graph.size > runtime.heavyElements;
    const release = heavy ? await runtime.gate.enter(left.signal) : NO_PLACE_NEEDED;
    try {
      const source = await plan.build();
      if (left.signal.aborted) return;
      sendHeaders();
      const chunks = exportChunks(format, source.graph, dataset.schema, {
        display,
        ...(source.only ? { only: source.only } : {}),
      });
      // Ends the response when done; a client that left, or stopped reading for stallMs, just stops the stream.
      if (heavy || !(Symbol.iterator in chunks)) {
        // Heavy exports share turns, so however many run they hold the loop for one slice per turn together.
        await streamChunks(chunks, res, { ...(heavy ? { turns: runtime.turns } : {}), stallMs: runtime.stallMs });
      } else {
        // A light one is written in slices of its own, like any other answer (behind the shared turns, the small
        // exports of an ordinary load waited for seconds while every other request went first), and sent whole,
        // with its length, when it is made within the first slice, as most are.
        await sendChunks(res, chunks, { stallMs: runtime.stallMs });
      }
    } catch (error) {
      if (!res.headersSent) {
        // The error handler answers instead, with JSON: not a download.
        res.removeHeader("Content-Disposition");
        throw error;
      }
      // Headers are gone: the only honest thing left is to cut the response, so the client sees it incomplete.
      onStreamError(error);
      res.destroy();
    } finally {
      release();
    }
  });

  return router;
}
