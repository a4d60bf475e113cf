// The path finder in a real Chromium against the real server: names typed and resolved as the CLI resolves them,
// the two rankings, each step's own arrow, nodes to pass through and to avoid, an ambiguous name refused.
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { citedHtmlDocument, citedPathMarkdown } from "../../src/export";
import { createQueryEngine } from "../../src/query";
import { buildDataset } from "../helpers/query-fixture";
import { ARTIFACTS, openExplorer, type Explorer } from "./explorer-harness";

const DEBATE = "UN Security Council debate on human rights in the DPRK (December 2019, not held)";
const DRAFT = "China–Russia draft Security Council resolution on DPRK sanctions (December 2019)";

let explorer: Explorer;
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ explorer, page, errors } = await openExplorer());
}, 120_000);

afterAll(async () => {
  await explorer?.close();
});

/**
 * Submits the path form as its button does, marking the answer shown so far as stale, so that `pathHeaders` waits
 * for the new one.
 */
async function submit(): Promise<void> {
  await page.evaluate(() => document.querySelector(".path-list")?.setAttribute("data-stale", ""));
  await page.locator("form.path-form").evaluate((form) => (form as HTMLFormElement).requestSubmit());
}

/**
 * Types a name into a field without choosing a suggestion: waits for the suggestions to open, then closes them with
 * Esc (they would cover the fields below).
 */
async function typeName(field: string, text: string): Promise<void> {
  await showPaths();
  const input = page.getByLabel(field, { exact: true });
  await input.fill(text);
  const list = page.locator(`#${await input.getAttribute("aria-controls")}`);
  await list.waitFor({ state: "visible" });
  await input.press("Escape");
  await list.waitFor({ state: "hidden" });
  expect(await input.inputValue()).toBe(text);
}

/** Brings the results area's "Paths" tab, which holds the path finder, forward. */
async function showPaths(): Promise<void> {
  await page.getByRole("tab", { name: "Paths" }).click();
}

/** Types both ends as names (no suggestion chosen) and asks. */
async function ask(from: string, to: string): Promise<void> {
  await typeName("From", from);
  await typeName("To", to);
  await submit();
}

/** The headers of the paths of the newest answer. */
async function pathHeaders(): Promise<string[]> {
  const fresh = page.locator(".path-list:not([data-stale]) .path-choose");
  await fresh.first().waitFor();
  return fresh.allTextContents();
}

describe("the path finder", () => {
  it("resolves typed names and aliases on the server, and shows each step's direction", async () => {
    await ask("USA", "UNSC");
    const headers = await pathHeaders();
    expect(headers[0]).toBe(`Path 1 (2 hops): United States of America → ${DEBATE} ← United Nations Security Council`);
    // The field now names the node the server resolved, by its full name.
    expect(await page.getByLabel("From", { exact: true }).inputValue()).toBe("United States of America");
    expect(await page.locator(".path-summary").textContent()).toContain("most informative first");
    // The first step folds both claims from the US to the debate: two sentences, each with its quote.
    const firstStep = page.locator(".path-list .path.chosen .hop").first();
    expect(await firstStep.getAttribute("data-direction")).toBe("forward");
    expect(await firstStep.locator(".hop-sentence").count()).toBe(2);
    expect(await firstStep.locator(".quote").count()).toBe(2);
    await expect
      .poll(async () => page.locator("#canvas-summary").textContent())
      .toBe(`The canvas highlights path 1: United States of America → ${DEBATE} ← United Nations Security Council.`);
    await page.locator(".path-finder").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, "path-finder-01-informative.png") });
  });

  it("ranks by hops when asked, and keeps the choice in the permalink", async () => {
    await ask("China", "DPRK");
    const informative = await pathHeaders();
    expect(informative[0]).toBe(
      `Path 1 (2 hops): People's Republic of China → ${DRAFT} → Democratic People's Republic of Korea`,
    );
    await showPaths();
    await page.getByLabel("shortest first").check();
    await submit();
    await expect.poll(async () => page.locator(".path-summary").textContent()).toContain("shortest first");
    const hops = await pathHeaders();
    expect(hops[0]).toBe(informative[0]);
    expect(hops).not.toEqual(informative);
    await expect.poll(() => page.url()).toContain("pr=hops");
    await showPaths();
    await page.getByLabel("most informative first").check();
  });

  it("titles the source reader with the sentence of two steps that share a quote, naming both parties", async () => {
    await ask("China", "Republic of Korea");
    const headers = await pathHeaders();
    expect(headers[0]).toBe("Path 1 (2 hops): People's Republic of China ← Tomás Ojea Quintana → Republic of Korea");
    const hop = page.locator(".path-list .path.chosen .hop").first();
    const sentence = (await hop.locator(".hop-sentence").textContent())!;
    expect(sentence).toMatch(/^Ojea Quintana continues to call on China and the Republic of Korea /);
    await hop.getByRole("button", { name: "Show in source" }).click();
    // Each edge alone would name one party ("… to call on China …"); the reader names both, as the step does.
    await expect.poll(async () => page.locator(".reader .reader-caption").textContent()).toContain(` — ${sentence}`);
    await page.getByRole("button", { name: "Close the source reader" }).click();
  });

  it("passes through the nodes chosen in “Through” and never through those in “Avoiding”", async () => {
    await showPaths();
    await page.getByRole("combobox", { name: "Through" }).fill("Quintana");
    await page
      .getByRole("option", { name: /Tomás Ojea Quintana/ })
      .first()
      .click();
    await page.getByRole("combobox", { name: "Avoiding" }).fill("Special Rapporteur");
    await page
      .getByRole("option", { name: /Special Rapporteur/ })
      .first()
      .click();
    expect(await page.locator(".waypoint-label").allTextContents()).toEqual([
      // Chips name nodes by their full names, as the From and To fields do.
      "Tomás Ojea Quintana",
      "Special Rapporteur on the situation of human rights in the Democratic People's Republic of Korea",
    ]);
    await submit();
    await expect.poll(() => page.url()).toMatch(/pv=person%3Atomas-ojea-quintana/);
    const headers = await pathHeaders();
    for (const header of headers) {
      expect(header).toContain("Tomás Ojea Quintana");
      expect(header).not.toContain("Special Rapporteur");
    }
    await page.locator(".path-finder").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, "path-finder-02-via-avoid.png") });
    await page.getByRole("button", { name: "Remove Tomás Ojea Quintana" }).click();
    await page.getByRole("button", { name: /^Remove Special Rapporteur on the situation/ }).click();
    expect(await page.locator(".waypoint").count()).toBe(0);
  });

  it("answers an ambiguous name with its candidates, and asks nothing", async () => {
    await ask("Moon", "DPRK");
    const message = page.locator(".path-form .form-message");
    await expect.poll(async () => message.textContent()).toContain("is ambiguous");
    const text = (await message.textContent()) ?? "";
    expect(text).toContain("Moon Jae-in (person:moon-jae-in, person)");
    expect(text).toContain("document");
  });

  it("copies the chosen path as cited text, links its HTML, and exports it alone as the current path", async () => {
    await explorer.context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await ask("United States", "Security Council");
    await pathHeaders();
    const chosen = page.locator(".path-list .path.chosen");
    await chosen.getByRole("button", { name: "Copy as cited text" }).click();
    await expect.poll(async () => chosen.locator(".cited-status").textContent()).toContain("Copied");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.split("\n")[0]).toBe(
      "# How United States of America is connected to United Nations Security Council",
    );
    expect(copied).toContain("[^1]: “For the second consecutive year, in early December the US government refused");
    const html = (await chosen.getByRole("link", { name: "Download HTML" }).getAttribute("href")) ?? "";
    expect(html).toMatch(
      /^\/api\/paths\?from=state%3Ausa&to=un%3Asecurity-council&.*&path=1&format=html&include=none$/,
    );
    await page.getByLabel("Current path result").check();
    const exported = (await page.locator('.export a[data-format="json"]').getAttribute("href")) ?? "";
    expect(exported).toMatch(/&path=1&include=none$/);
    await page.getByLabel("Whole graph").check();
  });

  it("copies a node's dossier from its details", async () => {
    await page.getByRole("searchbox", { name: "Search" }).fill("Republic of Korea");
    await page
      .getByRole("option", { name: /^Republic of Korea/ })
      .first()
      .click();
    const details = page.locator(".details");
    await details.getByRole("button", { name: "Copy as cited text" }).click();
    await expect.poll(async () => details.locator(".cited-status").textContent()).toContain("Copied");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.split("\n")[0]).toBe("# Republic of Korea");
    expect(copied).toContain("Republic of Korea declined to co-sponsor A/C.3/74/L.26");
  });

  it("shows a cited paragraph of hostile labels and quotes as text: nothing from the data is live", async () => {
    const hostile = await explorer.context.newPage();
    const dialogs: string[] = [];
    hostile.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const evil = [
      `<script>window.__pwned = 1</script>`,
      `<img src=x onerror="window.__pwned=1">`,
      `[click](javascript:window.__pwned=1)`,
      `](javascript:alert(1)) [^1]`,
    ];
    const dataset = buildDataset({
      nodes: [
        { id: "state:s", label: evil[0]! },
        { id: "person:p", label: evil[1]! },
      ],
      edges: [{ source: "state:s", target: "person:p", type: "declined", quote: evil.join(" ") }],
    });
    const result = createQueryEngine(dataset).paths("state:s", "person:p");
    if (result.type !== "found") throw new Error("expected a path");
    const markdown = citedPathMarkdown(dataset, result.paths, { from: evil[0]!, to: evil[1]! });
    await hostile.setContent(citedHtmlDocument(markdown, evil[0]!));
    expect(await hostile.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await hostile.locator("script, img, iframe, object").count()).toBe(0);
    const hrefs = await hostile.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs.every((href) => /^#fn/.test(href ?? ""))).toBe(true);
    const text = (await hostile.locator("main").textContent()) ?? "";
    for (const piece of evil) expect(text).toContain(piece);
    expect(await hostile.title()).toBe(evil[0]);
    expect(dialogs).toEqual([]);
    await hostile.screenshot({ path: path.join(ARTIFACTS, "path-finder-03-hostile-cited.png") });
    await hostile.close();
  });

  it("keeps a field's suggestions closed once it has lost the focus, though their answer comes later", async () => {
    await showPaths();
    // The search answers only when the test lets it, after the field has been left.
    let release = (): void => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const searches = /\/api\/search\?/;
    await page.route(searches, async (route) => {
      await held;
      await route.continue().catch(() => undefined);
    });
    try {
      const input = page.getByLabel("To", { exact: true });
      const list = page.locator(`#${await input.getAttribute("aria-controls")}`);
      const asked = page.waitForRequest(searches);
      await input.fill("Korea");
      const request = await asked;
      const settled = Promise.race([
        page.waitForEvent("requestfinished", (r) => r === request),
        page.waitForEvent("requestfailed", (r) => r === request),
      ]);
      await page.getByLabel("Max hops", { exact: true }).focus();
      // Left, the field closes its list and its "Searching…" line.
      const note = list.locator("xpath=following-sibling::p[1]");
      await expect.poll(() => note.isHidden(), { message: "the note closed" }).toBe(true);
      release();
      await settled;
      // Two frames for the page to do what it does with the answer.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      expect(await list.isHidden(), "the list stays closed").toBe(true);
      expect(await note.isHidden(), "the note stays closed").toBe(true);
    } finally {
      release();
      await page.unroute(searches);
    }
  });

  it("logged no console errors", () => {
    // The ambiguous name's 400 is the browser's own network log line, not an error of the page.
    expect(errors.filter((error) => !error.includes("400 (Bad Request)"))).toEqual([]);
  });
});
