// Every node reachable from the keyboard, in Chromium on the bundled brief: a script that only presses keys turns the
// bibliography on, walks the Table's rows with the arrow keys (every node of GET /api/graph, counted), opens one with
// Enter (selected on the canvas, the focus in its details), and finds its row again with Tab. Each control the keys
// land on draws its focus ring.
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphResponse } from "../../src/api/contract";
import { ARTIFACTS, openExplorer, waitForGraph, type Explorer } from "./explorer-harness";

const TARGET = "person:tomas-ojea-quintana";

let explorer: Explorer;
let page: Page;
let errors: string[];

/** What has the keyboard focus: enough to tell the controls apart, and whether its focus ring is drawn. */
interface Focused {
  id: string;
  role: string | null;
  text: string;
  /** The table row (its node or relation id) when the focus is on a row's button. */
  row: string | null;
  /** Inside the details tab. */
  inDetails: boolean;
  ring: boolean;
}

function focused(): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    return {
      id: el.id,
      role: el.getAttribute("role"),
      text: (el.textContent ?? "").trim(),
      row: el.classList.contains("row-button") ? (el.closest("tr")?.dataset.id ?? null) : null,
      inDetails: Boolean(el.closest("#tabpanel-details")),
      ring: outline || style.boxShadow !== "none",
    };
  });
}

/** Press Tab (Shift+Tab with `back`) until `until` holds, at most `limit` times; the focus ring is checked on each. */
async function tabTo(until: (f: Focused) => boolean, back = false, limit = 300): Promise<Focused> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const now = await focused();
    expect(now.ring, `focus ring on ${JSON.stringify(now)}`).toBe(true);
    if (until(now)) return now;
  }
  throw new Error(`Tab never reached the control asked for; the focus is on ${JSON.stringify(await focused())}`);
}

beforeAll(async () => {
  ({ explorer, page, errors } = await openExplorer({ width: 1440, height: 900 }));
}, 120_000);

afterAll(async () => {
  await explorer?.close();
});

describe("every node from the keyboard", () => {
  it(
    "walks every node of the graph in the Table with the arrow keys, with a focus ring on each row",
    { timeout: 180_000 },
    async () => {
      const graph = (await (await fetch(new URL("/api/graph", explorer.url))).json()) as GraphResponse;
      const all = graph.nodes.map((n) => n.key);
      expect(all.length).toBe(graph.counts.nodes);
      // Afresh, so that the keys start from the top of the page.
      await page.goto(explorer.url);
      await waitForGraph(page);

      // Keys only from here: the folded bibliography comes back with its check box, then the Table tab, then its rows.
      await tabTo((f) => f.id === "show-bibliography");
      await page.keyboard.press("Space");
      await expect.poll(() => page.locator("#show-bibliography").isChecked()).toBe(true);
      await tabTo((f) => f.role === "tab");
      for (let i = 0; i < 5 && (await focused()).text !== "Table"; i++) await page.keyboard.press("ArrowRight");
      expect((await focused()).text).toBe("Table");
      await tabTo((f) => f.row !== null);
      await page.keyboard.press("Home");

      const walked: string[] = [];
      for (let now = await focused(); now.row !== null && now.row !== walked.at(-1); now = await focused()) {
        expect(now.ring, `focus ring on row ${now.row}`).toBe(true);
        walked.push(now.row);
        await page.keyboard.press("ArrowDown");
      }
      expect(walked).toHaveLength(all.length);
      expect([...walked].sort()).toEqual([...all].sort());
      // One row takes Tab, so the rows are one stop, not seventy-odd, on the way through the page.
      await expect(page.locator('.data-table .row-button[tabindex="0"]').count()).resolves.toBe(1);
      await page.screenshot({ path: path.join(ARTIFACTS, "keyboard-table-rows.png") });

      // Page Up, Page Down and End move by ten rows and to the last.
      await page.keyboard.press("Home");
      await page.keyboard.press("PageDown");
      expect((await focused()).row).toBe(walked[10]);
      await page.keyboard.press("End");
      expect((await focused()).row).toBe(walked.at(-1));
    },
  );

  it(
    "opens a row with Enter: selected on the canvas, its details in front with the focus, and its row a Tab away",
    { timeout: 120_000 },
    async () => {
      const rows = await page.locator(".data-table tbody tr").evaluateAll((trs) => trs.map((tr) => tr.dataset.id));
      const at = rows.indexOf(TARGET);
      expect(at).toBeGreaterThan(0);
      await page.keyboard.press("Home");
      for (let i = 0; i < at; i++) await page.keyboard.press("ArrowDown");
      expect((await focused()).row).toBe(TARGET);
      await page.keyboard.press("Enter");

      await expect
        .poll(() =>
          page.evaluate(() => (window as unknown as { rightsgraph: { state(): unknown } }).rightsgraph.state()),
        )
        .toMatchObject({ selection: { kind: "node", id: TARGET } });
      await expect(page.getByRole("tab", { name: "Details" }).getAttribute("aria-selected")).resolves.toBe("true");
      expect((await focused()).inDetails).toBe(true);
      await expect.poll(() => page.locator(".details .details-title").textContent()).toBe("Tomás Ojea Quintana");
      await expect.poll(() => page.url()).toContain(`s=n%3A${encodeURIComponent(TARGET)}`);
      await page.screenshot({ path: path.join(ARTIFACTS, "keyboard-table-enter.png") });

      // Back to the table: its tab, then Tab lands on the row just opened, not on the first.
      await tabTo((f) => f.role === "tab", true);
      for (let i = 0; i < 5 && (await focused()).text !== "Table"; i++) await page.keyboard.press("ArrowRight");
      const row = await tabTo((f) => f.row !== null);
      expect(row.row).toBe(TARGET);
    },
  );

  it("logged no console errors", () => {
    expect(errors).toEqual([]);
  });
});
