// Finds the passage of a text most like a quote that was not found verbatim, to show the curator what differs.

/** Longest part of a quote compared (its start): a hint longer than a paragraph helps nobody read the difference. */
export const MAX_COMPARED_LENGTH = 1_000;

/** Lower case with the length kept, so that offsets in it are offsets in the text. */
function lowerCase(value: string): string {
  const lower = value.toLowerCase();
  if (lower.length === value.length) return lower;
  return Array.from(value, (ch) => {
    const l = ch.toLowerCase();
    return l.length === ch.length ? l : ch;
  }).join("");
}

/**
 * A text prepared for searches: each of its (lower-cased) character trigrams as a small integer, and where its
 * words start. Built once per text, so that every search in it is plain array arithmetic.
 */
class TrigramText {
  /** The id of the trigram at each offset (the last two offsets have none). */
  readonly ids: Int32Array;
  /** Trigram -> id, for the trigrams of the text only: a quote's other trigrams can never match. */
  readonly idOf = new Map<string, number>();
  /** 1 where a window may start: the text's start and after each white-space character. */
  readonly wordStarts: Uint8Array;

  constructor(readonly text: string) {
    const lower = lowerCase(text);
    this.ids = new Int32Array(Math.max(0, text.length - 2));
    for (let i = 0; i < this.ids.length; i++) {
      const gram = lower.slice(i, i + 3);
      let id = this.idOf.get(gram);
      if (id === undefined) this.idOf.set(gram, (id = this.idOf.size));
      this.ids[i] = id;
    }
    this.wordStarts = new Uint8Array(text.length + 1);
    this.wordStarts[0] = 1;
    for (const space of text.matchAll(/\s/g)) this.wordStarts[space.index + 1] = 1;
  }

  /**
   * The window as long as the quote (its first MAX_COMPARED_LENGTH characters) that shares the most trigrams with
   * it, counted with multiplicity; the first such window wins. The window slides one character at a time while its
   * score follows the one trigram that leaves and the one that enters: linear in the text's length.
   */
  closest(quote: string): string {
    const q = lowerCase(quote.slice(0, MAX_COMPARED_LENGTH));
    const wanted = new Int32Array(this.idOf.size);
    for (let i = 0; i + 3 <= q.length; i++) {
      const id = this.idOf.get(q.slice(i, i + 3));
      if (id !== undefined) wanted[id]!++;
    }
    const width = Math.min(q.length, this.text.length);
    const grams = Math.max(0, width - 2);
    const inWindow = new Int32Array(this.idOf.size);
    const ids = this.ids;
    let score = 0;
    for (let i = 0; i < grams; i++) if (inWindow[ids[i]!]!++ < wanted[ids[i]!]!) score++;
    let best = 0;
    let bestScore = -1;
    for (let start = 0; start + width <= this.text.length; start++) {
      if (start > 0 && grams > 0) {
        const leaving = ids[start - 1]!;
        if (inWindow[leaving]!-- <= wanted[leaving]!) score--;
        const entering = ids[start + grams - 1]!;
        if (inWindow[entering]!++ < wanted[entering]!) score++;
      }
      if (this.wordStarts[start] && score > bestScore) {
        bestScore = score;
        best = start;
      }
    }
    return this.text.slice(best, best + width);
  }
}

/**
 * The window of the text, as long as the quote (its first MAX_COMPARED_LENGTH characters), that shares the most
 * character trigrams with it; windows start at word boundaries. Linear in the length of the text plus the quote.
 */
export function findClosestPassage(text: string, quote: string): string {
  if (quote.length === 0 || text.length === 0) return "";
  return new TrigramText(text).closest(quote);
}

/**
 * The closest-passage hints of one load, within a budget of characters compared (each search reads its text and
 * its quote once): a folder of many long wrong quotes still loads in bounded time, and the same folder always gets
 * the same hints. The last text searched is kept prepared, since the quotes of one file search the same text.
 */
export class PassageHints {
  private left: number;
  private last: TrigramText | null = null;

  constructor(readonly budget: number) {
    this.left = budget;
  }

  /** The hint for a quote not found in `text`: its closest passage, or why none was searched; none for no text. */
  hint(text: string, quote: string): string | undefined {
    if (text.length === 0 || quote.length === 0) return undefined;
    const cost = text.length + Math.min(quote.length, MAX_COMPARED_LENGTH);
    if (cost > this.left)
      return `no closest passage searched: the hints of one load compare at most ${this.budget.toLocaleString("en")} characters`;
    this.left -= cost;
    if (this.last?.text !== text) this.last = new TrigramText(text);
    return `closest passage: ${JSON.stringify(this.last.closest(quote))}`;
  }
}
