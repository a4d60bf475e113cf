// Runs long synchronous work (path searches, neighbourhoods, graph views) in slices, one piece of work at a time, with
// the event loop free between slices, so no query stalls the server's other requests.
import { setImmediate as nextTurn } from "node:timers/promises";
import { SliceClock } from "./slice-clock";
import { threadCpuMs } from "./thread-cpu";

/** Longest stretch sliced work runs before letting the event loop turn. */
export const DEFAULT_SLICE_MS = 10;

/** Work to slice: a generator that yields whenever `clock.due()`, and returns its answer. */
export type SlicedWork<T> = (clock: SliceClock) => Generator<unknown, T, undefined>;

/** One slice of work as a watcher sees it: how long it held the event loop, and what the work was doing. */
export interface SliceRecord {
  /** The kind of work, as `run` was told ("paths", "cypher", ...). */
  kind: string;
  /** When it began (`performance.now()`). */
  at: number;
  /** Wall time of the slice, in milliseconds: how long the event loop was held. */
  ms: number;
  /** CPU time of this thread meanwhile, in milliseconds (see `threadCpuMs`): what the work itself cost. */
  cpuMs: number;
  /** The phase the slice began in, then every phase entered during it (see `SliceClock.enter`). */
  phases: string[];
}

export interface SliceScheduler {
  /**
   * Runs `work` to its end with a fresh clock of `sliceMs` (default DEFAULT_SLICE_MS), letting the event loop turn
   * each time it yields. Work runs one at a time, in the order asked, so that work keeping state in shared scratch
   * memory is never interleaved with other work of the same scheduler. `kind` names the work for a watcher.
   * Rejects with what the work throws.
   */
  run<T>(work: SlicedWork<T>, sliceMs?: number, kind?: string): Promise<T>;
  /**
   * Calls `watcher` after every slice of every piece of work from now on, until the returned function is called:
   * for benchmarks locating what holds the event loop. Unwatched, a slice costs no more than before.
   */
  watch(watcher: (slice: SliceRecord) => void): () => void;
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

  const watchers = new Set<(slice: SliceRecord) => void>();
  const report = (kind: string, clock: SliceClock, at: number, ms: number, cpuBefore: number): void => {
    const slice: SliceRecord = { kind, at, ms, cpuMs: threadCpuMs() - cpuBefore, phases: clock.phases ?? [] };
    for (const watcher of watchers) watcher(slice);
  };

  return {
    run<T>(work: SlicedWork<T>, sliceMs = DEFAULT_SLICE_MS, kind = "work"): Promise<T> {
      const step = async (): Promise<T> => {
        // Past a slice of work since the loop last turned, the next piece waits for a turn: quick queries would
        // otherwise run back to back, with their answers, for as long as the queue holds them.
        if (stretch !== null && stretch.workMs >= sliceMs) await nextTurn();
        const clock = new SliceClock(sliceMs);
        let steps: Generator<unknown, T, undefined> | undefined;
        for (;;) {
          const watched = watchers.size > 0;
          const cpuBefore = watched ? threadCpuMs() : undefined;
          if (watched) clock.phases = [clock.doing];
          const started = performance.now();
          try {
            steps ??= work(clock);
            const next = steps.next();
            if (next.done) return next.value;
          } finally {
            const ms = performance.now() - started;
            openStretch().workMs += ms;
            if (cpuBefore !== undefined) report(kind, clock, started, ms, cpuBefore);
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

    watch(watcher) {
      watchers.add(watcher);
      return () => watchers.delete(watcher);
    },
  };
}
