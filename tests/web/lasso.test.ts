// The lasso's geometry: the stroke kept as the pointer moves, its outline as SVG path data, whether it encloses an
// area, and which points lie inside it (an L-shaped outline leaves out the corner its bounding box takes in).
import { describe, expect, it } from "vitest";
import { enclosesArea, extendStroke, insidePolygon, strokePath } from "../../web/src/scene/lasso.js";

/** An L: a bar along the top from x 0 to 100, and a bar down the right side to y 100, each 20 wide. */
const L = [
  { x: 0, y: 0 },
  { x: 100, y: 0 },
  { x: 100, y: 100 },
  { x: 80, y: 100 },
  { x: 80, y: 20 },
  { x: 0, y: 20 },
];

describe("insidePolygon", () => {
  it("leaves out a point inside the outline's bounding box but outside the outline", () => {
    expect(insidePolygon({ x: 20, y: 80 }, L)).toBe(false);
    expect(insidePolygon({ x: 79, y: 21 }, L)).toBe(false);
  });

  it("takes in points of both arms and of the corner between them", () => {
    expect(insidePolygon({ x: 10, y: 10 }, L)).toBe(true);
    expect(insidePolygon({ x: 90, y: 90 }, L)).toBe(true);
    expect(insidePolygon({ x: 90, y: 10 }, L)).toBe(true);
  });

  it("leaves out points beyond the outline, and everything when there is no outline", () => {
    expect(insidePolygon({ x: -1, y: 10 }, L)).toBe(false);
    expect(insidePolygon({ x: 90, y: 101 }, L)).toBe(false);
    expect(insidePolygon({ x: 10, y: 10 }, [])).toBe(false);
  });

  it("closes the outline from its last point to its first, whichever way it was drawn", () => {
    const reversed = [...L].reverse();
    expect(insidePolygon({ x: 10, y: 10 }, reversed)).toBe(true);
    expect(insidePolygon({ x: 20, y: 80 }, reversed)).toBe(false);
  });
});

describe("the stroke", () => {
  it("keeps a pointer move only when it is two pixels or more from the last point kept", () => {
    const start = [{ x: 10, y: 10 }];
    expect(extendStroke(start, { x: 11, y: 10.5 })).toBe(start);
    expect(extendStroke(start, { x: 12, y: 10 })).toEqual([...start, { x: 12, y: 10 }]);
    expect(extendStroke([], { x: 3, y: 4 })).toEqual([{ x: 3, y: 4 }]);
  });

  it("draws as a closed SVG path, to a tenth of a pixel", () => {
    expect(strokePath([])).toBe("");
    expect(
      strokePath([
        { x: 1.234, y: 2 },
        { x: 30, y: 4.56 },
        { x: 5, y: 60 },
      ]),
    ).toBe("M1.2 2L30 4.6L5 60Z");
  });

  it("encloses an area only with three points spread over more than a click", () => {
    expect(enclosesArea(L)).toBe(true);
    expect(enclosesArea(L.slice(0, 2))).toBe(false);
    expect(
      enclosesArea([
        { x: 0, y: 0 },
        { x: 2, y: 1 },
        { x: 1, y: 3 },
      ]),
    ).toBe(false);
  });
});
