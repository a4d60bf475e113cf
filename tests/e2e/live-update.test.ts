// Edit mode in the browser: a write through the API reaches an open explorer by the event stream, which redraws the
// graph with the new node and claim without a reload, keeping the selection and every node where it was drawn.
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BRIEF } from "../helpers/edit-server";
import { startEditModeExplorer, type EditModeExplorer } from "./edit-mode-explorer";
import { ARTIFACTS, legendCounts, waitForGraph } from "./explorer-harness";

// A redraw waits on the event stream, a refetch of the graph and sigma's refill: on a starved machine (load 20 on
// two cores) that took more than the default 30 s once. Each wait is on its condition, so a redraw that never comes
// still fails, at this bound.
const REDRAW = { timeout: 60_000 };

let explorer: EditModeExplorer;
let page: Page;
let errors: string[];
const write = (method: string, route: string, body?: unknown) => explorer.write(method, route, body);

beforeAll(async () => {
  explorer = await startEditModeExplorer({ prefix: "rightsgraph-live-e2e" });
  ({ page, errors } = explorer);
}, 240_000);

afterAll(() => explorer?.close());

describe("an open explorer on a server in edit mode", () => {
  it(
    "shows a new node and claim written through the API without a reload, keeping the selection",
    { timeout: 180_000 },
    async () => {
      await page.goto(`${explorer.url}/#v=1&s=n%3Astate%3Akor`);
      await waitForGraph(page);
      await page.locator(".details .details-title", { hasText: "Republic of Korea" }).waitFor(REDRAW);
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

      await expect.poll(() => legendCounts(page), REDRAW).toMatchObject({ totalNodes: 82, totalEdges: 147 });
      expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
      await expect.poll(() => page.locator("#status").textContent(), REDRAW).toMatch(/The graph changed \(version 3\)/);
      await page.locator(".details .details-title", { hasText: "Republic of Korea" }).waitFor(REDRAW);
      expect(page.url()).toContain("s=n%3Astate%3Akor");
      await page.screenshot({ path: path.join(ARTIFACTS, "edit-01-live-update.png") });

      // The new node can be found and opened like any other.
      await page.getByRole("searchbox", { name: "Search" }).focus();
      await page.keyboard.type("off the diplomatic agenda");
      await page
        .getByRole("listbox")
        .getByRole("option", { name: /Human rights off the diplomatic agenda/ })
        .waitFor(REDRAW);
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
      await page
        .locator(".details .details-title", { hasText: "Human rights off the diplomatic agenda" })
        .waitFor(REDRAW);
      expect(await page.locator(".details .relation .quote").first().textContent()).toContain(
        "Pyongyang's demands that human rights remain off the diplomatic agenda",
      );
      await page.screenshot({ path: path.join(ARTIFACTS, "edit-02-new-node.png") });
    },
  );

  it(
    "drops the selection of a claim that a write removed, and logged no console errors",
    { timeout: 180_000 },
    async () => {
      await page.goto(`${explorer.url}/#v=1&s=n%3Atopic%3Ahuman-rights-off-the-agenda`);
      await waitForGraph(page);
      await page
        .locator(".details .details-title", { hasText: "Human rights off the diplomatic agenda" })
        .waitFor(REDRAW);
      const claimId = "state:prk--called-for--topic:human-rights-off-the-agenda";
      expect((await write("DELETE", `/api/edit/sources/${BRIEF}/claims/${encodeURIComponent(claimId)}`)).status).toBe(
        200,
      );
      // The page redraws (and asks again for the node's details and sources) before the next write: a request of
      // that redraw reaching the server after the node is deleted would be a 404 of the test's own making.
      await expect.poll(() => legendCounts(page), REDRAW).toMatchObject({ totalNodes: 82, totalEdges: 146 });
      await page.waitForLoadState("networkidle");
      expect(
        (
          await write(
            "DELETE",
            `/api/edit/sources/${BRIEF}/nodes/${encodeURIComponent("topic:human-rights-off-the-agenda")}`,
          )
        ).status,
      ).toBe(200);
      await expect.poll(() => legendCounts(page), REDRAW).toMatchObject({ totalNodes: 81, totalEdges: 146 });
      await expect.poll(() => page.url(), REDRAW).not.toContain("s=n%3Atopic");
      expect(errors).toEqual([]);
    },
  );
});
