// Every match of a multi-pattern matcher in a text, searched piece by piece. modern-ahocorasick scans ASCII text
// fast but, from the first other character on, goes grapheme by grapheme through Intl.Segmenter, many times slower:
// one endnote marker (ⁱ) near the top of a report slowed the search of all the rest. The text is cut where no
// pattern can stand, so each piece is scanned fast up to its own first character outside ASCII.
import type AhoCorasick from "modern-ahocorasick";
import type { Match } from "modern-ahocorasick";

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

const NON_ASCII_RUN = /[^\p{ASCII}]+/gu;

/** The characters (code points) outside ASCII that the patterns hold. */
export function alphabetOf(patterns: Iterable<string>): Set<string> {
  const alphabet = new Set<string>();
  for (const pattern of patterns) for (const ch of pattern.match(NON_ASCII_RUN)?.join("") ?? "") alphabet.add(ch);
  return alphabet;
}

/**
 * Whether the run [start, end) of characters outside ASCII, with ASCII (or an end of the text) on both sides,
 * begins and ends at grapheme boundaries: a mark or joiner at its start belongs to the character before it. The
 * rules that decide it look at the two characters on either side of each edge only, so the run with its neighbours
 * decides it.
 */
function standsAlone(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 1);
  const to = Math.min(text.length, end + 1);
  const starts = new Set<number>();
  for (const { index } of graphemes.segment(text.slice(from, to))) starts.add(from + index);
  return starts.has(start) && (end === to || starts.has(end));
}

/**
 * The pieces of `text` between runs of characters that none of the patterns holds and that stand as graphemes of
 * their own: no match crosses such a run (the matcher is back at its start after it), and each piece falls into the
 * same graphemes as the text.
 */
function pieces(text: string, alphabet: ReadonlySet<string>): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  let start = 0;
  for (const run of text.matchAll(NON_ASCII_RUN)) {
    const end = run.index + run[0].length;
    if ([...run[0]].some((ch) => alphabet.has(ch)) || !standsAlone(text, run.index, end)) continue;
    if (run.index > start) found.push({ start, end: run.index });
    start = end;
  }
  if (start < text.length) found.push({ start, end: text.length });
  return found;
}

/** `matcher.search(text, { strategy: "all" })`, the same matches, for a matcher of patterns holding `alphabet`. */
export function searchAll<T>(matcher: AhoCorasick<T>, alphabet: ReadonlySet<string>, text: string): Match<T>[] {
  const matches: Match<T>[] = [];
  for (const { start, end } of pieces(text, alphabet))
    for (const m of matcher.search(text.slice(start, end), { strategy: "all" }))
      matches.push({ ...m, start: m.start + start, end: m.end + start });
  return matches;
}
