// The caps of one path search: adjacency entries examined, working time, and when to yield to the event loop.
import { CLOCK_INTERVAL, type SliceClock } from "../slice-clock";

/** What `tick()` says: go on, the budget is spent (stop, answer truncated), or the slice is over (yield, go on). */
export const GO_ON = 0;
export const SPENT = 1;
export const YIELD = 2;

/**
 * Counts the work of one search (every adjacency entry it examines is one expansion) against `maxExpansions` and
 * `timeBudgetMs`, shared by every phase of the search (the ball around the end, the enumeration), and looks at the
 * clock only every CLOCK_INTERVAL expansions.
 */
export class SearchBudget {
  expansions = 0;

  constructor(
    private readonly clock: SliceClock,
    private readonly maxExpansions: number,
    private readonly timeBudgetMs: number,
  ) {}

  /** One more expansion: GO_ON, SPENT or YIELD (then `yield* clock.pause()` and go on). */
  tick(): number {
    const done = ++this.expansions;
    if (done >= this.maxExpansions) return SPENT;
    if (done % CLOCK_INTERVAL !== 0) return GO_ON;
    if (this.clock.workedMs() > this.timeBudgetMs) return SPENT;
    return this.clock.due() ? YIELD : GO_ON;
  }
}
