// The explorer's calls to the write API of edit mode: the bearer token on every call, the source's version sent back
// as If-Match, and one retry after asking for the token when the server does not know the one given.
import type {
  ClaimRecord,
  EditClaimResponse,
  EditNodeResponse,
  EditSourceResponse,
  EditUndoResponse,
  NodeRecord,
} from "../../../src/api/contract.js";
import { ApiError, fetchJson } from "./client.js";
import { askForToken, editToken } from "./edit-token.js";

const sourcePath = (sourceId: string) => `/api/edit/sources/${encodeURIComponent(sourceId)}`;

async function call<T>(method: string, path: string, options: { body?: unknown; etag?: string } = {}): Promise<T> {
  const send = (): Promise<T> => {
    const headers: Record<string, string> = { accept: "application/json" };
    const token = editToken();
    if (token) headers.authorization = `Bearer ${token}`;
    if (options.etag) headers["if-match"] = options.etag;
    if (options.body !== undefined) headers["content-type"] = "application/json";
    return fetchJson<T>(path, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
  };
  try {
    return await send();
  } catch (error) {
    const refused = error instanceof ApiError && (error.code === "unauthorized" || error.code === "forbidden");
    if (!refused) throw error;
    const why =
      error.code === "unauthorized" ? "Editing needs the server's edit token." : "That edit token was refused.";
    if (!askForToken(why)) throw error;
    return send();
  }
}

/** One call per route of `/api/edit` the explorer uses; writes take the version (ETag) they were based on. */
export const editApi = {
  source: (sourceId: string) => call<EditSourceResponse>("GET", sourcePath(sourceId)),
  claim: (sourceId: string, claimId: string) =>
    call<EditClaimResponse>("GET", `${sourcePath(sourceId)}/claims/${encodeURIComponent(claimId)}`),
  addClaim: (sourceId: string, record: ClaimRecord, etag: string) =>
    call<EditClaimResponse>("POST", `${sourcePath(sourceId)}/claims`, { body: record, etag }),
  patchClaim: (sourceId: string, claimId: string, patch: Partial<ClaimRecord>, etag: string) =>
    call<EditClaimResponse>("PATCH", `${sourcePath(sourceId)}/claims/${encodeURIComponent(claimId)}`, {
      body: patch,
      etag,
    }),
  addNode: (sourceId: string, record: NodeRecord, etag: string) =>
    call<EditNodeResponse>("POST", `${sourcePath(sourceId)}/nodes`, { body: record, etag }),
  patchNode: (sourceId: string, nodeId: string, patch: Partial<NodeRecord>, etag: string) =>
    call<EditNodeResponse>("PATCH", `${sourcePath(sourceId)}/nodes/${encodeURIComponent(nodeId)}`, {
      body: patch,
      etag,
    }),
  undo: () => call<EditUndoResponse>("POST", "/api/edit/undo"),
};
