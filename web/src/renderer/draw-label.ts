// Node labels: bigger for hubs, cut to a readable length, drawn over a white halo so they stay legible on edges.
import type { Attributes } from "graphology-types";
import type { Settings } from "sigma/settings";
import type { NodeDisplayData, PartialButFor } from "sigma/types";

const MAX_LABEL_LENGTH = 30;

export function shortLabel(label: string): string {
  return label.length > MAX_LABEL_LENGTH ? `${label.slice(0, MAX_LABEL_LENGTH - 1).trimEnd()}…` : label;
}

/** Label font size from the node's rendered size: 12px for leaves up to 17px for hubs. */
export function labelSizeFor(renderedSize: number, base: number): number {
  return Math.round(Math.min(base + 5, Math.max(base, base + (renderedSize - 7) * 0.45)));
}

export function drawNodeLabel<N extends Attributes, E extends Attributes, G extends Attributes>(
  context: CanvasRenderingContext2D,
  data: PartialButFor<NodeDisplayData, "x" | "y" | "size" | "label" | "color">,
  settings: Settings<N, E, G>,
): void {
  if (!data.label) return;
  const size = labelSizeFor(data.size, settings.labelSize);
  const weight = data.size > 12 || data.highlighted ? "600" : settings.labelWeight;
  context.font = `${weight} ${size}px ${settings.labelFont}`;
  // Near the right edge the label is shortened to the room left, and only flipped to the left as a last resort.
  const room = (context.canvas.clientWidth || Infinity) - (data.x + data.size + 4) - 4;
  let text = shortLabel(data.label);
  while (context.measureText(text).width > room && text.length > 12) text = `${text.slice(0, -2).trimEnd()}…`;
  const width = context.measureText(text).width;
  const x = width > room ? data.x - data.size - 4 - width : data.x + data.size + 4;
  const y = data.y + size / 3;
  context.lineJoin = "round";
  context.lineWidth = 4;
  context.strokeStyle = "rgba(255, 255, 255, 0.92)";
  context.strokeText(text, x, y);
  context.fillStyle = "#1f2430";
  context.fillText(text, x, y);
}

export function drawNodeHover<N extends Attributes, E extends Attributes, G extends Attributes>(
  context: CanvasRenderingContext2D,
  data: PartialButFor<NodeDisplayData, "x" | "y" | "size" | "label" | "color">,
  settings: Settings<N, E, G>,
): void {
  const size = labelSizeFor(data.size, settings.labelSize);
  // The canvas draws short names; hovering a node shows its full name ("Democratic People's Republic of Korea").
  const full = (data as { fullLabel?: unknown }).fullLabel;
  const text = data.label ? (typeof full === "string" && full !== "" ? full : shortLabel(data.label)) : "";
  context.font = `600 ${size}px ${settings.labelFont}`;
  const padding = 4;
  const width = text ? context.measureText(text).width + data.size + 12 : 0;
  context.fillStyle = "#ffffff";
  context.shadowOffsetX = 0;
  context.shadowOffsetY = 1;
  context.shadowBlur = 6;
  context.shadowColor = "rgba(0, 0, 0, 0.35)";
  context.beginPath();
  context.arc(data.x, data.y, data.size + padding, 0, Math.PI * 2);
  context.fill();
  if (text) {
    const h = size + 2 * padding;
    context.fillRect(data.x, data.y - h / 2, width + padding, h);
  }
  context.shadowBlur = 0;
  context.shadowOffsetY = 0;
  if (text) {
    context.fillStyle = "#111827";
    context.fillText(text, data.x + data.size + 4, data.y + size / 3);
  }
}
