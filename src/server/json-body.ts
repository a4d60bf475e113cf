// The server's only request bodies: JSON, on the routes that take a query, read with a size limit. Every other
// body is read and discarded unparsed (create-app.ts); a body that is not JSON is refused before it is parsed.
import express, { type Request, type RequestHandler } from "express";
import { ParameterError, RightsGraphError } from "../errors";

/** The paths whose JSON POST body a route parses (Express matches paths case-insensitively, with or without "/"). */
export const JSON_BODY_PATHS = /^\/api\/(?:query(?:\/export)?|scene)\/?$/i;

/**
 * True for a request whose body a route parses: a POST declaring `Content-Type: application/json` (a cross-site
 * form cannot send that type without a CORS preflight, which the server does not grant).
 */
export function isJsonPost(req: Request): boolean {
  return req.method === "POST" && req.is("application/json") === "application/json";
}

/**
 * Parses the JSON body into `req.body`: 415 for another content type or a compressed body, 413 past `maxBytes`,
 * 400 for JSON that does not parse or is not an object (see the error handler's mapping of body-parser's errors).
 */
export function jsonBody(maxBytes: number): RequestHandler[] {
  const parse = express.json({ limit: maxBytes, strict: true, inflate: false, type: "application/json" });
  const requireJson: RequestHandler = (req, _res, next) => {
    if (!isJsonPost(req))
      throw new RightsGraphError(
        "unsupported-media-type",
        `send the query as JSON with "Content-Type: application/json", got ${JSON.stringify(req.headers["content-type"] ?? "no content type").slice(0, 100)}`,
      );
    // Read already (by the discarding of bodies no route takes): parsing would wait for data that never comes.
    if (req.readableEnded) throw new ParameterError("query", "the request body could not be read");
    next();
  };
  return [requireJson, parse];
}
