// The label layer's grid of taken spots answers as a plain scan of every rectangle would.
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../src/common";
import { overlaps, RectGrid, type Owned } from "../../web/src/renderer/rect-grid";

describe("RectGrid", () => {
  it("ignores the rectangles of the node asking, and only those", () => {
    const grid = new RectGrid();
    grid.add({ node: "a", x: 0, y: 0, width: 10, height: 10 });
    expect(grid.hits({ x: 5, y: 5, width: 10, height: 10 }, "a")).toBe(false);
    expect(grid.hits({ x: 5, y: 5, width: 10, height: 10 }, "b")).toBe(true);
    expect(grid.hits({ x: 5, y: 5, width: 10, height: 10 })).toBe(true);
  });

  it("finds a rectangle spanning many cells from a spot in any of them, and off the canvas too", () => {
    const grid = new RectGrid(16);
    grid.add({ x: -40, y: -40, width: 300, height: 12 });
    expect(grid.hits({ x: 250, y: -35, width: 2, height: 2 })).toBe(true);
    expect(grid.hits({ x: -39, y: -20, width: 2, height: 2 })).toBe(false);
    expect(grid.hits({ x: 270, y: -35, width: 2, height: 2 })).toBe(false);
  });

  it("answers as a scan of every rectangle does, for a thousand random spots", () => {
    const next = mulberry32(7);
    const rect = (): Owned => ({
      node: String(Math.floor(next() * 20)),
      x: next() * 1400 - 100,
      y: next() * 900 - 100,
      width: next() * 200,
      height: next() * 40,
    });
    const grid = new RectGrid();
    const all = Array.from({ length: 400 }, rect);
    for (const r of all) grid.add(r);
    expect(grid.all()).toEqual(all);
    let hits = 0;
    for (let i = 0; i < 1000; i++) {
      const spot = rect();
      const scan = all.some((b) => b.node !== spot.node && overlaps(spot, b));
      expect(grid.hits(spot, spot.node)).toBe(scan);
      if (scan) hits += 1;
    }
    // Both answers occur: the comparison means something.
    expect(hits).toBeGreaterThan(100);
    expect(hits).toBeLessThan(1000);
  });
});
