// The set-up the edit-mode browser tests share: a copy of the bundled data (prepared as a test needs), the web app
// built, `serve --edit` on it in this process (port 0) and a Chromium page collecting its errors. The server can be
// stopped and started again on the same copy (the restart check of the authoring loop).
import { mkdirSync, rmSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { chromiumPath } from "../../scripts/test-tools";
import { loadDataset } from "../../src/data";
import type { Dataset } from "../../src/schema/types";
import { startServer, type RunningServer } from "../../src/server";
import { BRIEF, copyBundledData, EDIT_TOKEN } from "../helpers/edit-server";
import { ARTIFACTS, buildWeb, CHROMIUM_ARGS, collectErrors } from "./explorer-harness";

export interface EditModeExplorerOptions {
  /** Prefix of the temporary data folder. */
  prefix: string;
  /** Changes the data copy before the first load (add a source, ingest a report). */
  prepare?: (dataDir: string) => void | Promise<void>;
  /** Whether edit mode shows suggested records (as `serve --edit` does); true unless said. */
  suggestions?: boolean;
  /** Whether the server watches the data folder for hand edits. */
  watch?: boolean;
  viewport?: { width: number; height: number };
  acceptDownloads?: boolean;
}

export interface EditModeExplorer {
  /** The server's address (ends without a slash). */
  readonly url: string;
  readonly dataDir: string;
  /** The dataset the server was last started with. */
  readonly dataset: Dataset;
  readonly browser: Browser;
  readonly page: Page;
  /** Console errors and uncaught exceptions of the page. */
  readonly errors: string[];
  /** A write to the edit API with the token and the source's current ETag as If-Match. */
  write(method: string, route: string, body?: unknown, sourceId?: string): Promise<{ status: number; json: unknown }>;
  /** Stops the server and starts it again on the same data folder (loaded afresh); the page stays open. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export const EDIT_HEADERS = { Authorization: `Bearer ${EDIT_TOKEN}`, "Content-Type": "application/json" };

/** Starts the data copy, the server in edit mode and a Chromium page on nothing yet (the test opens its address). */
export async function startEditModeExplorer(options: EditModeExplorerOptions): Promise<EditModeExplorer> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const suggestions = options.suggestions ?? true;
  const data = copyBundledData(options.prefix);
  await options.prepare?.(data.dataDir);
  const load = () => loadDataset(data.dataDir, { suggestions, locateClaims: true });
  const [webDir, first] = await Promise.all([buildWeb(), load()]);
  let dataset = first;
  const serve = (port: number) =>
    startServer(dataset, {
      port,
      host: "127.0.0.1",
      webDir,
      edit: { token: EDIT_TOKEN, suggestions, watch: options.watch === true },
      log: () => {},
    });
  let server: RunningServer = await serve(0);
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath(process.env), args: CHROMIUM_ARGS });
  const page = await (
    await browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 800 },
      acceptDownloads: options.acceptDownloads ?? false,
    })
  ).newPage();
  const errors = collectErrors(page);
  return {
    get url() {
      return server.url.replace(/\/$/, "");
    },
    dataDir: data.dataDir,
    get dataset() {
      return dataset;
    },
    browser,
    page,
    errors,
    async write(method, route, body, sourceId = BRIEF) {
      const source = await fetch(`${server.url.replace(/\/$/, "")}/api/edit/sources/${sourceId}`, {
        headers: EDIT_HEADERS,
      });
      const etag = ((await source.json()) as { etag: string }).etag;
      const res = await fetch(`${server.url.replace(/\/$/, "")}${route}`, {
        method,
        headers: { ...EDIT_HEADERS, "If-Match": etag },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, json: await res.json() };
    },
    async restart() {
      const port = Number(new URL(server.url).port);
      await server.close();
      dataset = await load();
      server = await serve(port);
    },
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
      data.remove();
      rmSync(webDir, { recursive: true, force: true });
    },
  };
}
