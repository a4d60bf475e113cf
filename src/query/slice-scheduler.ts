// Runs long synchronous work (path searches, neighbourhoods, graph views) in slices, one piece of work at a time, with
// the event loop free between slices, so no query stalls the server's other requests.
import { setImmediate as nextTurn } from "node:timers/promises";
import { SliceClock } from "./slice-clock";

/** Longest stretch sliced work runs before letting the event loop turn. */
export const DEFAULT_SLICE_MS = 10;

/** Work to slice: a generator that yields whenever `clock.due()`, and returns its answer. */
export type SlicedWork<T> = (clock: SliceClock) => Generator<unknown, T, undefined>;

export interface SliceScheduler {
  /**
   * Runs `work` to its end with a fresh clock of `sliceMs` (default DEFAULT_SLICE_MS), letting the event loop turn
   * each time it yields. Work runs one at a time, in the order asked, so that work keeping state in shared scratch
   * memory is never interleaved with other work of the same scheduler. Rejects with what the work throws.
   */
  run<T>(work: SlicedWork<T>, sliceMs?: number): Promise<T>;
}

/** A scheduler with an empty queue. */
export function createSliceScheduler(): SliceScheduler {
  let queue: Promise<void> = Promise.resolve();
  /**
   * Work done since the event loop last turned: queued work runs back to back until it reaches a slice, so queued
   * answers are not starved by other requests, yet quick pieces of work in a row never hold the loop for long.
   */
  let stretch: { workMs: number } | null = null;
  const openStretch = (): { workMs: number } => {
    if (stretch === null) {
      const opened = { workMs: 0 };
      stretch = opened;
      setImmediate(() => {
        if (stretch === opened) stretch = null;
      });
    }
    return stretch;
  };

  return {
    run<T>(work: SlicedWork<T>, sliceMs = DEFAULT_SLICE_MS): Promise<T> {
      const step = async (): Promise<T> => {
        // Past a slice of work since the loop last turned, the next piece waits for a turn: quick queries would
        // otherwise run back to back, with their answers, for as long as the queue holds them.
        if (stretch !== null && stretch.workMs >= sliceMs) await nextTurn();
        let steps: Generator<unknown, T, undefined> | undefined;
        for (;;) {
          const started = performance.now();
          try {
            steps ??= work(new SliceClock(sliceMs));
            const next = steps.next();
            if (next.done) return next.value;
          } finally {
            openStretch().workMs += performance.now() - started;
          }
          await nextTurn();
        }
      };
      const result = queue.then(step, step);
      queue = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
  };
}
