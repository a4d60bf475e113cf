// Sentences with their offsets: abbreviations protected, the last sentence of a paragraph kept whole.
import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/ingest/split-sentences";

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe("splitSentences", () => {
  it("keeps the last sentence of a paragraph whole, its closing marker left out", () => {
    // Regression: the last sentence's end was counted from the paragraph's start, not the sentence's ("The VHRL u").
    expect(split("In the capital.[1] The VHRL urged the Council, citing A/HRC/46/12.[2]")).toEqual([
      "In the capital",
      "The VHRL urged the Council, citing A/HRC/46/12",
    ]);
  });

  it("does not split after para., No., U.S. or inside L.26", () => {
    expect(split("See para. 14 of No. 3. The U.S. tabled A/C.3/74/L.26 today. It passed.")).toEqual([
      "See para. 14 of No. 3",
      "The U.S. tabled A/C.3/74/L.26 today",
      "It passed",
    ]);
  });
});
