// Finding a quote again after its source text was edited, the way annotation tools re-anchor a highlight: at its
// stored offsets, else as an exact match (the one whose prefix and suffix fit, then the nearest), else as a fuzzy
// match (approx-string-match: Myers' bit-parallel edit distance) within a tenth of its length in edits.
import search from "approx-string-match";

/** What a claim's evidence stores of its quote. */
export interface StoredAnchor {
  quote: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
}

export type Reanchored =
  /** The quote stands at its offsets. */
  | { kind: "current"; start: number; end: number }
  /** The same words, elsewhere. */
  | { kind: "moved"; start: number; end: number }
  /** Words close to the quote's: `quote` is what the text now says there. */
  | { kind: "fuzzy"; start: number; end: number; quote: string; errors: number }
  | { kind: "lost" };

/** Most edits a fuzzy match may need, for a quote of `length` characters. */
export function maxErrors(length: number): number {
  return Math.max(1, Math.floor(length / 10));
}

/** How well the text around [start, end) agrees with the stored prefix and suffix: characters matching. */
function contextScore(text: string, start: number, end: number, anchor: StoredAnchor): number {
  let score = 0;
  const prefix = anchor.prefix ?? "";
  for (let i = 1; i <= prefix.length && text[start - i] === prefix[prefix.length - i]; i++) score++;
  const suffix = anchor.suffix ?? "";
  for (let i = 0; i < suffix.length && text[end + i] === suffix[i]; i++) score++;
  return score;
}

/**
 * Where `anchor`'s quote stands in `text` now (see the file's banner). A fuzzy match overlapping one of `taken`
 * (passages other quotes hold exactly: endnote ii's "…, p.5" for endnote v's lost "…, p.3") is not taken.
 */
export function reanchor(text: string, anchor: StoredAnchor, taken: readonly [number, number][] = []): Reanchored {
  const { quote } = anchor;
  const old = anchor.start;
  if (old !== undefined && text.slice(old, old + quote.length) === quote)
    return { kind: "current", start: old, end: old + quote.length };
  const near = (a: number, b: number) => (old === undefined ? 0 : Math.abs(a - old) - Math.abs(b - old));
  const exact: number[] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) exact.push(at);
  if (exact.length > 0) {
    const best = exact.sort(
      (a, b) =>
        contextScore(text, b, b + quote.length, anchor) - contextScore(text, a, a + quote.length, anchor) || near(a, b),
    )[0]!;
    return old === undefined && exact.length === 1
      ? { kind: "current", start: best, end: best + quote.length }
      : { kind: "moved", start: best, end: best + quote.length };
  }
  const matches = search(text, quote, maxErrors(quote.length)).filter(
    (m) => !taken.some(([from, to]) => m.start < to && m.end > from),
  );
  if (matches.length === 0) return { kind: "lost" };
  const best = matches.sort((a, b) => a.errors - b.errors || near(a.start, b.start))[0]!;
  return {
    kind: "fuzzy",
    start: best.start,
    end: best.end,
    quote: text.slice(best.start, best.end),
    errors: best.errors,
  };
}
