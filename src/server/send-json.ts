// Sends JSON answers: whole, with their length, when they are small or made within a slice; otherwise as a stream of
// pieces with the event loop free between them, since serialising a hub's neighbourhood or a whole graph view in one
// JSON.stringify would hold every other request for as long. Nodes and edges whose text the engine keeps are copied.
import type { Response } from "express";
import type { ElementForm, ElementTexts } from "../query";
import { sendBody, sendChunks } from "./send-chunks";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return (
    (prototype === Object.prototype || prototype === null) &&
    typeof (value as { toJSON?: unknown }).toJSON !== "function"
  );
}

/**
 * The UTF-8 JSON text kept for a value of an answer, given the name of the field that holds it or its list ("" at the
 * top), or undefined to write it.
 */
export type KeptText = (value: unknown, field: string) => Uint8Array | undefined;

/** How the items of a list are written, in `jsonPieces`. */
export interface ListPieces {
  /** Items written by one JSON.stringify, in a row (1: each item a piece). */
  itemsPerPiece?: number;
  /** The texts kept for some values (an answer's nodes and edges: `keptTexts`). */
  encoded?: KeptText;
}

/**
 * The texts an engine keeps of the nodes and edges it answers with, for an answer whose fields (or lists) hold them
 * in `forms` (`{ node: "node", edges: "edge" }`): each found by its id.
 */
export function keptTexts(texts: ElementTexts, forms: Readonly<Record<string, ElementForm>>): KeptText {
  return (value, field) => {
    if (!Object.hasOwn(forms, field) || !isPlainObject(value) || typeof value.id !== "string") return undefined;
    return texts.text(forms[field]!, value.id);
  };
}

/**
 * The JSON text of `value` in pieces: arrays and plain objects down to `depth` levels are opened, anything deeper is
 * one JSON.stringify each (a node, an edge), or one for `lists.itemsPerPiece` items of a list in a row; a value whose
 * text `lists.encoded` has (the answer's node, an item of a list) is that text, as bytes. Joined, the pieces are
 * exactly `JSON.stringify(value)`.
 */
export function* jsonPieces(
  value: unknown,
  depth = 2,
  lists: ListPieces = {},
  field = "",
): Generator<string | Uint8Array, void, undefined> {
  const { itemsPerPiece = 1, encoded } = lists;
  const kept = encoded?.(value, field);
  if (kept !== undefined) {
    yield kept;
  } else if (depth === 1 && Array.isArray(value) && (itemsPerPiece > 1 || encoded)) {
    // A run of items written by one JSON.stringify is the items' texts between brackets, joined by commas, with
    // holes and unwritable values as null, just as in the whole list: one call instead of a generator per item.
    yield "[";
    let wrote = false;
    let start = 0;
    for (let i = 0; i < value.length; i++) {
      const bytes = encoded?.(value[i], field);
      if (bytes === undefined && i + 1 - start < itemsPerPiece) continue;
      const end = bytes === undefined ? i + 1 : i;
      if (end > start) {
        yield `${wrote ? "," : ""}${JSON.stringify(value.slice(start, end)).slice(1, -1)}`;
        wrote = true;
      }
      if (bytes !== undefined) {
        if (wrote) yield ",";
        yield bytes;
        wrote = true;
      }
      start = i + 1;
    }
    if (value.length > start) yield `${wrote ? "," : ""}${JSON.stringify(value.slice(start)).slice(1, -1)}`;
    yield "]";
  } else if (depth > 0 && Array.isArray(value)) {
    yield "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ",";
      const item = value[i];
      // JSON.stringify writes null for array holes and for values it cannot write.
      if (item === undefined || typeof item === "function" || typeof item === "symbol") yield "null";
      else yield* jsonPieces(item, depth - 1, lists, field);
    }
    yield "]";
  } else if (depth > 0 && isPlainObject(value)) {
    yield "{";
    let first = true;
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
      yield `${first ? "" : ","}${JSON.stringify(key)}:`;
      first = false;
      yield* jsonPieces(item, depth - 1, lists, key);
    }
    yield "}";
  } else {
    yield JSON.stringify(value);
  }
}

/**
 * Items of a list written by one JSON.stringify when an answer is made in pieces. A generator step per node or edge
 * cost more than writing it; with a run of items per piece an answer is a few pieces, and the clock is still read
 * often.
 */
const ITEMS_PER_PIECE = 8;

/**
 * Answers with at most this many items in their lists (nodes, edges, paths, rows) are written by one
 * JSON.stringify: far within a slice, and cheaper than any pieces.
 */
const WHOLE_ANSWER_ITEMS = 256;

const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/**
 * Answers 200 with a JSON text whole, with its length: what `res.send` does for it, without the work it does for
 * bodies of every other kind. A HEAD request gets the headers only (Node leaves the body out).
 */
export function sendJsonText(res: Response, text: string): void {
  res.statusCode = 200;
  res.setHeader("Content-Type", JSON_CONTENT_TYPE);
  sendBody(res, text);
}

/** The items of the lists of an answer: a list's length, or the lengths of the lists among an object's fields. */
function listItems(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (!isPlainObject(value)) return 0;
  let items = 0;
  for (const key in value) {
    const field = value[key];
    if (Array.isArray(field)) items += field.length;
  }
  return items;
}

/**
 * Answers 200 with `value` as JSON. A small answer, or one made within one slice (most are), is sent whole with its
 * length, like `res.json`; streaming every answer cost several writes and chunked encoding per request, which showed
 * in the load run. A longer one is streamed with backpressure in slices (see `sendChunks`), and stops if the client
 * goes away. Values whose text `encoded` keeps (an engine's nodes and edges: `keptTexts`) are copied from there
 * instead of written again. Headers are sent with the first piece, so the value must be complete before
 * this is called.
 */
export async function sendJson(res: Response, value: unknown, encoded?: KeptText): Promise<void> {
  if (encoded === undefined && listItems(value) <= WHOLE_ANSWER_ITEMS) {
    sendJsonText(res, JSON.stringify(value));
    return;
  }
  res.setHeader("Content-Type", JSON_CONTENT_TYPE);
  try {
    await sendChunks(res, jsonPieces(value, 2, { itemsPerPiece: ITEMS_PER_PIECE, ...(encoded ? { encoded } : {}) }));
  } catch (error) {
    if (!res.headersSent) throw error;
    // The answer has started: a failing socket can only be cut, so the client sees the answer incomplete.
    res.destroy();
  }
}
