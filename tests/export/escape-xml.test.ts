import { describe, expect, it } from "vitest";
import { escapeXml, replaceForbiddenXmlChars } from "../../src/export";

describe("replaceForbiddenXmlChars", () => {
  it("replaces C0 control characters other than tab, LF and CR with U+FFFD", () => {
    expect(replaceForbiddenXmlChars("a\u0000b\u0008c\u000Bd\u000Ce\u000Ef\u001Fg")).toBe(
      "a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg",
    );
  });

  it("replaces the non-characters U+FFFE and U+FFFF", () => {
    expect(replaceForbiddenXmlChars("x\uFFFEy\uFFFFz")).toBe("x\uFFFDy\uFFFDz");
  });

  it("replaces a lone high surrogate, a lone low surrogate and a reversed pair, one U+FFFD each", () => {
    expect(replaceForbiddenXmlChars("\uD800x")).toBe("\uFFFDx");
    expect(replaceForbiddenXmlChars("x\uDC00")).toBe("x\uFFFD");
    expect(replaceForbiddenXmlChars("\uDC00\uD800")).toBe("\uFFFD\uFFFD");
    expect(replaceForbiddenXmlChars("\uD83D\uD83D\uDE00")).toBe("\uFFFD\uD83D\uDE00");
  });

  it("keeps tab, LF, CR, a BOM, NEL, C1 controls and astral characters as they are", () => {
    const allowed = "\t\n\r\uFEFF\u0085\u0080\u009F\u2028 😀 🇰🇷 北朝鮮 \uFFFD";
    expect(replaceForbiddenXmlChars(allowed)).toBe(allowed);
  });
});

describe("escapeXml", () => {
  it("escapes markup characters and both quotes", () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry' ]]></a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos; ]]&gt;&lt;/a&gt;",
    );
  });

  it("writes tab, CR, LF, NEL and U+2028 as character references so parsers do not normalise them", () => {
    expect(escapeXml("a\tb\r\nc\rd\u0085e\u2028f")).toBe("a&#9;b&#13;&#10;c&#13;d&#133;e&#8232;f");
  });

  it("replaces forbidden characters before escaping", () => {
    expect(escapeXml("\u0000<\uD800")).toBe("\uFFFD&lt;\uFFFD");
  });

  it("leaves ordinary text untouched", () => {
    expect(escapeXml("Democratic People’s Republic of Korea — 조선")).toBe(
      "Democratic People’s Republic of Korea — 조선",
    );
  });
});
