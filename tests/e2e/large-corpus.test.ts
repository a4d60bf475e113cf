// A generated corpus opened as a large one (the small corpus, 2,158 nodes, with the scene's cap lowered to 400 by
// the page's address): the overview names its groups with their counts, the first scene holds their largest
// members and says what is hidden, and opening a group, double-clicking a node and searching bring hidden nodes in,
// up to the cap.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OverviewResponse } from "../../src/api/contract";
import { generateCorpus } from "../../src/bench/generate-corpus";
import { loadDataset } from "../../src/data";
import { DRAWING_LIMITS } from "../../web/src/graph/drawing-limits";
import { groupsDrawnApart } from "../../web/src/scene/group-placement";
import type { Dataset } from "../../src/schema/types";
import { ARTIFACTS, collectErrors, legendCounts, startExplorer, waitForGraph, type Explorer } from "./explorer-harness";
import { countColouredPixels, decodePng, type Bitmap } from "./png";

const CAP = 400;
/** Claims the first scene may draw: those within its groups, not the hundreds between them. */
const EDGES_DRAWN_MAX = 400;
let corpus: string;
let dataset: Dataset;
let explorer: Explorer;
let page: Page;
let errors: string[];
let overview: OverviewResponse;

interface Hook {
  state(): { scene: { members: string[] | null; expanded: Record<string, string[]> }; selection: unknown };
  node(id: string): { viewport: { x: number; y: number }; radius: number; community?: number } | null;
  visible(): string[];
  drawnEdges(): string[];
  hiddenEdgesDrawn(): number;
  camera(): { x: number; y: number; ratio: number };
}
const visible = async (): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { rightsgraph: Hook }).rightsgraph.visible());
const members = async (): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { rightsgraph: Hook }).rightsgraph.state().scene.members ?? []);
const message = async (): Promise<string> => (await page.locator(".scene-message").textContent()) ?? "";

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  corpus = mkdtempSync(path.join(tmpdir(), "rightsgraph-large-e2e-"));
  await generateCorpus({ size: "small", seed: 1, out: corpus, format: "jsonl" });
  const loading = loadDataset(corpus);
  dataset = await loading;
  explorer = await startExplorer({ width: 1440, height: 900 }, loading);
  page = await explorer.context.newPage();
  errors = collectErrors(page);
  overview = (await (await fetch(new URL(`/api/overview?cap=${CAP}`, explorer.url))).json()) as OverviewResponse;
}, 120_000);

afterAll(async () => {
  await explorer?.close();
  if (corpus) rmSync(corpus, { recursive: true, force: true });
});

/** Where the first scene's nodes and the groups' names are drawn, and what the canvas holds. */
async function overviewBox(at: Page): Promise<{
  canvas: { width: number; height: number };
  box: { left: number; top: number; right: number; bottom: number };
  message: number;
}> {
  return at.evaluate(() => {
    const hook = (window as unknown as { rightsgraph: Hook }).rightsgraph;
    const canvas = document.querySelector("#graph")!.getBoundingClientRect();
    const points = hook.visible().map((id) => hook.node(id)!.viewport);
    for (const label of document.querySelectorAll(".community-label:not(.covered)")) {
      const r = label.getBoundingClientRect();
      points.push(
        { x: r.left - canvas.left, y: r.top - canvas.top },
        { x: r.right - canvas.left, y: r.bottom - canvas.top },
      );
    }
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    return {
      canvas: { width: canvas.width, height: canvas.height },
      box: { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) },
      message: document.querySelector(".scene-message")!.getBoundingClientRect().bottom - canvas.top,
    };
  });
}

/** The first scene draws no claim between two groups: each pair of groups linked is one line with its count. */
async function checkOverview(at: Page, size: string, screenshot: string): Promise<void> {
  const groups = groupsDrawnApart(overview);
  const first = groups.flatMap((c) => c.top.map((t) => t.id)).slice(0, CAP);
  const hook = (): Promise<{ members: string[]; visible: string[]; edges: string[] }> =>
    at.evaluate(() => {
      const looks = (window as unknown as { rightsgraph: Hook }).rightsgraph;
      return { members: looks.state().scene.members ?? [], visible: looks.visible(), edges: looks.drawnEdges() };
    });
  await expect.poll(async () => (await hook()).members.length).toBe(first.length);
  // Taken before the checks, so that a failure can be seen too.
  await at.screenshot({ path: path.join(ARTIFACTS, screenshot) });
  const { members: inScene, visible: drawn, edges } = await hook();
  expect([...inScene].sort()).toEqual([...first].sort());
  // The bibliography (cited articles, outlets, journalists) is folded by default: members may be hidden by it.
  expect(drawn.length).toBeGreaterThan(first.length / 2);
  for (const id of drawn) expect(first).toContain(id);
  // Claims within a group only: every claim between two drawn nodes of different groups is left to the lines.
  const { graph } = dataset;
  const community = new Map(overview.communities.flatMap((c) => c.top.map((t) => [t.id, c.id] as const)));
  const within = new Set(drawn);
  let possible = 0;
  graph.forEachEdge((_e, _a, source, target) => {
    if (within.has(source) && within.has(target)) possible += 1;
  });
  expect(edges.length, `edges drawn in the ${size} overview`).toBeLessThanOrEqual(EDGES_DRAWN_MAX);
  // The claims summed up by the lines are out of sigma's drawing programs, not drawn empty every frame.
  const hiddenDrawn = await at.evaluate(() =>
    (window as unknown as { rightsgraph: Hook }).rightsgraph.hiddenEdgesDrawn(),
  );
  expect(hiddenDrawn, `hidden relations left to sigma's programs at ${size}`).toBe(0);
  expect(edges.length).toBeGreaterThan(0);
  expect(possible, "claims between the drawn nodes").toBeGreaterThan(2 * EDGES_DRAWN_MAX);
  for (const edge of edges) {
    const [source, target] = graph.extremities(edge);
    expect(community.get(source), `${edge} links two groups`).toBe(community.get(target));
  }
  // One line per pair of groups, its width from its count, the strongest with their count written on them.
  const lines = await at.locator(".group-link").evaluateAll((paths) =>
    paths.map((p) => ({
      source: Number(p.getAttribute("data-source")),
      target: Number(p.getAttribute("data-target")),
      edges: Number(p.getAttribute("data-edges")),
      width: Number(p.getAttribute("stroke-width")),
      drawn: (p as SVGPathElement).getTotalLength() > 10,
    })),
  );
  const apart = new Set(groups.map((c) => c.id));
  const expected = overview.links.filter((l) => apart.has(l.source) && apart.has(l.target));
  expect(lines.length).toBeGreaterThan(5);
  expect(lines.length).toBeLessThanOrEqual(expected.length);
  for (const line of lines) {
    expect(expected).toContainEqual({ source: line.source, target: line.target, edges: line.edges });
    expect(line.drawn).toBe(true);
  }
  const strongest = expected.reduce((a, b) => (b.edges > a.edges ? b : a));
  const widest = lines.reduce((a, b) => (b.width > a.width ? b : a));
  expect([widest.source, widest.target]).toEqual([strongest.source, strongest.target]);
  const counts = await at.locator(".group-link-count:not(.covered)").evaluateAll((spans) =>
    spans.map((s) => ({
      source: Number(s.getAttribute("data-source")),
      target: Number(s.getAttribute("data-target")),
      text: s.textContent,
    })),
  );
  expect(counts.length).toBeGreaterThan(2);
  for (const { source, target, text } of counts) {
    const link = expected.find((l) => l.source === source && l.target === target)!;
    expect(text).toBe(link.edges.toLocaleString("en"));
  }
  // The camera fits the overview: the groups fill the canvas below the line over it, centred.
  const { canvas, box, message: covered } = await overviewBox(at);
  const [width, height] = [box.right - box.left, box.bottom - box.top];
  const room = canvas.height - covered;
  expect(width / canvas.width, `width filled at ${size}`).toBeGreaterThan(0.7);
  expect(height / room, `height filled at ${size}`).toBeGreaterThan(0.6);
  expect(box.left).toBeGreaterThanOrEqual(0);
  expect(box.right).toBeLessThanOrEqual(canvas.width);
  expect(box.top, "the groups start below the line over the canvas").toBeGreaterThanOrEqual(covered);
  expect(box.bottom).toBeLessThanOrEqual(canvas.height);
  // A fair part of the window: on a narrow window the canvas once had 36% of its height, the groups a strip in it.
  const window = at.viewportSize()!;
  expect(canvas.height / window.height, `the canvas's share of the window's height at ${size}`).toBeGreaterThan(0.45);
  expect(height / canvas.height, `the canvas's height the groups take at ${size}`).toBeGreaterThan(0.55);
  // No group's name over a node, a node's label or another name; no group among another's members.
  await expect.poll(() => overlapsInOverview(at), { message: `overlaps in the overview at ${size}` }).toEqual([]);
}

type Box = { x: number; y: number; width: number; height: number };

/**
 * What covers what in the overview, on the canvas: each group name (shown) that overlaps a node's circle, a node's
 * label or another name, and each two groups whose members' circles overlap each other's extent.
 */
async function overlapsInOverview(at: Page): Promise<string[]> {
  const drawn = await at.evaluate(() => {
    const hook = (window as unknown as { rightsgraph: Hook }).rightsgraph;
    const graph = document.querySelector<HTMLElement>("#graph")!;
    const origin = graph.getBoundingClientRect();
    const names = [...document.querySelectorAll<HTMLElement>(".community-label:not(.covered)")].map((b) => {
      const r = b.getBoundingClientRect();
      const box = { x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height };
      return { id: b.dataset["community"]!, ...box };
    });
    const nodes = hook.visible().map((id) => {
      const n = hook.node(id)!;
      return { id, x: n.viewport.x, y: n.viewport.y, r: n.radius, community: n.community };
    });
    const labels = JSON.parse(graph.dataset["labels"] ?? "[]") as ({ node: string } & Box)[];
    return { names, nodes, labels };
  });
  const found: string[] = [];
  const cross = (a: Box, b: Box): boolean =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  for (const [i, name] of drawn.names.entries()) {
    for (const node of drawn.nodes) {
      // The point of the box nearest to the circle's centre.
      const nx = Math.max(name.x, Math.min(node.x, name.x + name.width));
      const ny = Math.max(name.y, Math.min(node.y, name.y + name.height));
      if (Math.hypot(nx - node.x, ny - node.y) < node.r - 0.5) found.push(`name of ${name.id} over node ${node.id}`);
    }
    for (const label of drawn.labels)
      if (cross(name, label)) found.push(`name of ${name.id} over the label of ${label.node}`);
    for (const other of drawn.names.slice(i + 1))
      if (cross(name, other)) found.push(`names of ${name.id} and ${other.id}`);
  }
  // Each group's extent: the box of its members' circles.
  const extents = new Map<number, Box>();
  for (const node of drawn.nodes) {
    if (node.community === undefined) continue;
    const e = extents.get(node.community);
    const [x0, y0, x1, y1] = [node.x - node.r, node.y - node.r, node.x + node.r, node.y + node.r];
    if (!e) extents.set(node.community, { x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
    else {
      const [left, top] = [Math.min(e.x, x0), Math.min(e.y, y0)];
      const [right, bottom] = [Math.max(e.x + e.width, x1), Math.max(e.y + e.height, y1)];
      extents.set(node.community, { x: left, y: top, width: right - left, height: bottom - top });
    }
  }
  const groups = [...extents];
  for (const [i, [a, boxA]] of groups.entries()) {
    for (const [b, boxB] of groups.slice(i + 1)) {
      const inB = drawn.nodes.some((n) => n.community === a && cross({ x: n.x, y: n.y, width: 0, height: 0 }, boxB));
      const inA = drawn.nodes.some((n) => n.community === b && cross({ x: n.x, y: n.y, width: 0, height: 0 }, boxA));
      if (inA || inB) found.push(`groups ${a} and ${b} mixed`);
    }
  }
  return found;
}

/** Waits until two looks at the camera a quarter of a second apart find it where it was. */
async function cameraStill(at: Page): Promise<void> {
  let camera = "";
  await expect
    .poll(
      async () => {
        const now = JSON.stringify(
          await at.evaluate(() => (window as unknown as { rightsgraph: Hook }).rightsgraph.camera()),
        );
        const still = now === camera;
        camera = now;
        return still;
      },
      { interval: 250 },
    )
    .toBe(true);
}

/**
 * An opened group's members, where the camera has come to them: on the canvas, and apart enough to be told apart (no
 * circle on another, where they lay in the server's layout scaled into the group's cell: a blob). `apart` is the
 * share of members that must touch no other, if any.
 */
async function checkOpenedGroup(at: Page, community: number, size: string, apart?: number): Promise<void> {
  await cameraStill(at);
  const circles = await at.evaluate((group) => {
    const hook = (window as unknown as { rightsgraph: Hook }).rightsgraph;
    return hook
      .visible()
      .map((id) => ({ id, ...hook.node(id)! }))
      .filter((n) => n.community === group)
      .map((n) => ({ id: n.id, x: n.viewport.x, y: n.viewport.y, r: n.radius }));
  }, community);
  const canvas = (await at.locator("#graph").boundingBox())!;
  expect(circles.length, `members of group ${community} drawn at ${size}`).toBeGreaterThan(20);
  for (const c of circles) {
    expect(c.x, `${c.id} on the canvas at ${size}`).toBeGreaterThanOrEqual(0);
    expect(c.x).toBeLessThanOrEqual(canvas.width);
    expect(c.y).toBeGreaterThanOrEqual(0);
    expect(c.y).toBeLessThanOrEqual(canvas.height);
  }
  let closest = { gap: Infinity, pair: "" };
  const touching = new Set<string>();
  for (let i = 0; i < circles.length; i++) {
    for (let j = i + 1; j < circles.length; j++) {
      const [a, b] = [circles[i]!, circles[j]!];
      const gap = Math.hypot(a.x - b.x, a.y - b.y) - a.r - b.r;
      if (gap < closest.gap) closest = { gap, pair: `${a.id} and ${b.id}` };
      if (gap < 0) touching.add(a.id).add(b.id);
    }
  }
  const share = 1 - touching.size / circles.length;
  if (apart === undefined) return;
  expect(share, `members on no other at ${size} (closest: ${closest.pair}, ${closest.gap} px)`).toBeGreaterThanOrEqual(
    apart,
  );
}

/** True when the square of side 2 * radius + 1 around (x, y) is the canvas's white. */
function isBackground(bitmap: Bitmap, x: number, y: number, radius: number): boolean {
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const i = ((y + dy) * bitmap.width + x + dx) * bitmap.channels;
      if (bitmap.data[i] !== 255 || bitmap.data[i + 1] !== 255 || bitmap.data[i + 2] !== 255) return false;
    }
  }
  return true;
}

/** Hover the first of these nodes the pointer can reach (in view, not under a label or a control). */
async function hoverOneOf(ids: string[]): Promise<{ id: string; x: number; y: number } | null> {
  const box = (await page.locator("#graph").boundingBox())!;
  for (const id of ids) {
    const at = await page.evaluate((key) => (window as unknown as { rightsgraph: Hook }).rightsgraph.node(key), id);
    const x = box.x + at!.viewport.x;
    const y = box.y + at!.viewport.y;
    if (x < box.x + 40 || y < box.y + 120 || x > box.x + box.width - 60 || y > box.y + box.height - 20) continue;
    const hit = await page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.tagName, [x, y]);
    if (hit !== "CANVAS") continue;
    await page.mouse.move(x, y);
    const hovered = await page.evaluate(
      () =>
        (window as unknown as { rightsgraph: { state(): { hoveredNode: string | null } } }).rightsgraph.state()
          .hoveredNode,
    );
    if (hovered === id) return { id, x, y };
  }
  return null;
}

describe("a corpus larger than the scene", () => {
  it("opens on the overview: named groups with their counts, their largest members, and what is hidden", async () => {
    expect(overview.large).toBe(true);
    await page.goto(`${explorer.url}?cap=${CAP}`);
    await waitForGraph(page);
    await checkOverview(page, "1440x900", "large-01-overview.png");
    const drawn = await visible();
    const labels = page.locator(".community-label");
    expect(await labels.count()).toBe(Math.min(16, groupsDrawnApart(overview).length));
    const biggest = overview.communities[0]!;
    const name = biggest.top
      .slice(0, 2)
      .map((t) => t.label)
      .join(", ");
    await expect
      .poll(() =>
        page.getByRole("button", { name: `Open group ${name}: ${biggest.nodes.toLocaleString("en")} nodes` }).count(),
      )
      .toBe(1);
    // Every group label in sight reads as its leader's name (cut if long) and its count, which is never cut.
    const counts = await page.locator(".community-label:not(.covered)").evaluateAll((buttons) =>
      buttons.map((b) => {
        const count = b.querySelector(".community-count")!;
        return {
          id: b.getAttribute("data-community"),
          text: count.textContent,
          inside: count.getBoundingClientRect().right <= b.getBoundingClientRect().right - 4,
        };
      }),
    );
    expect(counts.length).toBeGreaterThan(2);
    for (const { id, text, inside } of counts) {
      const community = overview.communities.find((c) => String(c.id) === id)!;
      expect(text).toBe(`\u00a0· ${community.nodes.toLocaleString("en")}`);
      expect(inside, `the count of group ${id}`).toBe(true);
    }
    expect(await message()).toContain(`Showing ${drawn.length} of ${dataset.graph.order.toLocaleString("en")} nodes`);
    expect(await message()).toMatch(/grey lines stand for the claims between groups/);
    expect(await message()).toMatch(/open a group by its label, search for a name, double-click a node/);
    // Nineteen years of months: the timeline's bars stay in the canvas column (they once ran under the results
    // column, drawn over the source reader), and the ones out of sight are reached by scrolling the strip.
    const timeline = await page.locator(".timeline-bars").evaluate((bars) => {
      const strip = bars.closest(".timeline-strip")!;
      const last = bars.lastElementChild!.getBoundingClientRect();
      return {
        count: bars.childElementCount,
        // Bars wider than their box are drawn outside it unless the box clips them.
        drawnOutside: bars.scrollWidth > bars.clientWidth && getComputedStyle(bars).overflowX === "visible",
        stripOverflows: strip.scrollWidth > strip.clientWidth,
        lastBeyondStrip: last.left >= strip.getBoundingClientRect().right,
      };
    });
    expect(timeline.count).toBeGreaterThan(150);
    expect(timeline.drawnOutside).toBe(false);
    expect(timeline.stripOverflows).toBe(false);
    // The last months are out of sight until the strip is scrolled.
    expect(timeline.lastBeyondStrip).toBe(true);
    await page.locator(".timeline-bars").evaluate((bars) => bars.scrollTo({ left: bars.scrollWidth }));
    const lastInSight = await page.locator(".timeline-bars").evaluate((bars) => {
      const strip = bars.closest(".timeline-strip")!.getBoundingClientRect();
      return bars.lastElementChild!.getBoundingClientRect().right <= strip.right;
    });
    expect(lastInSight).toBe(true);
    await page.locator(".timeline-bars").evaluate((bars) => bars.scrollTo({ left: 0 }));
    await page.screenshot({ path: path.join(ARTIFACTS, "large-01-overview.png") });
  });

  it("exports the overview as a PNG with the lines between groups and their counts, as on screen", async () => {
    // Where the lines run (a point a third along each) and where their counts are, on the canvas.
    const onScreen = await page.evaluate(() => {
      const origin = document.querySelector("#graph")!.getBoundingClientRect();
      const lines = [...document.querySelectorAll<SVGPathElement>(".group-link")]
        .filter((p) => p.getAttribute("d"))
        .map((p) => p.getPointAtLength(p.getTotalLength() / 3))
        .map((at) => ({ x: at.x, y: at.y }))
        .filter((at) => at.x > 4 && at.y > 4 && at.x < origin.width - 4 && at.y < origin.height - 4);
      const counts = [...document.querySelectorAll<HTMLElement>(".group-link-count:not(.covered)")].map((span) => {
        const r = span.getBoundingClientRect();
        return { x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height };
      });
      return { lines, counts };
    });
    expect(onScreen.lines.length).toBeGreaterThan(5);
    expect(onScreen.counts.length).toBeGreaterThan(2);
    // The node labels the image's own renderer writes (its label layer, out of the page's #graph), where and how big.
    await page.evaluate(() => {
      const written: { text: string; x: number; top: number; bottom: number; width: number }[] = [];
      (window as unknown as { labelsWritten: typeof written }).labelsWritten = written;
      const fillText = CanvasRenderingContext2D.prototype.fillText;
      CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text, x, y, ...rest) {
        if (this.canvas.classList.contains("sigma-labels") && !this.canvas.closest("#graph")) {
          const size = parseFloat(/(\d+(?:\.\d+)?)px/.exec(this.font)?.[1] ?? "12");
          const width = this.measureText(text).width;
          written.push({ text, x, top: y - size, bottom: y + size * 0.25, width });
        }
        fillText.call(this, text, x, y, ...rest);
      };
    });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "PNG" }).click(),
    ]);
    const png = readFileSync(await download.path());
    writeFileSync(path.join(ARTIFACTS, "large-01e-overview-report.png"), png);
    // The image's labels are the screen's, whole, and none lies under a group's name or a line's count drawn over it.
    const { written, shown, tags } = await page.evaluate(() => {
      const origin = document.querySelector<HTMLElement>("#graph")!.getBoundingClientRect();
      const boxes = [...document.querySelectorAll(".community-label:not(.covered), .group-link-count:not(.covered)")]
        .map((tag) => ({ text: tag.textContent ?? "", r: tag.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0)
        .map(({ text, r }) => ({
          text,
          x: r.left - origin.left,
          y: r.top - origin.top,
          width: r.width,
          height: r.height,
        }));
      const labels = JSON.parse(document.querySelector<HTMLElement>("#graph")!.dataset["labels"] ?? "[]") as {
        lines: string[];
      }[];
      return {
        written: (
          window as unknown as {
            labelsWritten: { text: string; x: number; top: number; bottom: number; width: number }[];
          }
        ).labelsWritten,
        shown: labels.flatMap((l) => l.lines),
        tags: boxes,
      };
    });
    expect(written.length, "node labels in the image").toBeGreaterThan(10);
    expect(written.map((w) => w.text).sort()).toEqual([...shown].sort());
    const under = written.flatMap((w) =>
      tags
        .filter((t) => w.x < t.x + t.width && t.x < w.x + w.width && w.top < t.y + t.height && t.y < w.bottom)
        .map((t) => `"${w.text}" under "${t.text}"`),
    );
    expect(under, "node labels under a name or a count in the image").toEqual([]);
    const image = decodePng(png);
    const pixel = (x: number, y: number): [number, number, number] => {
      const i = (y * image.width + x) * image.channels;
      return [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
    };
    // The graph's frame (#d9dde4, two image pixels thick) says where the canvas starts in the image.
    const middle = Math.floor(image.width / 2);
    let top = -1;
    for (let y = 0; y < image.height - 1 && top < 0; y++) {
      const [a, b] = [pixel(middle, y).join(), pixel(middle, y + 1).join()];
      if (a === "217,221,228" && b === a) top = y;
    }
    expect(top, "the graph's frame in the image").toBeGreaterThan(0);
    const near = (x: number, y: number, test: (rgb: [number, number, number]) => boolean, radius = 3): number => {
      let found = 0;
      for (let dy = -radius; dy <= radius; dy++)
        for (let dx = -radius; dx <= radius; dx++)
          if (test(pixel(Math.round(2 * x) + dx, top + Math.round(2 * y) + dy))) found++;
      return found;
    };
    // A line: the slate grey of .group-link, half see-through over white (darker where two cross).
    const lineGrey = ([r, g, b]: [number, number, number]): boolean => b - r >= 6 && r >= 130 && r <= 235 && g <= 240;
    const linesDrawn = onScreen.lines.filter((at) => near(at.x, at.y, lineGrey) > 0).length;
    expect(linesDrawn / onScreen.lines.length, "lines between groups in the image").toBeGreaterThan(0.7);
    // A count: slate text on its white box.
    const text = ([r, g, b]: [number, number, number]): boolean => b - r >= 12 && Math.max(r, g, b) < 190;
    const countsDrawn = onScreen.counts.filter((box) => {
      let found = 0;
      for (let y = Math.round(box.y); y < box.y + box.height; y++)
        for (let x = Math.round(box.x); x < box.x + box.width; x++) if (text(pixel(2 * x, top + 2 * y))) found++;
      return found >= 4;
    }).length;
    expect(countsDrawn / onScreen.counts.length, "counts on the lines in the image").toBeGreaterThan(0.7);
  });

  it("fits the overview to a narrow window too", { timeout: 90_000 }, async () => {
    const narrow = await explorer.browser.newContext({ viewport: { width: 800, height: 900 } });
    try {
      const at = await narrow.newPage();
      const narrowErrors = collectErrors(at);
      at.on("console", (m) => console.log("PAGE", m.text()));
      await at.goto(`${explorer.url}?cap=${CAP}`);
      // On a narrow window the legend's counts are in the Filters tab, out of sight: the canvas is what is waited for.
      await at.locator("#graph[data-ready=true] canvas").first().waitFor();
      await checkOverview(at, "800x900", "large-01b-overview-800x900.png");
      // An opened group at this size too: the camera comes to it, its members apart.
      const biggest = groupsDrawnApart(overview)[0]!;
      await at.locator(`.community-label[data-community="${biggest.id}"]`).press("Enter");
      await expect.poll(async () => (await at.locator(".scene-message").textContent())?.includes("Opened")).toBe(true);
      await cameraStill(at);
      await at.screenshot({ path: path.join(ARTIFACTS, "large-01d-group-opened-800x900.png") });
      await checkOpenedGroup(at, biggest.id, "800x900", 1);
      expect(narrowErrors).toEqual([]);
    } finally {
      await narrow.close();
    }
  });

  it("draws a node's claims to the other groups while it is hovered, and an opened group's for good", async () => {
    const { graph } = dataset;
    const shown = new Set(await visible());
    const group = (id: string): number | undefined =>
      overview.communities.find((c) => c.top.some((t) => t.id === id))?.id;
    const across = (id: string): string[] =>
      graph.edges(id).filter((e) => {
        const other = graph.opposite(id, e);
        return shown.has(other) && group(other) !== group(id);
      });
    const drawnEdges = (): Promise<string[]> =>
      page.evaluate(() => (window as unknown as { rightsgraph: Hook }).rightsgraph.drawnEdges());
    const before = new Set(await drawnEdges());
    const candidates = [...shown]
      .filter((id) => across(id).length > 0)
      .sort((a, b) => across(a).length - across(b).length);
    const target = await hoverOneOf(candidates);
    expect(target).not.toBeNull();
    const claims = across(target!.id);
    for (const edge of claims) expect(before.has(edge)).toBe(false);
    await expect
      .poll(async () => {
        const drawn = new Set(await drawnEdges());
        return claims.filter((e) => drawn.has(e)).length;
      })
      .toBe(claims.length);
    // Away from the node, the line between the groups stands for its claims again.
    await page.mouse.move(5, 5);
    await expect.poll(async () => (await drawnEdges()).some((e) => claims.includes(e))).toBe(false);

    // Opening a group draws its members' claims to the other groups: the first scene's too.
    const community = overview.communities.find((c) => c.id === group(target!.id))!;
    await page.locator(`.community-label[data-community="${community.id}"]`).press("Enter");
    await expect.poll(async () => (await message()).includes("Opened the group")).toBe(true);
    const now = new Set(await drawnEdges());
    for (const edge of claims) expect(now.has(edge), edge).toBe(true);
    expect(await message()).toContain(`Showing ${(await visible()).length} of`);
    // The legend counts what is drawn now (it once kept the first scene's counts).
    const legend = await legendCounts(page);
    expect(legend.nodes).toBe((await visible()).length);
    expect(legend.edges).toBe(now.size);
    await cameraStill(page);
    await page.screenshot({ path: path.join(ARTIFACTS, "large-01c-group-opened.png") });
    await checkOpenedGroup(page, community.id, "1440x900", 1);
    // Undo puts the overview back as it was: the group's new members out, its claims summed up again.
    await page.getByRole("button", { name: "Undo", exact: true }).click();
    await expect.poll(async () => (await drawnEdges()).some((e) => claims.includes(e))).toBe(false);
    expect(new Set(await visible())).toEqual(shown);
  });

  it("brings a node's hidden neighbours in with a double-click", async () => {
    const shown = new Set(await visible());
    const inScene = new Set(await members());
    const { graph } = dataset;
    // A drawn node with neighbours out of the scene (not merely folded away, as the bibliography is by default), and
    // not hidden under another node or a label.
    const candidates = [...shown]
      .map((id) => ({ id, outside: graph.neighbors(id).filter((n) => !inScene.has(n)).length }))
      .filter((c) => c.outside > 0)
      .sort((a, b) => a.outside - b.outside);
    const target = await hoverOneOf(candidates.map((c) => c.id));
    expect(target).not.toBeNull();
    await page.mouse.dblclick(target!.x, target!.y);
    await expect
      .poll(async () =>
        page.evaluate(
          (key) => (window as unknown as { rightsgraph: Hook }).rightsgraph.state().scene.expanded[key],
          target!.id,
        ),
      )
      .toBeDefined();
    const brought = await page.evaluate(
      (key) => (window as unknown as { rightsgraph: Hook }).rightsgraph.state().scene.expanded[key]!,
      target!.id,
    );
    expect(brought.length).toBeGreaterThan(0);
    const after = new Set(await visible());
    for (const id of brought) {
      expect(graph.areNeighbors(target!.id, id)).toBe(true);
      expect(shown.has(id)).toBe(false);
      expect(after.has(id)).toBe(true);
    }
    expect(after.size).toBe(shown.size + brought.length);
  });

  it("brings a searched node in, then opens groups until the scene is full and says so", async () => {
    const drawn = new Set(await members());
    const outside = dataset.graph
      .nodes()
      .find((id) => !drawn.has(id) && dataset.graph.getNodeAttribute(id, "type") === "person")!;
    const label = dataset.graph.getNodeAttribute(outside, "label");
    await page.getByRole("searchbox", { name: "Search" }).fill(label);
    await page.getByRole("listbox").getByRole("option").first().waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect
      .poll(async () => (await members()).includes(outside) || (await visible()).includes(outside))
      .toBe(true);

    for (const community of overview.communities.slice(0, 16)) {
      if ((await members()).length >= CAP) break;
      await page.locator(`.community-label[data-community="${community.id}"]`).press("Enter");
      await expect
        .poll(async () => (await message()).includes("Opened the group") || (await members()).length >= CAP)
        .toBe(true);
    }
    await expect.poll(async () => (await members()).length).toBe(CAP);
    expect((await visible()).length).toBeLessThanOrEqual(CAP);
    expect(await message()).toContain(`The scene is full (${CAP} nodes)`);
    await page.screenshot({ path: path.join(ARTIFACTS, "large-02-full.png") });
  });

  it("leaves the relations out of the frames drawn while the camera moves over a full scene, and draws them when it stops", async () => {
    const edges = await page.evaluate(() => (window as unknown as { rightsgraph: Hook }).rightsgraph.drawnEdges());
    // A scene this full is what the lighter moving frames are for; below the limit nothing changes.
    expect(edges.length).toBeGreaterThan(DRAWING_LIMITS.edgesWhileMoving);
    // Nothing in focus (a selection dims the rest) and the whole scene in view.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { rightsgraph: Hook }).rightsgraph.state().selection))
      .toBeNull();
    await page.getByRole("button", { name: "Reset view" }).click();
    let camera = "";
    await expect
      .poll(async () => {
        const now = JSON.stringify(
          await page.evaluate(() => (window as unknown as { rightsgraph: Hook }).rightsgraph.camera()),
        );
        const still = now === camera;
        camera = now;
        return still;
      })
      .toBe(true);
    const canvas = page.locator("#graph");
    const box = (await canvas.boundingBox())!;
    const shot = async (): Promise<Bitmap> => decodePng(await canvas.screenshot());
    const frame = (): Promise<unknown> =>
      page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    // Press on the canvas's background, not on a node (that would drag the node) nor on a label.
    const bitmap = await shot();
    let spot: { x: number; y: number } | null = null;
    for (let y = Math.round(box.height / 2); y < box.height - 20 && !spot; y += 6) {
      for (let x = 20; x < box.width - 20 && !spot; x += 6) {
        if (!isBackground(bitmap, x, y, 4)) continue;
        const at = { x: box.x + x, y: box.y + y };
        if (
          (await page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.tagName, [at.x, at.y])) === "CANVAS"
        )
          spot = at;
      }
    }
    expect(spot, "a spot of background to drag the camera from").not.toBeNull();
    // The relations' own layer alone is looked at (and sigma's mouse layer, clear, which takes the pointer): how many
    // pixels the nodes take depends on how they are spread.
    const edgesOnly = (only: boolean): Promise<void> =>
      page.evaluate((hide) => {
        for (const layer of document.querySelectorAll<HTMLElement>(
          "#graph > :not(.sigma-edges, .sigma-mouse), .community-layer",
        ))
          layer.style.visibility = hide ? "hidden" : "";
      }, only);
    await edgesOnly(true);
    const still = countColouredPixels(await shot());
    expect(still, "relations drawn over a still camera").toBeGreaterThan(1000);
    await page.mouse.move(spot!.x, spot!.y);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++) await page.mouse.move(spot!.x + 6 * i, spot!.y + 3 * i);
    await frame();
    const moving = countColouredPixels(await shot());
    await page.mouse.up();
    await expect.poll(async () => countColouredPixels(await shot())).toBeGreaterThan(0.8 * still);
    expect(moving, "relations' pixels while moving, against those still").toBeLessThan(0.2 * still);
    await edgesOnly(false);
  });

  it("logged no console errors", () => {
    expect(errors).toEqual([]);
  });
});
