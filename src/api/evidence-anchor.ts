// The anchor a quote is stored with, so that it can be found again when its text is edited: its offsets and a few
// characters on either side (as annotation tools anchor a highlight: quote, prefix, suffix, position).

/** Characters of context kept on either side of a quote. */
export const ANCHOR_CONTEXT = 32;

export interface EvidenceAnchor {
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** The anchor of text[start, end). */
export function anchorAt(text: string, start: number, end: number): EvidenceAnchor {
  return {
    prefix: text.slice(Math.max(0, start - ANCHOR_CONTEXT), start),
    suffix: text.slice(end, end + ANCHOR_CONTEXT),
    start,
    end,
  };
}
