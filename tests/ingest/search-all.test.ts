// The matcher's search piece by piece: the same matches as one search of the whole text, whatever characters outside
// ASCII the text holds (a marker no name holds, one a name holds, marks, joiners, flags, Hangul, CR LF).
import fc from "fast-check";
import AhoCorasick from "modern-ahocorasick";
import { describe, expect, it } from "vitest";
import { alphabetOf, searchAll } from "../../src/ingest/search-all";
import { NameMatcher } from "../../src/ingest/name-matcher";

// Pieces of text: ASCII, characters names hold (é, ø, 한), and others (ⁱ, •, a combining acute, a zero-width
// joiner, a flag of two regional indicators, an emoji, a lone Hangul vowel that joins the syllable before it).
const ATOMS = [
  "a",
  "b",
  "ab",
  " ",
  ".",
  "\r",
  "\n",
  "é",
  "ø",
  "한",
  "ⁱ",
  "•",
  "\u0301",
  "\u200d",
  "🇰🇷",
  "👍",
  "\u1161",
];
const PATTERN_ATOMS = ["a", "b", " ", ".", "é", "ø", "한"];

const text = (atoms: string[], maxLength: number) =>
  fc.array(fc.constantFrom(...atoms), { maxLength }).map((parts) => parts.join(""));

describe("searchAll", () => {
  it("finds exactly the matches of one search of the whole text", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          text(PATTERN_ATOMS, 4).filter((p) => p.length > 0),
          { minLength: 1, maxLength: 6 },
        ),
        text(ATOMS, 40),
        (patterns, haystack) => {
          const matcher = new AhoCorasick(patterns.map((pattern, i) => ({ pattern, data: i })));
          expect(searchAll(matcher, alphabetOf(patterns), haystack)).toEqual(
            matcher.search(haystack, { strategy: "all" }),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it("cuts at a marker no name holds and finds the names on both sides, with their offsets", () => {
    const matcher = new AhoCorasick(["korea", "han"]);
    const haystack = "korea.ⁱ korea•han ⁱⁱ korea";
    expect(searchAll(matcher, alphabetOf(["korea", "han"]), haystack).map((m) => [m.start, m.pattern])).toEqual([
      [0, "korea"],
      [8, "korea"],
      [14, "han"],
      [21, "korea"],
    ]);
  });
});

describe("NameMatcher", () => {
  it("finds a name after an endnote marker, and a name with a letter outside ASCII", () => {
    const matcher = new NameMatcher([
      { name: "Republic of Korea", value: "state:kor" },
      { name: "Tomás Ojea Quintana", value: "person:tomas-ojea-quintana" },
      { name: "Søren Ø", value: "person:soren" },
    ]);
    const report = "The Republic of Korea declined.ⁱ Tomás Ojea Quintana and Søren Ø spoke.ⁱⁱ The REPUBLIC OF KOREA.";
    const found = matcher.findAll(report).map((m) => [report.slice(m.start, m.end), m.values]);
    expect(found).toEqual([
      ["Republic of Korea", ["state:kor"]],
      ["Tomás Ojea Quintana", ["person:tomas-ojea-quintana"]],
      ["Søren Ø", ["person:soren"]],
      ["REPUBLIC OF KOREA", ["state:kor"]],
    ]);
  });
});
