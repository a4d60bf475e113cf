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
    // Items' texts joined into runs, a piece per run: a generator step per item cost more than writing it. A run
    // ends at `itemsPerPiece` items or RUN_CHARACTERS of text, so a list of long items (paths) is still many pieces.
    yield "[";
    let run: string[] = [];
    let runCharacters = 0;
    let wrote = false;
    for (let i = 0; i < value.length; i++) {
      const bytes = encoded?.(value[i], field);
      if (bytes !== undefined) {
        if (run.length > 0) yield `${wrote ? "," : ""}${run.join(",")}`;
        if (run.length > 0 || wrote) yield ",";
        yield bytes;
        run = [];
        runCharacters = 0;
        wrote = true;
        continue;
      }
      // JSON.stringify writes null in a list for holes and for values it cannot write, alone it writes nothing.
      const text = JSON.stringify(value[i]) ?? "null";
      run.push(text);
      runCharacters += text.length;
      if (run.length >= itemsPerPiece || runCharacters >= RUN_CHARACTERS) {
        yield `${wrote ? "," : ""}${run.join(",")}`;
        run = [];
        runCharacters = 0;
        wrote = true;
      }
    }
    if (run.length > 0) yield `${wrote ? "," : ""}${run.join(",")}`;
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

/** Characters of list items' text at most in one piece, whatever the count of items. */
const RUN_CHARACTERS = 16 * 1024;

/**
 * Items of a list written by one JSON.stringify when an answer is made in pieces. A generator step per node or edge
 * cost more than writing it; with a run of items per piece an answer is a few pieces, and the clock is still read
 * often.
 */
const ITEMS_PER_PIECE = 8;

/**
 * Answers with at most this many items in their lists and their items' lists (results, paths and their steps, rows)
 * are written by one JSON.stringify: far within a slice, and cheaper than any pieces.
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

/** The lists of a value: itself when a list, else the lists among its fields when a plain object. */
function listsOf(value: unknown): unknown[][] {
  if (Array.isArray(value)) return [value];
  if (!isPlainObject(value)) return [];
  return Object.values(value).filter((field): field is unknown[] => Array.isArray(field));
}

/**
 * Whether an answer has at most `limit` items in its lists and in the lists of those items (a path's nodes, edges
 * and claims): a count that stops at the limit, so a large answer costs no more to judge than a small one.
 */
function hasFewItems(value: unknown, limit: number): boolean {
  let items = 0;
  for (const list of listsOf(value)) {
    items += list.length;
    for (let i = 0; i < list.length && items <= limit; i++) for (const inner of listsOf(list[i])) items += inner.length;
    if (items > limit) return false;
  }
  return true;
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
  if (encoded === undefined && hasFewItems(value, WHOLE_ANSWER_ITEMS)) {
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
