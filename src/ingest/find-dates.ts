// Dates in a report: absolute ("27 December 2019", "December 27, 2019", "March 2019", "2019-12-27"), spans ("the
// latter half of 2019") and months relative to the report ("in December"), each as an ISO 8601 prefix or interval.

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December)";

export interface DateFound {
  text: string;
  start: number;
  end: number;
  /** ISO 8601 prefix ("2019-12-27", "2019-12") or interval ("2019-07/2019-12"). */
  value: string;
  /** Whether the text gives the year, or it was taken from the text before it or the report's date. */
  kind: "absolute" | "relative";
}

const pad = (n: number): string => String(n).padStart(2, "0");
const monthNumber = (name: string): number => MONTHS.indexOf(name.toLowerCase()) + 1;

/** A day that exists in that month and year; otherwise undefined. */
function isoDay(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? `${year}-${pad(month)}-${pad(day)}`
    : undefined;
}

interface DatePattern {
  pattern: RegExp;
  value: (m: RegExpExecArray) => string | undefined;
}

// Longest forms first: a match takes its characters, and shorter forms are not looked for inside it.
const ABSOLUTE: DatePattern[] = [
  {
    pattern: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? ${MONTH},? (\\d{4})\\b`, "g"),
    value: (m) => isoDay(Number(m[3]), monthNumber(m[2]!), Number(m[1])),
  },
  {
    pattern: new RegExp(`\\b${MONTH} (\\d{1,2})(?:st|nd|rd|th)?, (\\d{4})\\b`, "g"),
    value: (m) => isoDay(Number(m[3]), monthNumber(m[1]!), Number(m[2])),
  },
  {
    pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    value: (m) => isoDay(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    pattern: /\b(?:the )?(first|second|latter|former|last) half of (\d{4})\b/gi,
    value: (m) => (/first|former/i.test(m[1]!) ? `${m[2]}-01/${m[2]}-06` : `${m[2]}-07/${m[2]}-12`),
  },
  {
    pattern: new RegExp(`\\b${MONTH},? (\\d{4})\\b`, "g"),
    value: (m) => `${m[2]}-${pad(monthNumber(m[1]!))}`,
  },
];

// A month without a year, after a word that places an event in it ("in December", "in early December").
const RELATIVE_MONTH = new RegExp(
  `\\b(?:in|on|during|by|until|from|throughout|of)(?: (?:early|mid|late|mid-))? ${MONTH}\\b(?!,? \\d)`,
  "g",
);

/**
 * Every date in `text`, in order. A month without a year ("in December") takes the year of the latest absolute
 * date before it in the text (a report tells its story in order), else the year of `reportDate`, one year earlier
 * when the month would fall after the report's own month.
 */
export function findDates(text: string, reportDate?: string): DateFound[] {
  const taken: DateFound[] = [];
  const free = (start: number, end: number) => taken.every((d) => end <= d.start || start >= d.end);
  for (const { pattern, value } of ABSOLUTE) {
    for (const m of text.matchAll(pattern)) {
      const iso = value(m as RegExpExecArray);
      const start = m.index;
      const end = start + m[0].length;
      if (iso && free(start, end)) taken.push({ text: m[0], start, end, value: iso, kind: "absolute" });
    }
  }
  taken.sort((a, b) => a.start - b.start);
  const reportYear = reportDate ? Number(reportDate.slice(0, 4)) : undefined;
  const reportMonth = reportDate && reportDate.length >= 7 ? Number(reportDate.slice(5, 7)) : undefined;
  const relative: DateFound[] = [];
  for (const m of text.matchAll(RELATIVE_MONTH)) {
    if (!free(m.index, m.index + m[0].length)) continue;
    const month = monthNumber(m[1]!);
    const before = taken.filter((d) => d.end <= m.index && /^\d{4}-\d{2}/.test(d.value)).pop();
    let year = before ? Number(before.value.slice(0, 4)) : reportYear;
    if (year === undefined) continue;
    if (!before && reportMonth !== undefined && month > reportMonth) year--;
    const monthAt = m[0].lastIndexOf(m[1]!);
    relative.push({
      text: m[0].slice(m[0].indexOf(" ") + 1),
      start: m.index + m[0].indexOf(" ") + 1,
      end: m.index + monthAt + m[1]!.length,
      value: `${year}-${pad(month)}`,
      kind: "relative",
    });
  }
  return [...taken, ...relative].sort((a, b) => a.start - b.start);
}
