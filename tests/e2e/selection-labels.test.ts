// The labels around a selected node, in Chromium on the bundled brief with Tomás Ojea Quintana selected (the view of
// keyboard-table-enter.png, then zoomed in): the node has one label, its full name (the highlighted label replaces
// the short one, which used to stay drawn beside it), and its relations' labels cover no label, node's or relation's.
// What the label layer says it drew (`data-labels`, `data-edge-labels` on #graph) is checked against the canvases'
// own pixels, so that neither can pass without the other.
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, openExplorer, type Explorer } from "./explorer-harness";

const TARGET = "person:tomas-ojea-quintana";

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
type NodeLabel = Box & { node: string; lines: string[]; highlighted?: true };
type EdgeLabel = Box & { edge: string; text: string };

let explorer: Explorer;
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ explorer, page, errors } = await openExplorer({ width: 1440, height: 900 }));
}, 120_000);

afterAll(async () => {
  await explorer?.close();
});

function drawn(): Promise<{ nodes: NodeLabel[]; edges: EdgeLabel[] }> {
  return page.locator("#graph").evaluate((el) => ({
    nodes: JSON.parse(el.getAttribute("data-labels") ?? "[]") as NodeLabel[],
    edges: JSON.parse(el.getAttribute("data-edge-labels") ?? "[]") as EdgeLabel[],
  }));
}

/** Two boxes share more than a pixel's edge. */
const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;

/**
 * The inked pixels of one of sigma's 2D layers (`labels`, `edgeLabels`) that lie outside every box given (grown by
 * `margin` for the white halo drawn around the text), in CSS pixels: none when the layer drew only those labels.
 */
function inkOutside(layer: string, boxes: Box[], margin = 3): Promise<{ x: number; y: number }[]> {
  return page.evaluate(
    ({ layer, boxes, margin }) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`#graph canvas.sigma-${layer}`)!;
      const ratio = canvas.width / canvas.clientWidth;
      const { data, width, height } = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
      const stray: { x: number; y: number }[] = [];
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          if (data[(y * width + x) * 4 + 3]! < 16) continue;
          const [cx, cy] = [x / ratio, y / ratio];
          const inside = boxes.some(
            (b) =>
              cx >= b.x - margin && cx <= b.x + b.width + margin && cy >= b.y - margin && cy <= b.y + b.height + margin,
          );
          if (!inside) stray.push({ x: Math.round(cx), y: Math.round(cy) });
        }
      }
      return stray;
    },
    { layer, boxes, margin },
  );
}

/** Waits for a frame with the target highlighted, then checks every rule of this file on it. */
async function checkLabels(shot: string): Promise<{ nodes: NodeLabel[]; edges: EdgeLabel[] }> {
  await expect.poll(async () => (await drawn()).nodes.filter((l) => l.node === TARGET && l.highlighted).length).toBe(1);
  const labels = await drawn();

  // One label for the selected node: its full name, as the hover layer draws it.
  const own = labels.nodes.filter((l) => l.node === TARGET);
  expect(own).toHaveLength(1);
  expect(own[0]!.lines.join(" ")).toBe("Tomás Ojea Quintana");
  // The plain labels' layer draws only the plain labels listed, nothing under or beside the highlighted one.
  const plain = labels.nodes.filter((l) => !l.highlighted);
  expect(await inkOutside("labels", plain)).toEqual([]);

  // The relation labels drawn are those listed, and none covers another or any node's label.
  expect(labels.edges.length).toBeGreaterThan(0);
  expect(await inkOutside("edgeLabels", labels.edges)).toEqual([]);
  for (const [i, a] of labels.edges.entries()) {
    for (const b of labels.edges.slice(i + 1)) expect(overlaps(a, b), `${a.edge} covers ${b.edge}`).toBe(false);
    for (const node of labels.nodes) expect(overlaps(a, node), `${a.text} covers ${node.lines.join(" ")}`).toBe(false);
  }
  // The same words are not drawn twice side by side.
  for (const [i, a] of labels.edges.entries()) {
    for (const b of labels.edges.slice(i + 1)) {
      if (a.text !== b.text) continue;
      const distance = Math.hypot(a.x + a.width / 2 - (b.x + b.width / 2), a.y + a.height / 2 - (b.y + b.height / 2));
      expect(distance, `"${a.text}" twice`).toBeGreaterThanOrEqual(a.width);
    }
  }
  await page.screenshot({ path: path.join(ARTIFACTS, shot) });
  return labels;
}

describe("labels around a selected node", () => {
  it("draws the selected node's label once, by its full name, and its relations' labels clear of every label", async () => {
    const canvas = (await page.locator("#graph").boundingBox())!;
    const at = await page.evaluate(
      (id) =>
        (
          window as unknown as { rightsgraph: { node(id: string): { viewport: { x: number; y: number } } } }
        ).rightsgraph.node(id)!.viewport,
      TARGET,
    );
    await page.mouse.click(canvas.x + at.x, canvas.y + at.y);
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (window as unknown as { rightsgraph: { state(): { selection: unknown } } }).rightsgraph.state().selection,
        ),
      )
      .toEqual({ kind: "node", id: TARGET });
    // The pointer leaves the canvas: the node is selected, not hovered.
    await page.mouse.move(canvas.x + canvas.width + 40, canvas.y + 10);
    await checkLabels("selection-labels-fit.png");
  });

  it("keeps to the same rules zoomed in, where more relation labels find room", async () => {
    for (let i = 0; i < 2; i++) await page.getByRole("button", { name: "Zoom in" }).click();
    await expect
      .poll(() =>
        page.evaluate(
          () => (window as unknown as { rightsgraph: { camera(): { ratio: number } } }).rightsgraph.camera().ratio,
        ),
      )
      .toBeLessThan(0.6);
    await checkLabels("selection-labels-zoomed.png");
  });

  it("logged no console errors", () => {
    expect(errors).toEqual([]);
  });
});
