// The freehand lasso beside the box, with real mouse moves in Chromium on the bundled brief: with "Lasso" pressed, a
// drag along an L-shaped outline picks the nodes inside the L and leaves out a node in the corner its bounding box
// takes in (a box over that bounding box, drawn next, picks it), the outline is drawn while the mouse moves, the
// camera stays still, and the bar over the canvas offers what it offers for a box.
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, openExplorer, type Explorer } from "./explorer-harness";

interface Looks {
  state(): { picked: string[] };
  node(id: string): { viewport: { x: number; y: number } } | null;
  visible(): string[];
  camera(): { x: number; y: number; ratio: number; angle: number };
}

interface Drawn {
  id: string;
  x: number;
  y: number;
}

/** Half the width of each arm of the L, in pixels. */
const ARM = 14;

let explorer: Explorer;
let page: Page;
let errors: string[];

const looks = <T>(read: (r: Looks) => T): Promise<T> =>
  page.evaluate(`(${read.toString()})(window.rightsgraph)`) as Promise<T>;
const picked = (): Promise<string[]> => looks((r) => r.state().picked);

/**
 * An L-shaped outline from node `a` along its row to the column of node `b`, then down that column to `b`, each arm
 * 2 * ARM wide; `inside(p, pad)` says whether a point lies in the L grown by `pad` pixels (shrunk when negative).
 * Worked out here on its own, as a union of two rectangles, not with the explorer's point-in-polygon.
 */
function lShape(a: Drawn, b: Drawn) {
  const sx = Math.sign(b.x - a.x);
  const sy = Math.sign(b.y - a.y);
  const outline = [
    { x: a.x - sx * ARM, y: a.y - sy * ARM },
    { x: b.x + sx * ARM, y: a.y - sy * ARM },
    { x: b.x + sx * ARM, y: b.y + sy * ARM },
    { x: b.x - sx * ARM, y: b.y + sy * ARM },
    { x: b.x - sx * ARM, y: a.y + sy * ARM },
    { x: a.x - sx * ARM, y: a.y + sy * ARM },
  ];
  const between = (v: number, p: number, q: number): boolean => v > Math.min(p, q) && v < Math.max(p, q);
  const inside = (p: { x: number; y: number }, pad: number): boolean => {
    const reach = ARM + pad;
    const row = Math.abs(p.y - a.y) < reach && between(p.x, a.x - sx * reach, b.x + sx * reach);
    const column = Math.abs(p.x - b.x) < reach && between(p.y, a.y - sy * reach, b.y + sy * reach);
    return row || column;
  };
  const xs = outline.map((p) => p.x);
  const ys = outline.map((p) => p.y);
  const box = { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
  return { outline, inside, box };
}

/**
 * Two nodes whose L, drawn clear of the canvas's tools, leaves a node of its bounding box outside it; no node sits
 * within 3 pixels of the outline, where a pixel's rounding could decide.
 */
function findLasso(nodes: Drawn[], canvas: { width: number; height: number }) {
  const safe = (p: { x: number; y: number }): boolean =>
    p.x > 40 && p.x < canvas.width - 90 && p.y > 70 && p.y < canvas.height - 40;
  for (const a of nodes) {
    for (const b of nodes) {
      if (Math.abs(b.x - a.x) < 100 || Math.abs(b.y - a.y) < 100) continue;
      const shape = lShape(a, b);
      if (!shape.outline.every(safe)) continue;
      if (nodes.some((n) => shape.inside(n, 3) && !shape.inside(n, -3))) continue;
      const { box } = shape;
      const left = nodes.find(
        (n) => n.x > box.x0 + 6 && n.x < box.x1 - 6 && n.y > box.y0 + 6 && n.y < box.y1 - 6 && !shape.inside(n, 6),
      );
      if (!left) continue;
      return { ...shape, left, picks: nodes.filter((n) => shape.inside(n, 0)).map((n) => n.id) };
    }
  }
  throw new Error("no two nodes of the first view make an L that leaves a node of its bounding box out");
}

beforeAll(async () => {
  ({ explorer, page, errors } = await openExplorer({ width: 1440, height: 900 }));
}, 120_000);

afterAll(async () => {
  await explorer?.close();
});

describe("the lasso", () => {
  it("picks the nodes inside a freehand outline and not one inside its bounding box but outside it", async () => {
    const canvas = (await page.locator("#graph").boundingBox())!;
    const nodes = await looks((r) => r.visible().map((id) => ({ id, ...r.node(id)!.viewport })));
    const lasso = findLasso(nodes, canvas);
    expect(lasso.picks.length).toBeGreaterThanOrEqual(2);
    const onPage = (p: { x: number; y: number }) => ({ x: canvas.x + p.x, y: canvas.y + p.y });

    const button = page.getByRole("button", { name: "Lasso", exact: true });
    await button.click();
    await expect(button.getAttribute("aria-pressed")).resolves.toBe("true");
    const camera = await looks((r) => r.camera());
    const [first, ...rest] = lasso.outline.map(onPage);
    await page.mouse.move(first!.x, first!.y);
    await page.mouse.down();
    for (const [i, corner] of rest.entries()) {
      await page.mouse.move(corner.x, corner.y, { steps: 10 });
      if (i === 2) {
        // Halfway round, the outline is on screen where the pointer went.
        const drawn = page.locator("svg.lasso");
        await expect(drawn.isVisible()).resolves.toBe(true);
        const d = (await drawn.locator("path").getAttribute("d")) ?? "";
        expect(d.split("L").length).toBeGreaterThan(20);
        const outline = (await drawn.locator("path").boundingBox())!;
        expect(Math.abs(outline.x - Math.min(first!.x, ...rest.slice(0, 3).map((p) => p.x)))).toBeLessThan(4);
        await page.screenshot({ path: path.join(ARTIFACTS, "lasso-drawing.png") });
      }
    }
    await page.mouse.move(first!.x, first!.y, { steps: 10 });
    await page.mouse.up();

    await expect.poll(picked).toEqual([...lasso.picks].sort());
    expect(await picked()).not.toContain(lasso.left.id);
    expect(await looks((r) => r.camera())).toEqual(camera);
    await expect(page.locator("svg.lasso").isVisible()).resolves.toBe(false);
    // The same bar as the box's.
    await page.getByText(`${lasso.picks.length} selected`).waitFor();
    await expect(page.getByRole("button", { name: "Export selection as GraphML" }).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "lasso-picked.png") });

    // A box over the L's bounding box, drawn once the lasso is off, takes the node the lasso left out.
    await page.getByRole("button", { name: "Clear selection" }).click();
    await button.click();
    await expect(button.getAttribute("aria-pressed")).resolves.toBe("false");
    const [from, to] = [onPage({ x: lasso.box.x0, y: lasso.box.y0 }), onPage({ x: lasso.box.x1, y: lasso.box.y1 })];
    await page.keyboard.down("Shift");
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 12 });
    await page.mouse.up();
    await page.keyboard.up("Shift");
    await expect.poll(picked).toContain(lasso.left.id);
    expect(await picked()).toEqual(expect.arrayContaining(lasso.picks));
  });

  it("lets a drag pan the view again once the lasso is off", async () => {
    await page.getByRole("button", { name: "Clear selection" }).click();
    const camera = await looks((r) => r.camera());
    const canvas = (await page.locator("#graph").boundingBox())!;
    const nodes = await looks((r) => r.visible().map((id) => r.node(id)!.viewport));
    // A spot of the stage away from every node (and from the tools), so the drag starts on the stage.
    let spot = { x: 0, y: 0 };
    for (let y = 100; y < canvas.height - 80 && !spot.x; y += 20)
      for (let x = 60; x < canvas.width - 180 && !spot.x; x += 20)
        if (nodes.every((n) => Math.hypot(n.x - x, n.y - y) > 30)) spot = { x, y };
    expect(spot.x).toBeGreaterThan(0);
    const start = { x: canvas.x + spot.x, y: canvas.y + spot.y };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 80, start.y - 30, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await looks((r) => r.camera())).x).not.toBe(camera.x);
    expect(await picked()).toEqual([]);
  });

  it("logged no console errors", () => {
    expect(errors).toEqual([]);
  });
});
