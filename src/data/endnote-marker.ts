// Endnote markers come as superscripts ("ⁱⁱ", "¹²"), caret markup ("^{iv}", "^v", "^{12}"), brackets ("[3]") or
// plain text; a roman marker becomes lower case ("iv"), an arabic one its digits ("12").

const SUPERSCRIPTS = new Map([
  ["\u2071", "i"],
  ["\u1d5b", "v"],
  ["\u02e3", "x"],
  ["\u2070", "0"],
  ["\u00b9", "1"],
  ["\u00b2", "2"],
  ["\u00b3", "3"],
  ["\u2074", "4"],
  ["\u2075", "5"],
  ["\u2076", "6"],
  ["\u2077", "7"],
  ["\u2078", "8"],
  ["\u2079", "9"],
]);

/** The plain form of one superscript character ("ⁱ" -> "i", "²" -> "2"), or undefined. */
export function plainSuperscript(ch: string): string | undefined {
  return SUPERSCRIPTS.get(ch);
}

/**
 * Normal form of an endnote marker in any of the source encodings: lower-case roman ("iv") or arabic digits without
 * leading zeros ("12"); null when it is not one.
 */
export function normaliseEndnoteMarker(raw: string): string | null {
  let value = raw.trim();
  const caret = /^\^\{?([^}]*)\}?$/.exec(value) ?? /^\[\^?([^\]]*)\]$/.exec(value);
  if (caret) value = caret[1]!.trim();
  value = [...value]
    .map((ch) => SUPERSCRIPTS.get(ch) ?? ch)
    .join("")
    .toLowerCase();
  if (/^[ivxlcdm]+$/.test(value)) return value;
  if (/^\d{1,4}$/.test(value) && Number(value) > 0) return String(Number(value));
  return null;
}
