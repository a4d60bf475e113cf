// The source's light markup read into flat segments, each with the range of the raw text it stands for: *italics*,
// endnote markers (^{iv}, ^v, [3], or superscripts such as ⁱⁱ and ¹²), and <https://…> links. Offsets in the data index
// the raw text, so every segment keeps its raw range and the reader can put a highlight across rendered parts.

export type Segment =
  | { kind: "text"; start: number; end: number }
  /** `*sur place*`: the words between the asterisks, [innerStart, innerEnd), in italics. */
  | { kind: "em"; start: number; end: number; innerStart: number; innerEnd: number }
  /** An endnote marker, lower-case roman; `definition` when it opens a line (the endnote itself). */
  | { kind: "marker"; start: number; end: number; marker: string; definition: boolean }
  /** `<https://…>`: the address between the angle brackets, [innerStart, innerEnd). */
  | { kind: "link"; start: number; end: number; innerStart: number; innerEnd: number };

const SUPERSCRIPT: Record<string, string> = {
  ⁱ: "i",
  ᵛ: "v",
  ˣ: "x",
  "⁰": "0",
  "¹": "1",
  "²": "2",
  "³": "3",
  "⁴": "4",
  "⁵": "5",
  "⁶": "6",
  "⁷": "7",
  "⁸": "8",
  "⁹": "9",
};

// Italics stay on one line and do not start or end with a space, so a lone asterisk stays text. Markers take the
// forms the loader and ingest read: superscripts, caret markup, and bracketed numbers ("[3]", "[^3]").
const MARKUP =
  /\*(?<em>[^*\s](?:[^*\n]*[^*\s])?)\*|\^\{(?<caret>[ivxlcdm]+|\d{1,3})\}|\^(?<bare>[ivxlcdm]+|\d{1,3})(?![a-z0-9])|(?<sup>[ⁱᵛˣ]+|[⁰¹²³⁴-⁹]+)|\[\^?(?<bracket>\d{1,3})\]|<(?<link>https?:\/\/[^>\s]+)>/g;

/** Split `raw` into text, italics, endnote markers and links, in order, covering every character once. */
export function parseMarkup(raw: string): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const match of raw.matchAll(MARKUP)) {
    const start = match.index;
    const end = start + match[0].length;
    const groups = match.groups!;
    if (start > at) segments.push({ kind: "text", start: at, end: start });
    if (groups.em !== undefined) {
      segments.push({ kind: "em", start, end, innerStart: start + 1, innerEnd: end - 1 });
    } else if (groups.link !== undefined) {
      segments.push({ kind: "link", start, end, innerStart: start + 1, innerEnd: end - 1 });
    } else {
      const written =
        groups.caret ?? groups.bare ?? groups.bracket ?? [...groups.sup!].map((c) => SUPERSCRIPT[c] ?? c).join("");
      // Arabic markers lose their leading zeros, as the loader reads them.
      const marker = /^\d+$/.test(written) ? String(Number(written)) : written;
      const definition = start === 0 || raw[start - 1] === "\n";
      segments.push({ kind: "marker", start, end, marker, definition });
    }
    at = end;
  }
  if (at < raw.length) segments.push({ kind: "text", start: at, end: raw.length });
  return segments;
}
