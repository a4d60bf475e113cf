// Data text written into Markdown as text: whatever a label or a quote holds, it can never become markup.

/**
 * The ASCII punctuation that opens markup inline (emphasis, links and footnote references, code, raw HTML, entities,
 * tables, strikethrough) is backslash-escaped; CommonMark turns `\x` back into `x`, so the text reads the same once
 * rendered. `(`, `!` and `^` mean something only after or before a `[`, which is escaped, so they stay as they are
 * and a copied paragraph keeps few backslashes.
 */
const INLINE = /[\\`*_[\]<>&|~]/g;
/** At the start of a line: what would open a heading, a list, a quote block or a thematic break. */
const LINE_START = /^(\s*)([#>+\-=]|\d+[.)])/;

/** `text` as Markdown that renders to exactly `text`: line breaks become spaces, markup characters are escaped. */
export function markdownText(text: string): string {
  const oneLine = text.replace(/[\r\n\u2028\u2029]+/g, " ");
  const escaped = oneLine.replace(INLINE, "\\$&");
  return escaped.replace(LINE_START, (_match, space: string, opener: string) =>
    /\d/.test(opener) ? `${space}${opener.slice(0, -1)}\\${opener.slice(-1)}` : `${space}\\${opener}`,
  );
}
