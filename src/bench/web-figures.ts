// The explorer's figures in a real Chromium: time to first paint (navigation to the first frame with the graph
// drawn) and frame times while the analyst pans and zooms (p50, p95, worst), on the opening view of a corpus.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Page } from "playwright-core";
import { build } from "vite";
import { chromiumPath } from "../../scripts/test-tools";
import type { Dataset } from "../schema/types";
import { createApp, createServerContext } from "../server";
import { percentile } from "./summary-stats";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** How long the panning and zooming may take, in wall-clock time. */
const GESTURE_BUDGET_MS = 90_000;

export interface WebFigures {
  view: string;
  nodesDrawn: number;
  edgesDrawn: number;
  firstPaintMs: number;
  frames: number;
  /** Input events sent while measuring frames, of all planned (fewer when the budget ran out). */
  gestures: string;
  frameP50Ms: number;
  frameP95Ms: number;
  frameMaxMs: number;
}

const NOT_MEASURED: WebFigures = {
  view: "",
  nodesDrawn: NaN,
  edgesDrawn: NaN,
  firstPaintMs: NaN,
  frames: 0,
  gestures: "0/0",
  frameP50Ms: NaN,
  frameP95Ms: NaN,
  frameMaxMs: NaN,
};

/** One opening of the explorer on `query` (`?cap=` chooses the overview or the whole view), measured. */
async function measure(page: Page, url: string, view: string, screenshot?: string): Promise<WebFigures> {
  process.stderr.write(`bench:web: opening ${view}...\n`);
  await page.goto(url);
  await page.locator("#graph[data-ready=true] canvas").first().waitFor({ timeout: 120_000 });
  // The first frame sigma draws after the canvas is up, in the page's own clock (0 = navigation start).
  // Browser code as text: this file is compiled for Node, without the DOM's types.
  const firstPaintMs = (await page.evaluate(
    "new Promise((done) => requestAnimationFrame(() => done(performance.now())))",
  )) as number;
  const drawn = (await page.evaluate(`({
    nodes: window.rightsgraph.visible().length,
    edges: Number((/(\\d[\\d,]*) of/.exec(document.querySelector("#view-counts [data-count=edges]")?.textContent ?? "") ?? [])[1]?.replace(/,/g, "") ?? NaN),
  })`)) as { nodes: number; edges: number };
  if (screenshot) await page.screenshot({ path: screenshot });

  // Frame times: every animation frame's interval while the pointer pans and the wheel zooms.
  await page.evaluate(`(() => {
    window.benchFrames = [];
    window.benchRecording = true;
    let last = performance.now();
    const tick = (now) => {
      window.benchFrames.push(now - last);
      last = now;
      if (window.benchRecording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  process.stderr.write(`bench:web: ${view} drawn; panning and zooming...\n`);
  const box = (await page.locator("#graph").boundingBox())!;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height * 0.6 };
  // The gestures, one input event each: Chromium answers an input event once the page has handled it, so on a
  // software renderer where a frame takes a second the whole set takes minutes. They stop at GESTURE_BUDGET_MS
  // (the frames measured say how far they got) rather than leave the run hanging.
  const steps: (() => Promise<void>)[] = [];
  const drag = (dx: number, dy: number, count: number): void => {
    for (let i = 1; i <= count; i++) {
      steps.push(() => page.mouse.move(centre.x + (dx * i) / count, centre.y + (dy * i) / count));
    }
  };
  for (let round = 0; round < 2; round++) {
    steps.push(
      () => page.mouse.move(centre.x, centre.y),
      () => page.mouse.down(),
    );
    drag(200, 80, 15);
    drag(-150, -60, 15);
    steps.push(() => page.mouse.up());
    for (let i = 0; i < 8; i++) steps.push(() => page.mouse.wheel(0, i < 4 ? -240 : 240));
  }
  const started = Date.now();
  let done = 0;
  for (const step of steps) {
    if (Date.now() - started > GESTURE_BUDGET_MS) break;
    await step();
    done += 1;
  }
  if (done < steps.length) await page.mouse.up();
  process.stderr.write(`bench:web: ${view}: ${done} of ${steps.length} gestures in ${Date.now() - started} ms\n`);
  const frames = (await page.evaluate("(window.benchRecording = false, window.benchFrames.slice(1))")) as number[];
  const sorted = [...frames].sort((a, b) => a - b);
  return {
    view,
    nodesDrawn: drawn.nodes,
    edgesDrawn: drawn.edges,
    firstPaintMs,
    frames: frames.length,
    gestures: `${done}/${steps.length}`,
    frameP50Ms: percentile(sorted, 50),
    frameP95Ms: percentile(sorted, 95),
    frameMaxMs: sorted.at(-1) ?? NaN,
  };
}

/** Serves `dataset` with the built explorer and measures its opening views: the overview, and the whole view. */
export async function measureWeb(dataset: Dataset, screenshotDir: string): Promise<WebFigures[]> {
  const webDir = await mkdtemp(path.join(tmpdir(), "rightsgraph-bench-web-"));
  await build({ configFile: path.join(ROOT, "web/vite.config.ts"), logLevel: "error", build: { outDir: webDir } });
  const server: Server = createServer(
    createApp(createServerContext(dataset), { webDir, onUnexpectedError: (error) => console.error(error) }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({
    executablePath: chromiumPath(process.env),
    // The browser tests' flags: software WebGL (SwiftShader), as on a machine without a GPU.
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    const views = [
      { view: "overview (scene)", url, shot: "web-overview.png" },
      // A cap above the corpus's size opens the whole view as before the overview: the 5,000 largest nodes.
      { view: "whole view (5,000 largest)", url: `${url}?cap=20000`, shot: "web-whole.png" },
    ];
    const figures: WebFigures[] = [];
    for (const { view, url: address, shot } of views) {
      // A view that does not open in time is a row saying so: the views measured before it are kept.
      const measured = await measure(page, address, view, path.join(screenshotDir, shot)).catch((error: unknown) => {
        process.stderr.write(
          `bench:web: ${view}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}\n`,
        );
        return { ...NOT_MEASURED, view: `${view}: did not open` };
      });
      figures.push(measured);
    }
    return figures;
  } finally {
    await browser.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(webDir, { recursive: true, force: true });
  }
}

/** The figures as a plain-text table. */
export function formatWebTable(figures: WebFigures[]): string {
  const ms = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : "-");
  const rows = [
    [
      "view",
      "nodes",
      "edges",
      "first paint",
      "gestures",
      "frames",
      "frame p50",
      "frame p95 (goal < 33 ms)",
      "worst frame",
    ],
    ...figures.map((f) => [
      f.view,
      Number.isFinite(f.nodesDrawn) ? String(f.nodesDrawn) : "-",
      Number.isFinite(f.edgesDrawn) ? String(f.edgesDrawn) : "-",
      ms(f.firstPaintMs),
      f.gestures,
      String(f.frames),
      ms(f.frameP50Ms),
      `${ms(f.frameP95Ms)}${f.frameP95Ms < 33 ? " ok" : " MISSED"}`,
      ms(f.frameMaxMs),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join("  ")).join("\n");
}
