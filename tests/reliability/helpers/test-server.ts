// The real server on the bundled graph, listening on a free port of 127.0.0.1, with what it logged.
import { loadDataset } from "../../../src/data";
import { DEFAULT_WEB_DIR, startServer, type RunningServer, type ServerOptions } from "../../../src/server";
import type { Dataset } from "../../../src/schema";

export interface TestServer {
  running: RunningServer;
  port: number;
  /** Lines the server logged (unexpected errors); a test asserts there are none. */
  logged: string[];
}

/**
 * Starts the server as `rightsgraph serve` would, on port 0 of the loopback interface; `options` sets limits and
 * allowed hosts.
 */
export async function startTestServer(
  dataset?: Dataset,
  corsOrigin?: string,
  options: Pick<ServerOptions, "limits" | "allowedHosts"> = {},
): Promise<TestServer> {
  const logged: string[] = [];
  const running = await startServer(dataset ?? (await loadDataset()), {
    port: 0,
    host: "127.0.0.1",
    webDir: DEFAULT_WEB_DIR,
    ...(corsOrigin ? { corsOrigin } : {}),
    ...options,
    log: (line) => logged.push(line),
  });
  return { running, port: Number(new URL(running.url).port), logged };
}
