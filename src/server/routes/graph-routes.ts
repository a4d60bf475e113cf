// Routes about the whole graph: health, the drawable graph, the schema with counts and colours, the sources.
import { Router } from "express";
import type {
  CitationInfo,
  HealthResponse,
  OverviewResponse,
  SceneResponse,
  SchemaResponse,
  SourceResponse,
  SourcesResponse,
} from "../../api/contract";
import { GRAPH_VIEW_RULES, INCLUDE_RULES } from "../../api/parameters";
import { NotFoundError } from "../../errors";
import { edgeTypeColor, edgeTypeFamily, nodeTypeColor } from "../../layout";
import { schemaView } from "../../query";
import { doNotKeepAnswer } from "../answer-cache";
import { jsonBody } from "../json-body";
import { QueryParams } from "../query-params";
import { sendJson } from "../send-json";
import { overviewView, sceneView } from "../overview";
import { graphViewAsync, resolveGraphViewLimit, type ServerContext } from "../server-context";

/**
 * `maxBodyBytes` bounds the scene's JSON body; `status` adds edit mode, the graph's version and the count of problems
 * on disk to /api/health (edit mode).
 */
export function graphRoutes(
  context: ServerContext,
  maxBodyBytes: number,
  status?: () => Pick<HealthResponse, "edit" | "version" | "problems">,
): Router {
  const router = Router();
  const { graph, sources } = context.dataset;

  router.get("/health", (req, res) => {
    new QueryParams(req, []);
    // Edit mode's problems on disk change without a new graph.
    if (status) doNotKeepAnswer(req);
    return sendJson(res, {
      status: "ok",
      nodes: graph.order,
      edges: graph.size,
      ...status?.(),
    } satisfies HealthResponse);
  });

  router.get("/graph", async (req, res) => {
    const limit = resolveGraphViewLimit(new QueryParams(req, ["limit", INCLUDE_RULES.name]).int("limit"));
    if (limit === GRAPH_VIEW_RULES.limit.default) {
      res.type("application/json").send(context.defaultGraphView);
      return;
    }
    await sendJson(res, await graphViewAsync(context, limit));
  });

  router.get("/overview", (req, res) => {
    const cap = new QueryParams(req, ["cap", INCLUDE_RULES.name]).int("cap");
    res.json(overviewView(context, cap) satisfies OverviewResponse);
  });

  router.post("/scene", ...jsonBody(maxBodyBytes), (req, res) => {
    new QueryParams(req, [INCLUDE_RULES.name]);
    res.json(sceneView(context, req.body) satisfies SceneResponse);
  });

  router.get("/schema", (req, res) => {
    new QueryParams(req, []);
    res.json(
      schemaView(context.dataset, {
        node: nodeTypeColor,
        edge: edgeTypeColor,
        edgeFamily: edgeTypeFamily,
      }) satisfies SchemaResponse,
    );
  });

  router.get("/sources", (req, res) => {
    new QueryParams(req, []);
    res.json({
      sources: [...sources.values()].map((s) => ({ id: s.id, title: s.title, document: s.document })),
    } satisfies SourcesResponse);
  });

  router.get("/sources/:id", (req, res) => {
    new QueryParams(req, []);
    const source = sources.get(req.params.id);
    if (!source) throw new NotFoundError(`source "${req.params.id.slice(0, 200)}" not found`, [...sources.keys()]);
    const citationView = (c: { document: string; locator?: string; quote: string }): CitationInfo => {
      const a = graph.getNodeAttributes(c.document);
      return {
        document: c.document,
        label: a.label,
        ...(c.locator ? { locator: c.locator } : {}),
        quote: c.quote,
        ...(a.date ? { date: a.date } : {}),
        ...(typeof a.props.url === "string" ? { url: a.props.url } : {}),
        ...(typeof a.props.publisher === "string" ? { publisher: a.props.publisher } : {}),
        ...(typeof a.props.title === "string" ? { title: a.props.title } : {}),
      };
    };
    res.json({
      id: source.id,
      title: source.title,
      document: source.document,
      meta: source.meta,
      text: source.text,
      endnotes: [...source.endnotes.values()].map((n) => ({
        marker: n.marker,
        citations: n.citations.map(citationView),
      })),
    } satisfies SourceResponse);
  });

  return router;
}
