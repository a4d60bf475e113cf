// Endnotes: the notes section of a report (under "Notes", "Endnotes", "References"..., or a trailing run of numbered
// citations) and every marker in the text before it: superscripts (ⁱ, ¹²), caret markup (^{vi}, ^v, ^{12}) and
// brackets ([3], [^3]), glued to punctuation or not.
import { normaliseEndnoteMarker } from "../data";

export interface NoteFound {
  /** Normalised marker: lower-case roman or arabic digits. */
  marker: string;
  /** The note's text after its marker, trimmed. */
  text: string;
  start: number;
  end: number;
  /** Where the marker that opens the note stands. */
  markerStart: number;
}

export interface MarkerFound {
  marker: string;
  start: number;
  end: number;
}

export interface EndnoteProblem {
  code: "marker-without-note" | "note-without-marker" | "duplicate-note";
  message: string;
  start: number;
  end: number;
}

export interface Endnotes {
  notes: NoteFound[];
  markers: MarkerFound[];
  /** Where the notes section (with its heading) starts; the text's length when there is none. */
  notesStart: number;
  problems: EndnoteProblem[];
}

const ROMAN_SUPERSCRIPTS = "\u2071\u1d5b\u02e3";
const ARABIC_SUPERSCRIPTS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079";

// A marker in running text: a run of superscripts, caret markup, or a bracketed number.
const IN_TEXT_MARKER = new RegExp(
  [
    `[${ROMAN_SUPERSCRIPTS}]+`,
    `[${ARABIC_SUPERSCRIPTS}]+`,
    `\\^\\{(?:[ivxlcdm]+|\\d{1,3})\\}`,
    `\\^(?:[ivxlcdm]+|\\d{1,3})(?![\\p{L}\\p{N}])`,
    `\\[\\^?\\d{1,3}\\]`,
  ].join("|"),
  "gu",
);

// How a note opens at the start of a line: a marker (as above), or in a notes section also "3." "3)" or "3 ".
const NOTE_START_MARKED = new RegExp(
  `^(?:[${ROMAN_SUPERSCRIPTS}]+|[${ARABIC_SUPERSCRIPTS}]+|\\^\\{(?:[ivxlcdm]+|\\d{1,3})\\}|\\^(?:[ivxlcdm]+|\\d{1,3})|\\[\\^?\\d{1,3}\\]:?)(?=\\s)`,
  "u",
);
const NOTE_START_NUMBERED = /^\d{1,3}[.)]?(?=\s)/;

const NOTES_HEADING = /^(?:#{1,6}\s*)?(?:notes|endnotes|footnotes|references|sources|end notes)\s*:?\s*$/i;

/** Whether a note text looks like a citation: a year, a link or a UN symbol. */
const LOOKS_CITED = /\b(?:1[89]|20)\d{2}\b|https?:\/\/|\b[A-Z]{1,6}\/[A-Z0-9]/;

interface Line {
  text: string;
  start: number;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const text_ of text.split("\n")) {
    lines.push({ text: text_, start });
    start += text_.length + 1;
  }
  return lines;
}

/** The marker that opens a line of the notes section, or undefined. */
function noteStart(line: string, numbered: boolean): string | undefined {
  const marked = NOTE_START_MARKED.exec(line);
  if (marked) return marked[0];
  return numbered ? NOTE_START_NUMBERED.exec(line)?.[0] : undefined;
}

/**
 * Where the notes section starts: after a heading line ("Notes", "Endnotes", "References"...), else at the first of
 * the trailing paragraphs that each open with a marker (numbered paragraphs only when each looks like a citation).
 */
function findNotesSection(lines: Line[]): { first: number; headingAt: number; numbered: boolean } | undefined {
  for (let i = lines.length - 1; i >= 0; i--)
    if (NOTES_HEADING.test(lines[i]!.text.trim())) return { first: i + 1, headingAt: i, numbered: true };
  let first: number | undefined;
  let numbered = false;
  for (let i = lines.length - 1; i >= 0; i--) {
    const text = lines[i]!.text;
    if (text.trim() === "") continue;
    const marked = NOTE_START_MARKED.test(text);
    const cited = NOTE_START_NUMBERED.test(text) && LOOKS_CITED.test(text);
    if (marked || cited) {
      first = i;
      numbered ||= !marked;
      continue;
    }
    // A line that continues a note (a wrapped citation) belongs to it when a note follows it directly.
    if (first !== undefined && i + 1 === first) continue;
    break;
  }
  if (first === undefined) return undefined;
  while (first < lines.length && noteStart(lines[first]!.text, numbered) === undefined) first++;
  return { first, headingAt: first, numbered };
}

/**
 * The endnotes of `text`: each note with its normalised marker and text, each in-text marker before the notes with
 * its offsets, and what does not pair up (markers without a note, notes without a marker, a marker listed twice).
 */
export function findEndnotes(text: string): Endnotes {
  const lines = linesOf(text);
  const section = findNotesSection(lines);
  const notesStart = section ? lines[section.headingAt]!.start : text.length;
  const notes: NoteFound[] = [];
  const problems: EndnoteProblem[] = [];
  if (section) {
    let open: { marker: string; markerStart: number; start: number; end: number } | undefined;
    const close = () => {
      if (!open) return;
      const body = text.slice(open.start, open.end);
      const lead = body.length - body.trimStart().length;
      const trimmed = body.trim();
      const marker = normaliseEndnoteMarker(open.marker);
      if (marker && trimmed !== "") {
        const start = open.start + lead;
        if (notes.some((n) => n.marker === marker))
          problems.push({
            code: "duplicate-note",
            message: `note "${marker}" is listed twice`,
            start: open.markerStart,
            end: start + trimmed.length,
          });
        else notes.push({ marker, text: trimmed, start, end: start + trimmed.length, markerStart: open.markerStart });
      }
      open = undefined;
    };
    for (const line of lines.slice(section.first)) {
      const opening = noteStart(line.text, section.numbered);
      if (opening !== undefined) {
        close();
        open = {
          marker: opening.replace(/[.):]$/, ""),
          markerStart: line.start,
          start: line.start + opening.length,
          end: line.start + line.text.length,
        };
      } else if (open && line.text.trim() !== "") open.end = line.start + line.text.length;
    }
    close();
  }
  const markers: MarkerFound[] = [];
  for (const m of text.slice(0, notesStart).matchAll(IN_TEXT_MARKER)) {
    const marker = normaliseEndnoteMarker(m[0]);
    // A bracketed number that no note answers is more likely an editor's insertion than a marker.
    if (marker === null || (m[0].startsWith("[") && !notes.some((n) => n.marker === marker))) continue;
    markers.push({ marker, start: m.index, end: m.index + m[0].length });
  }
  const marked = new Set(markers.map((m) => m.marker));
  for (const m of markers)
    if (!notes.some((n) => n.marker === m.marker))
      problems.push({
        code: "marker-without-note",
        message: `marker "${m.marker}" has no note`,
        start: m.start,
        end: m.end,
      });
  for (const n of notes)
    if (!marked.has(n.marker))
      problems.push({
        code: "note-without-marker",
        message: `note "${n.marker}" has no marker in the text`,
        start: n.markerStart,
        end: n.end,
      });
  return { notes, markers, notesStart, problems };
}
