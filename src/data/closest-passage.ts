// Finds the passage of a text most like a quote that was not found verbatim, to show the curator what differs.

function trigrams(value: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i + 3 <= value.length; i++) {
    const gram = value.slice(i, i + 3);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/**
 * The window of the text, as long as the quote, that shares the most character trigrams with it.
 * Windows start at word boundaries; the search is linear in the text times the quote's trigram count.
 */
export function findClosestPassage(text: string, quote: string): string {
  if (quote.length === 0 || text.length === 0) return "";
  const wanted = trigrams(quote.toLowerCase());
  const lower = text.toLowerCase();
  const width = Math.min(quote.length, text.length);
  let best = 0;
  let bestScore = -1;
  for (let start = 0; start + width <= text.length; start++) {
    if (start > 0 && !/\s/.test(text[start - 1]!)) continue;
    const window = trigrams(lower.slice(start, start + width));
    let score = 0;
    for (const [gram, count] of window) score += Math.min(count, wanted.get(gram) ?? 0);
    if (score > bestScore) {
      bestScore = score;
      best = start;
    }
  }
  return text.slice(best, best + width);
}
