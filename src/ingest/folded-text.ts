// A text folded for matching names (accents and case dropped, quotes, dashes and spaces unified), with the map from
// each folded position back to the original, so that a match in the folded text has its original UTF-16 offsets.

const COMBINING_MARK = /\p{M}/u;

/** Characters written in several ways that name the same thing: curly and straight quotes, dashes, spaces. */
const SAME_AS: ReadonlyMap<string, string> = new Map([
  ["\u2019", "'"],
  ["\u2018", "'"],
  ["\u02bc", "'"],
  ["\u2032", "'"],
  ["`", "'"],
  ["\u201c", '"'],
  ["\u201d", '"'],
  ["\u201e", '"'],
  ["\u2010", "-"],
  ["\u2011", "-"],
  ["\u2012", "-"],
  ["\u2013", "-"],
  ["\u2014", "-"],
  ["\u00a0", " "],
  ["\u202f", " "],
  ["\t", " "],
  ["\n", " "],
]);

export interface FoldedText {
  /** The folded text. */
  text: string;
  /** For each folded position (and one past the end), the original position it comes from. */
  origin: Int32Array;
}

/** One character folded: accents dropped, lower case unless `keepCase`, quotes, dashes and spaces unified. */
function foldChar(ch: string, keepCase: boolean): string {
  const same = SAME_AS.get(ch);
  if (same !== undefined) return same;
  let folded = "";
  for (const part of ch.normalize("NFD")) if (!COMBINING_MARK.test(part)) folded += part;
  return keepCase ? folded : folded.toLowerCase();
}

/**
 * Folds `text` for matching, keeping the way back: `origin[i]` is the original offset of folded character i.
 * With `keepCase`, letters keep their case (acronyms such as "US" must not match the word "us").
 */
export function foldWithOrigin(text: string, keepCase = false): FoldedText {
  const parts: string[] = [];
  const origin: number[] = [];
  let at = 0;
  for (const ch of text) {
    const folded = foldChar(ch, keepCase);
    for (let i = 0; i < folded.length; i++) origin.push(at);
    parts.push(folded);
    at += ch.length;
  }
  origin.push(text.length);
  return { text: parts.join(""), origin: Int32Array.from(origin) };
}

/** A name folded the way `foldWithOrigin` folds the text it is looked for in. */
export function foldName(name: string, keepCase = false): string {
  return foldWithOrigin(name.trim(), keepCase).text;
}

/**
 * The original range of the folded range [start, end): from the origin of its first character to the end of the
 * original character its last one comes from.
 */
export function originalRange(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  const last = folded.origin[end - 1]!;
  let next = end;
  while (next < folded.origin.length - 1 && folded.origin[next] === last) next++;
  return { start: folded.origin[start]!, end: folded.origin[next]! };
}

/** Whether `ch` is part of a word (a letter or a digit), so a name may not start or end beside it. */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}
