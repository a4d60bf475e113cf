// Harness for the web explorer's browser tests: build web/ into a temp folder, serve it with the real API on a free
// port, and drive Debian's Chromium (or RIGHTSGRAPH_CHROMIUM's) through playwright-core.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { build } from "vite";
import { chromiumPath } from "../../scripts/test-tools";
import { loadDataset } from "../../src/data";
import type { Dataset } from "../../src/schema/types";
import { createApp, createServerContext, type AppOptions } from "../../src/server";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const ARTIFACTS = path.join(ROOT, "tests/artifacts");

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface Explorer {
  url: string;
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
}

/** Build the web app with Vite's API into a fresh folder, so parallel test files never share an output. */
export async function buildWeb(): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), "rightsgraph-web-"));
  await build({
    configFile: path.join(ROOT, "web/vite.config.ts"),
    logLevel: "error",
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

/** Start the real server (the bundled graph, or `data`) on port 0 and a headless Chromium. */
export async function startExplorer(
  viewport = { width: 1280, height: 800 },
  data: Promise<Dataset> = loadDataset(),
  options: Pick<AppOptions, "include"> = {},
): Promise<Explorer> {
  const [webDir, dataset] = await Promise.all([buildWeb(), data]);
  const app = createApp(createServerContext(dataset), {
    webDir,
    onUnexpectedError: (error) => console.error("server error:", error),
    ...options,
  });
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: chromiumPath(process.env), args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  return {
    url: `http://127.0.0.1:${port}/`,
    browser,
    context,
    async close() {
      await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(webDir, { recursive: true, force: true });
    },
  };
}

/**
 * The explorer (the bundled graph unless `data`) opened in a page of its own browser, the graph drawn, the page's
 * errors collected: how most browser test files begin.
 */
export async function openExplorer(
  viewport?: { width: number; height: number },
  data?: Promise<Dataset>,
): Promise<{ explorer: Explorer; page: Page; errors: string[] }> {
  const explorer = await startExplorer(viewport, data);
  const page = await explorer.context.newPage();
  const errors = collectErrors(page);
  await page.goto(explorer.url);
  await waitForGraph(page);
  return { explorer, page, errors };
}

/** Collect console errors and uncaught exceptions of a page. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

/** Wait until the canvas is up and the legend counts are written. */
export async function waitForGraph(page: Page): Promise<void> {
  await page.locator("#graph[data-ready=true] canvas").first().waitFor();
  await page.locator("#view-counts [data-count=nodes]").waitFor();
}

/** The counts the legend shows: "71 of 71 nodes" -> { shown: 71, total: 71 }. */
export async function legendCounts(
  page: Page,
): Promise<{ nodes: number; totalNodes: number; edges: number; totalEdges: number }> {
  const read = async (which: string): Promise<[number, number]> => {
    const text = (await page.locator(`#view-counts [data-count=${which}]`).textContent()) ?? "";
    const m = /(\d+) of (\d+)/.exec(text);
    if (!m) throw new Error(`legend count "${text}" unreadable`);
    return [Number(m[1]), Number(m[2])];
  };
  const [nodes, totalNodes] = await read("nodes");
  const [edges, totalEdges] = await read("edges");
  return { nodes, totalNodes, edges, totalEdges };
}

/** The explorer's read-only looks for scripts (`window.rightsgraph`, see the README), as the tests use them. */
export interface ExplorerLooks {
  node(id: string): { viewport: { x: number; y: number } } | null;
  visible(): string[];
  camera(): { x: number; y: number; ratio: number; angle: number };
}
