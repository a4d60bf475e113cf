// The rows that flow between clauses while a query runs, and the bookkeeping of one run: its clock, its budget and
// why its answer may be incomplete.
import type { QueryTruncation } from "../../api/contract";
import type { RunState } from "./compile-expression";
import type { CypherValue } from "./cypher-values";

/**
 * The nodes and edges a row was matched on, for highlighting: a chain back through the clauses that built the row.
 * A row that folds others (grouping, DISTINCT) has their digest instead (see TrailDigest), with nothing before it.
 */
export interface Trail {
  nodes: readonly number[];
  edges: readonly number[];
  prev: Trail | null;
}

export interface Row {
  values: CypherValue[];
  trail: Trail | null;
}

/**
 * Units of work between two looks at the clock. Smaller than the path searches' CLOCK_INTERVAL: a unit here can
 * make a row that climbs a chain of generators as deep as the pattern is long and feeds an aggregate, so a
 * thousand of them can outlast a slice several times over, holding other requests that long.
 */
const CYPHER_CLOCK_INTERVAL = 128;

/** Passed up the chain of clauses when the slice is used up: the driver lets the event loop run, then resumes. */
export const PAUSE: unique symbol = Symbol("pause");

export type Flow = Row | typeof PAUSE;

/** Why an answer may be incomplete. */
export type TruncationCause = QueryTruncation;

/** The clock a run looks at: SliceClock's shape, so any scheduler's clock will do. */
export interface WorkClock {
  due(): boolean;
  workedMs(): number;
  pause(): Generator<void, void, undefined>;
  /** Names the phase the run begins, for a watcher of the scheduler (SliceClock's); other clocks may leave it out. */
  enter?(phase: string): void;
}

/** The state of one run, shared by its clauses. */
export interface Execution {
  run: RunState;
  clock: WorkClock;
  budgetMs: number;
  /** Units of work (adjacency entries, candidate nodes) since the last look at the clock. */
  work: number;
  /** Set when the time budget is spent: every clause stops producing. */
  stopped: boolean;
  causes: Set<TruncationCause>;
}

/**
 * Counts one unit of work; every CYPHER_CLOCK_INTERVAL units, looks at the clock. Returns "pause" when the slice is used
 * up (the caller yields PAUSE), "stop" when the budget is spent (the caller returns), or "go".
 */
export function tick(x: Execution): "go" | "pause" | "stop" {
  if (++x.work < CYPHER_CLOCK_INTERVAL) return "go";
  x.work = 0;
  if (x.clock.workedMs() > x.budgetMs) {
    x.stopped = true;
    x.causes.add("time-budget");
    return "stop";
  }
  return x.clock.due() ? "pause" : "go";
}
