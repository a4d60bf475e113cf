// The explorer's figures in a real Chromium: time to first paint (navigation to the first frame with the graph
// drawn) and frame times while the analyst pans and zooms (p50, p95, worst), on the opening view of a corpus (its
// overview) and on that scene filled to its cap.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { build } from "vite";
import { chromiumPath } from "../../scripts/test-tools";
import type { Dataset } from "../schema/types";
import { createApp, createServerContext } from "../server";
import { percentile } from "./summary-stats";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** How long the panning and zooming may take, in wall-clock time. */
const GESTURE_BUDGET_MS = 90_000;

export interface WebFigures {
  /** The browser's set-up (BROWSER_SETUPS' name) and what it reported: compositing and WebGL's renderer. */
  setup: string;
  compositing: string;
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
  setup: "",
  compositing: "",
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

/** What a view drew, in the page: nodes and the relations sigma draws (browser code as text: no DOM types here). */
async function drawnNow(page: Page): Promise<{ nodes: number; edges: number }> {
  return (await page.evaluate(
    "({ nodes: window.rightsgraph.visible().length, edges: window.rightsgraph.drawnEdges().length })",
  )) as { nodes: number; edges: number };
}

/** Opens the explorer at `url`; answers the time to first paint (navigation to the first frame with the canvas up). */
async function open(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.locator("#graph[data-ready=true] canvas").first().waitFor({ timeout: 120_000 });
  // The first frame sigma draws after the canvas is up, in the page's own clock (0 = navigation start).
  return (await page.evaluate("new Promise((done) => requestAnimationFrame(() => done(performance.now())))")) as number;
}

/** Asks `condition` every quarter of a second until it holds (the page's script policy forbids waitForFunction's). */
async function until(condition: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`bench:web: a condition did not hold within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Fills the overview's scene by opening its groups, largest first, until the line over the canvas says it is full;
 * then fits the camera to it. Answers the time from the first click to the first frame with the scene full.
 */
async function fillScene(page: Page): Promise<number> {
  const started = (await page.evaluate("performance.now()")) as number;
  const labels = page.locator(".community-label");
  const count = await labels.count();
  for (let i = 0; i < count; i++) {
    const before = (await page.evaluate("window.rightsgraph.state().scene.members.length")) as number;
    await labels.nth(i).press("Enter");
    await until(
      async () => ((await page.evaluate("window.rightsgraph.state().scene.members.length")) as number) > before,
    );
    if (((await page.locator(".scene-message").textContent()) ?? "").includes("The scene is full")) break;
  }
  const filled = (await page.evaluate(
    "new Promise((done) => requestAnimationFrame(() => done(performance.now())))",
  )) as number;
  await page.getByRole("button", { name: "Reset view" }).click();
  // The camera's animation is over when two looks a quarter of a second apart find it where it was.
  let camera = "";
  await until(async () => {
    const now = JSON.stringify(await page.evaluate("window.rightsgraph.camera()"));
    const still = now === camera;
    camera = now;
    return still;
  });
  return filled - started;
}

/**
 * A point of the canvas's empty stage, nearest its middle: the pan must grab the stage, as a reader does. A press on
 * a node drags the node (pinning it), and one on a group's name or a control over the canvas moves no camera at all
 * (before 1 December the gestures started on a group's name, and measured hovering, not panning).
 */
export async function emptyStage(page: Page): Promise<{ x: number; y: number }> {
  const found = (await page.evaluate(`(() => {
    const container = document.querySelector("#graph");
    const box = container.getBoundingClientRect();
    const api = window.rightsgraph;
    const discs = api.visible().map((id) => api.node(id)).filter(Boolean)
      .map((n) => ({ x: box.left + n.viewport.x, y: box.top + n.viewport.y, r: n.radius + 12 }));
    const middle = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    const points = [];
    for (let x = box.left + 40; x < box.right - 40; x += 10)
      for (let y = box.top + 40; y < box.bottom - 40; y += 10) points.push({ x, y });
    points.sort((a, b) => Math.hypot(a.x - middle.x, a.y - middle.y) - Math.hypot(b.x - middle.x, b.y - middle.y));
    return points.find((p) => {
      const under = document.elementFromPoint(p.x, p.y);
      return under instanceof HTMLCanvasElement && container.contains(under) &&
        discs.every((d) => Math.hypot(d.x - p.x, d.y - p.y) > d.r);
    }) ?? null;
  })()`)) as { x: number; y: number } | null;
  if (!found) throw new Error("bench:web: no empty stage to grab on the canvas");
  return found;
}

/** Frame times while the pointer pans and the wheel zooms over the canvas. */
async function measureFrames(
  page: Page,
  view: string,
): Promise<Pick<WebFigures, "frames" | "gestures" | "frameP50Ms" | "frameP95Ms" | "frameMaxMs">> {
  // Every animation frame's interval while the pointer pans and the wheel zooms.
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
  const centre = await emptyStage(page);
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
    frames: frames.length,
    gestures: `${done}/${steps.length}`,
    frameP50Ms: percentile(sorted, 50),
    frameP95Ms: percentile(sorted, 95),
    frameMaxMs: sorted.at(-1) ?? NaN,
  };
}

/** One view measured: opened (or built by `prepare` on the page as it is), drawn, photographed, panned and zoomed. */
async function measure(
  page: Page,
  view: string,
  prepare: () => Promise<number>,
  screenshot: string,
): Promise<WebFigures> {
  process.stderr.write(`bench:web: opening ${view}...\n`);
  const firstPaintMs = await prepare();
  const drawn = await drawnNow(page);
  await page.screenshot({ path: screenshot });
  return {
    ...NOT_MEASURED,
    view,
    nodesDrawn: drawn.nodes,
    edgesDrawn: drawn.edges,
    firstPaintMs,
    ...(await measureFrames(page, view)),
  };
}

/**
 * The ways Chromium is launched to measure. Both draw WebGL on SwiftShader (this machine has no GPU). "software" is
 * the browser tests' flags: with --disable-gpu the page is composited in software, so every frame each WebGL canvas is
 * read back to the renderer to be composited (a cost a browser with a GPU does not pay). "gpu" composites on the GPU
 * process, itself on SwiftShader: the WebGL canvases are handed to the compositor as textures, as on a reader's machine
 * with a GPU, though drawn far slower than a GPU would.
 */
export const BROWSER_SETUPS = {
  software: ["--disable-gpu"],
  gpu: ["--use-gl=angle", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist"],
} as const satisfies Record<string, readonly string[]>;
export type BrowserSetup = keyof typeof BROWSER_SETUPS;

export interface WebBenchOptions {
  /** Measure the whole view as before the overview too (`?cap=20000`: minutes on a software renderer). */
  whole: boolean;
  /** The browser set-ups to measure, one after the other. */
  setups: BrowserSetup[];
}

/** What the browser says it does: chrome://gpu's "Compositing" line and the WebGL renderer a page gets. */
async function browserFacts(browser: Browser): Promise<{ compositing: string; renderer: string }> {
  const page = await browser.newPage();
  try {
    await page.goto("chrome://gpu");
    // The page fills its report in after loading; its text is inside a shadow root.
    const read = (): Promise<string> =>
      page.evaluate(
        "(() => { const v = document.querySelector('info-view'); return (v && v.shadowRoot ? v.shadowRoot.textContent : document.body.textContent) || ''; })()",
      ) as Promise<string>;
    let text = "";
    await until(async () => /Compositing:/.test((text = await read())), 10_000).catch(() => {});
    const compositing = /Compositing:\s*([^*\n]*?)(?:\s*\*|\n|$)/.exec(text)?.[1]?.trim() ?? "unknown";
    await page.goto("about:blank");
    const renderer = (await page.evaluate(
      "(() => { const gl = document.createElement('canvas').getContext('webgl2'); const info = gl && gl.getExtension('WEBGL_debug_renderer_info'); return info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : 'no WebGL'; })()",
    )) as string;
    return { compositing, renderer };
  } finally {
    await page.close();
  }
}

/**
 * Serves `dataset` with the built explorer and measures its views: the overview, the overview's scene filled to its
 * cap by opening groups, and, with `whole`, the whole view.
 */
export async function measureWeb(
  dataset: Dataset,
  screenshotDir: string,
  options: WebBenchOptions = { whole: false, setups: ["software"] },
): Promise<WebFigures[]> {
  const webDir = await mkdtemp(path.join(tmpdir(), "rightsgraph-bench-web-"));
  await build({ configFile: path.join(ROOT, "web/vite.config.ts"), logLevel: "error", build: { outDir: webDir } });
  const server: Server = createServer(
    createApp(createServerContext(dataset), { webDir, onUnexpectedError: (error) => console.error(error) }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    const figures: WebFigures[] = [];
    for (const setup of options.setups) figures.push(...(await measureIn(setup, url, screenshotDir, options)));
    return figures;
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(webDir, { recursive: true, force: true });
  }
}

/** The views measured in one browser launched as `setup` says. */
async function measureIn(
  setup: BrowserSetup,
  url: string,
  screenshotDir: string,
  options: WebBenchOptions,
): Promise<WebFigures[]> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(process.env),
    args: ["--headless", "--no-sandbox", ...BROWSER_SETUPS[setup], "--disable-background-networking", "--no-first-run"],
  });
  try {
    const facts = await browserFacts(browser);
    process.stderr.write(`bench:web: ${setup}: compositing ${facts.compositing}; WebGL on ${facts.renderer}\n`);
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    const shot = (name: string): string => path.join(screenshotDir, `${setup}-${name}`);
    const views = [
      { view: "overview (scene)", prepare: () => open(page, url), shot: shot("web-overview.png") },
      // The same page: its groups opened until the scene holds as many nodes as it may.
      { view: "scene filled by opening groups", prepare: () => fillScene(page), shot: shot("web-filled.png") },
      // A cap above the corpus's size opens the whole view as before the overview: the 5,000 largest nodes.
      ...(options.whole
        ? [
            {
              view: "whole view (5,000 largest)",
              prepare: () => open(page, `${url}?cap=20000`),
              shot: shot("web-whole.png"),
            },
          ]
        : []),
    ];
    const figures: WebFigures[] = [];
    for (const { view, prepare, shot: screenshot } of views) {
      // A view that does not open in time is a row saying so: the views measured before it are kept.
      const measured = await measure(page, view, prepare, screenshot).catch((error: unknown) => {
        process.stderr.write(
          `bench:web: ${view}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}\n`,
        );
        return { ...NOT_MEASURED, view: `${view}: did not open` };
      });
      figures.push({ ...measured, setup, compositing: facts.compositing });
    }
    return figures;
  } finally {
    await browser.close();
  }
}

/** The figures as a plain-text table. */
export function formatWebTable(figures: WebFigures[]): string {
  const ms = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : "-");
  const rows = [
    [
      "browser",
      "compositing",
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
      f.setup,
      f.compositing,
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
