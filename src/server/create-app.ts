// The Express app, separate from listen(): security headers, the API routes, the web app, one error handler.
import { existsSync } from "node:fs";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Express, type RequestHandler, type Router } from "express";
import { EDIT_RULES, INCLUDE_RULES, type IncludeValue } from "../api/parameters";
import type { EditStore } from "../edit";
import { ParameterError, RightsGraphError } from "../errors";
import { DEFAULT_STREAM_OPTIONS, StreamTurns } from "../export";
import { checkHost } from "./allowed-hosts";
import {
  AnswerCaches,
  DEFAULT_ANSWER_CACHE_OPTIONS,
  isKeptRequest,
  keepAnswerOf,
  sendKeptAnswer,
  type AnswerCacheOptions,
  type KeptAnswer,
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
import { setSecurityHeaders } from "./security-headers";
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
/** True when a request comes with a body (chunked, or of a length above 0). */
function hasBody(req: IncomingMessage): boolean {
  return req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
}

const discardBody: RequestHandler = (req, _res, next) => {
  // A body already read (the edit routes' JSON) has ended: waiting for its end would wait for ever.
  if (req.readableEnded) {
    next();
    return;
  }
  const parsedByRoute = isJsonPost(req) && JSON_BODY_PATHS.test(req.path);
  if (parsedByRoute || !hasBody(req)) {
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

/** The checks every request passes first. */
interface Admission {
  allowedHosts?: ReadonlySet<string>;
  isOverLimit?: (req: IncomingMessage) => boolean;
}

/**
 * What every request goes through first, in one middleware (each of a chain costs a call and a `next` at every
 * request): the security headers, the Host check (421), the connection limit (503) and the URL's length (414).
 */
function admit({ allowedHosts, isOverLimit }: Admission): RequestHandler {
  return (req, res, next) => {
    setSecurityHeaders(res);
    if (allowedHosts) checkHost(allowedHosts, req.headers.host, req.httpVersion);
    if (isOverLimit?.(req)) {
      res.setHeader("Connection", "close");
      throw new RightsGraphError("too-many-connections", "the server has too many open connections; try again shortly");
    }
    if (req.url.length > MAX_URL_LENGTH) {
      res.status(414).json({
        error: { code: "uri-too-long", message: `the request URL is longer than ${MAX_URL_LENGTH} characters` },
      });
      return;
    }
    next();
  };
}

/** True when `admit` lets a request through: its Host is allowed, its connection within the limit, its URL short. */
function admitted(req: IncomingMessage, { allowedHosts, isOverLimit }: Admission): boolean {
  if (allowedHosts) {
    try {
      checkHost(allowedHosts, req.headers.host, req.httpVersion);
    } catch {
      return false;
    }
  }
  return !isOverLimit?.(req) && req.url!.length <= MAX_URL_LENGTH;
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
function includeOf(query: Record<string, unknown>, fallback: IncludeValue): IncludeValue {
  const value = query[INCLUDE_RULES.name];
  if (value === undefined) return fallback;
  if (typeof value === "string" && (INCLUDE_RULES.values as readonly string[]).includes(value))
    return value as IncludeValue;
  throw new ParameterError(
    INCLUDE_RULES.name,
    `parameter "${INCLUDE_RULES.name}" must be given once, as ${INCLUDE_RULES.values.join(" or ")}`,
  );
}

/**
 * The kept answer for a GET without a body, if its URL has one for the graph it reads. Its `include` is read as the
 * app's query parser reads it; a bad one has none here (the route answers it with its 400).
 */
function keptAnswer(
  req: IncomingMessage,
  live: LiveGraph,
  include: IncludeValue,
  answers: AnswerCaches,
): KeptAnswer | undefined {
  const url = req.url!;
  if (!isKeptRequest(req, url) || hasBody(req)) return undefined;
  const search = url.indexOf("?");
  let context: ServerContext;
  try {
    context = live.contextFor(includeOf(search === -1 ? {} : parseQuery(url.slice(search + 1)), include));
  } catch {
    return undefined;
  }
  return answers.of(context)?.get(url);
}

/** The fast path of each app made here (see `withKeptAnswers`). */
const fastPaths = new WeakMap<Express, (req: IncomingMessage, res: ServerResponse) => boolean>();

/**
 * The app as a request listener that answers a repeated GET from the answer cache before Express, whose dispatch of
 * a request costs more than copying a kept answer: only when every check of the app's first middleware passes (then
 * with the same security headers). Any other request, and any that fails a check, goes to the app, which answers
 * it as it always does.
 */
export function withKeptAnswers(app: Express): RequestListener {
  const fast = fastPaths.get(app);
  if (fast === undefined) return app;
  return (req, res) => {
    if (!fast(req, res)) app(req, res);
  };
}

/**
 * The read routes of whatever graph `live` serves at the time of each request, with or without its suggested
 * records as the request's `include` asks: made again only when the graph has been replaced (edit mode), so a
 * request always sees one graph from start to end. A GET of a kept route is answered from that graph's answer cache,
 * or its answer is kept there as it is sent (answer-cache.ts).
 */
function liveRoutes(
  live: LiveGraph,
  include: IncludeValue,
  answers: AnswerCaches,
  make: (context: ServerContext) => Router,
): RequestHandler {
  const routers = new WeakMap<ServerContext, Router>();
  const routerOf = (context: ServerContext): Router => {
    let router = routers.get(context);
    if (!router) routers.set(context, (router = make(context)));
    return router;
  };
  const handler: RequestHandler = (req, res, next) => {
    const context = live.contextFor(includeOf(req.query as Record<string, unknown>, include));
    const cache = isKeptRequest(req, req.originalUrl) ? answers.of(context) : undefined;
    if (cache !== undefined) {
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
  const include = options.include ?? "suggested";
  const answers = new AnswerCaches(options.answerCache ?? DEFAULT_ANSWER_CACHE_OPTIONS);
  const admission: Admission = {
    ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
    ...(options.isOverLimit ? { isOverLimit: options.isOverLimit } : {}),
  };
  app.use(admit(admission));
  // Not with CORS, whose headers the app adds later.
  if (!options.corsOrigin) {
    fastPaths.set(app, (req, res) => {
      const answer = admitted(req, admission) ? keptAnswer(req, live, include, answers) : undefined;
      if (answer === undefined) return false;
      setSecurityHeaders(res);
      sendKeptAnswer(res, answer);
      return true;
    });
  }
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
    liveRoutes(live, include, answers, (context) => {
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
