// The timeline's bars: for each month the dated claims span, how many claims it holds and how many are shown.
import { monthBounds, monthsBetween, timelineMonths } from "./dates.js";
import type { DisplayGraph } from "./types.js";

export interface MonthBar {
  /** "YYYY-MM" */
  month: string;
  /** Dated claims (edges) whose date overlaps the month; a claim dated "2019-07/2019-12" counts in each. */
  total: number;
  /** Of those, the ones the filters leave in view. */
  shown: number;
}

/** One bar per month from the first dated claim to the last; empty when no claim is dated. */
export function monthHistogram(graph: DisplayGraph, shownEdges: Set<string>): MonthBar[] {
  const dates: string[] = [];
  graph.forEachEdge((_e, a) => {
    if (a.date) dates.push(a.date);
  });
  const months = timelineMonths(dates);
  const bars = new Map(months.map((month) => [month, { month, total: 0, shown: 0 }]));
  graph.forEachEdge((edge, a) => {
    const bounds = monthBounds(a.date);
    if (!bounds) return;
    for (const month of monthsBetween(bounds.start, bounds.end)) {
      const bar = bars.get(month)!;
      bar.total += 1;
      if (shownEdges.has(edge)) bar.shown += 1;
    }
  });
  return [...bars.values()];
}
