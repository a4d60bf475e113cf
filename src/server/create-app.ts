// The Express app, separate from listen(): security headers, the API routes, the web app, one error handler.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Express, type RequestHandler } from "express";
import helmet from "helmet";
import { errorHandler, notFoundHandler } from "./error-handler";
import { OPENAPI_DOCUMENT } from "./openapi";
import { QueryParams } from "./query-params";
import { exportRoutes } from "./routes/export-routes";
import { graphRoutes } from "./routes/graph-routes";
import { queryRoutes } from "./routes/query-routes";
import type { ServerContext } from "./server-context";

export const DEFAULT_WEB_DIR = fileURLToPath(new URL("../../web/dist", import.meta.url));

/** Longest request target accepted; longer ones get 414 before any route runs. */
export const MAX_URL_LENGTH = 16 * 1024;

export interface AppOptions {
  /** Folder of the built web app; `npm run build:web` makes it. */
  webDir: string;
  /** Origin allowed to call the API from another site; none by default (no CORS headers at all). */
  corsOrigin?: string;
  /** Where unexpected errors are reported (the server log). */
  onUnexpectedError: (error: unknown) => void;
}

/** Largest unexpected request body read and discarded before answering; a larger one is cut off. */
export const MAX_DISCARDED_BODY = 16 * 1024 * 1024;

/**
 * No route takes a request body, and none is ever parsed. One that arrives anyway is read and discarded before the
 * answer goes out: closing a socket with unread data makes the kernel reset the connection, and the reset can
 * destroy the answer before the client reads it. A body over MAX_DISCARDED_BODY is cut off.
 */
const discardBody: RequestHandler = (req, _res, next) => {
  const length = Number(req.headers["content-length"] ?? 0);
  if (req.headers["transfer-encoding"] === undefined && !(length > 0)) {
    next();
    return;
  }
  let seen = 0;
  req.on("data", (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > MAX_DISCARDED_BODY) req.destroy();
  });
  req.once("end", () => next());
  req.once("error", () => {});
  req.resume();
};

const limitUrlLength: RequestHandler = (req, res, next) => {
  if (req.url.length > MAX_URL_LENGTH) {
    res.status(414).json({
      error: { code: "uri-too-long", message: `the request URL is longer than ${MAX_URL_LENGTH} characters` },
    });
    return;
  }
  next();
};

function cors(origin: string): RequestHandler {
  return (req, res, next) => {
    res.setHeader("Access-Control-Allow-Origin", origin);
    res.setHeader("Vary", "Origin");
    if (req.method === "OPTIONS") {
      res.setHeader("Access-Control-Allow-Methods", "GET");
      res.status(204).end();
      return;
    }
    next();
  };
}

/** Builds the app for a server context; listening is the caller's business. */
export function createApp(context: ServerContext, options: AppOptions): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.set("query parser", "simple");
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", "data:", "blob:"],
          connectSrc: ["'self'"],
          fontSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
    }),
  );
  app.use(limitUrlLength);
  app.use(discardBody);
  if (options.corsOrigin) app.use("/api", cors(options.corsOrigin));
  app.get("/api/openapi.json", (req, res) => {
    new QueryParams(req, []);
    res.json(OPENAPI_DOCUMENT);
  });
  app.use("/api", graphRoutes(context), queryRoutes(context), exportRoutes(context, options.onUnexpectedError));
  app.use("/api", notFoundHandler);
  if (existsSync(path.join(options.webDir, "index.html"))) {
    // No directory redirects: a 301 built from a hostile path is an open-redirect waiting to happen.
    app.use(
      express.static(options.webDir, { dotfiles: "ignore", index: "index.html", fallthrough: true, redirect: false }),
    );
  } else {
    app.get("/", (_req, res) => {
      res
        .type("text/plain")
        .send("RightsGraph API is running. The web app is not built: run `npm run build:web` (npm start does it).\n");
    });
  }
  app.use(notFoundHandler);
  app.use(errorHandler(options.onUnexpectedError));
  return app;
}
