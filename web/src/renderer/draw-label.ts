// The highlighted node (hovered, selected, picked): its disc on a white halo with its full name beside it
// ("Democratic People's Republic of Korea" where the canvas draws "DPRK"), on two lines when long, on the side the
// label layer gave it (by default the right, or the left when the right has no room): never cut, and its only label.
import type { Attributes } from "graphology-types";
import type { Settings } from "sigma/settings";
import type { NodeDisplayData, PartialButFor } from "sigma/types";
import { hoverLabel } from "./label-layer.js";
import type { Side } from "./label-layer.js";

export function drawNodeHover<N extends Attributes, E extends Attributes, G extends Attributes>(
  context: CanvasRenderingContext2D,
  data: PartialButFor<NodeDisplayData, "x" | "y" | "size" | "label" | "color">,
  settings: Settings<N, E, G>,
  side?: Side,
): void {
  const label = hoverLabel(context, data, settings.labelFont, settings.labelSize, side);
  const { box, lines, size } = label;
  context.fillStyle = "#ffffff";
  context.shadowOffsetX = 0;
  context.shadowOffsetY = 1;
  context.shadowBlur = 6;
  context.shadowColor = "rgba(0, 0, 0, 0.35)";
  context.beginPath();
  context.arc(data.x, data.y, data.size + 4, 0, Math.PI * 2);
  context.fill();
  if (lines.length) context.fillRect(box.x, box.y, box.width, box.height);
  context.shadowBlur = 0;
  context.shadowOffsetY = 0;
  context.fillStyle = "#111827";
  context.font = `600 ${size}px ${settings.labelFont}`;
  lines.forEach((line, i) => context.fillText(line, label.textX, label.textTop + (i + 0.8) * label.lineHeight));
}
