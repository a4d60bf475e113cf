// The Express app, separate from listen(): security headers, the API routes, the web app, one error handler.
import { existsSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Express, type Request, type RequestHandler, type Router } from "express";
import helmet from "helmet";
import { EDIT_RULES, INCLUDE_RULES, type IncludeValue } from "../api/parameters";
import type { EditStore } from "../edit";
import { ParameterError, RightsGraphError } from "../errors";
import { DEFAULT_STREAM_OPTIONS, StreamTurns } from "../export";
import { checkHost } from "./allowed-hosts";
import {
  AnswerCache,
  DEFAULT_ANSWER_CACHE_OPTIONS,
  isKeptRequest,
  keepAnswerOf,
  sendKeptAnswer,
  type AnswerCacheOptions,
} from "./answer-cache";
import { requireEditToken } from "./edit-auth";
import { errorHandler, notFoundHandler } from "./error-handler";
import { ExportGate } from "./export-gate";
import { OPENAPI_DOCUMENT } from "./openapi";
import { LiveGraph } from "./live-graph";
import { QueryParams } from "./query-params";
import { EDIT_BODY_TYPES, editRoutes } from "./routes/edit-routes";
import { eventRoutes, EventStreams } from "./routes/event-routes";
import { exportRoutes, type ExportRuntime } from "./routes/export-routes";
import { isJsonPost, JSON_BODY_PATHS } from "./json-body";
import { cypherRoutes } from "./routes/cypher-routes";
import { sourceRoutes } from "./routes/source-routes";
import { graphRoutes } from "./routes/graph-routes";
import { queryRoutes } from "./routes/query-routes";
import type { ServerContext } from "./server-context";
import { resolveServerLimits, type ServerLimits } from "./server-limits";

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
  /**
   * Host names answered (see allowed-hosts.ts); any other Host gets a 421. `startServer` always sets it; an app
   * made without it (tests driving it in-process) does not check Host.
   */
  allowedHosts?: ReadonlySet<string>;
  /** True for a connection beyond the server's limit: its requests get a 503 and it is closed. */
  isOverLimit?: (req: IncomingMessage) => boolean;
  /** Limits on exports (the rest of ServerLimits is the HTTP server's). */
  limits?: Partial<ServerLimits>;
  /** The exports' shared places and turns; made from `limits` when not given. */
  exports?: ExportRuntime;
  /** Edit mode: the write API under /api/edit (with this token) and /api/events; without it the API only reads. */
  edit?: EditModeApp;
  /**
   * Whether the read routes answer with the suggested records the dataset holds when a request does not say
   * (`include`): `suggested` unless told otherwise, since a dataset loaded with suggestions was loaded to show them.
   */
  include?: IncludeValue;
  /** Bounds of the cache of finished answers (answer-cache.ts); `maxBytes: 0` keeps none. */
  answerCache?: AnswerCacheOptions;
}

/** What an app in edit mode needs: the token writes must carry, the record writer, and its open event streams. */
export interface EditModeApp {
  token: string;
  store: EditStore;
  streams: EventStreams;
}

/** Methods the server answers (POST only on the query routes); anything else is a 404, or a 405 for OPTIONS. */
const ALLOWED_METHODS = "GET, HEAD, POST";

/** Largest unexpected request body read and discarded before answering; a larger one is cut off. */
export const MAX_DISCARDED_BODY = 16 * 1024 * 1024;

/**
 * Only the query routes take a request body (JSON, parsed there with its own limit; see json-body.ts). Any other
 * that arrives is read and discarded before the answer goes out: closing a socket with unread data makes the kernel
 * reset the connection, and the reset can destroy the answer before the client reads it. A body over
 * MAX_DISCARDED_BODY is cut off.
 */
const discardBody: RequestHandler = (req, _res, next) => {
  // A body already read (the edit routes' JSON) has ended: waiting for its end would wait for ever.
  if (req.readableEnded) {
    next();
    return;
  }
  const length = Number(req.headers["content-length"] ?? 0);
  const parsedByRoute = isJsonPost(req) && JSON_BODY_PATHS.test(req.path);
  if (parsedByRoute || (req.headers["transfer-encoding"] === undefined && !(length > 0))) {
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

/** The exports' shared places and turns, for an app (or a server) with these limits. */
export function createExportRuntime(limits: Partial<ServerLimits> = {}): ExportRuntime {
  const resolved = resolveServerLimits(limits);
  const turns = new StreamTurns(DEFAULT_STREAM_OPTIONS.sliceMs);
  return {
    gate: new ExportGate(resolved),
    heavyElements: resolved.heavyExportElements,
    turns,
    stallMs: resolved.exportStallMs,
  };
}

function hostCheck(allowed: ReadonlySet<string>): RequestHandler {
  return (req, _res, next) => {
    checkHost(allowed, req.headers.host, req.httpVersion);
    next();
  };
}

function connectionLimit(isOverLimit: (req: IncomingMessage) => boolean): RequestHandler {
  return (req, res, next) => {
    if (!isOverLimit(req)) {
      next();
      return;
    }
    res.setHeader("Connection", "close");
    throw new RightsGraphError("too-many-connections", "the server has too many open connections; try again shortly");
  };
}

/** OPTIONS is not served (CORS preflights are, when an origin is configured): a JSON 405 like other errors. */
const refuseOptions: RequestHandler = (req, res, next) => {
  if (req.method !== "OPTIONS") {
    next();
    return;
  }
  res.setHeader("Allow", ALLOWED_METHODS);
  throw new RightsGraphError("method-not-allowed", `OPTIONS is not supported; this server answers ${ALLOWED_METHODS}`);
};

/** The `include` a request asks for (INCLUDE_RULES), else the server's default; a bad value is a 400 naming it. */
function includeOf(req: Request, fallback: IncludeValue): IncludeValue {
  const value = (req.query as Record<string, unknown>)[INCLUDE_RULES.name];
  if (value === undefined) return fallback;
  if (typeof value === "string" && (INCLUDE_RULES.values as readonly string[]).includes(value))
    return value as IncludeValue;
  throw new ParameterError(
    INCLUDE_RULES.name,
    `parameter "${INCLUDE_RULES.name}" must be given once, as ${INCLUDE_RULES.values.join(" or ")}`,
  );
}

/**
 * The read routes of whatever graph `live` serves at the time of each request, with or without its suggested
 * records as the request's `include` asks: made again only when the graph has been replaced (edit mode), so a
 * request always sees one graph from start to end.
 */
function liveRoutes(
  live: LiveGraph,
  include: IncludeValue,
  cacheOptions: AnswerCacheOptions,
  make: (context: ServerContext) => Router,
): RequestHandler {
  const routers = new WeakMap<ServerContext, Router>();
  const routerOf = (context: ServerContext): Router => {
    let router = routers.get(context);
    if (!router) routers.set(context, (router = make(context)));
    return router;
  };
  // One cache per graph served: a new graph (an edit, a reload) starts empty, and the old one goes with its graph.
  const caches = new WeakMap<ServerContext, AnswerCache>();
  const cacheOf = (context: ServerContext): AnswerCache => {
    let cache = caches.get(context);
    if (!cache) caches.set(context, (cache = new AnswerCache(cacheOptions)));
    return cache;
  };
  const handler: RequestHandler = (req, res, next) => {
    const context = live.contextFor(includeOf(req, include));
    if (cacheOptions.maxBytes > 0 && isKeptRequest(req, req.originalUrl)) {
      const cache = cacheOf(context);
      const kept = cache.get(req.originalUrl);
      if (kept !== undefined) {
        sendKeptAnswer(res, kept);
        return;
      }
      keepAnswerOf(req, cache, req.originalUrl);
    }
    routerOf(context)(req, res, next);
  };
  // The routes of the graph served now, for those that list an app's routes (the OpenAPI test).
  Object.defineProperty(handler, "stack", { get: () => routerOf(live.contextFor(include)).stack });
  return handler;
}

/** Builds the app for a server context (or a live graph, in edit mode); listening is the caller's business. */
export function createApp(source: ServerContext | LiveGraph, options: AppOptions): Express {
  const live = source instanceof LiveGraph ? source : new LiveGraph(source);
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
  if (options.allowedHosts) app.use(hostCheck(options.allowedHosts));
  if (options.isOverLimit) app.use(connectionLimit(options.isOverLimit));
  app.use(limitUrlLength);
  // The write API reads its JSON bodies; every other body is read and discarded.
  if (options.edit)
    app.use("/api/edit", express.json({ limit: EDIT_RULES.maxBodyBytes, type: [...EDIT_BODY_TYPES], strict: true }));
  app.use(discardBody);
  if (options.corsOrigin) app.use("/api", cors(options.corsOrigin));
  app.use(refuseOptions);
  if (options.edit) {
    app.use("/api/edit", requireEditToken(options.edit.token));
    app.use("/api", editRoutes(options.edit.store, live));
    app.use("/api", eventRoutes(live, options.edit.streams, EDIT_RULES.keepAliveMs));
  }
  app.get("/api/openapi.json", (req, res) => {
    new QueryParams(req, []);
    res.json(OPENAPI_DOCUMENT);
  });
  const exports = options.exports ?? createExportRuntime(options.limits);
  const { maxQueryBodyBytes } = resolveServerLimits(options.limits);
  const status = options.edit
    ? () => ({ edit: true as const, version: live.version, problems: live.problems.length })
    : undefined;
  app.use(
    "/api",
    liveRoutes(live, options.include ?? "suggested", options.answerCache ?? DEFAULT_ANSWER_CACHE_OPTIONS, (context) => {
      const router = express.Router();
      router.use(
        graphRoutes(context, maxQueryBodyBytes, status),
        queryRoutes(context),
        sourceRoutes(context),
        cypherRoutes(context, exports, maxQueryBodyBytes, options.onUnexpectedError),
        exportRoutes(context, exports, options.onUnexpectedError),
      );
      return router;
    }),
  );
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
