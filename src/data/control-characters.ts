// Control characters in data: the C0 and C1 controls (tab and line feed aside) can move a terminal's cursor, clear
// its lines, retitle its window or plant links, so the loader refuses them in every key, value and source text.

/** One control character other than tab (U+0009) and line feed (U+000A): C0, DEL and C1. */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const EVERY_CONTROL_CHARACTER = new RegExp(CONTROL_CHARACTER.source, "g");

/** `U+001B`: how a problem names a control character, never writing it raw. */
export function codePointName(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The name of the first control character in `value` (`U+001B`), or undefined when it holds none. */
export function firstControlCharacter(value: string): string | undefined {
  const found = CONTROL_CHARACTER.exec(value);
  return found ? codePointName(found[0]) : undefined;
}

/** How many control characters `value` holds. */
export function countControlCharacters(value: string): number {
  return value.match(EVERY_CONTROL_CHARACTER)?.length ?? 0;
}

/** A name (of a file, a folder) with its control characters written as `\u{1b}`, safe to show. */
export function escapeControlCharacters(value: string): string {
  return value.replace(EVERY_CONTROL_CHARACTER, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`);
}

/** The hint every control-character problem gives. */
export const CONTROL_CHARACTER_HINT = "remove it: text fields may hold tab and line feed, no other control character";
