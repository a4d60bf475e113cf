// The PNG for a report: the canvas as it is now, drawn again at twice its size by @sigma/export-image with the label
// layer (so labels are placed, whole, as on screen), under a title and over a legend and a caption naming the sources
// and the date. Composed on a plain 2D canvas.
import { drawOnCanvas } from "@sigma/export-image";
import type Sigma from "sigma";
import { LABELS } from "../../renderer/index.js";
import type { CanvasOverlay, LineStyle } from "../../renderer/index.js";

/** The image is drawn at this many device pixels per CSS pixel, whatever the screen's own ratio. */
export const IMAGE_SCALE = 2;

export interface LegendEntry {
  label: string;
  color: string;
  shape: "dot" | LineStyle;
}

export interface ReportImage {
  title: string;
  /** A line under the title: what the view shows (counts, the path, the filters). */
  subtitle: string;
  legend: LegendEntry[];
  /** The sources and the date, at the foot of the image. */
  caption: string;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const MARGIN = 16;
const INK = "#111827";
const MUTED = "#4b5563";

/**
 * Run `draw` while the page reports `ratio` device pixels per CSS pixel: sigma sizes its canvases by
 * `window.devicePixelRatio` when it draws, which is how the image gets twice the screen's pixels. Only the synchronous
 * part of `draw` sees the ratio.
 */
function withPixelRatio<T>(ratio: number, draw: () => T): T {
  const own = Object.getOwnPropertyDescriptor(window, "devicePixelRatio");
  Object.defineProperty(window, "devicePixelRatio", { configurable: true, get: () => ratio });
  try {
    return draw();
  } finally {
    if (own) Object.defineProperty(window, "devicePixelRatio", own);
    else delete (window as { devicePixelRatio?: number }).devicePixelRatio;
  }
}

/** Break `text` into lines no wider than `width` at spaces (a word longer than the line stays whole). */
function wrapText(context: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && context.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

interface LegendRow {
  items: { entry: LegendEntry; x: number; width: number }[];
}

/** Lay the legend's entries out in rows across `width`. */
function legendRows(context: CanvasRenderingContext2D, legend: LegendEntry[], width: number): LegendRow[] {
  const rows: LegendRow[] = [];
  let row: LegendRow = { items: [] };
  let x = 0;
  for (const entry of legend) {
    const itemWidth = 26 + context.measureText(entry.label).width + 18;
    if (row.items.length > 0 && x + itemWidth > width) {
      rows.push(row);
      row = { items: [] };
      x = 0;
    }
    row.items.push({ entry, x, width: itemWidth });
    x += itemWidth;
  }
  if (row.items.length > 0) rows.push(row);
  return rows;
}

function drawSwatch(context: CanvasRenderingContext2D, entry: LegendEntry, x: number, y: number): void {
  context.fillStyle = entry.color;
  context.strokeStyle = entry.color;
  if (entry.shape === "dot") {
    context.beginPath();
    context.arc(x + 9, y, 6, 0, Math.PI * 2);
    context.fill();
    return;
  }
  context.lineWidth = entry.shape === "dotted" ? 3 : 2.5;
  context.setLineDash(entry.shape === "dashed" ? [6, 4] : entry.shape === "dotted" ? [2.5, 3] : []);
  context.beginPath();
  context.moveTo(x, y);
  context.lineTo(x + 20, y);
  context.stroke();
  context.setLineDash([]);
}

/** Draw the report image of `renderer`'s current view, with what `overlays` draw under and over it. */
export async function drawReportImage(
  renderer: Sigma,
  report: ReportImage,
  overlays: readonly CanvasOverlay[] = [],
): Promise<HTMLCanvasElement> {
  const { width, height } = renderer.getDimensions();
  const graph = await withPixelRatio(IMAGE_SCALE, () =>
    // Transparent, over the white of the image: what the overlays draw under the graph shows through.
    drawOnCanvas(renderer, {
      // The copy draws its labels through the label layer too, placed for its own frame (the same as the screen's)
      // and kept off what the screen's are kept off: the names and counts drawn over the image where they are on
      // screen (a label under them came out faded, or cut).
      withTempRenderer: (copy: Sigma) => {
        LABELS.attach(copy, renderer);
        copy.refresh();
      },
    }),
  );

  const image = document.createElement("canvas");
  const context = image.getContext("2d");
  if (!context) throw new Error("export: this browser cannot draw on a 2D canvas");
  const textWidth = width - 2 * MARGIN;
  // Measure first, at the image's own scale, to know how tall the bands above and below the graph are.
  context.font = `700 20px ${FONT}`;
  const titleLines = wrapText(context, report.title, textWidth);
  context.font = `400 13px ${FONT}`;
  const subtitleLines = wrapText(context, report.subtitle, textWidth);
  const captionLines = wrapText(context, report.caption, textWidth);
  context.font = `400 12px ${FONT}`;
  const rows = legendRows(context, report.legend, textWidth);
  const head = MARGIN + titleLines.length * 26 + subtitleLines.length * 18 + 8;
  const foot = 10 + rows.length * 20 + 8 + captionLines.length * 18 + MARGIN;

  image.width = width * IMAGE_SCALE;
  image.height = (head + height + foot) * IMAGE_SCALE;
  context.scale(IMAGE_SCALE, IMAGE_SCALE);
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, width, head + height + foot);
  context.textBaseline = "alphabetic";

  let y = MARGIN;
  context.fillStyle = INK;
  context.font = `700 20px ${FONT}`;
  for (const line of titleLines) context.fillText(line, MARGIN, (y += 26) - 6);
  context.fillStyle = MUTED;
  context.font = `400 13px ${FONT}`;
  for (const line of subtitleLines) context.fillText(line, MARGIN, (y += 18) - 4);

  context.save();
  context.translate(0, head);
  context.beginPath();
  context.rect(0, 0, width, height);
  context.clip();
  for (const overlay of overlays) overlay.under?.(context);
  context.drawImage(graph, 0, 0, width, height);
  for (const overlay of overlays) overlay.over?.(context);
  context.restore();
  context.strokeStyle = "#d9dde4";
  context.lineWidth = 1;
  context.strokeRect(0.5, head + 0.5, width - 1, height - 1);

  y = head + height + 10;
  context.font = `400 12px ${FONT}`;
  for (const row of rows) {
    const middle = y + 10;
    for (const { entry, x } of row.items) {
      drawSwatch(context, entry, MARGIN + x, middle);
      context.fillStyle = INK;
      context.fillText(entry.label, MARGIN + x + 26, middle + 4);
    }
    y += 20;
  }
  y += 8;
  context.fillStyle = MUTED;
  context.font = `400 13px ${FONT}`;
  for (const line of captionLines) context.fillText(line, MARGIN, (y += 18) - 4);
  return image;
}

/** The image as a PNG file download named `fileName`. */
export function downloadCanvas(canvas: HTMLCanvasElement, fileName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) return reject(new Error("export: the image could not be encoded"));
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      // The browser reads the blob once the download has started; give it time before letting go of it.
      setTimeout(() => URL.revokeObjectURL(url), 40_000);
      resolve();
    }, "image/png");
  });
}
