// Sends an answer made of chunks: whole, with its length, when every chunk is made within the first slice (most
// answers: a neighbourhood, a path export), else streamed in slices like an export. Streaming costs a write per
// batch of chunks and chunked encoding; sent whole, the answer is one write, the headers in it.
import type { Response } from "express";
import { DEFAULT_STREAM_OPTIONS, streamChunks, type StreamChunksOptions, type StreamOutcome } from "../export";
import { answerCollector, keptAnswerSent } from "./answer-cache";

/**
 * Chunks, or characters (bytes) of them, made between two looks at the clock while the first slice is made: one
 * chunk can be a long path of hundreds of claims.
 */
const CHUNKS_PER_LOOK = 8;
const CHARACTERS_PER_LOOK = 64 * 1024;

/** How an answer went: sent whole, or streamed (and how that ended: see `streamChunks`). */
export type SendOutcome = "whole" | StreamOutcome;

/**
 * Answers 200 with `chunks`; the caller has set the content type. Made within the first slice of `options.sliceMs`
 * (DEFAULT_STREAM_OPTIONS' by default), they are sent whole with Content-Length; otherwise what was made is sent
 * first and the rest follows with `streamChunks` and `options` (backpressure, shared turns, stalled clients cut
 * off). An error while the first slice is made is thrown before anything is sent.
 */
export async function sendChunks(
  res: Response,
  chunks: Iterable<string | Uint8Array>,
  options: Partial<StreamChunksOptions> = {},
): Promise<SendOutcome> {
  const sliceMs = options.sliceMs ?? DEFAULT_STREAM_OPTIONS.sliceMs;
  const iterator = chunks[Symbol.iterator]();
  const first: (string | Uint8Array)[] = [];
  const started = performance.now();
  let characters = 0;
  for (;;) {
    const step = iterator.next();
    if (step.done) {
      sendBody(res, first);
      return "whole";
    }
    first.push(step.value);
    characters += step.value.length;
    if (first.length % CHUNKS_PER_LOOK === 0 || characters >= CHARACTERS_PER_LOOK) {
      characters = 0;
      if (performance.now() - started >= sliceMs) break;
    }
  }
  res.statusCode = 200;
  const collector = answerCollector(res.req);
  const outcome = await streamChunks(
    (function* () {
      // Closes the caller's chunks too when the stream stops early (a client that left), wherever it stopped.
      try {
        for (const piece of coalesce(first)) yield collect(piece);
        for (const piece of coalesce({ [Symbol.iterator]: () => iterator })) yield collect(piece);
      } finally {
        iterator.return?.();
      }
    })(),
    res,
    options,
  );
  if (outcome === "finished") collector?.finished(res);
  return outcome;

  function collect(piece: Buffer): Buffer {
    collector?.add(piece);
    return piece;
  }
}

/** Bytes of chunks joined into one write while streaming. */
const WRITE_BYTES = 64 * 1024;

/**
 * The chunks joined into buffers of about WRITE_BYTES: the texts of nodes and edges kept as bytes are single chunks,
 * and a write each would be a system call each.
 */
function* coalesce(chunks: Iterable<string | Uint8Array>): Generator<Buffer, void, undefined> {
  let held: (string | Uint8Array)[] = [];
  let size = 0;
  for (const chunk of chunks) {
    held.push(chunk);
    size += chunk.length;
    if (size >= WRITE_BYTES) {
      yield joinChunks(held);
      held = [];
      size = 0;
    }
  }
  if (held.length > 0) yield joinChunks(held);
}

/** Chunks as one buffer, each run of strings encoded at once. */
function joinChunks(chunks: readonly (string | Uint8Array)[]): Buffer {
  const parts: Uint8Array[] = [];
  let texts: string[] = [];
  for (const chunk of chunks) {
    if (typeof chunk === "string") {
      texts.push(chunk);
      continue;
    }
    if (texts.length > 0) parts.push(Buffer.from(texts.join(""), "utf8"));
    texts = [];
    parts.push(chunk);
  }
  if (texts.length > 0) parts.push(Buffer.from(texts.join(""), "utf8"));
  return Buffer.concat(parts);
}

/**
 * Answers 200 with `body` (a text, or chunks of one) and its length; the caller has set the content type. The body
 * is encoded once: given a string, Node would measure its UTF-8 length for the header and again as it writes it,
 * which for the long texts of answers with quotes in them cost more than encoding it. An answer of a kept route is
 * kept (answer-cache.ts).
 */
export function sendBody(res: Response, body: string | readonly (string | Uint8Array)[]): void {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : joinChunks(body);
  res.statusCode = 200;
  res.setHeader("Content-Length", bytes.length);
  res.end(bytes);
  keptAnswerSent(res, bytes);
}
