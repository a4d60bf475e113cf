// The details panel with several sources, in Chromium: the bundled brief and a fictional second source that repeats
// one of its claims and contradicts another. A claim lists every source that states it with its quote; two sources
// that disagree are shown side by side; a node lists the sources that mention it. In edit mode, the panel is drawn
// again when a write changes what it shows.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addSecondSource } from "../fixtures/second-source/add-second-source";
import { BRIEF, EDIT_TOKEN } from "../helpers/edit-server";
import { lineDiff } from "../helpers/line-diff";
import { startEditModeExplorer, type EditModeExplorer } from "./edit-mode-explorer";
import { ARTIFACTS, waitForGraph } from "./explorer-harness";

const DECLINED = "state:kor--declined--doc:un:a-c.3-74-l.26";
const ADOPTED = "un:general-assembly--adopted--doc:un:a-res-74-166";
/** The brief as the source reader is titled: its document's name, not its source title (the country's). */
const BRIEF_TITLE = "Democratic People's Republic of Korea (country brief, 2020)";
const SECOND_TITLE = "A second report on the DPRK (fictional test fixture)";

let explorer: EditModeExplorer;

beforeAll(async () => {
  explorer = await startEditModeExplorer({
    prefix: "rightsgraph-sources-e2e",
    prepare: addSecondSource,
    viewport: { width: 1440, height: 900 },
  });
}, 240_000);

afterAll(() => explorer?.close());

const open = async (selection: string) => {
  await explorer.page.goto(`${explorer.url}/#v=1&s=${encodeURIComponent(selection)}`);
  await waitForGraph(explorer.page);
};

describe("the details panel with two sources", () => {
  it("lists both sources that state a claim, each with its name and quote", { timeout: 60_000 }, async () => {
    const { page } = explorer;
    await open(`e:${ADOPTED}`);
    const sources = page.locator(".details .claim-source");
    await expect.poll(() => sources.count(), { timeout: 30_000 }).toBe(2);
    expect(await page.locator(".details .sources-title").first().textContent()).toBe("Stated in 2 sources");
    expect(await sources.locator(".source-title").allTextContents()).toEqual([BRIEF_TITLE, SECOND_TITLE]);
    const quotes = await sources.locator(".quote").allTextContents();
    expect(quotes).toHaveLength(2);
    expect(quotes[0]).toContain("passed by consensus without a vote");
    expect(quotes[1]).toContain("On 18 December 2019 the UN General Assembly adopted resolution 74/166");
    // The reader, opened on the claim's quote, names the brief as the panel does.
    await expect.poll(() => page.locator(".reader .reader-title").textContent()).toBe(BRIEF_TITLE);
  });

  it("shows two sources that disagree side by side, with their names and quotes", { timeout: 60_000 }, async () => {
    const { page } = explorer;
    await open(`e:${DECLINED}`);
    const disagreement = page.locator(".details .disagreement");
    await disagreement.waitFor({ timeout: 30_000 });
    expect(await page.locator(".details .disagreements-title").textContent()).toBe("Sources disagree (1)");
    expect(await disagreement.locator(".disagreement-kinds").textContent()).toBe(
      "Differs: another relation; another date",
    );
    const sides = disagreement.locator(".disagreement-side");
    expect(await sides.locator(".source-title").allTextContents()).toEqual([BRIEF_TITLE, SECOND_TITLE]);
    const quotes = await sides.locator(".quote").allTextContents();
    expect(quotes[0]).toContain("the Republic of Korea (ROK) declined to co-sponsor the resolution");
    expect(quotes[1]).toContain("The Republic of Korea co-sponsored the draft resolution A/C.3/74/L.26");
    // Side by side: the second column starts to the right of the first, on the same row.
    const [a, b] = [await sides.nth(0).boundingBox(), await sides.nth(1).boundingBox()];
    expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1);
    expect(Math.abs(b!.y - a!.y)).toBeLessThan(2);
    await disagreement.scrollIntoViewIfNeeded();
    // The reader's tools in edit mode (source, New claim, Edit claim, Enlarge, Close) all stay inside its panel.
    const outside = await page.locator(".reader-tools").evaluate((tools) => {
      const panel = tools.closest(".reader")!.getBoundingClientRect();
      return [...tools.children]
        .filter((tool) => tool.getBoundingClientRect().right > panel.right + 0.5)
        .map((tool) => tool.textContent);
    });
    expect(outside).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, "details-sources-disagree.png") });
  });

  it("lists the sources that mention a node with a count of claims each", { timeout: 60_000 }, async () => {
    const { page } = explorer;
    await open("n:state:kor");
    const items = page.locator(".details .node-sources li");
    await expect.poll(() => items.count(), { timeout: 30_000 }).toBe(2);
    const texts = await items.allTextContents();
    expect(texts[0]!.startsWith(`${BRIEF_TITLE} · `)).toBe(true);
    expect(texts[0]).toMatch(/ · \d+ claims$/);
    expect(texts[1]).toBe(`${SECOND_TITLE} · 1 claim`);
  });
});

describe("the details panel after a live change", () => {
  it("draws the selected claim again when a write changes it, without a reload", { timeout: 60_000 }, async () => {
    const { page } = explorer;
    await open(`e:${DECLINED}`);
    await page.locator(".details .disagreement").waitFor({ timeout: 30_000 });
    const title = page.locator(".details .details-title");
    expect(await title.textContent()).toBe(
      "The Republic of Korea declined to co-sponsor A/C.3/74/L.26, for the first time since 2008.",
    );
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    const res = await explorer.write("PATCH", `/api/edit/sources/${BRIEF}/claims/${encodeURIComponent(DECLINED)}`, {
      precedent: null,
      date: "2019-11",
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    // The new date is a prefix-match with the second source's: they now disagree about the type only.
    await expect
      .poll(() => page.locator(".details .disagreement-kinds").textContent(), { timeout: 30_000 })
      .toBe("Differs: another relation");
    await expect
      .poll(() => title.textContent(), { timeout: 30_000 })
      .toBe("The Republic of Korea declined to co-sponsor A/C.3/74/L.26.");
    expect(await page.locator(".details .props").textContent()).not.toContain("first time since 2008");
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    expect(explorer.errors).toEqual([]);
  });
});

describe("editing an existing claim from the reader", () => {
  it(
    "opens the marked claim in the form, saves it with If-Match, and the YAML diff is that record",
    { timeout: 90_000 },
    async () => {
      const { page } = explorer;
      const file = path.join(explorer.dataDir, "sources", BRIEF, "graph.yaml");
      const before = readFileSync(file, "utf8");
      const claims = (await (await fetch(`${explorer.url}/api/nodes/state:usa`)).json()) as {
        edges: { id: string; label: string; date?: string; evidence: { quote: string } }[];
      };
      const blocked = claims.edges.find((e) => e.label === "effectively blocked")!;
      expect(blocked.date).toBe("2019-12");
      // A fresh document: the explorer takes the token from the fragment when it starts, as `serve --edit` prints it.
      await page.goto("about:blank");
      await page.goto(`${explorer.url}/#token=${EDIT_TOKEN}`);
      await waitForGraph(page);
      await open(`e:${blocked.id}`);
      const reader = page.locator(".reader");
      // A click on the claim's marked quote selects it; "Edit claim" opens its record in the form.
      const mark = reader.locator(`.claim-quote[data-claims~="${blocked.id}"]`).first();
      await mark.waitFor({ timeout: 30_000 });
      await mark.click();
      await reader.getByRole("button", { name: "Edit claim" }).click();
      await page.locator(".claim-form").waitFor({ state: "visible" });
      expect(await page.locator("#claim-form-title").textContent()).toBe("Edit the claim");
      expect(await page.locator(".form-quote").textContent()).toBe(blocked.evidence.quote);
      expect(await page.locator("#claim-date").inputValue()).toBe("2019-12");
      await page.locator("#claim-date").fill("2019-12-10");
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect
        .poll(() => page.locator(".claim-form .form-message").textContent(), { timeout: 30_000 })
        .toMatch(/^Saved: /);

      // The details panel and the canvas's graph follow without a reload.
      await expect
        .poll(() => page.locator(".details .edge-date, .details .evidence-meta").first().textContent(), {
          timeout: 30_000,
        })
        .toContain("10 Dec 2019");
      const after = readFileSync(file, "utf8");
      const block = lineDiff(before, after);
      const label = before.indexOf("    label: effectively blocked");
      const recordStart = before.slice(0, before.lastIndexOf("\n  - ", label) + 1).split("\n").length;
      const nextRecord = before.indexOf("\n  - ", label);
      const recordEnd = before.slice(0, nextRecord).split("\n").length;
      expect(block.from).toBeGreaterThanOrEqual(recordStart);
      expect(block.from + block.removed.length - 1).toBeLessThanOrEqual(recordEnd);
      expect(block.added.join("\n")).toContain('date: "2019-12-10"');
      expect(explorer.errors).toEqual([]);
    },
  );
});
