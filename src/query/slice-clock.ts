// Cuts a long synchronous search into slices: it checks the clock now and then and, when its slice is used up,
// yields so that the caller can let the event loop run before resuming it.

/** How many units of work (adjacency entries read) pass between two looks at the clock. */
export const CLOCK_INTERVAL = 1024;

/**
 * The time keeping of one sliced search. `due()` says the current slice is used up; the search then does
 * `yield* clock.pause()`, and when resumed it has a fresh slice. `workedMs()` counts only the time spent
 * working, not the time suspended, so that time budgets mean search time. With `sliceMs` Infinity (the
 * synchronous searches) `due()` is always false and nothing ever yields.
 */
export class SliceClock {
  private sliceEnd: number;
  private readonly started = performance.now();
  private suspendedMs = 0;

  /** The phase the work is in (see `enter`); empty before it names one. */
  doing = "start";
  /**
   * The phases of the current slice, the one it began in first, while a scheduler's watcher wants them (see
   * `SliceScheduler.watch`); null otherwise, so unwatched work only sets `doing`.
   */
  phases: string[] | null = null;

  constructor(readonly sliceMs: number) {
    this.sliceEnd = this.started + sliceMs;
  }

  /**
   * Names the phase the work begins ("end ball", "API objects"), so that a watcher of the scheduler can say what a
   * long slice was doing. Called as each phase begins, never in an inner loop.
   */
  enter(phase: string): void {
    this.doing = phase;
    this.phases?.push(phase);
  }

  due(): boolean {
    return performance.now() > this.sliceEnd;
  }

  workedMs(): number {
    return performance.now() - this.started - this.suspendedMs;
  }

  *pause(): Generator<void, void, undefined> {
    const suspended = performance.now();
    yield;
    const resumed = performance.now();
    this.suspendedMs += resumed - suspended;
    this.sliceEnd = resumed + this.sliceMs;
  }
}

/** How many API objects are made between two looks at the clock: each costs far more than an adjacency entry. */
export const OBJECT_INTERVAL = 64;

/**
 * `items.map(convert)` as resumable work: it yields whenever `clock` is due, so turning tens of thousands of ids into
 * API objects does not hold the event loop either.
 */
export function* mapInSlices<T, U>(
  items: readonly T[],
  convert: (item: T) => U,
  clock: SliceClock,
): Generator<void, U[], undefined> {
  const converted = new Array<U>(items.length);
  for (let i = 0; i < items.length; i++) {
    if (i % OBJECT_INTERVAL === 0 && clock.due()) yield* clock.pause();
    converted[i] = convert(items[i]!);
  }
  return converted;
}

/** Runs a sliced search (or any stepwise generator) to its end, ignoring what it yields between steps. */
export function runToEnd<T>(steps: Generator<unknown, T, undefined>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
