// The freehand lasso's geometry: the stroke as the pointer draws it, the path that shows it, and which points it
// encloses. Pure, on viewport pixels, so gestures.ts only feeds it pointer positions and node positions.

export interface Point {
  x: number;
  y: number;
}

/** Pointer moves closer than this to the last point kept add nothing to the stroke but length. */
const MIN_STEP = 2;

/** The stroke with `point` added, unless it lies within MIN_STEP pixels of the last point kept (then the same list). */
export function extendStroke(stroke: readonly Point[], point: Point): Point[] {
  const last = stroke.at(-1);
  if (last && Math.hypot(point.x - last.x, point.y - last.y) < MIN_STEP) return stroke as Point[];
  return [...stroke, point];
}

/** The SVG path data of the stroke, closed back to its start as the selection will be. */
export function strokePath(stroke: readonly Point[]): string {
  if (stroke.length === 0) return "";
  const [first, ...rest] = stroke;
  const round = (n: number): string => String(Math.round(n * 10) / 10);
  return `M${round(first!.x)} ${round(first!.y)}${rest.map((p) => `L${round(p.x)} ${round(p.y)}`).join("")}Z`;
}

/** Whether the stroke encloses an area worth picking from: three points at least, spread over more than a click. */
export function enclosesArea(stroke: readonly Point[]): boolean {
  if (stroke.length < 3) return false;
  const xs = stroke.map((p) => p.x);
  const ys = stroke.map((p) => p.y);
  return Math.max(...xs) - Math.min(...xs) > 3 && Math.max(...ys) - Math.min(...ys) > 3;
}

/**
 * Whether `point` lies inside the polygon (closed from its last point back to its first), by the even-odd rule: a ray
 * from the point crosses the outline an odd number of times. A stroke that crosses itself leaves its loops' overlap
 * outside, as drawing programs do.
 */
export function insidePolygon(point: Point, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (a.y > point.y !== b.y > point.y && point.x < ((b.x - a.x) * (point.y - a.y)) / (b.y - a.y) + a.x) {
      inside = !inside;
    }
  }
  return inside;
}
