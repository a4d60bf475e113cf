// Starts the HTTP server on a loaded dataset, and stops it gracefully: in-flight requests finish first.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { RightsGraphError } from "../errors";
import type { Dataset } from "../schema/types";
import { createApp, DEFAULT_WEB_DIR } from "./create-app";
import { createServerContext } from "./server-context";

export interface ServerOptions {
  port: number;
  host: string;
  webDir: string;
  corsOrigin?: string;
  log: (line: string) => void;
}

export const DEFAULT_SERVER_OPTIONS: Readonly<Omit<ServerOptions, "log">> = Object.freeze({
  port: 3000,
  host: "127.0.0.1",
  webDir: DEFAULT_WEB_DIR,
});

export interface RunningServer {
  server: Server;
  url: string;
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

/** Listens on host:port (port 0 picks a free one). A port in use is a RightsGraphError with a clear message. */
export async function startServer(dataset: Dataset, options: ServerOptions): Promise<RunningServer> {
  const context = createServerContext(dataset);
  const app = createApp(context, {
    webDir: options.webDir,
    ...(options.corsOrigin ? { corsOrigin: options.corsOrigin } : {}),
    onUnexpectedError: (error) =>
      options.log(`unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });
  const server = createServer({ maxHeaderSize: MAX_HEADER_SIZE, requestTimeout: 30_000, headersTimeout: 10_000 }, app);
  server.on("clientError", answerClientError);
  server.on("connect", refuseConnect);
  await new Promise<void>((resolve, reject) => {
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
  let closing: Promise<void> | null = null;
  return {
    server,
    url,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
