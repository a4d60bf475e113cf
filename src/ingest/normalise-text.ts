// The text of a report as source.txt keeps it: Unicode NFC, LF line ends, no control characters, no trailing spaces,
// at most one blank line between paragraphs. Every offset ingest reports indexes this text.

// C0 and C1 controls other than tab and line feed: the loader refuses them in a source text.
// eslint-disable-next-line no-control-regex -- matching control characters is this regex's whole job
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Normalises a report's text (see the file's banner); a form feed between PDF pages becomes a paragraph break. */
export function normaliseText(raw: string): string {
  return raw
    .replace(/^\ufeff/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/\f/g, "\n\n")
    .normalize("NFC")
    .replace(CONTROL, " ")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+/, "")
    .replace(/\n*$/, "\n");
}
