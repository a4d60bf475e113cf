// Routes about several sources on one graph: which sources state a claim and which disagree with it, which sources
// mention a node. The details panel asks them for the selection.
import { Router } from "express";
import type { ClaimSourcesResponse, NodeSourcesResponse } from "../../api/contract";
import { INCLUDE_RULES } from "../../api/parameters";
import { edgeTypeFamily } from "../../layout";
import { claimSources, nodeSources } from "../../query";
import { QueryParams } from "../query-params";
import type { ServerContext } from "../server-context";

/**
 * The family in which two claims can disagree: the legend's groups, except that support and opposition are one
 * ("stance"), so that `sponsored` and `declined`, or `voted-for` and `voted-against`, about one document disagree.
 */
export function stanceFamily(type: string): string {
  const { name } = edgeTypeFamily(type);
  return name === "support" || name === "opposition" ? "stance" : name === "other" ? `other:${type}` : name;
}

export function sourceRoutes(context: ServerContext): Router {
  const router = Router();

  router.get("/edges/:edgeId/sources", (req, res) => {
    new QueryParams(req, [INCLUDE_RULES.name]);
    res.json(claimSources(context.dataset, req.params.edgeId, stanceFamily) satisfies ClaimSourcesResponse);
  });

  router.get("/nodes/:id/sources", (req, res) => {
    new QueryParams(req, [INCLUDE_RULES.name]);
    res.json(nodeSources(context.dataset, req.params.id) satisfies NodeSourcesResponse);
  });

  return router;
}
