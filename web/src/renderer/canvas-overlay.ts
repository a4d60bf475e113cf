// What is drawn over or under sigma's canvases in the page rather than by sigma (a large corpus's lines between
// groups, their counts, the groups' names), drawn again into a 2D context: the PNG of the view has them as the
// screen shows them.

/** Drawing of page elements over the canvas, in the canvas's CSS pixels (0, 0 at its top left corner). */
export interface CanvasOverlay {
  /** Under sigma's drawing (lines between nodes' groups). */
  under?(context: CanvasRenderingContext2D): void;
  /** Over it (names and counts in boxes). */
  over?(context: CanvasRenderingContext2D): void;
}

/** Lines of an SVG laid over the canvas, with their own stroke (colour, opacity, width, caps). */
export function drawSvgPaths(context: CanvasRenderingContext2D, paths: Iterable<SVGPathElement>): void {
  for (const path of paths) {
    const d = path.getAttribute("d");
    if (!d) continue;
    const style = getComputedStyle(path);
    context.save();
    context.strokeStyle = style.stroke;
    context.globalAlpha = Number(style.strokeOpacity) || 1;
    context.lineWidth = Number(path.getAttribute("stroke-width")) || 1;
    context.lineCap = style.strokeLinecap as CanvasLineCap;
    context.stroke(new Path2D(d));
    context.restore();
  }
}

/** `text` cut with an ellipsis to `width`, as CSS's `text-overflow: ellipsis` cuts it. */
function cutTo(context: CanvasRenderingContext2D, text: string, width: number): string {
  if (context.measureText(text).width <= width) return text;
  let kept = text;
  while (kept.length > 0 && context.measureText(`${kept}…`).width > width) kept = kept.slice(0, -1);
  return `${kept.trimEnd()}…`;
}

/**
 * Boxes over the canvas (a name, a count: an element with a background, a border and text) where they are on screen:
 * `origin` is the canvas's box in the page. Each element's text, or its children's, is drawn in its own font.
 */
export function drawTags(context: CanvasRenderingContext2D, tags: Iterable<HTMLElement>, origin: DOMRect): void {
  for (const tag of tags) {
    const box = tag.getBoundingClientRect();
    if (box.width === 0) continue;
    const style = getComputedStyle(tag);
    if (style.visibility === "hidden") continue;
    const [x, y] = [box.left - origin.left, box.top - origin.top];
    context.save();
    context.globalAlpha = Number(style.opacity);
    const radius = Math.min(parseFloat(style.borderTopLeftRadius) || 0, box.height / 2);
    context.beginPath();
    context.roundRect(x, y, box.width, box.height, radius);
    context.fillStyle = style.backgroundColor;
    context.fill();
    const border = parseFloat(style.borderTopWidth) || 0;
    if (border > 0) {
      context.lineWidth = border;
      context.strokeStyle = style.borderTopColor;
      context.beginPath();
      context.roundRect(x + border / 2, y + border / 2, box.width - border, box.height - border, radius);
      context.stroke();
    }
    const parts = tag.children.length > 0 ? [...tag.children].filter((c) => c instanceof HTMLElement) : [tag];
    for (const part of parts) {
      const text = part.textContent ?? "";
      const at = part === tag ? box : part.getBoundingClientRect();
      const own = part === tag ? style : getComputedStyle(part);
      const padding = part === tag ? parseFloat(own.paddingLeft) || 0 : 0;
      context.font = `${own.fontWeight} ${own.fontSize} ${own.fontFamily}`;
      context.fillStyle = own.color;
      context.textBaseline = "middle";
      context.fillText(
        cutTo(context, text, at.width - 2 * padding),
        at.left - origin.left + padding,
        box.top - origin.top + box.height / 2,
      );
    }
    context.restore();
  }
}
