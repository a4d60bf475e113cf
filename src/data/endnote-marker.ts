// Endnote markers come as superscripts ("ⁱⁱ"), caret markup ("^{iv}", "^v") or plain roman; all become "iv".

const SUPERSCRIPT_ROMAN = new Map([
  ["\u2071", "i"],
  ["\u1d5b", "v"],
  ["\u02e3", "x"],
]);

/** Lower-case roman form of an endnote marker in any of the source encodings, or null when it is not one. */
export function normaliseEndnoteMarker(raw: string): string | null {
  let value = raw.trim();
  const caret = /^\^\{?([^}]*)\}?$/.exec(value);
  if (caret) value = caret[1]!;
  value = [...value]
    .map((ch) => SUPERSCRIPT_ROMAN.get(ch) ?? ch)
    .join("")
    .toLowerCase();
  return /^[ivxlcdm]+$/.test(value) ? value : null;
}
