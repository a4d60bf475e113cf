// The source reader's markup: italics, endnote markers in their three spellings, links, and raw ranges that cover
// the text once, so quote offsets (which index the raw text) still find their words.
import { describe, expect, it } from "vitest";
import { parseMarkup } from "../../web/src/panels/source-reader/markup.js";
import type { Segment } from "../../web/src/panels/source-reader/markup.js";

function covers(raw: string, segments: Segment[]): boolean {
  return (
    segments.every((s, i) => s.start === (i === 0 ? 0 : segments[i - 1]!.end)) && segments.at(-1)?.end === raw.length
  );
}

describe("parseMarkup", () => {
  it("leaves plain text and lone asterisks as text", () => {
    const raw = "A * B and 2*3 = 6, not *italic *.";
    expect(parseMarkup(raw)).toEqual([{ kind: "text", start: 0, end: raw.length }]);
  });

  it("reads italics, keeping the words between the asterisks", () => {
    const raw = "refugees *sur place* and";
    const [, em] = parseMarkup(raw);
    expect(em).toEqual({ kind: "em", start: 9, end: 20, innerStart: 10, innerEnd: 19 });
    expect(raw.slice(10, 19)).toBe("sur place");
  });

  it("reads ^{iv}, ^v and superscript letters as the same lower-case roman markers", () => {
    const raw = "issues.^{viii} help”.^v girls.ⁱⁱⁱ x ^vi";
    const markers = parseMarkup(raw).filter((s) => s.kind === "marker");
    expect(markers.map((m) => m.kind === "marker" && m.marker)).toEqual(["viii", "v", "iii", "vi"]);
    expect(markers.every((m) => m.kind === "marker" && !m.definition)).toBe(true);
    expect(covers(raw, parseMarkup(raw))).toBe(true);
  });

  it("marks a marker that opens a line as the endnote itself", () => {
    const raw = "text.^{iv}\n\n^{iv} “North Korea warns UN”, *Al Jazeera*.\nⁱ See A/C.3/74/L.26";
    const markers = parseMarkup(raw).filter((s) => s.kind === "marker");
    expect(markers.map((m) => m.kind === "marker" && [m.marker, m.definition])).toEqual([
      ["iv", false],
      ["iv", true],
      ["i", true],
    ]);
  });

  it("reads http(s) links in angle brackets and nothing else as a link", () => {
    const raw = "See <https://undocs.org/A/C.3/74/L.26>; not <javascript:alert(1)> or <b>.";
    const links = parseMarkup(raw).filter((s) => s.kind === "link");
    expect(links).toHaveLength(1);
    const link = links[0]!;
    expect(link.kind === "link" && raw.slice(link.innerStart, link.innerEnd)).toBe("https://undocs.org/A/C.3/74/L.26");
    expect(covers(raw, parseMarkup(raw))).toBe(true);
  });

  it("reads the arabic markers ingested reports use: [3], [^3], ^{12} and superscript digits, without leading zeros", () => {
    const raw = "arrests.[1] citing A/HRC/46/12.[^2] row.^{03} end.¹² a [x] or [1000] stays text";
    const markers = parseMarkup(raw).filter((s) => s.kind === "marker");
    expect(markers.map((m) => m.kind === "marker" && m.marker)).toEqual(["1", "2", "3", "12"]);
    expect(raw.slice(markers[0]!.start, markers[0]!.end)).toBe("[1]");
    expect(covers(raw, parseMarkup(raw))).toBe(true);
  });
});
