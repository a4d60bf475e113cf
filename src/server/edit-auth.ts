// Who may use edit mode: a bearer token (never a cookie, so no other site can borrow a browser's authority), and for
// writes, no request from another origin. The token is compared in constant time, and logged only as a fingerprint.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { RequestHandler } from "express";
import type { EditAuthor } from "../edit";
import { RightsGraphError } from "../errors";

/** A new random edit token, for a server started without RIGHTSGRAPH_EDIT_TOKEN. */
export function generateEditToken(): string {
  return randomBytes(24).toString("base64url");
}

/** How the log names a token: a short hash, which says which token wrote without giving it away. */
export function tokenFingerprint(token: string): string {
  return `sha256:${createHash("sha256").update(token).digest("hex").slice(0, 12)}`;
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

const READ_METHODS = new Set(["GET", "HEAD"]);

/**
 * A write whose `Origin` (or `Sec-Fetch-Site`) says it comes from another site. The Host was checked against the
 * hosts served before any route ran, so the page's own origin is the one that names that Host.
 */
function crossOrigin(origin: string | undefined, fetchSite: string | undefined, host: string | undefined): boolean {
  if (fetchSite !== undefined && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  if (origin === undefined) return false;
  try {
    const url = new URL(origin);
    return !(url.protocol === "http:" || url.protocol === "https:") || url.host !== host;
  } catch {
    return true;
  }
}

/** The author of an authorised request, as the routes after `requireEditToken` find it. */
export function authorOf(locals: Record<string, unknown>): EditAuthor {
  return locals.editAuthor as EditAuthor;
}

/**
 * Lets a request through only with `Authorization: Bearer <token>`: 401 without one (with `WWW-Authenticate`), 403
 * with another; a write from another origin is a 403 before the token is looked at.
 */
export function requireEditToken(token: string): RequestHandler {
  const expected = digest(token);
  const fingerprint = tokenFingerprint(token);
  return (req, res, next) => {
    if (!READ_METHODS.has(req.method) && crossOrigin(req.headers.origin, req.get("sec-fetch-site"), req.headers.host))
      throw new RightsGraphError("cross-origin", "edit: writes from another site are refused");
    const header = req.headers.authorization;
    const match = header === undefined ? null : /^Bearer +(\S+) *$/i.exec(header);
    if (!match) {
      res.setHeader("WWW-Authenticate", 'Bearer realm="rightsgraph-edit"');
      throw new RightsGraphError(
        "unauthorized",
        "edit: send Authorization: Bearer <token> (the token the server printed at start, or RIGHTSGRAPH_EDIT_TOKEN)",
      );
    }
    if (!timingSafeEqual(digest(match[1]!), expected))
      throw new RightsGraphError("forbidden", "edit: the token is not this server's edit token");
    res.locals.editAuthor = { token: fingerprint, remote: req.socket.remoteAddress ?? "unknown" } satisfies EditAuthor;
    next();
  };
}
