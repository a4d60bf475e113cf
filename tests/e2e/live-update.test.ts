// Edit mode in the browser: a write through the API reaches an open explorer by the event stream, which redraws the
// graph with the new node and claim without a reload, keeping the selection and every node where it was drawn.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath } from "../../scripts/test-tools";
import { loadDataset } from "../../src/data";
import { startServer, type RunningServer } from "../../src/server";
import { BRIEF, copyBundledData, EDIT_TOKEN } from "../helpers/edit-server";
import { ARTIFACTS, buildWeb, CHROMIUM_ARGS, collectErrors, legendCounts, waitForGraph } from "./explorer-harness";

const auth = { Authorization: `Bearer ${EDIT_TOKEN}`, "Content-Type": "application/json" };

let webDir: string;
let data: { dataDir: string; remove: () => void };
let server: RunningServer;
let browser: Browser;
let page: Page;
let errors: string[];

async function write(method: string, route: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const etag = (await (await fetch(`${server.url}/api/edit/sources/${BRIEF}`, { headers: auth })).json()).etag;
  const res = await fetch(`${server.url}${route}`, {
    method,
    headers: { ...auth, "If-Match": etag },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, json: await res.json() };
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  data = copyBundledData("rightsgraph-live-e2e");
  const [built, dataset] = await Promise.all([
    buildWeb(),
    loadDataset(data.dataDir, { suggestions: true, locateClaims: true }),
  ]);
  webDir = built;
  server = await startServer(dataset, {
    port: 0,
    host: "127.0.0.1",
    webDir,
    edit: { token: EDIT_TOKEN, suggestions: true, watch: false },
    log: () => {},
  });
  browser = await chromium.launch({ executablePath: chromiumPath(process.env), args: CHROMIUM_ARGS });
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  errors = collectErrors(page);
});

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await server?.close();
  data?.remove();
  if (webDir) rmSync(webDir, { recursive: true, force: true });
});

describe("an open explorer on a server in edit mode", () => {
  it("shows a new node and claim written through the API without a reload, keeping the selection", async () => {
    await page.goto(`${server.url}/#v=1&s=n%3Astate%3Akor`);
    await waitForGraph(page);
    await page.locator(".details .details-title", { hasText: "Republic of Korea" }).waitFor();
    expect(await legendCounts(page)).toMatchObject({ totalNodes: 81, totalEdges: 146 });
    // A marker set on the page's window would vanish with a reload.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));

    const node = await write("POST", `/api/edit/sources/${BRIEF}/nodes`, {
      id: "topic:human-rights-off-the-agenda",
      type: "topic",
      label: "Human rights off the diplomatic agenda",
      description: "Pyongyang's demand that human rights remain off the diplomatic agenda.",
    });
    expect(node.status).toBe(201);
    const claim = await write("POST", `/api/edit/sources/${BRIEF}/claims`, {
      type: "called-for",
      source: "state:prk",
      target: "topic:human-rights-off-the-agenda",
      modality: "asserted",
      evidence: { quote: "Pyongyang's demands that human rights remain off the diplomatic agenda", footnotes: [] },
      note: "Added by the live update test.",
    });
    expect(claim.status, JSON.stringify(claim.json)).toBe(201);

    await expect.poll(() => legendCounts(page), { timeout: 20_000 }).toMatchObject({ totalNodes: 82, totalEdges: 147 });
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    await expect.poll(() => page.locator("#status").textContent()).toMatch(/The graph changed \(version 3\)/);
    await page.locator(".details .details-title", { hasText: "Republic of Korea" }).waitFor();
    expect(page.url()).toContain("s=n%3Astate%3Akor");
    await page.screenshot({ path: path.join(ARTIFACTS, "edit-01-live-update.png") });

    // The new node can be found and opened like any other.
    await page.getByRole("searchbox", { name: "Search" }).focus();
    await page.keyboard.type("off the diplomatic agenda");
    await page
      .getByRole("listbox")
      .getByRole("option", { name: /Human rights off the diplomatic agenda/ })
      .waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.locator(".details .details-title", { hasText: "Human rights off the diplomatic agenda" }).waitFor();
    expect(await page.locator(".details .relation .quote").first().textContent()).toContain(
      "Pyongyang's demands that human rights remain off the diplomatic agenda",
    );
    await page.screenshot({ path: path.join(ARTIFACTS, "edit-02-new-node.png") });
  });

  it("drops the selection of a claim that a write removed, and logged no console errors", async () => {
    await page.goto(`${server.url}/#v=1&s=n%3Atopic%3Ahuman-rights-off-the-agenda`);
    await waitForGraph(page);
    await page.locator(".details .details-title", { hasText: "Human rights off the diplomatic agenda" }).waitFor();
    const claimId = "state:prk--called-for--topic:human-rights-off-the-agenda";
    expect((await write("DELETE", `/api/edit/sources/${BRIEF}/claims/${encodeURIComponent(claimId)}`)).status).toBe(
      200,
    );
    expect(
      (
        await write(
          "DELETE",
          `/api/edit/sources/${BRIEF}/nodes/${encodeURIComponent("topic:human-rights-off-the-agenda")}`,
        )
      ).status,
    ).toBe(200);
    await expect.poll(() => legendCounts(page), { timeout: 20_000 }).toMatchObject({ totalNodes: 81, totalEdges: 146 });
    await expect.poll(() => page.url()).not.toContain("s=n%3Atopic");
    expect(errors).toEqual([]);
  });
});
