// Labels on the canvas are never cut: long names break at a space onto two lines; relation families have a line
// style the canvas and the legend share.
import { describe, expect, it } from "vitest";
import { LINE_CHARACTERS, labelSizeFor, wrapLabel } from "../../web/src/renderer/label-layer.js";
import { lineStyleOf } from "../../web/src/renderer/line-styles.js";

describe("wrapLabel", () => {
  it("keeps a short name on one line", () => {
    expect(wrapLabel("Republic of Korea")).toEqual(["Republic of Korea"]);
    expect(wrapLabel("x".repeat(LINE_CHARACTERS))).toEqual(["x".repeat(LINE_CHARACTERS)]);
  });

  it("breaks a long name at the space nearest its middle, never inside a word", () => {
    expect(wrapLabel("2019 Council debate on DPRK human rights")).toEqual([
      "2019 Council debate",
      "on DPRK human rights",
    ]);
    expect(wrapLabel("Rec. to the Security Council (incomplete)")).toEqual([
      "Rec. to the Security",
      "Council (incomplete)",
    ]);
  });

  it("keeps a long name without spaces whole", () => {
    const word = "Antidisestablishmentarianism-and-more";
    expect(wrapLabel(word)).toEqual([word]);
  });
});

describe("labelSizeFor", () => {
  it("grows with the node from the base size, by at most 5px", () => {
    expect(labelSizeFor(3, 12)).toBe(12);
    expect(labelSizeFor(40, 12)).toBe(17);
  });
});

describe("lineStyleOf", () => {
  it("dashes citations, dots context, and draws every other family solid", () => {
    expect(lineStyleOf("provenance")).toBe("dashed");
    expect(lineStyleOf("context")).toBe("dotted");
    expect(lineStyleOf("opposition")).toBe("solid");
    expect(lineStyleOf("no-such-family")).toBe("solid");
  });
});
