// Sends a JSON answer as a stream of pieces, with the event loop free between them: serialising a hub's neighbourhood
// or a whole graph view in one JSON.stringify would hold every other request for as long.
import type { Response } from "express";
import { streamChunks } from "../export";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return (
    (prototype === Object.prototype || prototype === null) &&
    typeof (value as { toJSON?: unknown }).toJSON !== "function"
  );
}

/**
 * The JSON text of `value` in pieces: arrays and plain objects down to `depth` levels are opened, anything deeper is
 * one JSON.stringify each (a node, an edge). Joined, the pieces are exactly `JSON.stringify(value)`.
 */
export function* jsonPieces(value: unknown, depth = 2): Generator<string, void, undefined> {
  if (depth > 0 && Array.isArray(value)) {
    yield "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ",";
      const item = value[i];
      // JSON.stringify writes null for array holes and for values it cannot write.
      if (item === undefined || typeof item === "function" || typeof item === "symbol") yield "null";
      else yield* jsonPieces(item, depth - 1);
    }
    yield "]";
  } else if (depth > 0 && isPlainObject(value)) {
    yield "{";
    let first = true;
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
      yield `${first ? "" : ","}${JSON.stringify(key)}:`;
      first = false;
      yield* jsonPieces(item, depth - 1);
    }
    yield "}";
  } else {
    yield JSON.stringify(value);
  }
}

/**
 * Answers 200 with `value` as JSON, streamed with backpressure in slices (see `streamChunks`), and stops if the client
 * goes away. Headers are sent with the first piece, so the value must be complete before this is called.
 */
export async function sendJson(res: Response, value: unknown): Promise<void> {
  res.status(200).type("application/json");
  try {
    await streamChunks(jsonPieces(value), res);
  } catch {
    // The answer has started: a failing socket can only be cut, so the client sees the answer incomplete.
    res.destroy();
  }
}
