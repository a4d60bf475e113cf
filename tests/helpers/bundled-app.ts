// The real app on the bundled graph, built once per test worker (loading and layout are the slow part): the unit tier
// runs without isolation, so the files of a worker share it.
import { createApp, createServerContext, DEFAULT_WEB_DIR, type ServerContext } from "../../src/server";
import type { Express } from "express";
import { bundledDataset } from "./bundled-dataset";

let cached: Promise<{ app: Express; context: ServerContext; unexpected: unknown[] }> | undefined;

/** The app, its context, and the unexpected errors it reported (a test asserts there are none). */
export function bundledApp() {
  cached ??= bundledDataset().then((dataset) => {
    const context = createServerContext(dataset);
    const unexpected: unknown[] = [];
    const app = createApp(context, { webDir: DEFAULT_WEB_DIR, onUnexpectedError: (e) => unexpected.push(e) });
    return { app, context, unexpected };
  });
  return cached;
}

/**
 * A server context of its own on the bundled dataset (its own engine, for a test to spy on), laid out from the shared
 * app's layout rather than afresh: the same positions, without running the layout again for each test.
 */
export async function freshBundledContext(): Promise<ServerContext> {
  const { context } = await bundledApp();
  return createServerContext(context.dataset, undefined, context.display);
}
