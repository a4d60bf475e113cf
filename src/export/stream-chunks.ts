// Writes chunks to a stream politely: waits when the destination is full, stops when it goes away or stops
// reading, and shares the event loop with every other export so that none stalls the server's other requests.
import type { Writable } from "node:stream";
import { ParameterError } from "../errors";
import { StreamTurns } from "./stream-turns";

/** Anything chunks can be written to: an HTTP response, a file stream, process.stdout. */
export type ChunkDestination = NodeJS.WritableStream | Writable;

/** The chunks of an export: made synchronously (the text formats) or with waits in between (the zip). */
export type Chunks = Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/**
 * How a stream ended: every chunk written, the destination closed first (a client that went away), or the
 * destination stopped taking data for longer than `stallMs` and was destroyed (a client that stopped reading).
 */
export type StreamOutcome = "finished" | "closed" | "stalled";

export interface StreamChunksOptions {
  /** End the destination after the last chunk (never done to process.stdout and process.stderr). */
  end: boolean;
  /** Work at most this long before letting the event loop run, in milliseconds. */
  sliceMs: number;
  /**
   * Turns shared with other streams (the server's exports): together they work about one slice per turn of the
   * loop. Each stream has its own when none is given.
   */
  turns?: StreamTurns;
  /** Join small chunks into writes of about this many UTF-16 code units. */
  batchSize: number;
  /** Destroy the destination when it has not taken more data for this long, in milliseconds. */
  stallMs: number;
}

export const DEFAULT_STREAM_OPTIONS: Readonly<StreamChunksOptions> = Object.freeze({
  end: true,
  // Well under the ~20 ms a request may wait behind an export.
  sliceMs: 8,
  batchSize: 64 * 1024,
  // A file or a terminal may be slow, never gone: only the server sets a limit.
  stallMs: Infinity,
});

/** Fills in defaults and validates the result. */
export function resolveStreamOptions(options: Partial<StreamChunksOptions> = {}): StreamChunksOptions {
  const resolved = { ...DEFAULT_STREAM_OPTIONS, ...options };
  for (const name of ["sliceMs", "batchSize", "stallMs"] as const) {
    const value = resolved[name];
    if (typeof value !== "number" || Number.isNaN(value) || value <= 0 || (name !== "stallMs" && value === Infinity)) {
      throw new ParameterError(name, `streamChunks: option "${name}" must be a positive number, got ${String(value)}`);
    }
  }
  if (resolved.turns !== undefined && !(resolved.turns instanceof StreamTurns)) {
    throw new ParameterError("turns", 'streamChunks: option "turns" must be a StreamTurns');
  }
  return resolved;
}

function isGone(out: ChunkDestination): boolean {
  const writable = out as Partial<Writable>;
  return writable.destroyed === true || writable.writableEnded === true || writable.closed === true;
}

/**
 * Resolves true on the first of the given events, false when `timeoutMs` passes first; rejects on "error".
 */
function once(out: ChunkDestination, events: string[], timeoutMs = Infinity): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const timer = timeoutMs === Infinity ? undefined : setTimeout(() => settle(() => resolve(false)), timeoutMs);
    const settle = (then: () => void): void => {
      clearTimeout(timer);
      for (const event of events) out.removeListener(event, done);
      out.removeListener("error", fail);
      then();
    };
    const done = (): void => settle(() => resolve(true));
    const fail = (error: unknown): void => settle(() => reject(error));
    for (const event of events) out.on(event, done);
    out.on("error", fail);
  });
}

function iteratorOf(chunks: Chunks): Iterator<string | Uint8Array> | AsyncIterator<string | Uint8Array> {
  return Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : chunks[Symbol.iterator]();
}

/**
 * Writes every chunk to `out`, in order. Respects backpressure (waits for "drain" when `write` returns false,
 * and destroys `out` if that takes longer than `stallMs`), stops as soon as the destination is destroyed or
 * closed (the chunks' iterator is then closed too, so no more work is done for a client that left), and works in
 * turns of at most `sliceMs` with the event loop free in between.
 *
 * @returns "finished" when every chunk was written, "closed" when the destination went away first, "stalled"
 *          when it stopped taking data and was destroyed.
 * @throws the destination's error if it emits one, or the chunks' iterator's.
 */
export async function streamChunks(
  chunks: Chunks,
  out: ChunkDestination,
  options: Partial<StreamChunksOptions> = {},
): Promise<StreamOutcome> {
  const settings = resolveStreamOptions(options);
  const turns = settings.turns ?? new StreamTurns(settings.sliceMs);
  let failure: { error: unknown } | undefined;
  // Held for the whole run so an error between writes rejects this call instead of crashing the process.
  const onError = (error: unknown): void => {
    failure ??= { error };
  };
  out.on("error", onError);

  let turnStart: number | null = null;
  const beginTurn = async (): Promise<void> => {
    await turns.acquire();
    turnStart = performance.now();
  };
  const endTurn = (): void => {
    if (turnStart === null) return;
    turns.release(performance.now() - turnStart);
    turnStart = null;
  };
  /** Lets others work while this stream waits for something outside it. */
  const waitFor = async <T>(what: Promise<T>): Promise<T> => {
    endTurn();
    try {
      return await what;
    } finally {
      await beginTurn();
    }
  };

  const iterator = iteratorOf(chunks);
  let outcome: StreamOutcome | null = null;
  try {
    let pending: string[] = [];
    let pendingSize = 0;

    // Returns false when the destination is gone or was destroyed for stalling.
    const write = async (chunk: string | Uint8Array): Promise<boolean> => {
      if (failure) throw failure.error;
      if (isGone(out)) return false;
      if (!out.write(chunk)) {
        const drained = await waitFor(once(out, ["drain", "close"], settings.stallMs));
        if (!drained) {
          outcome = "stalled";
          (out as Writable).destroy();
          return false;
        }
        if (isGone(out)) return false;
      }
      return true;
    };
    const flush = async (): Promise<boolean> => {
      if (pending.length === 0) return true;
      const text = pending.join("");
      pending = [];
      pendingSize = 0;
      return write(text);
    };
    const gone = (): StreamOutcome => outcome ?? "closed";

    await beginTurn();
    if (isGone(out)) return "closed";
    for (;;) {
      const next = iterator.next();
      const step = next instanceof Promise ? await waitFor(next) : next;
      if (step.done) break;
      const chunk = step.value;
      // Cheap enough per chunk, and batching must not hide a client that left.
      if (isGone(out)) return gone();
      if (typeof chunk === "string") {
        pending.push(chunk);
        pendingSize += chunk.length;
        if (pendingSize >= settings.batchSize && !(await flush())) return gone();
      } else if (!(await flush()) || !(await write(chunk))) {
        return gone();
      }
      if (performance.now() - turnStart! >= settings.sliceMs) {
        endTurn();
        await beginTurn();
        if (failure) throw failure.error;
        if (isGone(out)) return gone();
      }
    }
    outcome = "finished";
    if (!(await flush()) || isGone(out)) return gone();

    if (settings.end && out !== process.stdout && out !== process.stderr) {
      const ended = once(out, ["finish", "close"]);
      out.end();
      await waitFor(ended);
    }
    if (failure) throw failure.error;
    return "finished";
  } finally {
    endTurn();
    out.removeListener("error", onError);
    // Closes the chunks' generator (its clean-up runs) when the stream stopped before the last chunk.
    if (outcome !== "finished") await iterator.return?.();
  }
}
