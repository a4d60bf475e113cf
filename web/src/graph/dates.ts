// Date prefixes and intervals ("2019", "2019-12-18", "2019-07/2019-12") reduced to months for the timeline.

const PREFIX = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/;

/** First and last month ("YYYY-MM") a date prefix or interval covers, or null when it cannot be read. */
export function monthBounds(value: string | undefined | null): { start: string; end: string } | null {
  if (!value) return null;
  const parts = value.split("/");
  const first = PREFIX.exec(parts[0]!.trim());
  const last = PREFIX.exec(parts[parts.length - 1]!.trim());
  if (!first || !last) return null;
  return { start: `${first[1]}-${first[2] ?? "01"}`, end: `${last[1]}-${last[2] ?? "12"}` };
}

/** True when the date overlaps [from, to] (months, open ends allowed); undated or unreadable values always pass. */
export function dateInRange(value: string | undefined, from: string | null, to: string | null): boolean {
  if (from === null && to === null) return true;
  const bounds = monthBounds(value);
  if (!bounds) return true;
  return (from === null || bounds.end >= from) && (to === null || bounds.start <= to);
}

/** Every month from `first` to `last` inclusive ("2019-11", "2019-12", "2020-01"). */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split("-").map(Number) as [number, number];
  const [lastYear, lastMonth] = last.split("-").map(Number) as [number, number];
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, "0")}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** The months the dated elements span, for the timeline slider; empty when nothing is dated. */
export function timelineMonths(dates: Iterable<string | undefined>): string[] {
  let first: string | null = null;
  let last: string | null = null;
  for (const date of dates) {
    const bounds = monthBounds(date);
    if (!bounds) continue;
    if (first === null || bounds.start < first) first = bounds.start;
    if (last === null || bounds.end > last) last = bounds.end;
  }
  return first && last ? monthsBetween(first, last) : [];
}

/** The last day of a month ("2019-02" -> "2019-02-28"). */
export function lastDayOfMonth(month: string): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  const day = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, "0")}`;
}

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2019-12" -> "Dec 2019". */
export function formatMonth(month: string): string {
  const [year, m] = month.split("-");
  return `${MONTH_NAMES[Number(m) - 1] ?? m} ${year}`;
}

/** "2019-12-18" -> "18 Dec 2019", "2019-07/2019-12" -> "Jul 2019 – Dec 2019", "2019" -> "2019". */
export function formatDate(value: string): string {
  return value
    .split("/")
    .map((part) => {
      const m = PREFIX.exec(part.trim());
      if (!m) return part;
      if (!m[2]) return m[1]!;
      const month = MONTH_NAMES[Number(m[2]) - 1] ?? m[2];
      return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
    })
    .join(" – ");
}
