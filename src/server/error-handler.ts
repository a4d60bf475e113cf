// The one place that maps the project's errors to HTTP statuses; answers are JSON, never a stack trace.
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { ErrorBody } from "../api/contract";
import { NotFoundError, ParameterError, RightsGraphError } from "../errors";
import { BusyError } from "./export-gate";

const STATUS_BY_CODE: Record<string, number> = {
  "not-found": 404,
  "bad-parameter": 400,
  "missing-host": 400,
  "method-not-allowed": 405,
  "host-not-allowed": 421,
  busy: 429,
  "too-many-connections": 503,
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
      if (error instanceof BusyError) res.setHeader("Retry-After", String(error.retryAfterSeconds));
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
