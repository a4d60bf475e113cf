// Control characters from the data are shown escaped, never obeyed by the terminal.
import { describe, expect, it } from "vitest";
import { escapeControlCharacters } from "../../src/cli/terminal-text";

describe("escapeControlCharacters", () => {
  it("shows ESC, CR, BEL, NUL, backspace and DEL as \\u escapes", () => {
    expect(escapeControlCharacters("a\u001b[2Jb\rc\u0007d\u0000e\u0008f\u007f")).toBe(
      "a\\u001b[2Jb\\u000dc\\u0007d\\u0000e\\u0008f\\u007f",
    );
  });

  it("escapes the C1 controls a terminal may obey on their own (CSI, OSC, ST)", () => {
    expect(escapeControlCharacters("\u009b2J\u009d0;title\u009c\u0080\u009f")).toBe(
      "\\u009b2J\\u009d0;title\\u009c\\u0080\\u009f",
    );
  });

  it("escapes line and paragraph separators and the bidi overrides and isolates", () => {
    expect(escapeControlCharacters("\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")).toBe(
      "\\u2028\\u2029\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069",
    );
  });

  it("leaves tab, line feed, bidi marks and ordinary text of any script alone", () => {
    const text = "Tomás\tOjea\nQuintana — 조선 «Khari» \u200fعربي\u200e 😀 \\u001b";
    expect(escapeControlCharacters(text)).toBe(text);
  });

  it("keeps JSON valid and its values unchanged", () => {
    const value = { label: "\u009b31m\u202eevil\u2028" };
    expect(JSON.parse(escapeControlCharacters(JSON.stringify(value)))).toEqual(value);
  });
});
