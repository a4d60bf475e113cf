// ISO 8601 date prefixes ("2019", "2019-12", "2019-12-18") and intervals ("2019-07/2019-12"): checks and bounds.
import { DATE_PATTERN as PREFIX } from "../api/parameters";

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why a single date prefix is invalid, or null when it is a real calendar date prefix. */
function prefixProblem(value: string): string | null {
  const m = PREFIX.exec(value);
  if (!m) return `"${value}" is not an ISO 8601 date prefix (YYYY, YYYY-MM or YYYY-MM-DD)`;
  const year = Number(m[1]);
  if (m[2] === undefined) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return `"${value}" has month ${m[2]}, which does not exist`;
  if (m[3] === undefined) return null;
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month))
    return `"${value}" names day ${m[3]}, which ${m[1]}-${m[2]} does not have`;
  return null;
}

/** Why a date (prefix or interval "A/B") is invalid, or null when it is valid. */
export function dateProblem(value: string): string | null {
  const parts = value.split("/");
  if (parts.length > 2) return `"${value}" has more than one "/"; an interval is "START/END"`;
  for (const part of parts) {
    const problem = prefixProblem(part);
    if (problem) return problem;
  }
  if (parts.length === 2 && dateBounds(parts[0]!).start > dateBounds(parts[1]!).end) {
    return `"${value}" ends before it starts`;
  }
  return null;
}

/** First and last day ("YYYY-MM-DD") covered by a valid date prefix or interval. */
export function dateBounds(value: string): { start: string; end: string } {
  const parts = value.split("/");
  const first = PREFIX.exec(parts[0]!)!;
  const last = PREFIX.exec(parts[parts.length - 1]!)!;
  const start = `${first[1]}-${first[2] ?? "01"}-${first[3] ?? "01"}`;
  const endMonth = last[2] ?? "12";
  const endDay = last[3] ?? String(daysInMonth(Number(last[1]), Number(endMonth))).padStart(2, "0");
  return { start, end: `${last[1]}-${endMonth}-${endDay}` };
}

/** True when a date (prefix or interval) overlaps the closed range [from, to] of "YYYY-MM-DD" days; open ends allowed. */
export function dateOverlaps(value: string, from?: string, to?: string): boolean {
  const { start, end } = dateBounds(value);
  return (from === undefined || end >= from) && (to === undefined || start <= to);
}
