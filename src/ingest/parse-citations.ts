// A note's citations: split where one ends and the next begins ("; ", ". See also "), each read into its parts:
// author, title, publisher, date, URL, page locator and UN document symbol, as printed.
import { findDates } from "./find-dates";
import { findSymbols } from "./un-symbols";

export interface CitationFound {
  /** The citation as printed: an exact slice of the report's text. */
  quote: string;
  start: number;
  end: number;
  author?: string;
  title?: string;
  publisher?: string;
  date?: string;
  url?: string;
  symbol?: string;
  locator?: string;
}

// Words that open a citation without being part of it.
const LEAD_IN = /^(?:see also|see, e\.g\.,|see|cf\.|also|for example,?|e\.g\.,?)\s+/i;
// Where a note passes from one citation to the next, outside quotation marks.
const SEPARATOR = /;\s+|\.\s+(?=(?:see also|see|cf\.|also)\s)/giy;

const URL_IN_ANGLES = /<(https?:\/\/[^>\s]+)>/;
const BARE_URL = /https?:\/\/[^\s<>"”]+/;
const LOCATOR =
  /\b(?:pp?\.\s?\d+(?:\s?[-–]\s?\d+)?|paras?\.\s?\d+(?:\s?[-–]\s?\d+)?|§\s?\d+|chap(?:ter)?\.?\s?[IVX\d]+)/i;
const QUOTED_TITLE = /“([^”]+)”|"([^"]+)"|‘([^’]+)’/;
const ITALIC = /\*([^*]+)\*|_([^_]+)_/;
// A body of the UN named as the issuer of a document ("United Nations General Assembly").
const UN_ISSUER =
  /^(?:United Nations|UN)\b.*\b(?:Assembly|Council|Secretariat|Secretary-General|Committee|Commission)$/;
// An author: one to five capitalised words, "and" or "et al." between or after them.
const AUTHOR = /^(?:[\p{Lu}][\p{L}'’.-]*\s?)+(?:(?:and|&)\s(?:[\p{Lu}][\p{L}'’.-]*\s?)+)?(?:et al\.)?$/u;

/** Ranges of `text` between an opening and a closing quotation mark, where nothing splits a citation. */
function quotedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(/“[^”]*”|"[^"]*"/g)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

/** The pieces of a note, one per citation, as [start, end) within the note. */
function splitNote(note: string): [number, number][] {
  const quoted = quotedRanges(note);
  const pieces: [number, number][] = [];
  let start = 0;
  for (let at = 0; at < note.length; at++) {
    if (quoted.some(([a, b]) => at > a && at < b)) continue;
    SEPARATOR.lastIndex = at;
    const m = SEPARATOR.exec(note);
    if (!m) continue;
    // A "." that ends an abbreviation (p., para., No.) or an initial does not end a citation.
    if (m[0].startsWith(".") && /(?:\b\p{L}|\bp|\bpp|\bpara|\bparas|\bNo)$/u.test(note.slice(start, at))) continue;
    pieces.push([start, at]);
    start = at + m[0].length;
    at = start - 1;
  }
  pieces.push([start, note.length]);
  return pieces;
}

/** The segments of a citation between ", " outside quotation marks. */
function segments(text: string): string[] {
  const quoted = quotedRanges(text);
  const parts: string[] = [];
  let start = 0;
  for (const m of text.matchAll(/,\s+/g)) {
    if (quoted.some(([a, b]) => m.index > a && m.index < b)) continue;
    parts.push(text.slice(start, m.index));
    start = m.index + m[0].length;
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** Reads one citation into its parts. */
function readCitation(quote: string): Omit<CitationFound, "quote" | "start" | "end"> {
  const parts: Omit<CitationFound, "quote" | "start" | "end"> = {};
  const url = URL_IN_ANGLES.exec(quote)?.[1] ?? BARE_URL.exec(quote)?.[0]?.replace(/[.,;)]+$/, "");
  if (url) parts.url = url;
  const withoutUrl = quote.replace(URL_IN_ANGLES, "").replace(BARE_URL, "");
  const symbol = findSymbols(withoutUrl)[0]?.symbol;
  if (symbol) parts.symbol = symbol;
  const date = findDates(withoutUrl).find((d) => d.kind === "absolute");
  if (date) parts.date = date.value;
  const locator = LOCATOR.exec(withoutUrl)?.[0];
  if (locator) parts.locator = locator;
  const quoted = QUOTED_TITLE.exec(withoutUrl);
  const italic = ITALIC.exec(withoutUrl);
  if (quoted) {
    parts.title = (quoted[1] ?? quoted[2] ?? quoted[3])!.trim().replace(/[,.]$/, "");
    const before = withoutUrl.slice(0, quoted.index).replace(/,\s*$/, "").trim();
    if (before && AUTHOR.test(before) && before.split(/\s+/).length <= 6) parts.author = before;
    if (italic && italic.index > quoted.index) parts.publisher = (italic[1] ?? italic[2])!.trim();
    else {
      const after = segments(withoutUrl.slice(quoted.index + quoted[0].length));
      const named = after.find((s) => !findDates(s).length && !LOCATOR.test(s) && /^\p{Lu}/u.test(s));
      if (named) parts.publisher = named.replace(/\.$/, "");
    }
  } else if (italic) {
    parts.title = (italic[1] ?? italic[2])!.trim();
  } else if (symbol) {
    // "S/PV.8682, Verbatim Record of UN Security Council, 11 December 2019, p.5": what follows the symbol.
    for (const segment of segments(withoutUrl).slice(1)) {
      const text = segment.replace(/\.$/, "");
      if (findDates(text).length || LOCATOR.test(text)) continue;
      if (UN_ISSUER.test(text)) parts.publisher ??= text;
      else parts.title ??= text;
    }
  }
  return parts;
}

/**
 * The citations of a note that stands at `offset` in the report: each with its place and its parts. Lead-in words
 * ("See", "See also") and the full stop that ends a citation are left out of its quote.
 */
export function parseCitations(note: string, offset: number): CitationFound[] {
  const citations: CitationFound[] = [];
  for (const [from, to] of splitNote(note)) {
    let start = from;
    let end = to;
    const lead = LEAD_IN.exec(note.slice(start, end));
    if (lead) start += lead[0].length;
    while (end > start && /[\s.;,]/.test(note[end - 1]!)) end--;
    // Keep a full stop that belongs to an abbreviation or initial at the very end ("et al.", "Ibid.").
    if (note[end] === "." && /(?:\bal|\bIbid|\bp|\bNo)$/.test(note.slice(start, end))) end++;
    const quote = note.slice(start, end);
    if (quote.trim() === "") continue;
    citations.push({ quote, start: offset + start, end: offset + end, ...readCitation(quote) });
  }
  return citations;
}
