// Counts what a reliability test tried and how it ended, and hands the counts to the report runner.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Where the report runner (`npm run test:reliability`) collects the tallies; unset under `npm test`. */
const OUT_DIR = process.env.RIGHTSGRAPH_RELIABILITY_OUT;

/** "full" when the report runner asks for the long runs; "suite" (short enough for `npm test`) otherwise. */
export const RELIABILITY_SCALE: "suite" | "full" =
  process.env.RIGHTSGRAPH_RELIABILITY_SCALE === "full" ? "full" : "suite";

/** `suite` under `npm test`, `full` for the report. */
export function byScale(suite: number, full: number): number {
  return RELIABILITY_SCALE === "full" ? full : suite;
}

/** A named group of counters (`requests`, `4xx`, `5xx`...), written as `<section>.json` for the report runner. */
export class Tally {
  readonly counts: Record<string, number> = {};
  readonly notes: string[] = [];

  constructor(readonly section: string) {}

  add(name: string, by = 1): void {
    this.counts[name] = (this.counts[name] ?? 0) + by;
  }

  set(name: string, value: number): void {
    this.counts[name] = value;
  }

  note(line: string): void {
    if (this.notes.length < 20) this.notes.push(line);
  }

  get(name: string): number {
    return this.counts[name] ?? 0;
  }

  /** Writes the counts when the report runner is listening; a no-op under `npm test`. */
  save(): void {
    if (!OUT_DIR) return;
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(
      path.join(OUT_DIR, `${this.section}.json`),
      JSON.stringify({ section: this.section, counts: this.counts, notes: this.notes }, null, 2),
    );
  }
}
