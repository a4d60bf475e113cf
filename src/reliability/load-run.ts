// A bounded load run with autocannon against a server on 127.0.0.1: search, node, neighbourhood, path and export
// requests mixed, with the figures the reliability report prints.
import autocannon, { type Result } from "autocannon";
import { percentile } from "../bench/summary-stats";

/** The mix every connection cycles through: the requests analysts make, on the bundled graph's ids. */
export const LOAD_MIX: readonly string[] = [
  "/api/search?q=korea",
  "/api/nodes/state%3Aprk",
  "/api/search?q=Tomas",
  "/api/nodes/state%3Aprk/neighbors?depth=2",
  "/api/paths?from=state%3Akor&to=person%3Atomas-ojea-quintana&maxHops=4",
  "/api/search?q=sanctions%20relief",
  "/api/nodes/person%3Atomas-ojea-quintana",
  "/api/export?format=json&nodeTypes=state,un-body",
  "/api/paths?from=state%3Achn&to=state%3Akor&maxHops=3&limit=3",
  "/api/nodes/state%3Akor/neighbors?depth=1&direction=out",
  "/api/export?format=graphml&from=state%3Akor&to=state%3Aprk&maxHops=3",
  "/api/health",
];

export interface LoadOptions {
  /** Base URL; must be a loopback address. */
  url: string;
  connections: number;
  /** Runs this long, or (under `npm test`, where no time figure is asserted) until this many requests answered. */
  until: { seconds: number } | { requests: number };
  /** Per-request timeout, in seconds. */
  timeoutSeconds: number;
}

/** The latencies of one kind of request of the mix (a route: `/api/paths`, `/api/nodes/:id/neighbors`...). */
export interface KindLatency {
  kind: string;
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export interface LoadFigures {
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  p50: number;
  p99: number;
  max: number;
  requestsPerSecond: number;
  /** Per kind of request, in the order of the mix: which requests make the tail. */
  byKind: KindLatency[];
}

/** A request's route with its id replaced: `/api/nodes/state%3Aprk/neighbors` -> `/api/nodes/:id/neighbors`. */
export function requestKind(path: string): string {
  const route = path.split("?")[0]!;
  return route.replace(/^\/api\/nodes\/[^/]+/, "/api/nodes/:id");
}

function byKind(latencies: Map<string, number[]>): KindLatency[] {
  return [...latencies].map(([kind, values]) => ({
    kind,
    count: values.length,
    p50: Math.round(percentile(values, 50)),
    p99: Math.round(percentile(values, 99)),
    max: Math.round(Math.max(...values)),
  }));
}

/** Runs the mix and sums it up. Refuses any host but 127.0.0.1 or ::1: this never loads someone else's server. */
export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  const { hostname } = new URL(options.url);
  if (hostname !== "127.0.0.1" && hostname !== "[::1]")
    throw new Error(`runLoad: only loopback addresses are loaded, got "${hostname}"`);
  const latencies = new Map<string, number[]>(LOAD_MIX.map((path) => [requestKind(path), []]));
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        ...("seconds" in options.until ? { duration: options.until.seconds } : { amount: options.until.requests }),
        timeout: options.timeoutSeconds,
        requests: LOAD_MIX.map((path) => ({ method: "GET", path })),
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    // Emitted before the client sends its next request (one request in flight per connection): the client's
    // current request is the one just answered.
    instance.on("response", (client, _status, _bytes, responseTime) => {
      latencies.get(requestKind(client.requestIterator.currentRequest.path))?.push(responseTime);
    });
  });
  return {
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    requestsPerSecond: result.requests.average,
    byKind: byKind(latencies),
  };
}
