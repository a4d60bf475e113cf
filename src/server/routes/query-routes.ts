// Query routes: search, a node with its edges, neighbourhoods and path queries. Parse, call the engine, send.
import { Router } from "express";
import type {
  DossierRequest,
  NeighborsRequest,
  NeighborsResponse,
  NodeResponse,
  PathsRequest,
  PathsResponse,
  PathsTextRequest,
  SearchResponse,
} from "../../api/contract";
import { CITED_FORMAT_NAMES, CITED_RULES, INCLUDE_RULES } from "../../api/parameters";
import { citedPathMarkdown, dossierMarkdown, noPathMarkdown } from "../../export";
import { keepPath, type OptionsInput, type PathOptions, type PathResult, type QueryEngine } from "../../query";
import { doNotKeepAnswer } from "../answer-cache";
import { QueryParams } from "../query-params";
import { sendCited } from "../send-cited";
import { keptTexts, sendJson } from "../send-json";
import type { ServerContext } from "../server-context";

export const PATH_PARAMETERS = [
  "from",
  "to",
  "rank",
  "via",
  "avoid",
  "maxHops",
  "limit",
  "direction",
  "edgeTypes",
  "excludeEdgeTypes",
  "excludeNodeTypes",
  "includeProvenance",
  "timeBudgetMs",
  INCLUDE_RULES.name,
] as const satisfies readonly (keyof PathsRequest)[];

/** Reads the path parameters shared by /api/paths and path exports; `resolvePathOptions` judges their values. */
export function readPathQuery(params: QueryParams): { from: string; to: string; options: OptionsInput<PathOptions> } {
  const options: OptionsInput<PathOptions> = {
    rank: params.string("rank"),
    via: params.list("via"),
    avoid: params.list("avoid"),
    maxHops: params.int("maxHops"),
    limit: params.int("limit"),
    direction: params.string("direction"),
    edgeTypes: params.list("edgeTypes"),
    excludeEdgeTypes: params.list("excludeEdgeTypes"),
    excludeNodeTypes: params.list("excludeNodeTypes"),
    includeProvenance: params.bool("includeProvenance"),
    timeBudgetMs: params.int("timeBudgetMs"),
  };
  return { from: params.required("from"), to: params.required("to"), options };
}

/** The JSON answer of a path query: paths in the order of their rank, or none with the reason. */
export function pathAnswer(result: PathResult): PathsResponse {
  if (result.type === "found") return { paths: result.paths, rank: result.rank, truncated: result.truncated };
  return {
    paths: [],
    reason: result.reason,
    cause: result.cause,
    ...(result.shortestLength !== undefined ? { shortestLength: result.shortestLength } : {}),
    truncated: result.truncated,
  };
}

/**
 * Reads the path parameters and runs the query in slices (`pathsAsync`), so a search that takes its whole budget
 * never blocks /api/health or any other request. Chosen over a worker thread holding a copy of the graph, which is
 * slow to start on a large graph, doubles the memory and blocks the main thread while the copy is made (README,
 * design notes). A truncated answer is not kept by the answer cache.
 */
export async function runPathQuery(engine: QueryEngine, params: QueryParams): Promise<PathResult> {
  const { from, to, options } = readPathQuery(params);
  const result = await engine.pathsAsync(from, to, options);
  // A search cut short (by its time budget, or its cap on work) is not the whole answer: not kept for the next asker.
  if (result.truncated) doNotKeepAnswer(params.req);
  return result;
}

export function queryRoutes(context: ServerContext): Router {
  const router = Router();
  const { engine } = context;
  const nodeTexts = keptTexts(engine.texts, { node: "node", edges: "edge" });
  const neighborTexts = keptTexts(engine.texts, { nodes: "listed-node", edges: "edge" });

  router.get("/search", (req, res) => {
    const params = new QueryParams(req, ["q", "type", "limit", INCLUDE_RULES.name]);
    const results = engine.search(params.required("q"), { type: params.string("type"), limit: params.int("limit") });
    return sendJson(res, { results } satisfies SearchResponse);
  });

  router.get("/nodes/:id", (req, res) => {
    new QueryParams(req, [INCLUDE_RULES.name]);
    return sendJson(res, engine.node(req.params.id) satisfies NodeResponse, nodeTexts);
  });

  router.get("/nodes/:id/neighbors", async (req, res) => {
    const params = new QueryParams(req, [
      "depth",
      "direction",
      "edgeTypes",
      "nodeTypes",
      "limit",
      "edgeLimit",
      INCLUDE_RULES.name,
    ] satisfies (keyof NeighborsRequest)[]);
    // In slices, like path queries: a hub's neighbourhood at the largest limits must not stall other requests.
    const result = await engine.neighborsAsync(req.params.id, {
      depth: params.int("depth"),
      direction: params.string("direction"),
      edgeTypes: params.list("edgeTypes"),
      nodeTypes: params.list("nodeTypes"),
      limit: params.int("limit"),
      edgeLimit: params.int("edgeLimit"),
    });
    await sendJson(res, result satisfies NeighborsResponse, neighborTexts);
  });

  router.get("/paths", async (req, res) => {
    const params = new QueryParams(req, [
      ...PATH_PARAMETERS,
      ...(["path", "format"] as const satisfies readonly (keyof PathsTextRequest)[]),
    ]);
    const format = params.oneOf("format", ["json", ...CITED_FORMAT_NAMES] as const) ?? "json";
    const result = keepPath(await runPathQuery(engine, params), params.int("path"));
    if (format === "json") {
      // Fifty long paths can fold thousands of claims: the answer goes in pieces with the event loop free between.
      await sendJson(res, pathAnswer(result));
      return;
    }
    const label = (parameter: "from" | "to") =>
      context.dataset.graph.getNodeAttribute(engine.nodeId(params.required(parameter), parameter), "label");
    const ends = { from: label("from"), to: label("to") };
    const markdown =
      result.type === "found"
        ? citedPathMarkdown(context.dataset, result.paths, ends, params.int("path") ?? 1)
        : noPathMarkdown(context.dataset, ends, result.reason);
    sendCited(res, format, "rightsgraph-path", markdown, `How ${ends.from} is connected to ${ends.to}`);
  });

  router.get("/nodes/:id/dossier", (req, res) => {
    const params = new QueryParams(req, ["format", INCLUDE_RULES.name] satisfies (keyof DossierRequest)[]);
    const format = params.oneOf("format", CITED_FORMAT_NAMES) ?? CITED_RULES.format.default;
    const detail = engine.node(req.params.id);
    sendCited(res, format, "rightsgraph-dossier", dossierMarkdown(context.dataset, detail), detail.node.label);
  });

  return router;
}
