// The server's limits in one place (the settings pattern): timeouts, connections and exports. The README's
// "Server limits" table documents the defaults.
import { ParameterError } from "../errors";

export interface ServerLimits {
  /** A client must have sent its request line and headers within this time, in ms (408 otherwise). */
  headersTimeoutMs: number;
  /** ... and its whole request within this time, in ms. */
  requestTimeoutMs: number;
  /**
   * How often Node looks for requests past those timeouts, in ms. Node's default of 30 s let a 10 s header
   * timeout fire after up to 40 s.
   */
  connectionsCheckingIntervalMs: number;
  /** Open connections served; the next ones get a JSON 503 on their first request and are closed. */
  maxConnections: number;
  /** Connections beyond `maxConnections` that are still answered (503); past that they are closed unanswered. */
  extraConnections: number;
  /**
   * An export of a graph with more nodes and edges than this is heavy: only heavy exports are counted against
   * `maxConcurrentExports` (a path result or the bundled graph is written in moments).
   */
  heavyExportElements: number;
  /** Heavy exports written at once; further ones wait in a queue. */
  maxConcurrentExports: number;
  /** Heavy exports waiting for a turn; past that such a request gets a JSON 429 with Retry-After. */
  maxQueuedExports: number;
  /** The Retry-After of that 429, in seconds. */
  exportRetryAfterSeconds: number;
  /** An export whose client has not taken more data for this long is ended and its memory freed, in ms. */
  exportStallMs: number;
  /** Largest JSON body of `POST /api/query` (and its export), in bytes; a larger one gets a JSON 413. */
  maxQueryBodyBytes: number;
}

export const DEFAULT_SERVER_LIMITS: Readonly<ServerLimits> = Object.freeze({
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  connectionsCheckingIntervalMs: 1_000,
  maxConnections: 500,
  extraConnections: 100,
  heavyExportElements: 10_000,
  maxConcurrentExports: 4,
  maxQueuedExports: 16,
  exportRetryAfterSeconds: 5,
  exportStallMs: 30_000,
  maxQueryBodyBytes: 64 * 1024,
});

/** Throws a ParameterError naming the first limit that is not a whole number in range. */
export function validateServerLimits(limits: ServerLimits): void {
  for (const [name, value] of Object.entries(limits)) {
    const min = name === "maxQueuedExports" || name === "extraConnections" ? 0 : 1;
    if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
      throw new ParameterError(name, `server: limit "${name}" must be a whole number of at least ${min}, got ${value}`);
    }
  }
  if (limits.requestTimeoutMs < limits.headersTimeoutMs) {
    throw new ParameterError("requestTimeoutMs", "server: requestTimeoutMs must not be shorter than headersTimeoutMs");
  }
}

/** Fills in defaults and validates the result. */
export function resolveServerLimits(limits: Partial<ServerLimits> = {}): ServerLimits {
  const resolved = { ...DEFAULT_SERVER_LIMITS, ...limits };
  validateServerLimits(resolved);
  return resolved;
}
