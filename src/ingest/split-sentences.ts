// Sentences of a report with their offsets: split after ". ", "? " and "! " (and after the closing quotes and
// endnote markers that follow), never after an abbreviation ("para.", "No.", "U.S.") or inside a symbol ("L.26").

export interface Sentence {
  start: number;
  /** End of the sentence's words: its final full stop and the markers after it are left out. */
  end: number;
  /** End of the sentence with its final punctuation, closing quotes and markers. */
  outerEnd: number;
}

// Words after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set(
  [
    "para",
    "paras",
    "no",
    "nos",
    "p",
    "pp",
    "e.g",
    "i.e",
    "cf",
    "mr",
    "ms",
    "mrs",
    "dr",
    "st",
    "art",
    "vol",
    "vs",
    "v",
    "ibid",
    "inc",
    "ltd",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "gen",
    "col",
    "lt",
    "sgt",
    "prof",
    "rev",
    "corr",
    "add",
    "u.s",
    "u.k",
    "u.n",
    "n.k",
    "s.k",
    "e.u",
  ].map((a) => a.toLowerCase()),
);

// The end of a sentence: punctuation, then closing quotes or brackets and endnote markers, then space and a start.
const BOUNDARY =
  /([.!?])((?:["”’)\]]|[\u2071\u1d5b\u02e3\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+|\^\{[^}\s]{1,8}\}|\^[ivxlcdm\d]+|\[\^?\d{1,3}\])*)(\s+)(?=["“‘([]?[\p{Lu}\p{N}])/gu;

/**
 * The sentences of text[from, to): paragraphs (blank lines) and lines that stand alone (headings, list items) end a
 * sentence too.
 */
export function splitSentences(text: string, from = 0, to = text.length): Sentence[] {
  const sentences: Sentence[] = [];
  const push = (start: number, end: number, outerEnd: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    while (outerEnd > end && /\s/.test(text[outerEnd - 1]!)) outerEnd--;
    if (end > start) sentences.push({ start, end, outerEnd: Math.max(end, outerEnd) });
  };
  // Lines are units of their own unless they continue a paragraph of prose (a line that does not end a sentence,
  // followed by one that starts in lower case).
  let blockStart = from;
  const blocks: [number, number][] = [];
  for (let at = text.indexOf("\n", from); at !== -1 && at < to; at = text.indexOf("\n", at + 1)) {
    const next = text[at + 1];
    const continues = next !== undefined && next !== "\n" && /[\p{Ll},;:(“"]/u.test(next) && text[at - 1] !== "\n";
    if (!continues) {
      blocks.push([blockStart, at]);
      blockStart = at + 1;
    }
  }
  blocks.push([blockStart, to]);
  for (const [bStart, bEnd] of blocks) {
    const block = text.slice(bStart, bEnd);
    let start = 0;
    for (const m of block.matchAll(BOUNDARY)) {
      const before = block.slice(start, m.index);
      // The number of a list item ("1. Raise concerns") is not a sentence.
      if (/^\s*\d{1,3}$/.test(before)) continue;
      const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? "";
      // An abbreviation, or a single capital (an initial: "Colum A. Lynch"), does not end a sentence.
      if (m[1] === "." && (ABBREVIATIONS.has(lastWord) || /^\p{L}$/u.test(lastWord))) continue;
      const wordsEnd = m.index + (m[1] === "." ? 0 : 1);
      push(bStart + start, bStart + wordsEnd, bStart + m.index + 1 + m[2]!.length);
      start = m.index + m[0].length;
    }
    // The block's last sentence: its final punctuation and markers are left out of its words.
    const rest = block.slice(start);
    const tail =
      /[.!?]?(?:["”’)\]]|[\u2071\u1d5b\u02e3\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+|\^\{[^}\s]{1,8}\}|\^[ivxlcdm\d]+|\[\^?\d{1,3}\])*\s*$/u.exec(
        rest,
      )!;
    const tailText = tail[0];
    const stop = tailText.search(/[.!?]/);
    const wordsEnd = rest.length - tailText.length + (stop === 0 && tailText[0] !== "." ? 1 : 0);
    push(bStart + start, bStart + start + wordsEnd, bStart + start + rest.length);
  }
  return sentences;
}
