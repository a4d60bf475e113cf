// XML text and attribute escaping for the GraphML writer, including characters XML 1.0 cannot carry at all.

// XML 1.0 Char excludes C0 controls other than tab/LF/CR, U+FFFE, U+FFFF and unpaired surrogates. With the `u`
// flag a surrogate pair is one code point, so the surrogate range only matches halves that stand alone.
// eslint-disable-next-line no-control-regex -- matching control characters is this regex's whole job
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;
const SPECIAL = /[&<>"'\t\n\r\u0085\u2028]/g;

// Tab, LF and CR as character references: a literal CR LF would be normalised to LF, and a literal newline in an
// attribute to a space, by every conforming parser; references survive both. NEL (U+0085) and LINE SEPARATOR
// (U+2028) are XML 1.1 line ends that some parsers (xmldom, hence graphology-graphml) also turn into LF.
const REPLACEMENTS: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
  "\u0085": "&#133;",
  "\u2028": "&#8232;",
};

/**
 * Replaces every character XML 1.0 forbids (U+0000-U+0008, U+000B, U+000C, U+000E-U+001F, U+FFFE, U+FFFF and lone
 * surrogates) with U+FFFD, the replacement character. This is exactly what a reader gets back for such a value.
 */
export function replaceForbiddenXmlChars(text: string): string {
  return text.replace(FORBIDDEN, "\uFFFD");
}

/**
 * Makes any string safe as XML character data or as a quoted attribute value: forbidden characters become
 * U+FFFD, markup characters and quotes become entities, tab/LF/CR (and NEL, U+2028) become character references.
 */
export function escapeXml(text: string): string {
  return replaceForbiddenXmlChars(text).replace(SPECIAL, (char) => REPLACEMENTS[char]);
}
