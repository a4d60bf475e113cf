// The lines between a large corpus's groups: one per pair of groups the overview links (`links` of GET
// /api/overview), as wide as the claims between them are many, the strongest with their count. They stand for the
// claims between the first scene's groups, which are not drawn one by one (graph/visibility.ts, `summed`): drawn
// one by one, the few hundred nodes of the first scene carry thousands of them, a hairball of arcs over the groups.
import type { OverviewResponse } from "../api/index.js";
import { h } from "../dom/index.js";
// Straight from its module: the renderer's index brings sigma, which needs WebGL, and this module runs in Node too.
import { drawSvgPaths, drawTags } from "../renderer/canvas-overlay.js";
import type { CanvasOverlay, RectGrid } from "../renderer/index.js";

/** Lines drawn: the strongest links, and each group's strongest (no group seems cut off from the rest). */
const LINKS_DRAWN = 40;
/** Lines with their count written on them: more would cover the groups' own names. */
const LINKS_COUNTED = 12;
const WIDTH = { min: 1, max: 10 };
const SVG = "http://www.w3.org/2000/svg";

export type GroupLink = OverviewResponse["links"][number];
type Point = { x: number; y: number };

/** The links drawn: between two of these groups, the strongest overall and each group's strongest. */
export function linksDrawn(links: readonly GroupLink[], groups: ReadonlySet<number>): GroupLink[] {
  const between = links
    .filter((l) => groups.has(l.source) && groups.has(l.target))
    .sort((a, b) => b.edges - a.edges || a.source - b.source || a.target - b.target);
  const chosen = new Set(between.slice(0, LINKS_DRAWN));
  const linked = new Set<number>();
  for (const link of chosen) linked.add(link.source).add(link.target);
  for (const link of between) {
    if (linked.has(link.source) && linked.has(link.target)) continue;
    chosen.add(link);
    linked.add(link.source).add(link.target);
  }
  return between.filter((link) => chosen.has(link));
}

export interface GroupLinks {
  /**
   * Draw the lines between the groups' centres (`ends`, on the canvas) and put the counts where they cover nothing
   * `taken` holds (boxes on the canvas, added to).
   */
  place(ends: ReadonlyMap<number, Point>, taken: RectGrid): void;
  /** The lines as drawn now, and the counts shown on them, for the PNG of the view (`origin`: the canvas's box). */
  overlay(origin: () => DOMRect): CanvasOverlay;
}

/**
 * Draw the links between `groups` in an SVG put first in `under` (sigma's container: its canvases cover the lines),
 * their counts in `over` (a layer over the canvas). `name` names a group for the lines' titles.
 */
export function mountGroupLinks(
  overview: OverviewResponse,
  groups: ReadonlySet<number>,
  under: HTMLElement,
  over: HTMLElement,
  name: (community: number) => string,
): GroupLinks {
  const links = linksDrawn(overview.links, groups);
  const most = Math.max(1, ...links.map((l) => l.edges));
  const count = (n: number): string => n.toLocaleString("en");
  const title = (link: GroupLink): string =>
    `${count(link.edges)} claims between ${name(link.source)} and ${name(link.target)}`;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("class", "group-links");
  svg.setAttribute("aria-hidden", "true");
  const paths = links.map((link) => {
    const path = document.createElementNS(SVG, "path");
    path.setAttribute("class", "group-link");
    path.setAttribute("data-source", String(link.source));
    path.setAttribute("data-target", String(link.target));
    path.setAttribute("data-edges", String(link.edges));
    // Width grows with the square root: the strongest link is a hundred times the weakest, not a wall.
    path.setAttribute("stroke-width", (WIDTH.min + (WIDTH.max - WIDTH.min) * Math.sqrt(link.edges / most)).toFixed(1));
    const tip = document.createElementNS(SVG, "title");
    tip.textContent = title(link);
    path.append(tip);
    svg.append(path);
    return path;
  });
  under.prepend(svg);
  const counts = links.slice(0, LINKS_COUNTED).map((link) =>
    h("span", {
      class: "group-link-count",
      text: count(link.edges),
      attrs: { "data-source": link.source, "data-target": link.target, title: title(link) },
    }),
  );
  over.append(...counts);
  // Measured once: the counts do not change, and reading a size every frame would lay the page out every frame.
  let sizes: { width: number; height: number }[] | null = null;

  return {
    overlay: (origin) => ({
      under: (context) => drawSvgPaths(context, paths),
      over: (context) => drawTags(context, counts, origin()),
    }),
    place(ends, taken) {
      const middles = links.map((link, i) => {
        const [a, b] = [ends.get(link.source), ends.get(link.target)];
        if (!a || !b) {
          paths[i]!.removeAttribute("d");
          return null;
        }
        // A slight bend, so that links along one row do not lie on each other.
        const [dx, dy] = [b.x - a.x, b.y - a.y];
        const c = { x: (a.x + b.x) / 2 - dy * 0.15, y: (a.y + b.y) / 2 + dx * 0.15 };
        const at = (p: Point): string => `${p.x.toFixed(1)},${p.y.toFixed(1)}`;
        paths[i]!.setAttribute("d", `M${at(a)}Q${at(c)} ${at(b)}`);
        // The curve's middle: halfway between the chord's middle and the control point.
        return { x: (a.x + b.x) / 4 + c.x / 2, y: (a.y + b.y) / 4 + c.y / 2 };
      });
      if (!sizes && counts.some((span) => span.offsetWidth > 0))
        sizes = counts.map((span) => ({ width: span.offsetWidth, height: span.offsetHeight }));
      counts.forEach((span, i) => {
        const middle = middles[i];
        const { width, height } = sizes?.[i] ?? { width: 0, height: 0 };
        const box = middle && { x: middle.x - width / 2, y: middle.y - height / 2, width, height };
        const covers = !box || taken.hits({ x: box.x - 2, y: box.y - 2, width: width + 4, height: height + 4 });
        span.classList.toggle("covered", covers);
        if (!box) return;
        if (!covers) taken.add(box);
        span.style.transform = `translate(${Math.round(box.x)}px, ${Math.round(box.y)}px)`;
      });
    },
  };
}
