// A generated corpus opened as a large one (the small corpus, 2,158 nodes, with the scene's cap lowered to 400 by
// the page's address): the overview names its groups with their counts, the first scene holds their largest
// members and says what is hidden, and opening a group, double-clicking a node and searching bring hidden nodes in,
// up to the cap.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OverviewResponse } from "../../src/api/contract";
import { generateCorpus } from "../../src/bench/generate-corpus";
import { loadDataset } from "../../src/data";
import type { Dataset } from "../../src/schema/types";
import { ARTIFACTS, collectErrors, startExplorer, waitForGraph, type Explorer } from "./explorer-harness";

const CAP = 400;
let corpus: string;
let dataset: Dataset;
let explorer: Explorer;
let page: Page;
let errors: string[];
let overview: OverviewResponse;

interface Hook {
  state(): { scene: { members: string[] | null; expanded: Record<string, string[]> }; selection: unknown };
  node(id: string): { viewport: { x: number; y: number } } | null;
  visible(): string[];
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

describe("a corpus larger than the scene", () => {
  it("opens on the overview: named groups with their counts, their largest members, and what is hidden", async () => {
    expect(overview.large).toBe(true);
    await page.goto(`${explorer.url}?cap=${CAP}`);
    await waitForGraph(page);
    const first = overview.communities.flatMap((c) => c.top.map((t) => t.id)).slice(0, CAP);
    await expect.poll(async () => (await members()).length).toBe(first.length);
    expect((await members()).sort()).toEqual([...first].sort());
    // The bibliography (cited articles, outlets, journalists) is folded by default: members may be hidden by it.
    const drawn = await visible();
    expect(drawn.length).toBeGreaterThan(first.length / 2);
    for (const id of drawn) expect(first).toContain(id);
    const labels = page.locator(".community-label");
    expect(await labels.count()).toBe(Math.min(16, overview.communities.length));
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
    const box = (await page.locator("#graph").boundingBox())!;
    let target: { id: string; x: number; y: number } | null = null;
    for (const { id } of candidates) {
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
      if (hovered === id) {
        target = { id, x, y };
        break;
      }
    }
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

  it("logged no console errors", () => {
    expect(errors).toEqual([]);
  });
});
