// The one place that maps the project's errors to HTTP statuses; answers are JSON, never a stack trace.
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { ErrorBody } from "../api/contract";
import { AmbiguousNameError, InvalidEditError, NotFoundError, ParameterError, RightsGraphError } from "../errors";
import { CypherSyntaxError, CypherUnsupportedError } from "../query";
import { BusyError } from "./export-gate";

const STATUS_BY_CODE: Record<string, number> = {
  "not-found": 404,
  "bad-parameter": 400,
  "ambiguous-name": 400,
  "bad-record": 400,
  "invalid-edit": 400,
  "not-editable": 400,
  unauthorized: 401,
  forbidden: 403,
  "cross-origin": 403,
  "edit-conflict": 409,
  "nothing-to-undo": 409,
  "precondition-required": 428,
  "missing-host": 400,
  "method-not-allowed": 405,
  "host-not-allowed": 421,
  busy: 429,
  "too-many-connections": 503,
  "unsupported-media-type": 415,
  "cypher-syntax": 400,
  "cypher-unsupported": 400,
  "cypher-type": 400,
};

/** body-parser's errors (JSON bodies of the query routes) by type: our code and status. */
const BODY_ERRORS: Record<string, { code: string; status: number; message: string }> = {
  "entity.parse.failed": { code: "bad-json", status: 400, message: "the body is not valid JSON" },
  "entity.too.large": { code: "body-too-large", status: 413, message: "the body is larger than the server accepts" },
  "encoding.unsupported": {
    code: "unsupported-media-type",
    status: 415,
    message: "the body must not be compressed (no Content-Encoding)",
  },
  "charset.unsupported": {
    code: "unsupported-media-type",
    status: 415,
    message: "the body must be UTF-8 JSON",
  },
};

/** Answers 404 JSON for a route that does not exist. */
export const notFoundHandler: RequestHandler = (req, res) => {
  const body: ErrorBody = {
    error: { code: "no-route", message: `no route for ${req.method} ${req.path.slice(0, 200)}` },
  };
  res.status(404).json(body);
};

/** Maps errors to statuses: our typed errors by code, body-parser and URI errors by their status, anything else 500. */
export function errorHandler(onUnexpected: (error: unknown) => void): ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    let status = 500;
    let body: ErrorBody = { error: { code: "internal", message: "internal error; the server log has the details" } };
    if (error instanceof RightsGraphError && Object.hasOwn(STATUS_BY_CODE, error.code)) {
      status = STATUS_BY_CODE[error.code]!;
      body = { error: { code: error.code, message: error.message } };
      if (error instanceof ParameterError) body.error.parameter = error.parameter;
      if (error instanceof NotFoundError) body.error.suggestions = error.suggestions;
      if (error instanceof AmbiguousNameError) {
        body.error.parameter = error.parameter;
        body.error.candidates = error.candidates;
      }
      if (error instanceof InvalidEditError) body.error.problems = error.problems;
      if (error instanceof BusyError) res.setHeader("Retry-After", String(error.retryAfterSeconds));
      if (error instanceof CypherSyntaxError || error instanceof CypherUnsupportedError) {
        body.error.line = error.line;
        body.error.column = error.column;
        if (error instanceof CypherSyntaxError) body.error.expected = error.expected;
        else body.error.construct = error.construct;
      }
    } else if (typeof error?.type === "string" && Object.hasOwn(BODY_ERRORS, error.type)) {
      const known = BODY_ERRORS[error.type]!;
      status = known.status;
      const limit =
        error.type === "entity.too.large" && typeof error.limit === "number" ? ` (${error.limit} bytes)` : "";
      body = { error: { code: known.code, message: `${known.message}${limit}` } };
    } else if (error?.status === 400 && /^Failed to decode param/.test(String(error.message))) {
      status = 400;
      body = { error: { code: "bad-parameter", message: "the URL path is not validly percent-encoded" } };
    } else if (typeof error?.status === "number" && error.status >= 400 && error.status < 500) {
      status = error.status;
      body = {
        error: {
          code: String(error.type ?? "bad-request").replace(/\./g, "-"),
          message: String(error.expose ? error.message : "bad request"),
        },
      };
    } else if (error instanceof URIError) {
      status = 400;
      body = { error: { code: "bad-parameter", message: "the URL is not validly percent-encoded" } };
    } else {
      onUnexpected(error);
    }
    res.status(status).json(body);
  };
}
