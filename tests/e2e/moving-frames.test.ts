// The frames drawn while the camera moves, in Chromium on the bundled brief: no picking pass and no pixel read back
// while the pointer pans or the wheel zooms (sigma draws everything a second time to find what the pointer is over,
// and reading that back makes the page wait for the whole frame), and picking drawn again once the camera stops, so
// that hovering and clicking find the nodes where they now are.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openExplorer, type Explorer } from "./explorer-harness";

interface Hook {
  state(): { hoveredNode: string | null; selection: { kind: string; id: string } | null };
  visible(): string[];
  node(id: string): { viewport: { x: number; y: number }; radius: number } | null;
  camera(): { x: number; y: number; ratio: number };
}
interface Counts {
  /** Pixels read back from a WebGL canvas (sigma's picking). */
  reads: number;
  /** Draws into a framebuffer other than the canvas's own (sigma's picking pass). */
  pickDraws: number;
  /** Draws onto the canvases themselves. */
  draws: number;
}

let explorer: Explorer;
let page: Page;
let errors: string[];

const hook = <T>(read: (h: Hook) => T): Promise<T> =>
  page.evaluate(`(${read.toString()})(window.rightsgraph)`) as Promise<T>;

/** Count the WebGL calls that draw and read the picking framebuffers, from now on. */
async function countWebGL(): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as {
      webglCounts: Counts;
      webglLog: { kind: keyof Counts; ratio: number }[];
      webglCounting?: boolean;
      rightsgraph: Hook;
    };
    w.webglCounts = { reads: 0, pickDraws: 0, draws: 0 };
    w.webglLog = [];
    // Each call is logged with the camera's zoom at the time, to tell the frames drawn during a zoom from the rest.
    const log = (kind: keyof Counts): void => {
      w.webglCounts[kind] += 1;
      w.webglLog.push({ kind, ratio: w.rightsgraph.camera().ratio });
    };
    if (w.webglCounting) return;
    w.webglCounting = true;
    const bound = new WeakMap<object, boolean>();
    for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
      const { readPixels, bindFramebuffer } = proto as unknown as Record<string, (...args: unknown[]) => unknown>;
      Object.assign(proto, {
        readPixels(this: object, ...args: unknown[]) {
          log("reads");
          return readPixels!.apply(this, args);
        },
        bindFramebuffer(this: object, target: unknown, framebuffer: unknown) {
          bound.set(this, framebuffer !== null);
          return bindFramebuffer!.call(this, target, framebuffer);
        },
      });
      for (const name of ["drawArrays", "drawArraysInstanced", "drawElements"]) {
        const draw = (proto as unknown as Record<string, ((...args: unknown[]) => unknown) | undefined>)[name];
        if (!draw) continue;
        Object.assign(proto, {
          [name](this: object, ...args: unknown[]) {
            log(bound.get(this) ? "pickDraws" : "draws");
            return draw.apply(this, args);
          },
        });
      }
    }
  });
}
const counts = (): Promise<Counts> =>
  page.evaluate(() => ({ ...(window as unknown as { webglCounts: Counts }).webglCounts }));
/** Two animation frames: whatever the last event scheduled has been drawn. */
const frames = (): Promise<unknown> =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/** Waits until two looks a frame apart find the camera where it was. */
async function cameraStill(): Promise<void> {
  let camera = "";
  await expect
    .poll(async () => {
      await frames();
      const now = JSON.stringify(await hook((h) => h.camera()));
      const still = now === camera;
      camera = now;
      return still;
    })
    .toBe(true);
}

/** A point of the canvas (page coordinates) far from every node, where a press pans the camera. */
async function background(): Promise<{ x: number; y: number }> {
  const box = (await page.locator("#graph").boundingBox())!;
  const nodes = await hook((h) => h.visible().map((id) => h.node(id)!));
  let best = { x: 0, y: 0, room: -1 };
  for (let y = box.height * 0.3; y < box.height * 0.8; y += 10) {
    for (let x = box.width * 0.2; x < box.width * 0.8; x += 10) {
      const room = Math.min(...nodes.map((n) => Math.hypot(n.viewport.x - x, n.viewport.y - y) - n.radius));
      if (room > best.room) best = { x, y, room };
    }
  }
  return { x: box.x + best.x, y: box.y + best.y };
}

beforeAll(async () => {
  ({ explorer, page, errors } = await openExplorer({ width: 1280, height: 800 }));
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await countWebGL();
}, 120_000);

afterAll(async () => {
  await explorer?.close();
});

describe("frames drawn while the camera moves", () => {
  it("leaves picking out of a drag's frames and draws it again when the drag ends: hovering finds a node where it went", async () => {
    await cameraStill();
    const start = await background();
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 8, start.y + 4);
    await frames();
    const moving = await counts();
    for (let i = 2; i <= 10; i++) {
      await page.mouse.move(start.x + 8 * i, start.y + 4 * i);
      await frames();
    }
    const dragged = await counts();
    // Frames were drawn while the pointer dragged, none of them twice, and no pixel was read back.
    expect(dragged.draws).toBeGreaterThan(moving.draws);
    expect(dragged.pickDraws - moving.pickDraws).toBe(0);
    expect(dragged.reads - moving.reads).toBe(0);

    await page.mouse.up();
    await cameraStill();
    // Once the camera stops, the picture is drawn again with its picking, before the pointer asks anything.
    await expect.poll(async () => (await counts()).pickDraws).toBeGreaterThan(dragged.pickDraws);

    // The camera moved 80 px right: the node under the pointer is found where it is drawn now.
    const id = await hook((h) => h.visible().sort((a, b) => h.node(b)!.radius - h.node(a)!.radius)[0]!);
    const box = (await page.locator("#graph").boundingBox())!;
    const node = (await hook((h) => h.visible().map((n) => ({ n, at: h.node(n)! })))).find((v) => v.n === id)!;
    await page.mouse.move(box.x + node.at.viewport.x, box.y + node.at.viewport.y);
    await expect.poll(() => hook((h) => h.state().hoveredNode)).toBe(id);
    await page.mouse.click(box.x + node.at.viewport.x, box.y + node.at.viewport.y);
    await expect.poll(() => hook((h) => h.state().selection?.id)).toBe(id);
    expect(errors).toEqual([]);
  });

  it("leaves picking out of a wheel zoom's frames, and draws it again when the zoom ends", async () => {
    await page.keyboard.press("Escape");
    const at = await background();
    await page.mouse.move(at.x, at.y);
    await cameraStill();
    const from = await hook((h) => h.camera().ratio);
    const logged = await page.evaluate(() => (window as unknown as { webglLog: unknown[] }).webglLog.length);
    // One wheel step starts the zoom (the camera is still when it comes, so it may look under the pointer); the
    // pointer moves and the wheel turns on while the camera moves.
    await page.mouse.wheel(0, -240);
    for (let i = 1; i <= 4; i++) {
      await page.mouse.move(at.x + i, at.y);
      await page.mouse.wheel(0, -1);
    }
    await cameraStill();
    const to = await hook((h) => h.camera().ratio);
    expect(to).toBeLessThan(from);
    const calls = await page.evaluate(
      (start) => (window as unknown as { webglLog: { kind: keyof Counts; ratio: number }[] }).webglLog.slice(start),
      logged,
    );
    // The calls made while the zoom was under way (the camera between where it started and where it stopped): frames
    // drawn, none of them twice, no pixel read.
    const [low, high] = [Math.min(from, to), Math.max(from, to)];
    const during = calls.filter((c) => c.ratio > low * (1 + 1e-9) && c.ratio < high * (1 - 1e-9));
    expect(during.filter((c) => c.kind === "draws").length).toBeGreaterThan(0);
    expect(during.filter((c) => c.kind !== "draws")).toEqual([]);
    // Once it stops, the frame is drawn whole, picking included.
    expect(calls.filter((c) => c.kind === "pickDraws" && Math.abs(c.ratio - to) <= 1e-9 * to).length).toBeGreaterThan(
      0,
    );
    expect(errors).toEqual([]);
  });

  it("finds the node clicked while the camera is still moving (the frame is drawn with its picking first)", async () => {
    await page.keyboard.press("Escape");
    // The whole graph in view again (the zoom before may have taken the node off the canvas).
    await page.getByRole("button", { name: "Reset view" }).click();
    await page.mouse.move(1, 1);
    await cameraStill();
    const box = (await page.locator("#graph").boundingBox())!;
    const id = await hook((h) => h.visible().sort((a, b) => h.node(b)!.radius - h.node(a)!.radius)[0]!);
    const node = (await hook((h) => h.visible().map((n) => ({ n, at: h.node(n)! })))).find((v) => v.n === id)!;
    const at = { x: box.x + node.at.viewport.x, y: box.y + node.at.viewport.y };
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => hook((h) => h.state().hoveredNode)).toBe(id);
    // The wheel zooms around the pointer, so the node stays under it while the camera moves; the click comes after a
    // frame drawn while moving (without picking), before the zoom ends.
    await page.mouse.wheel(0, -240);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => hook((h) => h.state().selection?.id)).toBe(id);
    expect(errors).toEqual([]);
  });
});
