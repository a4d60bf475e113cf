// Labels on the canvas are never cut: long names break at a space onto two lines; relation families have a line
// style the canvas and the legend share.
import { describe, expect, it } from "vitest";
import { hoverLabel, LINE_CHARACTERS, labelSizeFor, wrapLabel } from "../../web/src/renderer/label-layer.js";
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

describe("hoverLabel", () => {
  /** A 2D context whose text is 7 px a character, on a canvas `room` px wide. */
  const context = (room: number) =>
    ({
      font: "",
      canvas: { clientWidth: room },
      measureText: (text: string) => ({ width: text.length * 7 }),
    }) as unknown as CanvasRenderingContext2D;
  const node = { x: 100, y: 50, size: 6, label: "Ojea Quintana", fullLabel: "Tomás Ojea Quintana" };

  it("writes the full name on a box reaching from the node's centre, on the right where there is room", () => {
    const label = hoverLabel(context(1000), node, "sans-serif", 12);
    expect(label).toMatchObject({ lines: ["Tomás Ojea Quintana"], side: "right", textX: 110 });
    expect(label.box.x).toBe(100);
    expect(label.box.x + label.box.width).toBe(110 + 19 * 7 + 8);
    expect(label.box.y + label.box.height / 2).toBe(50);
  });

  it("goes left when the right has no room, or where it is told, the box then ending past the centre", () => {
    const left = hoverLabel(context(200), node, "sans-serif", 12);
    expect(left.side).toBe("left");
    expect(left.textX).toBe(100 - 6 - 4 - 19 * 7);
    expect(left.box.x + left.box.width).toBe(104);
    expect(hoverLabel(context(1000), node, "sans-serif", 12, "left")).toEqual(left);
  });

  it("falls back on the short name, and has no box without a name", () => {
    expect(hoverLabel(context(1000), { ...node, fullLabel: "" }, "sans-serif", 12).lines).toEqual(["Ojea Quintana"]);
    expect(hoverLabel(context(1000), { x: 0, y: 0, size: 4 }, "sans-serif", 12).box.width).toBe(0);
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
