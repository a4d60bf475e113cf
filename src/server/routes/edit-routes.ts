// The write API of edit mode, under /api/edit (mounted at /api after the token check on /api/edit): a source's records and version, one claim or node as stored, and
// create, change (JSON merge patch) and delete, each with If-Match; undo; the problems of the files on disk. Parse,
// call the record writer, send: the checks are the loader's, in the store.
import { Router, type Request, type Response } from "express";
import type {
  EditClaimResponse,
  EditDeleteResponse,
  EditNodeResponse,
  EditProblemsResponse,
  EditSourceResponse,
  EditUndoResponse,
} from "../../api/contract";
import type { EditStore } from "../../edit";
import { RightsGraphError } from "../../errors";
import { authorOf } from "../edit-auth";
import type { LiveGraph } from "../live-graph";
import { QueryParams } from "../query-params";

/** The media types a write's body may have: a record, or a merge patch of one (RFC 7396). */
export const EDIT_BODY_TYPES = ["application/json", "application/merge-patch+json"] as const;

/** The JSON object a write sends; anything else is a 415 (not JSON) or a 400 (not an object). */
function recordBody(req: Request): Record<string, unknown> {
  if (!req.is([...EDIT_BODY_TYPES]))
    throw new RightsGraphError(
      "unsupported-media-type",
      "edit: send the record as JSON (Content-Type: application/json)",
    );
  const body: unknown = req.body;
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new RightsGraphError("bad-record", "edit: the body must be one JSON object: a record, or a patch of one");
  return body as Record<string, unknown>;
}

function ifMatch(req: Request): string | undefined {
  return req.get("if-match")?.trim();
}

function send<T extends { etag: string }>(res: Response, status: number, body: T): void {
  res.setHeader("ETag", body.etag);
  res.setHeader("Cache-Control", "no-store");
  res.status(status).json(body);
}

export function editRoutes(store: EditStore, live: LiveGraph): Router {
  const router = Router();

  router.get("/edit/sources/:sourceId", async (req, res) => {
    new QueryParams(req, []);
    send(res, 200, (await store.source(req.params.sourceId)) satisfies EditSourceResponse);
  });

  for (const kind of ["claims", "nodes"] as const) {
    const one = kind === "claims" ? "claimId" : "nodeId";

    router.get(`/edit/sources/:sourceId/${kind}/:${one}`, async (req, res) => {
      new QueryParams(req, []);
      const { sourceId } = req.params;
      const id = (req.params as Record<string, string>)[one]!;
      const answer = kind === "claims" ? await store.claim(sourceId!, id) : await store.node(sourceId!, id);
      send(res, 200, answer satisfies EditClaimResponse | EditNodeResponse);
    });

    router.post(`/edit/sources/:sourceId/${kind}`, async (req, res) => {
      new QueryParams(req, []);
      const record = recordBody(req);
      const sourceId = req.params.sourceId!;
      const who = authorOf(res.locals);
      const answer =
        kind === "claims"
          ? await store.createClaim(sourceId, record, ifMatch(req), who)
          : await store.createNode(sourceId, record, ifMatch(req), who);
      res.setHeader(
        "Location",
        `${req.baseUrl}/edit/sources/${encodeURIComponent(sourceId)}/${kind}/${encodeURIComponent(answer.id)}`,
      );
      send(res, 201, answer satisfies EditClaimResponse | EditNodeResponse);
    });

    router.patch(`/edit/sources/:sourceId/${kind}/:${one}`, async (req, res) => {
      new QueryParams(req, []);
      const patch = recordBody(req);
      const sourceId = req.params.sourceId!;
      const id = (req.params as Record<string, string>)[one]!;
      const who = authorOf(res.locals);
      const answer =
        kind === "claims"
          ? await store.patchClaim(sourceId, id, patch, ifMatch(req), who)
          : await store.patchNode(sourceId, id, patch, ifMatch(req), who);
      send(res, 200, answer satisfies EditClaimResponse | EditNodeResponse);
    });

    router.delete(`/edit/sources/:sourceId/${kind}/:${one}`, async (req, res) => {
      new QueryParams(req, []);
      const sourceId = req.params.sourceId!;
      const id = (req.params as Record<string, string>)[one]!;
      const who = authorOf(res.locals);
      const answer =
        kind === "claims"
          ? await store.deleteClaim(sourceId, id, ifMatch(req), who)
          : await store.deleteNode(sourceId, id, ifMatch(req), who);
      send(res, 200, answer satisfies EditDeleteResponse);
    });
  }

  router.post("/edit/undo", async (req, res) => {
    new QueryParams(req, []);
    send(res, 200, (await store.undo(authorOf(res.locals))) satisfies EditUndoResponse);
  });

  router.get("/edit/problems", (req, res) => {
    new QueryParams(req, []);
    res.setHeader("Cache-Control", "no-store");
    res.json({ version: live.version, problems: live.problems } satisfies EditProblemsResponse);
  });

  return router;
}
