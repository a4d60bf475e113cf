// Sorts the rows of ORDER BY with the event loop free: a stable merge sort that counts its work like a clause does.
import { PAUSE, tick, type Execution } from "./cypher-rows";

/** Rows sorted whole before the merges: short enough that one sort never outlasts a look at the clock. */
const RUN = 32;

/**
 * `items` sorted by `compare`, stably (like Array.prototype.sort), one unit of work per row placed: yields PAUSE
 * whenever the slice is used up, and returns null when the time budget is spent first (`x.stopped` says so). A
 * million buffered rows sorted in one piece held the event loop for seconds.
 */
export function* sortInSlices<T>(
  items: readonly T[],
  compare: (a: T, b: T) => number,
  x: Execution,
): Generator<typeof PAUSE, T[] | null, undefined> {
  let from = items.slice();
  let to = new Array<T>(from.length);
  for (let start = 0; start < from.length; start += RUN) {
    const end = Math.min(from.length, start + RUN);
    const run = from.slice(start, end).sort(compare);
    for (let i = start; i < end; i++) {
      from[i] = run[i - start]!;
      const state = tick(x);
      if (state === "stop") return null;
      if (state === "pause") yield PAUSE;
    }
  }
  for (let width = RUN; width < from.length; width *= 2) {
    for (let start = 0; start < from.length; start += 2 * width) {
      const middle = Math.min(from.length, start + width);
      const end = Math.min(from.length, start + 2 * width);
      let a = start;
      let b = middle;
      for (let i = start; i < end; i++) {
        // Ties take the left run's row first: that keeps the sort stable.
        to[i] = b >= end || (a < middle && compare(from[a]!, from[b]!) <= 0) ? from[a++]! : from[b++]!;
        const state = tick(x);
        if (state === "stop") return null;
        if (state === "pause") yield PAUSE;
      }
    }
    [from, to] = [to, from];
  }
  return from;
}
