// The source's light markup read into flat segments, each with the range of the raw text it stands for: *italics*,
// endnote markers (^{iv}, ^v, or superscript letters such as ⁱⁱ), and <https://…> links. Offsets in the data index
// the raw text, so every segment keeps its raw range and the reader can put a highlight across rendered parts.

export type Segment =
  | { kind: "text"; start: number; end: number }
  /** `*sur place*`: the words between the asterisks, [innerStart, innerEnd), in italics. */
  | { kind: "em"; start: number; end: number; innerStart: number; innerEnd: number }
  /** An endnote marker, lower-case roman; `definition` when it opens a line (the endnote itself). */
  | { kind: "marker"; start: number; end: number; marker: string; definition: boolean }
  /** `<https://…>`: the address between the angle brackets, [innerStart, innerEnd). */
  | { kind: "link"; start: number; end: number; innerStart: number; innerEnd: number };

const SUPERSCRIPT: Record<string, string> = { ⁱ: "i", ᵛ: "v", ˣ: "x" };

// Italics stay on one line and do not start or end with a space, so a lone asterisk stays text.
const MARKUP =
  /\*([^*\s](?:[^*\n]*[^*\s])?)\*|\^\{([ivxlcdm]+)\}|\^([ivxlcdm]+)(?![a-z])|([ⁱᵛˣ]+)|<(https?:\/\/[^>\s]+)>/g;

/** Split `raw` into text, italics, endnote markers and links, in order, covering every character once. */
export function parseMarkup(raw: string): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const match of raw.matchAll(MARKUP)) {
    const start = match.index;
    const end = start + match[0].length;
    if (start > at) segments.push({ kind: "text", start: at, end: start });
    if (match[1] !== undefined) {
      segments.push({ kind: "em", start, end, innerStart: start + 1, innerEnd: end - 1 });
    } else if (match[5] !== undefined) {
      segments.push({ kind: "link", start, end, innerStart: start + 1, innerEnd: end - 1 });
    } else {
      const marker = match[2] ?? match[3] ?? [...match[4]!].map((c) => SUPERSCRIPT[c] ?? c).join("");
      const definition = start === 0 || raw[start - 1] === "\n";
      segments.push({ kind: "marker", start, end, marker, definition });
    }
    at = end;
  }
  if (at < raw.length) segments.push({ kind: "text", start: at, end: raw.length });
  return segments;
}
