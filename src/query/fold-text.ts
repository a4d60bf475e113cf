// Accent-, case- and punctuation-folding of names, so that "Tomas" finds "Tomás" and "peoples" finds "People's".

const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’‘`´ʼ]/g;
const NOT_A_WORD_CHARACTER = /[^\p{L}\p{N}]+/u;

/**
 * Folds text for matching: NFD, combining marks removed, lower case, apostrophes dropped (so "People's" reads
 * "peoples"), hyphens, dashes and other punctuation left for `foldTerms` to split on.
 */
export function foldText(text: string): string {
  return text.normalize("NFD").replace(COMBINING_MARKS, "").toLowerCase().replace(APOSTROPHES, "");
}

/** The folded words of a text: "Secretary-General Guterres" gives ["secretary", "general", "guterres"]. */
export function foldTerms(text: string): string[] {
  return foldText(text)
    .split(NOT_A_WORD_CHARACTER)
    .filter((term) => term.length > 0);
}

/** A folded name for exact comparison: its folded words joined by single spaces. */
export function foldName(text: string): string {
  return foldTerms(text).join(" ");
}
