// A grid of rectangles for the label layer's "is this spot free?": each rectangle is filed under the cells it
// covers, so a question looks at the few rectangles near the spot instead of every node and label of the frame
// (which, asked for every spot of every label, grew with the square of the nodes in view and slowed each frame).
import type { Rect } from "./label-layer.js";

/** A rectangle, and the node it belongs to (a node's own disc does not block its label). */
export type Owned = Rect & { node?: string };

export class RectGrid {
  private readonly cells = new Map<number, Owned[]>();
  private readonly list: Owned[] = [];

  constructor(private readonly cellSize = 64) {}

  /** Every rectangle added, in order. */
  all(): readonly Owned[] {
    return this.list;
  }

  add(rect: Owned): void {
    this.list.push(rect);
    this.forCells(rect, (key) => {
      const cell = this.cells.get(key);
      if (cell) cell.push(rect);
      else this.cells.set(key, [rect]);
      return false;
    });
  }

  /** True when `rect` overlaps a rectangle added, other than those of `except`. */
  hits(rect: Rect, except?: string): boolean {
    return this.forCells(rect, (key) =>
      (this.cells.get(key) ?? []).some((b) => (except === undefined || b.node !== except) && overlaps(rect, b)),
    );
  }

  /** Call `visit` for each cell `rect` covers, until it answers true; answers whether one did. */
  private forCells(rect: Rect, visit: (key: number) => boolean): boolean {
    const size = this.cellSize;
    const [x0, x1] = [Math.floor(rect.x / size), Math.floor((rect.x + rect.width) / size)];
    const [y0, y1] = [Math.floor(rect.y / size), Math.floor((rect.y + rect.height) / size)];
    for (let gx = x0; gx <= x1; gx++) {
      for (let gy = y0; gy <= y1; gy++) {
        // Cells far off the canvas share keys with others: harmless, the overlap test itself decides.
        if (visit(((gx & 0xffff) << 16) | (gy & 0xffff))) return true;
      }
    }
    return false;
  }
}

export const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
