// A passage chosen in the reader, in raw offsets: its ends trimmed of spaces, and the endnote markers that back it
// (those inside it, and the first one after it when no sentence ends between them: "…agenda.ⁱⁱ").
import type { Span } from "./highlight.js";
import { parseMarkup } from "./markup.js";

/** [start, end) without the spaces and line breaks at either end, or null when nothing but spaces is left. */
export function trimPassage(raw: string, start: number, end: number): Span | null {
  let a = Math.min(start, end);
  let b = Math.max(start, end);
  while (a < b && /\s/.test(raw[a]!)) a++;
  while (b > a && /\s/.test(raw[b - 1]!)) b--;
  return a < b ? { start: a, end: b } : null;
}

/** The endnote markers (lower-case roman, in order, once each) a passage of `raw` most likely cites. */
export function suggestEndnotes(raw: string, passage: Span): string[] {
  const found: string[] = [];
  for (const segment of parseMarkup(raw)) {
    if (segment.kind !== "marker" || segment.definition) continue;
    if (segment.end <= passage.start) continue;
    if (segment.start < passage.end) {
      if (!found.includes(segment.marker)) found.push(segment.marker);
      continue;
    }
    // The first marker after the passage counts when it closes the same sentence.
    const between = raw.slice(passage.end, segment.start);
    if (!/\n|[.!?]["”’)]?\s/.test(between) && !found.includes(segment.marker)) found.push(segment.marker);
    break;
  }
  return found;
}
