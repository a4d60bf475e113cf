// The hovered node: its disc on a white halo with its full name beside it ("Democratic People's Republic of Korea"
// where the canvas draws "DPRK"), on two lines when long, and on the left when the right has no room: never cut.
import type { Attributes } from "graphology-types";
import type { Settings } from "sigma/settings";
import type { NodeDisplayData, PartialButFor } from "sigma/types";
import { labelSizeFor, wrapLabel } from "./label-layer.js";

/** Full names are broken onto two lines past this many characters. */
const HOVER_LINE_CHARACTERS = 40;

export function drawNodeHover<N extends Attributes, E extends Attributes, G extends Attributes>(
  context: CanvasRenderingContext2D,
  data: PartialButFor<NodeDisplayData, "x" | "y" | "size" | "label" | "color">,
  settings: Settings<N, E, G>,
): void {
  const size = labelSizeFor(data.size, settings.labelSize);
  const full = (data as { fullLabel?: unknown }).fullLabel;
  const name = typeof full === "string" && full !== "" ? full : (data.label ?? "");
  const lines = name ? wrapLabel(name, HOVER_LINE_CHARACTERS) : [];
  context.font = `600 ${size}px ${settings.labelFont}`;
  const padding = 4;
  const lineHeight = size * 1.2;
  const textWidth = lines.length ? Math.max(...lines.map((line) => context.measureText(line).width)) : 0;
  const boxHeight = Math.max(size + 2 * padding, lines.length * lineHeight + 2 * padding);
  const room = context.canvas.clientWidth || Infinity;
  const onRight = data.x + data.size + 8 + textWidth <= room;
  const textX = onRight ? data.x + data.size + 4 : data.x - data.size - 4 - textWidth;
  context.fillStyle = "#ffffff";
  context.shadowOffsetX = 0;
  context.shadowOffsetY = 1;
  context.shadowBlur = 6;
  context.shadowColor = "rgba(0, 0, 0, 0.35)";
  context.beginPath();
  context.arc(data.x, data.y, data.size + padding, 0, Math.PI * 2);
  context.fill();
  if (lines.length) {
    const boxX = onRight ? data.x : textX - padding;
    context.fillRect(boxX, data.y - boxHeight / 2, textWidth + data.size + 4 + 2 * padding, boxHeight);
  }
  context.shadowBlur = 0;
  context.shadowOffsetY = 0;
  context.fillStyle = "#111827";
  const top = data.y - (lines.length * lineHeight) / 2;
  lines.forEach((line, i) => context.fillText(line, textX, top + (i + 0.8) * lineHeight));
}
