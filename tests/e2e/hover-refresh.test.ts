// What a hover makes sigma look at again, in Chromium on the bundled brief: the nodes and relations the filters show,
// not those they leave out (a hidden element looks the same whatever is hovered; on a large corpus's overview they
// are thousands, and every drag starts with a hover). What the hover shows is checked too: the node in focus is
// labelled, the nodes out of focus lose their labels (dimmed), and what the filters hide stays hidden. While the button
// is held (a box or a lasso drawn, a node or the stage dragged) nothing is highlighted until it is let go.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyStage } from "../../src/bench/web-figures";
import { legendCounts, openExplorer, type Explorer } from "./explorer-harness";

interface Hook {
  state(): { hoveredNode: string | null; picked: string[] };
  visible(): string[];
  drawnEdges(): string[];
  node(id: string): { viewport: { x: number; y: number }; radius: number } | null;
  camera(): { x: number; y: number; ratio: number };
  reducerCalls(): { nodes: number; edges: number };
}

let explorer: Explorer;
let page: Page;
let errors: string[];

const hook = <T>(read: (h: Hook) => T): Promise<T> =>
  page.evaluate(`(${read.toString()})(window.rightsgraph)`) as Promise<T>;
/** Two animation frames: whatever the last event scheduled has been drawn. */
const frames = (): Promise<unknown> =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/** Waits until two looks a frame apart find the camera, and the reducer calls, where they were. */
async function settled(): Promise<void> {
  let last = "";
  await expect
    .poll(async () => {
      await frames();
      const now = JSON.stringify(await hook((h) => [h.camera(), h.reducerCalls()]));
      const still = now === last;
      last = now;
      return still;
    })
    .toBe(true);
}

beforeAll(async () => {
  ({ explorer, page, errors } = await openExplorer({ width: 1280, height: 800 }));
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}, 120_000);

afterAll(async () => {
  await explorer?.close();
});

describe("a hover's refresh", () => {
  it("runs the reducers over the shown nodes and relations only, and still dims the rest and keeps the hidden hidden", async () => {
    // Hide a node type, so that the filters leave out a good part of the graph.
    await page.locator('.filters .type-toggle[data-type="document"]').click();
    await settled();
    const legend = await legendCounts(page);
    const shown = await hook((h) => ({ nodes: h.visible(), edges: h.drawnEdges() }));
    expect(legend.totalNodes - shown.nodes.length).toBeGreaterThan(10);
    expect(legend.totalEdges - shown.edges.length).toBeGreaterThan(10);

    // The largest node shown, hovered.
    const target = await hook((h) => h.visible().sort((a, b) => h.node(b)!.radius - h.node(a)!.radius)[0]!);
    const at = await hook((h) => h.visible().map((id) => ({ id, viewport: h.node(id)!.viewport })));
    const node = at.find((n) => n.id === target)!;
    const box = (await page.locator("#graph").boundingBox())!;
    const labelled = async (): Promise<string[]> =>
      ((await page.evaluate(`JSON.parse(document.querySelector("#graph").dataset.labels)`)) as { node: string }[]).map(
        (l) => l.node,
      );
    const labelsBefore = await labelled();
    const before = await hook((h) => h.reducerCalls());
    await page.mouse.move(box.x + node.viewport.x, box.y + node.viewport.y);
    await expect.poll(() => hook((h) => h.state().hoveredNode)).toBe(target);
    await frames();
    const after = await hook((h) => h.reducerCalls());
    // Each shown node and relation once; none of those the filters hide (all of them: the whole graph, before).
    expect(after.nodes - before.nodes).toBe(shown.nodes.length);
    expect(after.edges - before.edges).toBe(shown.edges.length);

    // What the hover draws: the node labelled, the nodes out of focus dimmed (a dimmed node has no label, so fewer
    // labels), the relations the filters hide still hidden.
    const labelsHovering = await labelled();
    expect(labelsHovering).toContain(target);
    expect(labelsHovering.length).toBeLessThan(labelsBefore.length);
    expect(await hook((h) => h.drawnEdges().length)).toBe(shown.edges.length);
    await page.screenshot({ path: "tests/artifacts/hover-refresh.png" });

    // Leaving the node refreshes the same elements again, and nothing else.
    await page.mouse.move(box.x + 2, box.y + box.height - 2);
    await expect.poll(() => hook((h) => h.state().hoveredNode)).toBe(null);
    await frames();
    const left = await hook((h) => h.reducerCalls());
    expect(left.nodes - after.nodes).toBe(shown.nodes.length);
    await expect.poll(async () => (await labelled()).length).toBe(labelsBefore.length);
    expect(errors).toEqual([]);
  });

  it("leaves the highlighted nodes' WebGL canvas untouched while nothing is highlighted, and blank again after a hover", async () => {
    const layers = (): Promise<Record<string, { cleared: number; skipped: number }>> =>
      page.evaluate("window.rightsgraph.blankLayers()") as Promise<
        Record<string, { cleared: number; skipped: number }>
      >;
    const box = (await page.locator("#graph").boundingBox())!;
    // Nothing hovered or picked: the highlighted nodes' canvas has nothing to draw.
    const stage = await emptyStage(page);
    await page.mouse.move(stage.x, stage.y);
    expect(await hook((h) => h.state().picked.length)).toBe(0);
    await expect.poll(() => hook((h) => h.state().hoveredNode)).toBe(null);
    await settled();
    const canvas = page.locator("#graph");

    // A pan's frames: the nodes' canvas is cleared and drawn each frame, the blank one is not cleared again.
    const before = await layers();
    await page.mouse.down();
    for (let i = 1; i <= 6; i++) await page.mouse.move(stage.x + 10 * i, stage.y - 5 * i);
    await page.mouse.up();
    await settled();
    const panned = await layers();
    expect(panned.nodes!.cleared - before.nodes!.cleared).toBeGreaterThan(2);
    expect(panned.hoverNodes!.cleared).toBe(before.hoverNodes!.cleared);
    expect(panned.hoverNodes!.skipped - before.hoverNodes!.skipped).toBeGreaterThan(2);

    // A hover draws the node on it; once left, it is cleared once, and the canvas looks as before the hover.
    await page.getByRole("button", { name: "Reset view" }).click();
    // The button neither hovered nor focused in the pictures compared.
    await page.mouse.move(stage.x, stage.y);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await settled();
    const still = await canvas.screenshot();
    const target = await hook((h) => h.visible().sort((a, b) => h.node(b)!.radius - h.node(a)!.radius)[0]!);
    const node = (await page.evaluate(`window.rightsgraph.node(${JSON.stringify(target)}).viewport`)) as {
      x: number;
      y: number;
    };
    await page.mouse.move(box.x + node.x, box.y + node.y);
    await expect.poll(() => hook((h) => h.state().hoveredNode)).toBe(target);
    await settled();
    expect(await canvas.screenshot()).not.toEqual(still);
    const hovering = await layers();
    await page.mouse.move(box.x + 4, box.y + box.height - 4);
    await expect.poll(() => hook((h) => h.state().hoveredNode)).toBe(null);
    await settled();
    expect((await layers()).hoverNodes!.cleared).toBeGreaterThan(hovering.hoverNodes!.cleared);
    expect(await canvas.screenshot()).toEqual(still);
    expect(errors).toEqual([]);
  });
  it("waits while the button is held: a box drawn across a node highlights it only once the button is let go", async () => {
    await settled();
    const box = (await page.locator("#graph").boundingBox())!;
    const target = await hook((h) => h.visible().sort((a, b) => h.node(b)!.radius - h.node(a)!.radius)[0]!);
    const node = (await page.evaluate(`window.rightsgraph.node(${JSON.stringify(target)}).viewport`)) as {
      x: number;
      y: number;
    };
    // The box starts on the canvas's empty corner and ends on the node.
    await page.mouse.move(box.x + 4, box.y + box.height - 4);
    await expect.poll(() => hook((h) => h.state().hoveredNode)).toBe(null);
    await page.keyboard.down("Shift");
    await page.mouse.down();
    const before = await hook((h) => h.reducerCalls());
    for (let i = 1; i <= 10; i++) {
      await page.mouse.move(
        box.x + 4 + ((node.x - 4) * i) / 10,
        box.y + box.height - 4 + ((node.y - box.height + 4) * i) / 10,
      );
    }
    await frames();
    // Over the node with the button held: no highlight, and nothing drawn again for one.
    expect(await hook((h) => h.state().hoveredNode)).toBe(null);
    expect(await hook((h) => h.reducerCalls())).toEqual(before);
    await page.mouse.up();
    await page.keyboard.up("Shift");
    await expect.poll(() => hook((h) => h.state().hoveredNode)).toBe(target);
    expect(errors).toEqual([]);
  });
});
