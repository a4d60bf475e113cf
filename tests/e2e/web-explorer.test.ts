// The web explorer in a real Chromium against the real server: draw, search, details, source reader, filters,
// timeline, export, path finder, permalinks, keyboard, layout, and user data kept as text.
import { readFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { MultiDirectedGraph } from "graphology";
import { parse } from "graphology-graphml";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ARTIFACTS,
  collectErrors,
  legendCounts,
  startExplorer,
  waitForGraph,
  type Explorer,
  type ExplorerLooks,
} from "./explorer-harness";
import { DIM_NODE_COLOR } from "../../web/src/reducers/index.js";
import { parseCsv } from "../helpers/parse-csv";
import { countColouredPixels, countExact, decodePng, deepestPixel, emptySpot, rgb, type Bitmap } from "./png";

/** The canvas's background (.canvas-wrap in web/styles.css). */
const CANVAS_BACKGROUND = rgb("#ffffff");

let explorer: Explorer;
let page: Page;
let errors: string[];

async function shot(name: string, target: Page = page): Promise<void> {
  await target.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

async function canvasColour(): Promise<number> {
  const png = await page.locator(".canvas-wrap").screenshot();
  return countColouredPixels(decodePng(png));
}

async function apiJson<T>(route: string): Promise<T> {
  const response = await fetch(new URL(route, explorer.url));
  return (await response.json()) as T;
}

/** Bring a tab of the results area forward, as a user would. */
async function showTab(name: string, target: Page = page): Promise<void> {
  await target.getByRole("tab", { name, exact: true }).click();
}

/** Resize the window and wait until the page has taken the new width and sigma has resized its canvas to it. */
async function resize(viewport: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(viewport);
  await page.waitForFunction((width) => {
    const graph = document.querySelector("#graph")?.getBoundingClientRect();
    const canvas = document.querySelector("#graph canvas")?.getBoundingClientRect();
    return window.innerWidth === width && !!graph && !!canvas && Math.abs(graph.width - canvas.width) < 1;
  }, viewport.width);
}

async function detailsTitle(): Promise<string> {
  return ((await page.locator(".details .details-title").textContent()) ?? "").trim();
}

type Box = { x: number; y: number; width: number; height: number };

interface GraphJson {
  nodes: {
    key: string;
    attributes: { type: string; kind?: string; shortLabel: string; size: number; date?: string };
  }[];
  edges: { source: string; target: string; attributes: { type: string; label: string; date?: string } }[];
}

/**
 * The bibliography as the README defines it, worked out here from the API's graph on its own: cited articles
 * (documents of kind article), news outlets (organisations of kind media), and journalists (people whose every
 * relation is writing one of those articles).
 */
function bibliography(graph: GraphJson): { all: Set<string>; articles: number; outlets: number; journalists: number } {
  const type = new Map(graph.nodes.map((n) => [n.key, n.attributes]));
  const articles = graph.nodes.filter((n) => n.attributes.type === "document" && n.attributes.kind === "article");
  const outlets = graph.nodes.filter((n) => n.attributes.type === "organisation" && n.attributes.kind === "media");
  const journalists = graph.nodes.filter((n) => {
    if (n.attributes.type !== "person") return false;
    const edges = graph.edges.filter((e) => e.source === n.key || e.target === n.key);
    return (
      edges.length > 0 &&
      edges.every(
        (e) =>
          e.source === n.key &&
          e.attributes.type === "authored" &&
          type.get(e.target)?.type === "document" &&
          type.get(e.target)?.kind === "article",
      )
    );
  });
  const all = new Set([...articles, ...outlets, ...journalists].map((n) => n.key));
  return { all, articles: articles.length, outlets: outlets.length, journalists: journalists.length };
}

interface DrawnLabel extends Box {
  node: string;
  lines: string[];
}

/** States, intergovernmental organisations and the UN's bodies and offices: the actors a reader looks for first. */
const MAIN_ACTOR_TYPES = new Set(["state", "igo", "un-body", "un-office"]);

interface ShownExtent extends Box {
  count: number;
  canvas: { width: number; height: number };
}

/** The box of the shown nodes' centres on the canvas, in pixels, as sigma places them (its graphToViewport). */
async function shownExtent(target: Page = page): Promise<ShownExtent> {
  return target.evaluate(() => {
    const looks = (window as unknown as { rightsgraph: ExplorerLooks }).rightsgraph;
    const points = looks.visible().map((id) => looks.node(id)!.viewport);
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const graph = document.querySelector("#graph")!.getBoundingClientRect();
    const [x, y] = [Math.min(...xs), Math.min(...ys)];
    return {
      count: points.length,
      x,
      y,
      width: Math.max(...xs) - x,
      height: Math.max(...ys) - y,
      canvas: { width: graph.width, height: graph.height },
    };
  });
}

/** The node labels the canvas drew in its last frame, as the label layer placed them (data-labels on #graph). */
async function drawnLabels(target: Page = page): Promise<DrawnLabel[]> {
  return target.locator("#graph").evaluate((el) => JSON.parse(el.getAttribute("data-labels") ?? "[]") as DrawnLabel[]);
}

async function drawnEdgeLabels(target: Page = page): Promise<(Box & { edge: string; text: string })[]> {
  return target
    .locator("#graph")
    .evaluate(
      (el) => JSON.parse(el.getAttribute("data-edge-labels") ?? "[]") as (Box & { edge: string; text: string })[],
    );
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;
}

/**
 * A pixel on a drawn edge, away from every node: close to one of the saturated edge colours (thin lines are
 * antialiased, so rarely exact), with two more such pixels around it, and no pixel of a node colour or of label text
 * within 8 px (a label can hide a node it passes over, and the pointer there is over the node, not the edge).
 */
function edgePixel(bitmap: Bitmap, edgeColours: string[], nodeColours: string[]): { x: number; y: number } | null {
  const at = (x: number, y: number): number => (y * bitmap.width + x) * bitmap.channels;
  const distance = (x: number, y: number, [r, g, b]: [number, number, number]): number => {
    const i = at(x, y);
    return Math.abs(bitmap.data[i]! - r) + Math.abs(bitmap.data[i + 1]! - g) + Math.abs(bitmap.data[i + 2]! - b);
  };
  const nodeRgb = nodeColours.map(rgb);
  // Label text is drawn near-black; no node or edge colour is that dark.
  const isLabelText = (x: number, y: number): boolean => {
    const i = at(x, y);
    return Math.max(bitmap.data[i]!, bitmap.data[i + 1]!, bitmap.data[i + 2]!) < 64;
  };
  // Saturated colours only: greys could be antialiased label text.
  const edgeRgb = edgeColours.map(rgb).filter((c) => Math.max(...c) - Math.min(...c) > 60);
  const near = 8;
  // Inside the drawing (the box around node pixels), which keeps the canvas's own buttons out.
  const box = { x0: bitmap.width, y0: bitmap.height, x1: 0, y1: 0 };
  for (let y = 0; y < bitmap.height; y++)
    for (let x = 0; x < bitmap.width; x++)
      if (nodeRgb.some((c) => distance(x, y, c) === 0)) {
        box.x0 = Math.min(box.x0, x);
        box.y0 = Math.min(box.y0, y);
        box.x1 = Math.max(box.x1, x);
        box.y1 = Math.max(box.y1, y);
      }
  for (let y = Math.max(near, box.y0); y < Math.min(bitmap.height - near, box.y1); y++) {
    next: for (let x = Math.max(near, box.x0); x < Math.min(bitmap.width - near, box.x1); x++) {
      const colour = edgeRgb.find((c) => distance(x, y, c) <= 24);
      if (!colour) continue;
      let same = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) if (distance(x + dx, y + dy, colour) <= 24) same++;
      if (same < 3) continue;
      for (let dy = -near; dy <= near; dy++)
        for (let dx = -near; dx <= near; dx++)
          if (nodeRgb.some((c) => distance(x + dx, y + dy, c) === 0) || isLabelText(x + dx, y + dy)) continue next;
      return { x, y };
    }
  }
  return null;
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  explorer = await startExplorer();
  page = await explorer.context.newPage();
  errors = collectErrors(page);
});

afterAll(async () => {
  await explorer?.close();
});

describe("web explorer, main flow", () => {
  it("loads and draws the whole graph; the legend counts match /api/health", async () => {
    await page.goto(explorer.url);
    await waitForGraph(page);
    const health = await apiJson<{ nodes: number; edges: number }>("/api/health");
    const counts = await legendCounts(page);
    // Everything is drawn but the bibliography, folded by default with the relations that reach it.
    const graph = await apiJson<GraphJson>("/api/graph");
    const folded = bibliography(graph).all;
    expect(folded.size).toBeGreaterThan(health.nodes / 8);
    const foldedEdges = graph.edges.filter((e) => folded.has(e.source) || folded.has(e.target)).length;
    expect(counts.totalNodes).toBe(health.nodes);
    expect(counts.nodes).toBe(health.nodes - folded.size);
    expect(counts.totalEdges).toBe(health.edges);
    expect(counts.edges).toBe(health.edges - foldedEdges);
    const contexts = await page.evaluate(() =>
      [...document.querySelectorAll("#graph canvas")].map((c) => {
        const canvas = c as HTMLCanvasElement;
        return canvas.getContext("webgl2") ? "webgl2" : canvas.getContext("webgl") ? "webgl" : "other";
      }),
    );
    expect(contexts.some((c) => c.startsWith("webgl"))).toBe(true);
    // WebGL draws on the next animation frames: wait until the coloured nodes and edges are on the canvas.
    await expect.poll(canvasColour, { timeout: 10_000 }).toBeGreaterThan(2000);
    await expect(page.locator("#status").textContent()).resolves.toContain(`${health.nodes} nodes`);
    await shot("01-loaded");
  });

  it("fits the camera to the nodes shown: on load, after a filter while the camera is unmoved, and on Reset view", async () => {
    await page.goto(explorer.url);
    await waitForGraph(page);
    await resize({ width: 1440, height: 900 });
    // Fitted: the shown nodes' extent spans most of the canvas one way, fits inside it both ways, and is centred.
    const isFitted = (e: ShownExtent): boolean =>
      Math.max(e.width / e.canvas.width, e.height / e.canvas.height) > 0.7 &&
      e.width < e.canvas.width &&
      e.height < e.canvas.height &&
      Math.abs(e.x + e.width / 2 - e.canvas.width / 2) < e.canvas.width * 0.04 &&
      Math.abs(e.y + e.height / 2 - e.canvas.height / 2) < e.canvas.height * 0.04;
    const fitted = async (): Promise<boolean> => isFitted(await shownExtent());
    await expect.poll(fitted, { timeout: 10_000 }).toBe(true);
    await shot("01-loaded");

    // Hiding the topics (a fifth of the nodes, out at the layout's rim) changes what is shown: fitted again.
    const before = await shownExtent();
    await page.locator(".type-toggle[data-type=topic]").click();
    await expect.poll(async () => (await shownExtent()).count, { timeout: 10_000 }).toBeLessThan(before.count);
    await expect.poll(fitted, { timeout: 10_000 }).toBe(true);

    // Once the user has moved the camera, a filter leaves it where it is; Reset view fits again.
    await page.getByRole("button", { name: "Zoom in" }).click();
    await expect.poll(fitted, { timeout: 10_000 }).toBe(false);
    // The camera once the zoom's animation has ended: the same for ten frames in a row (read mid-animation, it moved
    // on by itself before the comparison below, as seen on a loaded CI machine).
    const zoomed = await page.evaluate(
      () =>
        new Promise<ReturnType<ExplorerLooks["camera"]>>((resolve) => {
          const looks = (window as unknown as { rightsgraph: ExplorerLooks }).rightsgraph;
          let last = JSON.stringify(looks.camera());
          let same = 0;
          const tick = (): void => {
            const now = JSON.stringify(looks.camera());
            same = now === last ? same + 1 : 0;
            last = now;
            if (same >= 10) resolve(looks.camera());
            else requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }),
    );
    await page.locator(".type-toggle[data-type=topic]").click();
    await expect.poll(async () => (await shownExtent()).count, { timeout: 10_000 }).toBe(before.count);
    expect(
      await page.evaluate(() => (window as unknown as { rightsgraph: ExplorerLooks }).rightsgraph.camera()),
    ).toEqual(zoomed);
    await page.getByRole("button", { name: "Reset view" }).click();
    await expect.poll(fitted, { timeout: 10_000 }).toBe(true);
    await resize({ width: 1280, height: 800 });
    await expect.poll(fitted, { timeout: 10_000 }).toBe(true);
  });

  it("labels the main actors of the first view at 1440x900 with whole short names, none overlapping, none cut", async () => {
    await resize({ width: 1440, height: 900 });
    await page.getByRole("button", { name: "Reset view" }).click();
    const graph = await apiJson<GraphJson>("/api/graph");
    const folded = bibliography(graph).all;
    // The main actors: the ten states and UN bodies and offices with the most relations (sizes go by degree).
    const actors = graph.nodes
      .filter((n) => MAIN_ACTOR_TYPES.has(n.attributes.type) && !folded.has(n.key))
      .sort((a, b) => b.attributes.size - a.attributes.size)
      .slice(0, 10);
    expect(actors).toHaveLength(10);
    const labelled = async (): Promise<number> => {
      const labels = await drawnLabels();
      return actors.filter((a) => labels.some((l) => l.node === a.key)).length;
    };
    await expect.poll(labelled, { timeout: 10_000 }).toBe(actors.length);
    const canvas = (await page.locator("#graph").boundingBox())!;
    const checkLabels = (labels: DrawnLabel[]): void => {
      for (const label of labels) {
        // Whole: the node's short name, on one or two lines broken at a space, inside the canvas.
        const node = graph.nodes.find((n) => n.key === label.node)!;
        expect(label.lines.join(" "), label.node).toBe(node.attributes.shortLabel);
        expect(label.lines.join(" ")).not.toContain("…");
        expect(label.x, label.node).toBeGreaterThanOrEqual(0);
        expect(label.y, label.node).toBeGreaterThanOrEqual(0);
        expect(label.x + label.width, label.node).toBeLessThanOrEqual(canvas.width + 0.5);
        expect(label.y + label.height, label.node).toBeLessThanOrEqual(canvas.height + 0.5);
      }
      for (let i = 0; i < labels.length; i++)
        for (let j = i + 1; j < labels.length; j++)
          expect(overlaps(labels[i]!, labels[j]!), `${labels[i]!.node} overlaps ${labels[j]!.node}`).toBe(false);
    };
    const first = await drawnLabels();
    checkLabels(first);
    expect(first.length).toBeGreaterThanOrEqual(15);
    // Long names are broken at a space, not cut: the Council debate's short name is 40 characters.
    const debate = first.find((l) => l.node === "event:unsc-dprk-human-rights-debate-2019");
    if (debate) expect(debate.lines).toEqual(["2019 Council debate", "on DPRK human rights"]);
    await shot("01a-first-view-1440x900");

    // Zoomed in, more nodes get their label, still apart, and relations between labelled nodes get theirs.
    for (let i = 0; i < 2; i++) await page.getByRole("button", { name: "Zoom in" }).click();
    await expect.poll(async () => (await drawnEdgeLabels()).length, { timeout: 10_000 }).toBeGreaterThan(0);
    const zoomed = await drawnLabels();
    checkLabels(zoomed);
    const edgeLabels = await drawnEdgeLabels();
    const edgeTexts = new Set(graph.edges.map((e) => e.attributes.label));
    for (const label of edgeLabels) {
      expect(edgeTexts).toContain(label.text);
      for (const node of zoomed) expect(overlaps(label, node), `${label.text} over ${node.node}`).toBe(false);
    }
    await shot("01b-zoomed-in-1440x900");
    await page.getByRole("button", { name: "Reset view" }).click();
    await resize({ width: 1280, height: 800 });
  });

  it("folds the bibliography into the brief that cites it, says what is folded, and shows it with one switch", async () => {
    const graph = await apiJson<GraphJson>("/api/graph");
    const folded = bibliography(graph);
    const brief = graph.nodes.find((n) => n.attributes.type === "document" && n.attributes.kind === "brief")!;
    const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
    await expect(page.locator("#bibliography-note").textContent()).resolves.toBe(
      `${folded.all.size} folded into ${brief.attributes.shortLabel}, which cites them: ` +
        `${plural(folded.articles, "cited article", "cited articles")}, ${plural(folded.outlets, "news outlet", "news outlets")}, ` +
        `${plural(folded.journalists, "journalist", "journalists")}.`,
    );
    const before = await legendCounts(page);
    const show = page.getByRole("checkbox", { name: "Show bibliography" });
    await show.check();
    const shown = await legendCounts(page);
    expect(shown.nodes).toBe(before.nodes + folded.all.size);
    expect(shown.nodes).toBe(shown.totalNodes);
    await expect.poll(() => page.url()).toContain("bib=1");
    await shot("01c-bibliography-shown");
    await show.uncheck();
    await expect(legendCounts(page)).resolves.toEqual(before);
    await expect.poll(() => page.url()).not.toContain("bib=1");
  });

  it("shows the relation types in view as a legend grouped by family, with each family's colour and line", async () => {
    const schema = await apiJson<{
      edgeTypes: { name: string; family: string; familyLabel: string; color: string; count: number }[];
    }>("/api/schema");
    await expect(page.getByRole("heading", { name: "Relation types" }).isVisible()).resolves.toBe(true);
    const present = schema.edgeTypes.filter((t) => t.count > 0);
    const families = [...new Map(present.map((t) => [t.family, t])).values()];
    expect(families.length).toBeGreaterThanOrEqual(5);
    for (const family of families) {
      const list = page.getByRole("list", { name: family.familyLabel, exact: true });
      await expect(list.isVisible(), family.familyLabel).resolves.toBe(true);
      const names = await list
        .locator(".type-toggle")
        .evaluateAll((els) => els.map((el) => el.getAttribute("data-type")));
      expect(names).toEqual(present.filter((t) => t.family === family.family).map((t) => t.name));
    }
    // Colours differ between families; citations are dashed and context dotted, as the canvas draws them.
    expect(new Set(families.map((f) => f.color)).size).toBe(families.length);
    const swatch = (type: string) =>
      page.locator(`.filters .type-toggle[data-type="${type}"] .edge-swatch`).getAttribute("class");
    await expect(swatch("cites")).resolves.toContain("line-dashed");
    await expect(swatch("about")).resolves.toContain("line-dotted");
    await expect(swatch("declined")).resolves.toContain("line-solid");
  });

  it("highlights a hovered node's neighbourhood, names a hovered relation, and restores the view on leaving", async () => {
    const schema = await apiJson<{ nodeTypes: { color: string }[]; edgeTypes: { color: string }[] }>("/api/schema");
    const nodeColours = [...new Set(schema.nodeTypes.map((t) => t.color))];
    const edgeColours = [...new Set(schema.edgeTypes.map((t) => t.color))].filter((c) => !nodeColours.includes(c));
    const wrap = page.locator(".canvas-wrap");
    const box = (await wrap.boundingBox())!;
    const canvasShot = async (): Promise<Bitmap> => decodePng(await wrap.screenshot());
    const pointing = async (): Promise<boolean> =>
      ((await page.locator("#graph").getAttribute("class")) ?? "").split(/\s+/).includes("pointing");
    const before = await canvasShot();
    const dimBefore = countExact(before, DIM_NODE_COLOR);
    const away = emptySpot(before, 15, CANVAS_BACKGROUND);
    if (!away) throw new Error("no empty spot on the canvas to move the mouse to");

    // The middle of the largest node disc on screen.
    const node = deepestPixel(before, nodeColours, 3);
    if (!node) throw new Error("no pixel of a node colour on the canvas");
    expect(node.around).toBe(49);
    await page.mouse.move(box.x + node.x, box.y + node.y);
    await expect.poll(pointing).toBe(true);
    // Everything outside the hovered node's neighbourhood fades to the dim colour; the node keeps its own.
    await expect.poll(async () => countExact(await canvasShot(), DIM_NODE_COLOR)).toBeGreaterThan(dimBefore + 1000);
    const hovered = await canvasShot();
    const [r, g, b] = rgb(node.hex);
    const at = (node.y * hovered.width + node.x) * hovered.channels;
    expect([...hovered.data.subarray(at, at + 3)]).toEqual([r, g, b]);
    await shot("01b-hover-node");

    await page.mouse.move(box.x + away.x, box.y + away.y);
    await expect.poll(pointing).toBe(false);
    await expect.poll(async () => countExact(await canvasShot(), DIM_NODE_COLOR)).toBe(dimBefore);

    // A relation: a pixel of an edge colour with more of it around and no node near, then its claim in words.
    // Zoomed in first: sigma grows distances with the zoom and sizes only with its square root, so a dense graph
    // shows edge pixels well away from every node and label.
    const settledShot = async (): Promise<Bitmap> => {
      const shots: Bitmap[] = [];
      await expect
        .poll(async () => {
          shots.push(await canvasShot());
          const [previous, last] = shots.slice(-2);
          return previous !== undefined && last !== undefined && Buffer.compare(previous.data, last.data) === 0;
        })
        .toBe(true);
      return shots.at(-1)!;
    };
    for (let i = 0; i < 2; i++) await page.getByRole("button", { name: "Zoom in" }).click();
    const zoomed = await settledShot();
    const edge = edgePixel(zoomed, edgeColours, nodeColours);
    const clear = emptySpot(zoomed, 15, CANVAS_BACKGROUND);
    if (!edge) throw new Error("no pixel of a relation away from the nodes on the canvas");
    if (!clear) throw new Error("no empty spot on the zoomed canvas to move the mouse to");
    await page.mouse.move(box.x + edge.x, box.y + edge.y);
    await expect.poll(pointing).toBe(true);
    const hint = page.locator("#hover-hint");
    await expect.poll(async () => (await hint.getAttribute("class")) ?? "").toContain("visible");
    const sentence = ((await hint.textContent()) ?? "").trim();
    const sentences = (await apiJson<{ edges: { attributes: { sentence: string } }[] }>("/api/graph")).edges.map(
      (e) => e.attributes.sentence,
    );
    // The hint is the claim as the server wrote it, not a sentence of the web's own.
    expect(sentences).toContain(sentence);
    await page.mouse.move(box.x + clear.x, box.y + clear.y);
    await expect.poll(async () => (await hint.getAttribute("class")) ?? "").not.toContain("visible");
    await page.getByRole("button", { name: "Reset view" }).click();
    await settledShot();
  });

  it('finds "Quintana" from the keyboard and opens his details with evidence', async () => {
    const search = page.getByRole("searchbox", { name: "Search" });
    await search.focus();
    await page.keyboard.type("Quintana");
    const option = page.getByRole("listbox").getByRole("option", { name: /Tomás Ojea Quintana/ });
    await option.waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.locator(".details .details-title", { hasText: "Tomás Ojea Quintana" }).waitFor();
    // The keyboard follows the answer into the details; "/" brings it back to the search box from there.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("tabpanel-details");
    await page.keyboard.press("/");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("search-input");
    expect(await page.locator(".details .relation").count()).toBeGreaterThan(0);
    const quote = (await page.locator(".details .relation .quote").first().textContent()) ?? "";
    expect(quote.length).toBeGreaterThan(20);
    expect(await page.locator(".details .relation .endnote").count()).toBeGreaterThan(0);
    await expect.poll(() => page.url()).toContain("s=n%3Aperson%3Atomas-ojea-quintana");
    // His relations are named on the canvas, whatever the zoom.
    const graph = await apiJson<GraphJson>("/api/graph");
    const his = new Set(
      graph.edges
        .filter((e) => e.source === "person:tomas-ojea-quintana" || e.target === "person:tomas-ojea-quintana")
        .map((e) => e.attributes.label),
    );
    await expect.poll(async () => (await drawnEdgeLabels()).length).toBeGreaterThan(2);
    for (const label of await drawnEdgeLabels()) expect(his).toContain(label.text);
    await shot("02-details");
  });

  it("shows the cited document of an endnote", async () => {
    const endnote = page.locator(".details .relation .endnote").first();
    await endnote.click();
    await expect(endnote.getAttribute("aria-expanded")).resolves.toBe("true");
    const box = page.locator(".details .citation-box:visible");
    await box.locator(".citation-title").first().waitFor();
    expect(((await box.locator(".citation-title").first().textContent()) ?? "").length).toBeGreaterThan(3);
    expect(((await box.locator(".citation-facts").first().textContent()) ?? "").length).toBeGreaterThan(3);
    const href = await box.locator("a").first().getAttribute("href");
    expect(href).toMatch(/^https?:\/\//);
  });

  it("highlights the quote in the source reader and scrolls it into view", async () => {
    const relation = page.locator(".details .relation").first();
    const quote = ((await relation.locator(".quote").textContent()) ?? "").replace(/^“|”$/g, "");
    await relation.getByRole("button", { name: "Show in source" }).click();
    const mark = page.locator(".reader mark.evidence-mark");
    await mark.waitFor();
    expect(await mark.textContent()).toBe(quote);
    const reader = (await page.locator(".reader .source-text").boundingBox())!;
    const marked = (await mark.boundingBox())!;
    expect(marked.y + Math.min(marked.height, 20)).toBeGreaterThan(reader.y);
    expect(marked.y).toBeLessThan(reader.y + reader.height);
    await shot("03-source-reader");
  });

  it("renders the source's markup: the document's name, italics, endnotes linked both ways, safe links", async () => {
    const reader = page.locator(".reader");
    const text = reader.locator(".source-text");
    await expect(reader.locator(".reader-title").textContent()).resolves.toBe(
      "Democratic People's Republic of Korea (country brief, 2020)",
    );
    const shown = (await text.textContent()) ?? "";
    for (const markup of ["^{", "^v", "*sur place*", "<https://"]) expect(shown).not.toContain(markup);
    await expect(text.locator("em", { hasText: "sur place" }).count()).resolves.toBe(1);
    // Every cited page opens in a new tab without handing it our window, and only http(s) becomes a link.
    const links = await text
      .locator("a.source-link")
      .evaluateAll((els) => els.map((a) => [a.getAttribute("href"), a.getAttribute("target"), a.getAttribute("rel")]));
    expect(links.length).toBeGreaterThanOrEqual(7);
    for (const [href, target, rel] of links) {
      expect(href).toMatch(/^https?:\/\//);
      expect([target, rel]).toEqual(["_blank", "noopener noreferrer"]);
    }
    // A marker in the text leads to its endnote, and the endnote back to the marker, inside the reader.
    const url = page.url();
    await text.getByRole("link", { name: "Endnote viii" }).first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("endnote-viii");
    const box = (await text.boundingBox())!;
    const endnote = (await text.locator("#endnote-viii").boundingBox())!;
    expect(endnote.y).toBeGreaterThanOrEqual(box.y);
    expect(endnote.y).toBeLessThan(box.y + box.height);
    await shot("03b-source-endnote");
    await text.locator("#endnote-viii a").click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("marker-viii-1");
    // Following an endnote is not a navigation: the permalink stays as it was.
    expect(page.url()).toBe(url);
  });

  it("moves the selection when a relation is clicked", async () => {
    const link = page.locator(".details .relation-link").first();
    const other = (await link.getAttribute("data-node"))!;
    expect(other).not.toBe("person:tomas-ojea-quintana");
    const { node } = await apiJson<{ node: { label: string } }>(`/api/nodes/${encodeURIComponent(other)}`);
    await link.click();
    await page.locator(".details .details-title", { hasText: node.label }).waitFor();
    expect(await detailsTitle()).toBe(node.label);
  });

  it("steps back and forward through selections with the browser's Back and Forward, staying in the app", async () => {
    const second = await detailsTitle();
    expect(second).not.toBe("Tomás Ojea Quintana");
    // The selection's history entry is written once the URL catches up with it.
    await expect.poll(() => decodeURIComponent(page.url())).not.toContain("s=n:person:tomas-ojea-quintana");
    await page.goBack();
    await page.locator(".details .details-title", { hasText: "Tomás Ojea Quintana" }).waitFor();
    expect(page.url().startsWith(explorer.url)).toBe(true);
    expect(decodeURIComponent(page.url())).toContain("s=n:person:tomas-ojea-quintana");
    await page.goForward();
    await page.locator(".details .details-title", { hasText: second }).waitFor();
    expect(await detailsTitle()).toBe(second);
  });

  it("applies a link followed while its own rewrite of the address is due, instead of writing over it", async () => {
    const { node } = await apiJson<{ node: { label: string } }>("/api/nodes/state%3Ausa");
    expect(await detailsTitle()).not.toBe(node.label);
    // A filter change: the address is rewritten a moment later. The page is then busy while a link is followed
    // (pasted, or opened by another page): the rewrite, due by then, runs after the new address is in place and
    // before its hashchange, as it did on a loaded CI machine.
    await page.getByRole("button", { name: "Hide undated" }).click();
    const busy = page.evaluate(() => {
      const until = performance.now() + 400;
      while (performance.now() < until);
    });
    await page.goto(`${page.url().split("#")[0]}#v=1&s=n%3Astate%3Ausa`);
    await busy;
    await page.locator(".details .details-title", { hasText: node.label }).waitFor({ timeout: 10_000 });
    expect(decodeURIComponent(page.url())).toContain("s=n:state:usa");
  });

  it("copies a link to exactly this view with Copy link", async () => {
    await explorer.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: explorer.url });
    await page.getByRole("button", { name: "Copy link" }).click();
    await page.locator("#status", { hasText: "Link to this view copied." }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith(explorer.url + "#")).toBe(true);
    // The link names the selection now on screen, even before the address bar has caught up.
    const selected = await page.evaluate(() => document.querySelector(".details .details-title")?.textContent ?? "");
    const graph = await apiJson<{ nodes: { key: string; attributes: { label: string } }[] }>("/api/graph");
    const key = graph.nodes.find((n) => n.attributes.label === selected.trim())?.key;
    expect(key).toBeDefined();
    expect(new URLSearchParams(new URL(copied).hash.slice(1)).get("s")).toBe(`n:${key}`);
  });

  it("lists the nodes and relations in view in the Table, selects from a row and back, and downloads the rows", async () => {
    await showTab("Table");
    const counts = await legendCounts(page);
    const count = page.locator(".table-count");
    await expect(count.textContent()).resolves.toBe(`${counts.nodes} of ${counts.nodes} nodes in view`);
    // The selection on the canvas marks its row.
    const selectedRow = page.locator('.data-table tr[aria-selected="true"]');
    await expect(selectedRow.count()).resolves.toBe(1);
    // Filter by text (accents ignored), then a row selects its node; the table stays in front.
    await page.getByRole("searchbox", { name: "Filter rows" }).fill("tomas quintana");
    await expect(page.locator(".data-table tbody tr").count()).resolves.toBe(1);
    await page.locator(".data-table tbody .row-button").click();
    await expect.poll(() => page.url()).toContain("s=n%3Aperson%3Atomas-ojea-quintana");
    await expect(selectedRow.getAttribute("data-id")).resolves.toBe("person:tomas-ojea-quintana");
    await expect(page.getByRole("tab", { name: "Table" }).getAttribute("aria-selected")).resolves.toBe("true");
    await page.getByRole("searchbox", { name: "Filter rows" }).fill("");

    // Relations, one type, newest first: sentence, quote, endnote, date and source in columns.
    const table = page.getByRole("tabpanel", { name: "Table" });
    await table.getByRole("button", { name: "Relations", exact: true }).click();
    await page.getByRole("combobox", { name: "Type" }).selectOption("called-on");
    const date = table.getByRole("button", { name: "Date", exact: true });
    await date.click();
    await date.click();
    await expect(page.locator('th[aria-sort="descending"] .sort-button').getAttribute("data-column")).resolves.toBe(
      "date",
    );
    const dates = await page.locator(".data-table td.cell-date").allTextContents();
    expect(dates.length).toBeGreaterThan(1);
    expect([...dates].sort().reverse()).toEqual(dates);
    await shot("09-table-relations");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    const records = parseCsv(readFileSync(await download.path(), "utf8"));
    expect(records[0]).toEqual(["Sentence", "Type", "Quote", "Endnote", "Date", "Source"]);
    expect(records.length - 1).toBe(dates.length);
    expect(records.slice(1).map((r) => r[4])).toEqual(dates);
    await table.getByRole("button", { name: "Nodes", exact: true }).click();
    await showTab("Details");
  });

  it("hides a node type from the legend, and the counts follow", async () => {
    const schema = await apiJson<{ nodeTypes: { name: string; count: number }[] }>("/api/schema");
    const documents = schema.nodeTypes.find((t) => t.name === "document")!;
    const before = await legendCounts(page);
    const toggle = page.locator('.filters .type-toggle[data-type="document"]');
    await toggle.click();
    await expect(toggle.getAttribute("aria-pressed")).resolves.toBe("false");
    const after = await legendCounts(page);
    // The cited articles were folded already: the others go now.
    const articles = bibliography(await apiJson<GraphJson>("/api/graph")).articles;
    expect(after.nodes).toBe(before.nodes - (documents.count - articles));
    expect(after.edges).toBeLessThan(before.edges);
    await expect.poll(() => page.url()).toContain("nt=document");
    await shot("04-documents-hidden");
  });

  it("downloads the filtered view as GraphML with the filtered counts", async () => {
    await page.getByLabel("Filtered view").check();
    // The folded bibliography is a screen-only fold the note names; shown, the file holds what the screen does.
    await expect(page.locator(".export .hint").textContent()).resolves.toContain("the folded bibliography");
    await page.getByRole("checkbox", { name: "Show bibliography" }).check();
    const counts = await legendCounts(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('.export a[data-format="graphml"]').click(),
    ]);
    const file = await download.path();
    const xml = readFileSync(file, "utf8");
    const graph = parse(MultiDirectedGraph, xml);
    expect(graph.order).toBe(counts.nodes);
    expect(graph.size).toBe(counts.edges);
    graph.forEachNode((_node, attributes) => expect(attributes.type).not.toBe("document"));
    await page.getByRole("checkbox", { name: "Show bibliography" }).uncheck();
  });

  it("narrows the graph to a month on the timeline, and opens it again with All dates", async () => {
    const before = await legendCounts(page);
    const december = page.locator('.timeline-bar[data-month="2019-12"]');
    await expect(december.getAttribute("aria-label")).resolves.toMatch(/^Dec 2019: (\d+ of )?\d+ dated claims$/);
    await december.click();
    await expect(december.getAttribute("aria-pressed")).resolves.toBe("true");
    const narrowed = await legendCounts(page);
    expect(narrowed.nodes + narrowed.edges).toBeLessThan(before.nodes + before.edges);
    await expect.poll(() => page.url()).toMatch(/df=2019-12&dt=2019-12/);
    await expect(page.locator(".timeline-range").textContent()).resolves.toBe("Dec 2019 (undated claims stay in view)");
    await shot("05-date-narrowed");
    await page.getByRole("button", { name: "All dates" }).click();
    const restored = await legendCounts(page);
    expect(restored).toEqual(before);
    await expect.poll(() => page.url()).not.toMatch(/dt=/);
  });

  it('shows "what happened in December 2019" in two clicks: the month, then Hide undated', async () => {
    await page.getByRole("button", { name: "Show everything" }).click();
    await page.locator('.timeline-bar[data-month="2019-12"]').click();
    await page.getByRole("button", { name: "Hide undated" }).click();
    await expect(page.getByRole("button", { name: "Hide undated" }).getAttribute("aria-pressed")).resolves.toBe("true");
    await expect.poll(() => page.url()).toMatch(/hu=1/);
    // Every claim in view is dated in December 2019: December's bar holds all of them shown, every other month none.
    const bars = await page
      .locator(".timeline-bar")
      .evaluateAll((els) => els.map((el) => [el.getAttribute("data-month"), el.getAttribute("aria-label")] as const));
    const shown = (label: string | null): number => {
      const m = /: (?:(\d+) of )?(\d+) dated claims?$/.exec(label ?? "");
      if (!m) throw new Error(`bar label "${label}" unreadable`);
      return Number(m[1] ?? m[2]);
    };
    // What the API dates in December 2019 (a day, the month, or an interval over it) is exactly what is counted, but
    // for claims whose end is itself dated in another month (a resolution of October), which go with their end.
    const graph = await apiJson<{
      nodes: { key: string; attributes: { date?: string } }[];
      edges: { source: string; target: string; attributes: { date?: string } }[];
    }>("/api/graph");
    const span = (date: string): [string, string] => {
      const [first, last] = [date.split("/")[0]!, date.split("/").at(-1)!];
      return [
        first.length === 4 ? `${first}-01` : first.slice(0, 7),
        last.length === 4 ? `${last}-12` : last.slice(0, 7),
      ];
    };
    const overlapsDecember = (date: string): boolean => {
      const [first, last] = span(date);
      return first <= "2019-12" && last >= "2019-12";
    };
    const nodeDate = new Map(graph.nodes.map((n) => [n.key, n.attributes.date]));
    const folded = bibliography(graph as unknown as GraphJson).all;
    const endInRange = (id: string): boolean => {
      const date = nodeDate.get(id);
      return !folded.has(id) && (date === undefined || overlapsDecember(date));
    };
    const inDecember = graph.edges.flatMap(({ source, target, attributes: { date } }) =>
      date && overlapsDecember(date) && endInRange(source) && endInRange(target) ? [span(date)] : [],
    );
    const counts = await legendCounts(page);
    expect(counts.edges).toBeGreaterThan(10);
    expect(counts.edges).toBe(inDecember.length);
    // December's bar holds every claim in view; another month's bar only those of an interval reaching December.
    for (const [month, label] of bars) {
      const expected = inDecember.filter(([first, last]) => first <= month! && last >= month!).length;
      expect(shown(label), label ?? "").toBe(month === "2019-12" ? counts.edges : expected);
    }
    await shot("05b-december-2019");
    await page.getByRole("button", { name: "Show everything" }).click();
    await expect.poll(() => page.url()).not.toMatch(/hu=1|df=/);
  });

  it('shows "recommendations and whom they are addressed to" in one click', async () => {
    await page.getByRole("button", { name: "Only is addressed to" }).click();
    const graph = await apiJson<{
      nodes: { key: string; attributes: { type: string } }[];
      edges: { source: string; target: string; attributes: { type: string } }[];
    }>("/api/graph");
    const addressed = graph.edges.filter((e) => e.attributes.type === "addressed-to");
    const ends = new Set(addressed.flatMap((e) => [e.source, e.target]));
    const counts = await legendCounts(page);
    expect(counts.edges).toBe(addressed.length);
    expect(counts.nodes).toBe(ends.size);
    // The recommendations in view are those addressed to someone, as the legend counts them.
    const recommendations = graph.nodes.filter((n) => n.attributes.type === "recommendation");
    const addressedRecommendations = recommendations.filter((n) => ends.has(n.key)).length;
    expect(addressedRecommendations).toBeGreaterThan(0);
    const recommendationCount = page.locator('.filters .type-toggle[data-type="recommendation"] .type-count');
    await expect(recommendationCount.textContent()).resolves.toBe(
      addressedRecommendations === recommendations.length
        ? String(recommendations.length)
        : `${addressedRecommendations}/${recommendations.length}`,
    );
    await expect(
      page.locator('.filters .type-toggle[data-type="addressed-to"]').getAttribute("aria-pressed"),
    ).resolves.toBe("true");
    await expect(page.locator('.filters .type-toggle[data-type="cites"]').getAttribute("aria-pressed")).resolves.toBe(
      "false",
    );
    await expect(page.getByLabel("Hide nodes without a relation shown").isChecked()).resolves.toBe(true);
    await shot("05c-recommendations-addressed");
    await page.getByRole("button", { name: "Show everything" }).click();
    await page.locator('.filters .type-toggle[data-type="document"]').click();
  });

  it('finds cited paths from "Republic of Korea" to "Tomás Ojea Quintana" and highlights the chosen one', async () => {
    await page.getByRole("tab", { name: "Paths" }).click();
    await page.getByLabel("From", { exact: true }).fill("Republic of Korea");
    await page
      .getByRole("option", { name: /^Republic of Korea/ })
      .first()
      .click();
    await page.getByLabel("To", { exact: true }).fill("Tomás Ojea Quintana");
    await page
      .getByRole("option", { name: /Tomás Ojea Quintana/ })
      .first()
      .click();
    await page.getByRole("button", { name: "Find paths" }).click();
    const chosen = page.locator(".path-list .path.chosen");
    await chosen.waitFor();
    const hops = chosen.locator(".hop");
    expect(await hops.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await hops.count()); i++) {
      expect(((await hops.nth(i).locator(".quote").textContent()) ?? "").length).toBeGreaterThan(5);
    }
    await expect(chosen.getByRole("button").first().getAttribute("aria-pressed")).resolves.toBe("true");
    const summary = (await page.locator("#canvas-summary").textContent()) ?? "";
    expect(summary).toBe("The canvas highlights path 1: Republic of Korea ← Tomás Ojea Quintana.");
    // The camera moves to the path; its nodes and edges are drawn in colour, the rest faded (see reducers tests).
    await expect.poll(canvasColour, { timeout: 10_000 }).toBeGreaterThan(300);
    // The answer is scrolled into view beside the canvas, under the results area's tabs.
    const answer = (await page.locator(".path-list .path.chosen").boundingBox())!;
    const results = (await page.locator(".results-panels").boundingBox())!;
    expect(answer.y).toBeGreaterThanOrEqual(results.y);
    expect(answer.y + 40).toBeLessThan(results.y + results.height);
    await shot("06-path");
  });

  it("keeps the path answer and the highlighted path on screen together at 1440x900 and at 800x900", async () => {
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 800, height: 900 },
    ]) {
      await resize(viewport);
      await page.locator(".path-list .path.chosen").scrollIntoViewIfNeeded();
      const inWindow = (box: Box | null): boolean =>
        !!box && box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width + 1 && box.y + 40 <= viewport.height;
      // The chosen path's first cited sentence and the canvas are both inside the window, side by side or stacked.
      const hop = await page.locator(".path-list .path.chosen .hop").first().boundingBox();
      const canvas = await page.locator(".canvas-wrap").boundingBox();
      expect(inWindow(hop), "the first step of the chosen path is off screen").toBe(true);
      expect(inWindow(canvas), "the canvas is off screen").toBe(true);
      expect(overlaps(hop!, canvas!)).toBe(false);
      // The page itself never scrolls: the answer scrolls inside the results area.
      expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);
      // The path stays drawn in colour over the faded rest.
      await expect.poll(canvasColour, { timeout: 10_000 }).toBeGreaterThan(300);
      // The timeline's caption is whole: nothing of it is cut off by an ellipsis or hidden beyond its box.
      const caption = await page
        .locator(".timeline-range")
        .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, text: el.textContent }));
      expect(caption.scroll, caption.text ?? "").toBeLessThanOrEqual(caption.client);
      expect(caption.text).toMatch(/^\w{3} \d{4} – \w{3} \d{4} \(undated claims stay in view\)$/);
      await shot(`06b-path-${viewport.width}x${viewport.height}`);
    }
  });

  it("on a narrow window opens the source reader in a tab of its own, beside the canvas, and goes back to the path", async () => {
    const hop = page.locator(".path-list .path.chosen .hop").first();
    await hop.getByRole("button", { name: "Show in source" }).click();
    // The reader comes forward in the sheet, instead of covering the answer it quotes.
    await expect.poll(() => page.getByRole("tab", { name: "Source" }).getAttribute("aria-selected")).toBe("true");
    const text = page.locator(".reader .source-text");
    const mark = text.locator("mark.evidence-mark").first();
    await mark.waitFor();
    const [canvas, reader, marked] = await Promise.all([
      page.locator(".canvas-wrap").boundingBox(),
      text.boundingBox(),
      mark.boundingBox(),
    ]);
    expect(overlaps(canvas!, reader!)).toBe(false);
    expect(reader!.y + reader!.height).toBeLessThanOrEqual(900 + 1);
    expect(reader!.height).toBeGreaterThan(150);
    expect(marked!.y).toBeGreaterThanOrEqual(reader!.y);
    expect(marked!.y + 10).toBeLessThan(reader!.y + reader!.height);
    expect(await hop.isVisible()).toBe(false);
    await shot("06d-reader-800x900");
    // Closing the reader goes back to the path it was opened from, whole.
    await page.getByRole("button", { name: "Close the source reader" }).click();
    await expect.poll(() => page.getByRole("tab", { name: "Paths" }).getAttribute("aria-selected")).toBe("true");
    expect(await hop.isVisible()).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("enlarges the source reader to the whole results area, and gives the tabs their room back", async () => {
    await page.locator(".path-list .path.chosen .hop").first().getByRole("button", { name: "Show in source" }).click();
    const text = page.locator(".reader .source-text");
    await text.locator("mark").first().waitFor();
    const results = (await page.locator(".results").boundingBox())!;
    const before = (await text.boundingBox())!;
    const enlarge = page.getByRole("button", { name: "Enlarge" });
    await enlarge.click();
    await expect(enlarge.getAttribute("aria-pressed")).resolves.toBe("true");
    // The reader takes the whole results area, and its text most of it.
    await expect
      .poll(async () => (await page.locator(".results-dock").boundingBox())!.height)
      .toBeGreaterThan(results.height * 0.9);
    await expect.poll(async () => (await text.boundingBox())!.height).toBeGreaterThan(before.height * 1.5);
    expect(await page.locator(".results-panels").isVisible()).toBe(false);
    // The quote is still highlighted and in view.
    const mark = (await text.locator("mark").first().boundingBox())!;
    const enlarged = (await text.boundingBox())!;
    expect(mark.y).toBeGreaterThanOrEqual(enlarged.y);
    expect(mark.y).toBeLessThan(enlarged.y + enlarged.height);
    await shot("06c-reader-enlarged");
    await enlarge.click();
    await expect.poll(async () => (await text.boundingBox())!.height).toBeLessThan(before.height + 2);
    expect(await page.locator(".results-panels").isVisible()).toBe(true);
    await page.getByRole("button", { name: "Close the source reader" }).click();
    await text.waitFor({ state: "hidden" });
  });

  it("says why when there is no path", async () => {
    const results = await apiJson<{ paths: unknown[]; reason?: string }>("/api/paths?from=state%3Akor&to=state%3Akor");
    expect(results.paths).toEqual([]);
    // The UI shows the API's reason, in words.
    await page.getByLabel("To", { exact: true }).fill("Republic of Korea");
    await page
      .getByRole("option", { name: /^Republic of Korea/ })
      .first()
      .click();
    await page.getByRole("button", { name: "Find paths" }).click();
    await page.locator(".path-results .no-path").waitFor();
    expect(await page.locator(".path-results .no-path").textContent()).toContain(results.reason ?? "No path");
    // Back to the real question for the permalink test.
    await page.getByLabel("To", { exact: true }).fill("Tomás Ojea Quintana");
    await page
      .getByRole("option", { name: /Tomás Ojea Quintana/ })
      .first()
      .click();
    await page.getByRole("button", { name: "Find paths" }).click();
    await page.locator(".path-list .path.chosen").waitFor();
  });

  it("restores selection, filters and path from the permalink after a reload", async () => {
    const selected = await detailsTitle();
    // The hash is written shortly after the last change.
    await expect.poll(() => page.url()).toMatch(/pf=state%3Akor&pt=person%3Atomas-ojea-quintana&pi=0/);
    const link = page.url();
    expect(link).toMatch(/nt=document/);
    await page.reload();
    await waitForGraph(page);
    // The path answer comes forward in the results area; the selection waits in the details tab.
    await page.locator(".path-list .path.chosen").waitFor();
    await showTab("Details");
    await page.locator(".details .details-title", { hasText: selected }).waitFor();
    await showTab("Paths");
    await expect(
      page.locator('.filters .type-toggle[data-type="document"]').getAttribute("aria-pressed"),
    ).resolves.toBe("false");
    await page.locator(".path-list .path.chosen").waitFor();
    await expect(page.getByLabel("From", { exact: true }).inputValue()).resolves.toBe("Republic of Korea");
    await expect(page.getByLabel("To", { exact: true }).inputValue()).resolves.toBe("Tomás Ojea Quintana");
    expect(await page.locator("#canvas-summary").textContent()).toMatch(/^The canvas highlights path 1/);
    await expect.poll(() => page.url()).toBe(link);
  });

  it("follows a link navigated to in the same page: another path, a missing node, then the link again", async () => {
    const link = new URL(page.url());
    const withHash = (change: (params: URLSearchParams) => void): string => {
      const params = new URLSearchParams(link.hash.slice(1));
      change(params);
      return params.toString();
    };
    const go = (hash: string) => page.evaluate((h) => void (window.location.hash = h), hash);
    const summary = () => page.locator("#canvas-summary").textContent();

    // The same question keeps its answer and takes the link's choice of path.
    await go(withHash((p) => p.set("pi", "1")));
    await expect.poll(summary).toMatch(/^The canvas highlights path 2/);

    // A node the graph lacks is announced; a link without a path question clears the path.
    await go(
      withHash((p) => {
        p.set("s", "n:state:nowhere");
        for (const key of ["pf", "pt", "pi"]) p.delete(key);
      }),
    );
    await page.locator("#status", { hasText: "The linked node “state:nowhere” is not in this graph." }).waitFor();
    await page.locator(".path-list").waitFor({ state: "detached" });
    await showTab("Details");
    await page.locator(".details .muted", { hasText: "Select a node" }).waitFor();

    // The whole link again: the question is asked anew and its first path chosen.
    await go(link.hash.slice(1));
    await page.locator(".path-list .path.chosen").waitFor();
    await expect.poll(summary).toMatch(/^The canvas highlights path 1/);
    await showTab("Details");
    await page.locator(".details .details-title").waitFor();
  });

  it("clears the search box with Esc, then the selection, and shows keyboard focus", async () => {
    const search = page.getByRole("searchbox", { name: "Search" });
    const title = await detailsTitle();
    expect(title).not.toBe("");
    // In a text field "/" is typed, not a shortcut. Once the search has answered, the first Esc closes its
    // suggestions, the next empties the box and keeps the selection.
    await search.focus();
    await page.keyboard.type("Kor/");
    await expect(search.inputValue()).resolves.toBe("Kor/");
    const list = page.locator(`#${await search.getAttribute("aria-controls")}`);
    const note = list.locator("xpath=following-sibling::p[1]");
    await expect
      .poll(async () => (await list.isVisible()) || /^No matches/.test((await note.textContent()) ?? ""))
      .toBe(true);
    await page.keyboard.press("Escape");
    expect(await list.isHidden()).toBe(true);
    await expect(search.inputValue()).resolves.toBe("Kor/");
    await page.keyboard.press("Escape");
    await expect(search.inputValue()).resolves.toBe("");
    expect(await detailsTitle()).toBe(title);
    await page.locator(".details .details-title").click();
    await page.keyboard.press("Escape");
    await page.locator(".details .muted", { hasText: "Select a node" }).waitFor();
    await expect.poll(() => page.url()).not.toContain("s=n");
    await page.getByRole("searchbox", { name: "Search" }).focus();
    await page.keyboard.press("Tab");
    // The focused control's outline is drawn, and differs from its look once the focus has moved on.
    const outlineOf = (): Promise<string> =>
      page.evaluate(() => {
        const el = document.querySelector<HTMLElement>("[data-focus-probe]") ?? (document.activeElement as HTMLElement);
        el.setAttribute("data-focus-probe", "");
        const style = getComputedStyle(el);
        return `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
      });
    const focused = await outlineOf();
    expect(focused).not.toMatch(/^none/);
    await page.keyboard.press("Tab");
    expect(await outlineOf()).not.toBe(focused);
  });

  it("keeps panels off the canvas and off each other at 1280x800 and at 400px wide", async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 400, height: 800 },
    ]) {
      const narrow = viewport.width <= 980;
      await resize(viewport);
      // On a narrow window the left column folds into the results area's "Filters" tab.
      const parts = [".app-header", ".canvas-wrap", ".results", ...(narrow ? [] : [".sidebar-left"])];
      const boxes = await Promise.all(
        parts.map(async (selector) => [selector, (await page.locator(selector).boundingBox())!] as const),
      );
      for (const [selector, box] of boxes) {
        expect(box.x + box.width, `${selector} is off the right of the window`).toBeLessThanOrEqual(viewport.width + 1);
        expect(box.y + box.height, `${selector} is below the window`).toBeLessThanOrEqual(viewport.height + 1);
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          expect(overlaps(boxes[i]![1], boxes[j]![1]), `${boxes[i]![0]} overlaps ${boxes[j]![0]}`).toBe(false);
        }
      }
      const canvas = boxes.find(([s]) => s === ".canvas-wrap")![1];
      expect(canvas.width).toBeGreaterThan(viewport.width > 800 ? 500 : 350);
      expect(canvas.height).toBeGreaterThan(narrow ? 250 : 300);
      const results = boxes.find(([s]) => s === ".results")![1];
      expect(results.width).toBeGreaterThan(narrow ? 350 : 420);
      expect(results.height).toBeGreaterThan(narrow ? 250 : 500);
      // Every tab of the results area is whole in the window, none hidden in a strip that scrolls sideways.
      const strip = await page.locator(".results-tabs").evaluate((el) => ({
        scrolls: el.scrollWidth > el.clientWidth + 1,
        tabs: [...el.querySelectorAll<HTMLElement>("[role=tab]")]
          .filter((tab) => tab.offsetParent !== null)
          .map((tab) => ({ name: tab.textContent, right: tab.getBoundingClientRect().right })),
      }));
      expect(strip.scrolls).toBe(false);
      expect(strip.tabs.map((t) => t.name)).toEqual(
        expect.arrayContaining([...(narrow ? ["Filters"] : []), "Details", "Paths", "Table", "Query"]),
      );
      for (const tab of strip.tabs) expect(tab.right, `${tab.name} is cut`).toBeLessThanOrEqual(viewport.width);
      await shot(`07-layout-${viewport.width}`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("exports the current path result and a PNG of the canvas", async () => {
    await page.getByLabel("Current path result").check();
    const href = (await page.locator('.export a[data-format="json"]').getAttribute("href")) ?? "";
    expect(href).toMatch(/^\/api\/export\?format=json&from=state%3Akor&to=person%3Atomas-ojea-quintana/);
    const response = await page.request.get(new URL(href, explorer.url).href);
    expect(response.status()).toBe(200);
    expect((await response.text()).length).toBeGreaterThan(100);
    await page.getByLabel("Whole graph").check();
  });

  it("saves the view as a PNG for a report: twice its size, a title above, the legend and a caption below", async () => {
    const canvas = await page.locator("#graph").evaluate((el) => ({ width: el.clientWidth, height: el.clientHeight }));
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "PNG" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("rightsgraph-view.png");
    const png = readFileSync(await download.path());
    writeFileSync(path.join(ARTIFACTS, "11-report.png"), png);
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    const image = decodePng(png);
    expect(image.width).toBe(canvas.width * 2);
    // The graph at twice the canvas's height, with bands above (title) and below (legend, caption).
    expect(image.height).toBeGreaterThan(canvas.height * 2 + 150);
    const band = (from: number, to: number): { dark: number; coloured: number } => {
      let dark = 0;
      let coloured = 0;
      for (let y = from; y < to; y++)
        for (let x = 0; x < image.width; x++) {
          const i = (y * image.width + x) * image.channels;
          const [r, g, b] = [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
          if (Math.max(r, g, b) < 110) dark++;
          if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
        }
      return { dark, coloured };
    };
    // The title: dark text in the top 40 CSS pixels.
    expect(band(0, 80).dark).toBeGreaterThan(500);
    // The legend (coloured dots and lines) and the caption (text) in the last 160 CSS pixels.
    const foot = band(image.height - 320, image.height);
    expect(foot.dark).toBeGreaterThan(500);
    expect(foot.coloured).toBeGreaterThan(300);
    // The graph in between is drawn, in colour.
    expect(band(Math.round(image.height / 2) - 100, Math.round(image.height / 2) + 100).coloured).toBeGreaterThan(200);
  });

  it("logged no console errors", () => {
    expect(errors).toEqual([]);
  });
});

describe("web explorer, hostile data and failures", () => {
  it("renders labels, descriptions and quotes with markup as text", async () => {
    const evil = `<img src=x onerror="window.__pwned=1">Evil & "co"`;
    const hostile = await explorer.context.newPage();
    const hostileErrors = collectErrors(hostile);
    await hostile.route("**/api/graph", async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { nodes: { key: string; attributes: { label: string } }[] };
      for (const node of body.nodes) if (node.key === "state:kor") node.attributes.label = evil;
      await route.fulfill({ response, json: body });
    });
    // The details are asked with the suggestions switch's include, hence the query string.
    await hostile.route(/\/api\/nodes\/state%3Akor(\?|$)/, async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as {
        node: { label: string; description: string };
        edges: { evidence: { quote: string } }[];
      };
      body.node.label = evil;
      body.node.description = `<script>window.__pwned=2</script>`;
      // Every quote, since the panel orders relations by type, not in the order the API sends them.
      for (const edge of body.edges) edge.evidence.quote = `<b onmouseover="window.__pwned=3">bold</b>`;
      await route.fulfill({ response, json: body });
    });
    await hostile.goto(`${explorer.url}#s=n:state:kor`);
    await hostile.locator(".details .details-title").waitFor();
    expect(await hostile.locator(".details .details-title").textContent()).toBe(evil);
    expect(await hostile.locator(".details .description").textContent()).toBe("<script>window.__pwned=2</script>");
    expect(await hostile.locator(".details .quote").first().textContent()).toContain("<b onmouseover=");
    expect(await hostile.locator("body img, .details script, .details b").count()).toBe(0);
    await hostile.locator(".details .relation-link").first().hover();
    expect(await hostile.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await shot("08-hostile-label", hostile);
    expect(hostileErrors).toEqual([]);
    await hostile.close();
  });

  it("shows a selected relation (edge) with its claim, ends and quote in the source reader", async () => {
    const edgePage = await explorer.context.newPage();
    const edgeErrors = collectErrors(edgePage);
    const id = "person:tomas-ojea-quintana--called-on--state:kor";
    await edgePage.goto(`${explorer.url}#s=e:${encodeURIComponent(id)}`);
    await edgePage.locator(".details .details-title").waitFor();
    expect(await edgePage.locator(".details .type-chip").textContent()).toContain("Relation:");
    expect(await edgePage.locator(".details .details-title").textContent()).toMatch(
      /^Ojea Quintana continues to call on the Republic of Korea to stop sidelining human rights concerns .+\.$/,
    );
    expect(await edgePage.locator(".details .claim-sentence").textContent()).toMatch(
      /^Part of one claim of the source: Ojea Quintana continues to call on the Republic of Korea, the United States, Russia and China to stop sidelining /,
    );
    await edgePage.locator(".reader mark.evidence-mark").waitFor();
    await shot("10-relation", edgePage);
    expect(await edgePage.locator(".reader mark.evidence-mark").textContent()).toContain(
      "Quintana continues to call on",
    );
    await edgePage.getByRole("button", { name: "Republic of Korea" }).click();
    await edgePage.locator(".details .details-title", { hasText: "Republic of Korea" }).waitFor();
    expect(edgeErrors).toEqual([]);
    await edgePage.close();
  });

  it("reads a joint claim among a node's relations as one sentence, with a button for each party", async () => {
    const jointPage = await explorer.context.newPage();
    const jointErrors = collectErrors(jointPage);
    await jointPage.goto(
      `${explorer.url}#s=n:${encodeURIComponent("doc:un:draft-sc-resolution-dprk-sanctions-2019-12")}`,
    );
    const joint = jointPage.locator(".details .relation", {
      hasText: "China and Russia jointly sponsored the China–Russia sanctions draft.",
    });
    await joint.waitFor();
    expect(await joint.locator(".relation-sentence").textContent()).toBe(
      "China and Russia jointly sponsored the China–Russia sanctions draft.",
    );
    expect(await joint.locator(".relation-ends button").allTextContents()).toEqual(["China", "Russia"]);
    expect(await joint.locator(".quote").count()).toBe(1);
    expect(await jointPage.locator(".details .relation", { hasText: "China jointly sponsored" }).count()).toBe(0);
    await shot("09-joint-claim", jointPage);
    await joint.getByRole("button", { name: "Russia" }).click();
    await jointPage.locator(".details .details-title", { hasText: "Russian Federation" }).waitFor();
    expect(jointErrors).toEqual([]);
    await jointPage.close();
  });

  it("says in words when the server cannot be reached", async () => {
    const down = await explorer.context.newPage();
    await down.route("**/api/**", (route) => route.abort("connectionrefused"));
    await down.goto(explorer.url);
    const alert = down.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Could not load the graph: The server cannot be reached.");
    await down.getByRole("button", { name: "Try again" }).waitFor();
    await down.close();
  });
});
