// Starts the HTTP server on a loaded dataset, and stops it gracefully: in-flight requests finish first.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
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

/** Listens on host:port (port 0 picks a free one). A port in use is a RightsGraphError with a clear message. */
export async function startServer(dataset: Dataset, options: ServerOptions): Promise<RunningServer> {
  const context = createServerContext(dataset);
  const app = createApp(context, {
    webDir: options.webDir,
    ...(options.corsOrigin ? { corsOrigin: options.corsOrigin } : {}),
    onUnexpectedError: (error) =>
      options.log(`unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });
  const server = createServer({ maxHeaderSize: 32 * 1024, requestTimeout: 30_000, headersTimeout: 10_000 }, app);
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
