// Starts the HTTP server on a loaded dataset, and stops it gracefully: in-flight requests finish first.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { networkInterfaces } from "node:os";
import type { Duplex } from "node:stream";
import { EDIT_RULES, type IncludeValue } from "../api/parameters";
import { EditStore } from "../edit";
import { DEFAULT_SLICE_MS } from "../query";
import { RightsGraphError } from "../errors";
import type { Dataset } from "../schema/types";
import { allowedHostNames, checkAllowedHosts } from "./allowed-hosts";
import { DEFAULT_ANSWER_CACHE_OPTIONS } from "./answer-cache";
import { createApp, createExportRuntime, DEFAULT_WEB_DIR, withKeptAnswers, type EditModeApp } from "./create-app";
import { LiveGraph } from "./live-graph";
import { EventStreams } from "./routes/event-routes";
import type { ExportRuntime } from "./routes/export-routes";
import { createServerContext } from "./server-context";
import { resolveServerLimits, type ServerLimits } from "./server-limits";
import { turnDispatch } from "./turn-dispatch";
import { warmUp } from "./warm-up";
import { watchData, type DataWatcher } from "./watch-data";

export interface ServerOptions {
  port: number;
  host: string;
  webDir: string;
  corsOrigin?: string;
  /** Host names answered besides the listen address and localhost (--allowed-hosts). */
  allowedHosts?: string[];
  /** Timeouts, connections and exports; DEFAULT_SERVER_LIMITS for what is not given. */
  limits?: Partial<ServerLimits>;
  /** Edit mode: writes with this token, to the dataset's data folder, which is watched for hand edits. */
  edit?: EditModeOptions;
  /** Whether requests that do not say (`include`) get the suggested records the dataset holds; yes by default. */
  include?: IncludeValue;
  /** Whether finished answers are kept and copied for a repeated URL (answer-cache.ts); yes unless false. */
  answerCache?: boolean;
  log: (line: string) => void;
}

export interface EditModeOptions {
  /** The bearer token writes must carry. */
  token: string;
  /** Whether suggested records are served (and loaded again after each change) with the others. */
  suggestions: boolean;
  /** Whether hand edits to the files are watched for (on by default). */
  watch?: boolean;
}

export const DEFAULT_SERVER_OPTIONS: Readonly<Omit<ServerOptions, "log">> = Object.freeze({
  port: 3000,
  host: "127.0.0.1",
  webDir: DEFAULT_WEB_DIR,
});

export interface RunningServer {
  server: Server;
  url: string;
  /** The Host names it answers. */
  allowedHosts: ReadonlySet<string>;
  /** Its exports' places and turns (how many run and wait, for diagnostics and tests). */
  exports: ExportRuntime;
  /** The graph served now (in edit mode, with its version and problems). */
  live: LiveGraph;
  /** In edit mode: the record writer (with its log file). */
  store?: EditStore;
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  close(): Promise<void>;
}

/** Longest request line plus headers accepted, in bytes; longer requests get 431. */
export const MAX_HEADER_SIZE = 32 * 1024;

/** A complete JSON error answer written straight to a socket, for requests that never reach Express. */
function socketAnswer(status: number, reason: string, code: string, message: string): string {
  const body = JSON.stringify({ error: { code, message } });
  return (
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`
  );
}

/**
 * Node answers a request it cannot parse with a bare status line; this answers JSON like every other error, with
 * the status Node would have chosen. Nothing is written once an answer has started on the connection.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  const net = socket as Duplex & { bytesWritten?: number };
  if (error.code === "ECONNRESET" || !socket.writable || (net.bytesWritten ?? 0) > 0) {
    socket.destroy();
    return;
  }
  if (error.code === "HPE_HEADER_OVERFLOW")
    socket.end(
      socketAnswer(
        431,
        "Request Header Fields Too Large",
        "headers-too-large",
        `the request line and headers are longer than ${MAX_HEADER_SIZE} bytes`,
      ),
    );
  else if (error.code === "ERR_HTTP_REQUEST_TIMEOUT")
    socket.end(socketAnswer(408, "Request Timeout", "request-timeout", "the request took too long to arrive"));
  else socket.end(socketAnswer(400, "Bad Request", "bad-request", "the request is not valid HTTP/1.1"));
}

/** CONNECT is never served; without this Node would drop the connection without an answer. */
function refuseConnect(_req: IncomingMessage, socket: Duplex): void {
  socket.end(socketAnswer(405, "Method Not Allowed", "method-not-allowed", "CONNECT is not supported"));
}

/**
 * Edit mode's parts: the record writer, which passes each good dataset to the live graph (and the problems of a
 * bad one), the open event streams, and the watcher of hand edits.
 */
async function editMode(
  dataset: Dataset,
  live: LiveGraph,
  options: EditModeOptions,
  log: (line: string) => void,
): Promise<{ app: EditModeApp; watcher?: DataWatcher }> {
  let watcher: DataWatcher | undefined;
  const store = EditStore.open(dataset.dataDir, dataset, {
    load: { suggestions: options.suggestions },
    undoDepth: EDIT_RULES.undoDepth,
    onDataset: (next) => live.replace(next),
    afterWrite: async () => watcher?.settle(),
    onProblems: (problems) => {
      live.setProblems(problems);
      if (problems.length > 0)
        log(`data changed on disk but has ${problems.length} problem(s); still serving version ${live.version}`);
    },
  });
  if (options.watch !== false)
    watcher = await watchData(
      dataset.dataDir,
      EDIT_RULES.watchDebounceMs,
      () => store.reload(),
      (error) => log(`watching ${dataset.dataDir}: ${error instanceof Error ? error.message : String(error)}`),
    );
  return { app: { token: options.token, store, streams: new EventStreams() }, ...(watcher ? { watcher } : {}) };
}

/** The machine's own IP addresses, for a server listening on every interface. */
function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .flatMap((info) => (info ? [info.address] : []));
}

/** Listens on host:port (port 0 picks a free one). A port in use is a RightsGraphError with a clear message. */
export async function startServer(dataset: Dataset, options: ServerOptions): Promise<RunningServer> {
  const limits = resolveServerLimits(options.limits);
  checkAllowedHosts(options.allowedHosts ?? []);
  const context = createServerContext(dataset);
  const live = new LiveGraph(context);
  // Ready before the first request: the view requests get when they do not say (without suggested records, a
  // context of its own when the data has some) and the compiled code of every kind of request (warm-up.ts).
  await warmUp(live.contextFor(options.include ?? "suggested"));
  const edit = options.edit ? await editMode(dataset, live, options.edit, options.log) : undefined;
  // Filled once the address is known, before the first request can arrive.
  const allowedHosts = new Set<string>();
  // Connections past maxConnections: their requests get a 503 and the connection is closed.
  const overLimit = new WeakSet<Socket>();
  const exports = createExportRuntime(limits);
  const app = createApp(live, {
    webDir: options.webDir,
    ...(options.corsOrigin ? { corsOrigin: options.corsOrigin } : {}),
    onUnexpectedError: (error) =>
      options.log(`unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    allowedHosts,
    isOverLimit: (req) => overLimit.has(req.socket),
    exports,
    ...(edit ? { edit: edit.app } : {}),
    ...(options.include ? { include: options.include } : {}),
    ...(options.answerCache === false ? { answerCache: { ...DEFAULT_ANSWER_CACHE_OPTIONS, maxBytes: 0 } } : {}),
  });
  const server = createServer(
    {
      maxHeaderSize: MAX_HEADER_SIZE,
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: limits.headersTimeoutMs,
      connectionsCheckingInterval: limits.connectionsCheckingIntervalMs,
      // Checked by the app, which answers JSON like every other error (Node's answer is a bare 400).
      requireHostHeader: false,
    },
    // A slice of requests per turn of the loop, so that connections opened together are all accepted soon.
    turnDispatch(withKeptAnswers(app), { sliceMs: DEFAULT_SLICE_MS }),
  );
  // Past the answered extra connections, Node closes new ones at once, so their file descriptors stay bounded.
  server.maxConnections = limits.maxConnections + limits.extraConnections;
  let open = 0;
  server.on("connection", (socket: Socket) => {
    open += 1;
    if (open > limits.maxConnections) overLimit.add(socket);
    socket.once("close", () => (open -= 1));
  });
  server.on("clientError", answerClientError);
  server.on("connect", refuseConnect);
  await new Promise<void>((resolve, reject) => {
    server.once("error", () => edit?.watcher?.close());
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE")
        reject(
          new RightsGraphError(
            "port-in-use",
            `port ${options.port} on ${options.host} is already in use; choose another with --port or PORT`,
          ),
        );
      else if (error.code === "EACCES")
        reject(
          new RightsGraphError(
            "port-denied",
            `not allowed to listen on port ${options.port}; choose a port above 1023`,
          ),
        );
      else reject(error);
    });
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  const names = allowedHostNames({
    host: options.host,
    address: address.address,
    configured: options.allowedHosts ?? [],
    interfaceAddresses,
  });
  for (const name of names) allowedHosts.add(name);
  let closing: Promise<void> | null = null;
  return {
    server,
    url,
    allowedHosts,
    exports,
    live,
    ...(edit ? { store: edit.app.store } : {}),
    close() {
      closing ??= new Promise<void>((resolve) => {
        edit?.watcher?.close();
        server.close(() => resolve());
        edit?.app.streams.endAll();
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
