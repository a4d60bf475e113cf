// Where a quote sits in its source text: the evidence offsets when they match, else the first occurrence.

export interface Span {
  start: number;
  end: number;
}

/** The span of `quote` in `text`, trusting start/end only when they really point at the quote. */
export function locateQuote(text: string, quote: string, start?: number, end?: number): Span | null {
  if (
    typeof start === "number" &&
    typeof end === "number" &&
    start >= 0 &&
    end <= text.length &&
    start < end &&
    text.slice(start, end) === quote
  ) {
    return { start, end };
  }
  if (!quote) return null;
  const at = text.indexOf(quote);
  return at < 0 ? null : { start: at, end: at + quote.length };
}
