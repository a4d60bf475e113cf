// The gestures people bring from Gephi, Kumu and Bloom, with real mouse events in Chromium: drag a node (pinned
// where dropped, the camera still, the pin kept through a live update), double-click to collapse and expand, pick
// nodes with shift-click and a shift-drag box, hide them, show only them, export them, and undo and redo it all.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../../src/schema/types";
import { BRIEF, EDIT_TOKEN } from "../helpers/edit-server";
import { startEditModeExplorer, type EditModeExplorer } from "./edit-mode-explorer";
import { ARTIFACTS, waitForGraph } from "./explorer-harness";

interface Scene {
  members: string[] | null;
  hidden: string[];
  expanded: Record<string, string[]>;
  pins: Record<string, { x: number; y: number }>;
}
interface Looked {
  scene: Scene;
  picked: string[];
}
interface Hook {
  state(): Looked;
  node(id: string): { x: number; y: number; viewport: { x: number; y: number } } | null;
  visible(): string[];
  camera(): { x: number; y: number; ratio: number };
}

let explorer: EditModeExplorer;
let dataset: Dataset;
let server: { url: string };
let page: Page;
let errors: string[];

const hook = <T>(read: (h: Hook) => T): Promise<T> =>
  page.evaluate(`(${read.toString()})(window.rightsgraph)`) as Promise<T>;
const sceneState = (): Promise<Looked> => hook((h) => h.state());
const visible = async (): Promise<Set<string>> => new Set(await hook((h) => h.visible()));

/** Where a node is drawn, in page coordinates. */
async function onPage(id: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator("#graph").boundingBox())!;
  const node = await page.evaluate((key) => (window as unknown as { rightsgraph: Hook }).rightsgraph.node(key), id);
  if (!node) throw new Error(`node ${id} is not in the graph`);
  return { x: box.x + node.viewport.x, y: box.y + node.viewport.y };
}

/** Neighbours of `id` linked to nothing else: what a double-click on it hides. */
function leavesOf(id: string): string[] {
  const { graph } = dataset;
  return graph
    .neighbors(id)
    .filter((n) => graph.neighbors(n).every((m) => m === id || m === n))
    .sort();
}

beforeAll(async () => {
  explorer = await startEditModeExplorer({
    prefix: "rightsgraph-gestures-e2e",
    suggestions: false,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  ({ dataset, page, errors } = explorer);
  server = { url: explorer.url };
  await page.goto(server.url);
  await waitForGraph(page);
}, 240_000);

afterAll(() => explorer?.close());

describe("gestures on the canvas", () => {
  it("drags a node where it is dropped and pins it there, without panning the camera", async () => {
    const id = "state:kor";
    const camera = await hook((h) => h.camera());
    const before = (await hook((h) => h.node("state:kor")))!;
    const from = await onPage(id);
    const to = { x: from.x + 90, y: from.y + 70 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 30, from.y + 20, { steps: 5 });
    await page.mouse.move(to.x, to.y, { steps: 10 });
    await page.mouse.up();

    await expect.poll(async () => Object.keys((await sceneState()).scene.pins)).toEqual([id]);
    const dropped = await onPage(id);
    expect(Math.abs(dropped.x - to.x)).toBeLessThan(2);
    expect(Math.abs(dropped.y - to.y)).toBeLessThan(2);
    const after = (await hook((h) => h.node("state:kor")))!;
    expect(after.x).not.toBeCloseTo(before.x, 3);
    expect((await sceneState()).scene.pins[id]).toEqual({ x: after.x, y: after.y });
    expect(await hook((h) => h.camera())).toEqual(camera);
    await page.screenshot({ path: path.join(ARTIFACTS, "gestures-01-dragged.png") });
  });

  it("undoes and redoes the pin with the buttons", async () => {
    const pinned = (await hook((h) => h.node("state:kor")))!;
    await page.getByRole("button", { name: "Undo" }).click();
    await expect.poll(async () => (await sceneState()).scene.pins).toEqual({});
    const back = (await hook((h) => h.node("state:kor")))!;
    expect(back.x).not.toBeCloseTo(pinned.x, 3);
    await page.getByRole("button", { name: "Redo" }).click();
    await expect.poll(async () => Object.keys((await sceneState()).scene.pins)).toEqual(["state:kor"]);
    expect((await hook((h) => h.node("state:kor")))!.x).toBeCloseTo(pinned.x, 6);
  });

  it("collapses a node's neighbours with a double-click, and brings them back with another", async () => {
    const shown = await visible();
    // The node with most neighbours linked to it alone.
    const hub = [...shown].sort((a, b) => leavesOf(b).length - leavesOf(a).length)[0]!;
    const leaves = leavesOf(hub).filter((n) => shown.has(n));
    expect(leaves.length).toBeGreaterThan(1);
    const at = await onPage(hub);
    await page.mouse.dblclick(at.x, at.y);
    await expect.poll(async () => (await sceneState()).scene.hidden).toEqual(leaves);
    const collapsed = await visible();
    for (const leaf of leaves) expect(collapsed.has(leaf)).toBe(false);
    expect(collapsed.has(hub)).toBe(true);
    expect(collapsed.size).toBe(shown.size - leaves.length);
    await page.screenshot({ path: path.join(ARTIFACTS, "gestures-02-collapsed.png") });

    const again = await onPage(hub);
    await page.mouse.dblclick(again.x, again.y);
    await expect.poll(async () => (await sceneState()).scene.hidden).toEqual([]);
    expect((await sceneState()).scene.expanded).toEqual({ [hub]: leaves });
    expect((await visible()).size).toBe(shown.size);
    // Ctrl+Z undoes the expansion: the leaves go again.
    await page.locator("#graph").focus();
    await page.keyboard.press("Control+z");
    await expect.poll(async () => (await sceneState()).scene.hidden).toEqual(leaves);
    await page.keyboard.press("Control+Shift+z");
    await expect.poll(async () => (await sceneState()).scene.hidden).toEqual([]);
  });

  it("picks nodes with shift-click, hides them, undoes with Ctrl+Z and redoes with Ctrl+Y", async () => {
    const picked = ["state:prk", "person:tomas-ojea-quintana"].filter((id) => dataset.graph.hasNode(id));
    expect(picked).toHaveLength(2);
    await page.keyboard.down("Shift");
    for (const id of picked) {
      const at = await onPage(id);
      await page.mouse.click(at.x, at.y);
    }
    await page.keyboard.up("Shift");
    await expect.poll(async () => (await sceneState()).picked).toEqual([...picked].sort());
    await page.getByText("2 selected").waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "gestures-03-picked.png") });

    const before = await visible();
    await page.getByRole("button", { name: "Hide selection" }).click();
    await expect.poll(async () => (await sceneState()).scene.hidden).toEqual([...picked].sort());
    const after = await visible();
    expect(after.size).toBe(before.size - 2);
    for (const id of picked) expect(after.has(id)).toBe(false);
    expect((await sceneState()).picked).toEqual([]);

    await page.keyboard.press("Control+z");
    await expect.poll(async () => (await visible()).size).toBe(before.size);
    await page.keyboard.press("Control+y");
    await expect.poll(async () => (await visible()).size).toBe(before.size - 2);
    await page.getByRole("button", { name: "Show hidden nodes" }).click();
    await expect.poll(async () => (await visible()).size).toBe(before.size);
  });

  it("draws a box with shift-drag, shows only what it picked, and exports the picked nodes", async () => {
    const box = (await page.locator("#graph").boundingBox())!;
    const corner = { x: box.x + box.width * 0.3, y: box.y + box.height * 0.3 };
    const end = { x: box.x + box.width * 0.6, y: box.y + box.height * 0.6 };
    const shown = await visible();
    // Nodes well inside the box must be picked, nodes well outside must not; the pointer's pixels round the edges.
    const inBox = (at: { x: number; y: number }, margin: number): boolean =>
      at.x >= corner.x + margin && at.x <= end.x - margin && at.y >= corner.y + margin && at.y <= end.y - margin;
    const surely: string[] = [];
    const maybe: string[] = [];
    for (const id of shown) {
      const at = await onPage(id);
      if (inBox(at, 2)) surely.push(id);
      if (inBox(at, -2)) maybe.push(id);
    }
    expect(surely.length).toBeGreaterThan(2);
    const camera = await hook((h) => h.camera());
    await page.keyboard.down("Shift");
    await page.mouse.move(corner.x, corner.y);
    await page.mouse.down();
    await page.mouse.move(end.x, end.y, { steps: 12 });
    await page.mouse.up();
    await page.keyboard.up("Shift");
    await expect.poll(async () => (await sceneState()).picked.length).toBeGreaterThanOrEqual(surely.length);
    const expected = (await sceneState()).picked;
    expect(expected).toEqual(expect.arrayContaining(surely));
    expect(maybe).toEqual(expect.arrayContaining(expected));
    expect(await hook((h) => h.camera())).toEqual(camera);
    await page.screenshot({ path: path.join(ARTIFACTS, "gestures-04-box.png") });

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export selection as GraphML" }).click();
    const file = await (await download).path();
    const graphml = readFileSync(file, "utf8");
    const nodeIds = [...graphml.matchAll(/<node id="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(nodeIds).toEqual(expected.map((id) => id.replace(/&/g, "&amp;")).sort());
    const inside = new Set(expected);
    const between = dataset.graph.filterEdges((_e, _a, s, t) => inside.has(s) && inside.has(t));
    expect([...graphml.matchAll(/<edge /g)].length).toBe(between.length);

    const csv = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download selection as CSV" }).click();
    const lines = readFileSync(await (await csv).path(), "utf8")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(expected.length + 1);

    await page.getByRole("button", { name: "Show only selection" }).click();
    await expect.poll(async () => [...(await visible())].sort()).toEqual([...expected].sort());
    await page.screenshot({ path: path.join(ARTIFACTS, "gestures-05-show-only.png") });
    await page.getByRole("button", { name: "Undo" }).click();
    await expect.poll(async () => (await visible()).size).toBe(shown.size);
  });

  it("keeps a pinned node where it was dropped when the graph is refetched after a write", async () => {
    const pinned = (await sceneState()).scene.pins["state:kor"]!;
    expect(pinned).toBeDefined();
    const auth = { Authorization: `Bearer ${EDIT_TOKEN}`, "Content-Type": "application/json" };
    const etag = (await (await fetch(`${server.url}/api/edit/sources/${BRIEF}`, { headers: auth })).json()).etag;
    const created = await fetch(`${server.url}/api/edit/sources/${BRIEF}/nodes`, {
      method: "POST",
      headers: { ...auth, "If-Match": etag },
      body: JSON.stringify({
        id: "topic:gesture-test",
        type: "topic",
        label: "Gesture test topic",
        description: "A topic the gesture test adds.",
      }),
    });
    expect(created.status, await created.text()).toBe(201);
    await expect.poll(() => page.locator("#status").textContent(), { timeout: 20_000 }).toMatch(/The graph changed/);
    const node = (await hook((h) => h.node("state:kor")))!;
    expect({ x: node.x, y: node.y }).toEqual(pinned);
  });

  it("logged no console errors", () => {
    expect(errors).toEqual([]);
  });
});
