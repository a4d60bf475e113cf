// Sends a JSON answer as a stream of pieces, with the event loop free between them: serialising a hub's neighbourhood
// or a whole graph view in one JSON.stringify would hold every other request for as long.
import type { Response } from "express";
import { DEFAULT_STREAM_OPTIONS, streamChunks } from "../export";

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
 * Pieces, or characters of text, made between two looks at the clock while the first slice is made: a piece can be a
 * whole path of thousands of claims, and sixty-four of those are far more than a slice.
 */
const PIECES_PER_LOOK = 64;
const CHARACTERS_PER_LOOK = 64 * 1024;

/** The first slice's length: answers made within it are sent whole, as one write. */
const FIRST_SLICE_MS = DEFAULT_STREAM_OPTIONS.sliceMs;

/**
 * Answers 200 with `value` as JSON. An answer made within one slice (most are) is sent whole with its length, like
 * `res.json`; streaming every answer cost several writes and chunked encoding per request, which showed in the load
 * run. A longer one is streamed with backpressure in slices (see `streamChunks`), and stops if the client goes away.
 * Headers are sent with the first piece, so the value must be complete before this is called.
 */
export async function sendJson(res: Response, value: unknown): Promise<void> {
  res.status(200).type("application/json");
  const pieces = jsonPieces(value);
  const first: string[] = [];
  const started = performance.now();
  let characters = 0;
  for (;;) {
    const step = pieces.next();
    if (step.done) {
      res.send(first.join(""));
      return;
    }
    first.push(step.value);
    characters += step.value.length;
    if (first.length % PIECES_PER_LOOK === 0 || characters >= CHARACTERS_PER_LOOK) {
      characters = 0;
      if (performance.now() - started >= FIRST_SLICE_MS) break;
    }
  }
  try {
    await streamChunks(
      (function* () {
        yield* first;
        yield* pieces;
      })(),
      res,
    );
  } catch {
    // The answer has started: a failing socket can only be cut, so the client sees the answer incomplete.
    res.destroy();
  }
}
