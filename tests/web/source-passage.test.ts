// A passage chosen in the source reader: its ends trimmed of spaces, and the endnotes suggested for it (the markers
// inside it, and the one closing its sentence), on the bundled brief's own spellings and an ingested report's.
import { describe, expect, it } from "vitest";
import { suggestEndnotes, trimPassage } from "../../web/src/panels/source-reader/passage.js";

const span = (raw: string, words: string) => {
  const start = raw.indexOf(words);
  return { start, end: start + words.length };
};

describe("trimPassage", () => {
  it("is null when nothing but spaces is selected", () => {
    expect(trimPassage("a   b", 1, 4)).toBeNull();
  });

  it("drops spaces and line breaks at either end and orders reversed ends", () => {
    const raw = "one \n two three \n";
    expect(trimPassage(raw, 16, 3)).toEqual(span(raw, "two three"));
  });
});

describe("suggestEndnotes", () => {
  it("suggests nothing when no marker is inside or closes the sentence", () => {
    const raw = "The ROK declined. The US abstained.ⁱⁱ";
    expect(suggestEndnotes(raw, span(raw, "The ROK declined"))).toEqual([]);
  });

  it("suggests the marker right after the sentence the passage ends in", () => {
    const raw = "the ROK declined to co-sponsor the resolution.ⁱⁱⁱ Japan did.^{iv}";
    expect(suggestEndnotes(raw, span(raw, "the ROK declined to co-sponsor"))).toEqual(["iii"]);
  });

  it("suggests every marker inside the passage, once each, then the one closing it", () => {
    const raw = "A said so.^v B agreed.^{vi} C too.^v D last.[7] Next sentence.[8]";
    expect(suggestEndnotes(raw, span(raw, "A said so.^v B agreed.^{vi} C too.^v D last"))).toEqual(["v", "vi", "7"]);
  });

  it("leaves out the endnotes themselves (markers that open a line)", () => {
    const raw = "text\n^{iv} Al Jazeera, 2019.";
    expect(suggestEndnotes(raw, { start: 0, end: raw.length })).toEqual([]);
  });
});
