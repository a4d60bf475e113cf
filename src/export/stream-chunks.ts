// Writes chunks to a stream politely: waits when the destination is full, stops when it goes away, and lets the
// event loop breathe so one large export never stalls the server's other requests.
import type { Writable } from "node:stream";
import { setImmediate as nextTurn } from "node:timers/promises";
import { ParameterError } from "../errors";

/** Anything chunks can be written to: an HTTP response, a file stream, process.stdout. */
export type ChunkDestination = NodeJS.WritableStream | Writable;

/** How a stream ended: every chunk written, or the destination closed first (a client that went away). */
export type StreamOutcome = "finished" | "closed";

export interface StreamChunksOptions {
  /** End the destination after the last chunk (never done to process.stdout and process.stderr). */
  end: boolean;
  /** Yield to the event loop after this much synchronous work, in milliseconds. */
  sliceMs: number;
  /** Join small chunks into writes of about this many UTF-16 code units. */
  batchSize: number;
}

export const DEFAULT_STREAM_OPTIONS: Readonly<StreamChunksOptions> = Object.freeze({
  end: true,
  // Well under the ~20 ms a request may wait behind an export.
  sliceMs: 8,
  batchSize: 64 * 1024,
});

/** Fills in defaults and validates the result. */
export function resolveStreamOptions(options: Partial<StreamChunksOptions> = {}): StreamChunksOptions {
  const resolved = { ...DEFAULT_STREAM_OPTIONS, ...options };
  for (const name of ["sliceMs", "batchSize"] as const) {
    const value = resolved[name];
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
      throw new ParameterError(name, `streamChunks: option "${name}" must be a positive number, got ${String(value)}`);
    }
  }
  return resolved;
}

function isGone(out: ChunkDestination): boolean {
  const writable = out as Partial<Writable>;
  return writable.destroyed === true || writable.writableEnded === true || writable.closed === true;
}

/** Resolves on the first of the given events; rejects on "error". */
function once(out: ChunkDestination, events: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      cleanup();
      resolve();
    };
    const fail = (error: unknown): void => {
      cleanup();
      reject(error);
    };
    const cleanup = (): void => {
      for (const event of events) out.removeListener(event, done);
      out.removeListener("error", fail);
    };
    for (const event of events) out.on(event, done);
    out.on("error", fail);
  });
}

/**
 * Writes every chunk to `out`, in order. Respects backpressure (waits for "drain" when `write` returns false),
 * stops as soon as the destination is destroyed or closed (the chunk generator is then closed too, so no more
 * work is done for a client that left), and yields to the event loop every `sliceMs` of work.
 *
 * @returns "finished" when every chunk was written, "closed" when the destination went away first.
 * @throws the destination's error if it emits one, or the chunk generator's.
 */
export async function streamChunks(
  chunks: Iterable<string | Uint8Array>,
  out: ChunkDestination,
  options: Partial<StreamChunksOptions> = {},
): Promise<StreamOutcome> {
  const settings = resolveStreamOptions(options);
  let failure: { error: unknown } | undefined;
  // Held for the whole run so an error between writes rejects this call instead of crashing the process.
  const onError = (error: unknown): void => {
    failure ??= { error };
  };
  out.on("error", onError);
  try {
    let pending: string[] = [];
    let pendingSize = 0;
    let sliceStart = performance.now();

    // Returns false when the destination is gone.
    const write = async (chunk: string | Uint8Array): Promise<boolean> => {
      if (failure) throw failure.error;
      if (isGone(out)) return false;
      if (!out.write(chunk)) {
        await once(out, ["drain", "close"]);
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

    if (isGone(out)) return "closed";
    for (const chunk of chunks) {
      // Cheap enough per chunk, and batching must not hide a client that left.
      if (isGone(out)) return "closed";
      if (typeof chunk === "string") {
        pending.push(chunk);
        pendingSize += chunk.length;
        if (pendingSize >= settings.batchSize && !(await flush())) return "closed";
      } else if (!(await flush()) || !(await write(chunk))) {
        return "closed";
      }
      if (performance.now() - sliceStart >= settings.sliceMs) {
        await nextTurn();
        if (failure) throw failure.error;
        if (isGone(out)) return "closed";
        sliceStart = performance.now();
      }
    }
    if (!(await flush()) || isGone(out)) return "closed";

    if (settings.end && out !== process.stdout && out !== process.stderr) {
      const ended = once(out, ["finish", "close"]);
      out.end();
      await ended;
    }
    if (failure) throw failure.error;
    return "finished";
  } finally {
    out.removeListener("error", onError);
  }
}
