// Text on its way to a terminal: control characters from the data are shown escaped, never obeyed, so a label or
// quote cannot clear lines, move the cursor, retitle the window, plant a hyperlink or reorder what is shown.

// C0 controls except tab and line feed (the CLI's own layout uses those two), DEL and the C1 controls (a terminal
// may obey those alone: U+009B is CSI, U+009D is OSC), the line and paragraph separators, and the bidirectional
// overrides and isolates, which can make text display in another order than it reads. Bidi marks (U+200E, U+200F,
// U+061C) stay: they only nudge neutral characters, and right-to-left names in the data need them.
// eslint-disable-next-line no-control-regex -- matching control characters is this regex's whole job
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Shows every control character of `text` that could act on a terminal as a visible escape: ESC becomes `\u001b`,
 * CR `\u000d`. Tab and line feed pass. The escape is JSON's, so JSON output stays valid JSON with the same value.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
