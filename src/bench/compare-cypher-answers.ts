// The benchmark's check that the Cypher engine and NetworkX give the same answers: row by row for each anchored
// query, by count for the scan, and never treating an answer the engine cut short (row cap, time budget) as complete.
import type { TruncationCause } from "../query/cypher";

/** One row of the anchored query as both sides write it: the document's id and the relationship's date. */
export type CypherBenchRow = readonly [id: string, date: string | null];

/** The engine's answer from one state: its rows, or how it was cut short and the full count asked separately. */
export interface OurAnchoredAnswer {
  state: string;
  rows: readonly CypherBenchRow[];
  /** Empty when the answer is complete. */
  truncatedBy: readonly TruncationCause[];
  /** For a truncated answer, the same pattern's `count(*)`, which no row cap cuts (null if that was cut too). */
  fullCount: number | null;
}

/** An anchored answer the two sides disagree on, with a few rows each has that the other lacks. */
export interface CypherAnswerDifference {
  state: string;
  ours: number;
  networkx: number;
  onlyOurs: CypherBenchRow[];
  onlyNetworkx: CypherBenchRow[];
}

/** An anchored answer the engine cut short: its rows are not compared; its full count is. */
export interface CypherTruncatedAnswer {
  state: string;
  truncatedBy: readonly TruncationCause[];
  rows: number;
  fullCount: number | null;
  networkx: number;
}

export interface CypherComparison {
  /** Anchored answers compared row by row that agree. */
  agreeing: number;
  differing: CypherAnswerDifference[];
  truncated: CypherTruncatedAnswer[];
  /** Truncated answers whose full count differs from NetworkX's (or could not be counted). */
  truncatedCountsDiffering: number;
  scan: { ours: number | null; networkx: number; agree: boolean };
}

/** Rows of each side shown for a difference. */
const SAMPLE_ROWS = 3;

const key = (row: CypherBenchRow): string => JSON.stringify([row[0], row[1] ?? null]);

/** The rows of `a` missing from `b`, counted as multisets (a document sponsored twice is two rows). */
function missingFrom(a: readonly CypherBenchRow[], b: readonly CypherBenchRow[]): CypherBenchRow[] {
  const left = new Map<string, number>();
  for (const row of b) left.set(key(row), (left.get(key(row)) ?? 0) + 1);
  const missing: CypherBenchRow[] = [];
  for (const row of a) {
    const k = key(row);
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else missing.push(row);
  }
  return missing;
}

/**
 * Compares the engine's anchored answers with NetworkX's (the same states, in order) and the scan counts. A
 * truncated answer of ours goes to `truncated`, checked only by its full count; `scan.ours` is null when the scan
 * was cut short, and then it does not agree.
 */
export function compareCypherAnswers(
  ours: readonly OurAnchoredAnswer[],
  networkx: readonly (readonly CypherBenchRow[])[],
  scan: { ours: number | null; networkx: number },
): CypherComparison {
  const comparison: CypherComparison = {
    agreeing: 0,
    differing: [],
    truncated: [],
    truncatedCountsDiffering: 0,
    scan: { ...scan, agree: scan.ours !== null && scan.ours === scan.networkx },
  };
  ours.forEach((answer, i) => {
    const theirs = networkx[i] ?? [];
    if (answer.truncatedBy.length > 0) {
      const { state, truncatedBy, fullCount } = answer;
      comparison.truncated.push({ state, truncatedBy, rows: answer.rows.length, fullCount, networkx: theirs.length });
      if (fullCount !== theirs.length) comparison.truncatedCountsDiffering++;
      return;
    }
    const onlyOurs = missingFrom(answer.rows, theirs);
    const onlyNetworkx = missingFrom(theirs, answer.rows);
    if (onlyOurs.length === 0 && onlyNetworkx.length === 0) comparison.agreeing++;
    else
      comparison.differing.push({
        state: answer.state,
        ours: answer.rows.length,
        networkx: theirs.length,
        onlyOurs: onlyOurs.slice(0, SAMPLE_ROWS),
        onlyNetworkx: onlyNetworkx.slice(0, SAMPLE_ROWS),
      });
  });
  return comparison;
}

/** One note per disagreement and per truncated answer, naming the query, both counts and the sample rows. */
export function describeCypherComparison(comparison: CypherComparison, anchoredQuery: string): string[] {
  const notes: string[] = [];
  const rows = (sample: readonly CypherBenchRow[]): string => sample.map((row) => key(row)).join(", ") || "none";
  for (const d of comparison.differing)
    notes.push(
      `Cypher answer differs from NetworkX: ${anchoredQuery} with $state = ${d.state}: ${d.ours} rows here, ` +
        `${d.networkx} in NetworkX; only here: ${rows(d.onlyOurs)}; only in NetworkX: ${rows(d.onlyNetworkx)}`,
    );
  for (const t of comparison.truncated) {
    const full = t.fullCount === null ? "its count(*) was cut short too" : `count(*) ${t.fullCount}`;
    const verdict = t.fullCount === t.networkx ? "the full counts agree" : "the full counts DIFFER";
    notes.push(
      `Cypher answer truncated (${t.truncatedBy.join(", ")}), not compared row by row: $state = ${t.state}: ${t.rows} rows ` +
        `returned, ${full}, NetworkX ${t.networkx}: ${verdict}`,
    );
  }
  const { scan } = comparison;
  if (!scan.agree)
    notes.push(
      scan.ours === null
        ? `Cypher scan truncated, not compared: NetworkX counts ${scan.networkx}`
        : `Cypher scan count differs from NetworkX: ${scan.ours} here, ${scan.networkx} in NetworkX`,
    );
  // A state drawn twice gives the same note twice.
  return [...new Set(notes)];
}
