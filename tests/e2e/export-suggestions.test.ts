// The "show suggestions" switch reaches every answer of the explorer, in Chromium against `serve --edit`, whose
// default answers with suggested records: on a copy of the brief whose claim "the ROK declined to co-sponsor
// A/C.3/74/L.26" is a suggestion, the whole-graph and view exports, the picked nodes' export, the query panel's rows,
// a path answer and the details of the claim's ends hold that claim only while the switch shows it, and are asked
// again when it changes.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphResponse } from "../../src/api/contract";
import { BRIEF } from "../helpers/edit-server";
import { startEditModeExplorer, type EditModeExplorer } from "./edit-mode-explorer";
import { ARTIFACTS, waitForGraph } from "./explorer-harness";

const SUGGESTED = "state:kor--declined--doc:un:a-c.3-74-l.26";
const [KOR, L26] = ["state:kor", "doc:un:a-c.3-74-l.26"];

let explorer: EditModeExplorer;
let page: Page;

/** Marks the ROK's "declined to co-sponsor" claim in the copy's graph.yaml as a suggestion. */
function markSuggested(dataDir: string): void {
  const file = path.join(dataDir, "sources", BRIEF, "graph.yaml");
  const text = readFileSync(file, "utf8");
  const claim = "    source: state:kor\n    target: doc:un:a-c.3-74-l.26\n    label: declined to co-sponsor\n";
  if (!text.includes(claim)) throw new Error("the ROK's declined claim is not where the test expects it");
  writeFileSync(file, text.replace(claim, `${claim}    status: suggested\n`));
}

beforeAll(async () => {
  explorer = await startEditModeExplorer({
    prefix: "rightsgraph-export-suggestions-e2e",
    prepare: markSuggested,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  ({ page } = explorer);
  await page.goto(explorer.url);
  await waitForGraph(page);
}, 240_000);

afterAll(() => explorer?.close());

const switchOn = (on: boolean) => page.locator("#show-suggestions").setChecked(on);

/** Clicks the link or button named `name` in `scope` and reads the file downloaded as JSON. */
async function downloadJson(click: () => Promise<void>): Promise<GraphResponse> {
  const download = page.waitForEvent("download");
  await click();
  return JSON.parse(readFileSync(await (await download).path(), "utf8")) as GraphResponse;
}

const edgeKeys = (graph: GraphResponse): string[] => graph.edges.map((e) => e.key);

describe("exports follow the suggestions switch", () => {
  it("the server itself answers with the suggestion by default, so the switch has something to hold back", async () => {
    const graph = (await (await fetch(`${explorer.url}/api/graph`)).json()) as GraphResponse;
    const edge = graph.edges.find((e) => e.key === SUGGESTED);
    expect(edge?.attributes.status).toBe("suggested");
  });

  it("writes the suggested claim into the whole-graph and view exports only while the switch is on", async () => {
    const exportPanel = page.locator("section.export");
    const json = exportPanel.getByRole("link", { name: "JSON", exact: true });
    for (const scope of ["Whole graph", "Filtered view"]) {
      await exportPanel.getByLabel(scope).check();
      await switchOn(false);
      await expect.poll(() => json.getAttribute("href")).toContain("include=none");
      expect(edgeKeys(await downloadJson(() => json.click())), scope).not.toContain(SUGGESTED);
      await switchOn(true);
      await expect.poll(() => json.getAttribute("href")).toContain("include=suggested");
      expect(edgeKeys(await downloadJson(() => json.click())), scope).toContain(SUGGESTED);
    }
    await switchOn(false);
  });

  it("answers the query panel with the suggested claim only while the switch is on", async () => {
    const asked: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/api/query")) asked.push(r.url());
    });
    await page.getByRole("tab", { name: "Query", exact: true }).click();
    const box = page.getByRole("textbox", { name: "Cypher query" });
    const rows = page.locator("#tabpanel-query tbody tr");
    const run = async (): Promise<string[]> => {
      const before = asked.length;
      await box.fill(`MATCH (a {id: '${KOR}'})-[r:declined]->(b) RETURN b.id AS declined`);
      await page.getByRole("button", { name: "Run", exact: true }).click();
      await expect.poll(() => asked.length).toBeGreaterThan(before);
      await page.locator("#tabpanel-query .query-count").waitFor();
      return rows.allTextContents();
    };
    await switchOn(false);
    const off = await run();
    expect(asked.at(-1)).toMatch(/\/api\/query\?include=none$/);
    expect(off.join("\n")).not.toContain(L26);
    await switchOn(true);
    await expect.poll(async () => (await run()).join("\n")).toContain(L26);
    expect(asked.at(-1)).toMatch(/\/api\/query\?include=suggested$/);
    await page.screenshot({ path: path.join(ARTIFACTS, "export-suggestions-query.png") });
    await switchOn(false);
  });

  it("exports the claims between picked nodes with the suggestion only while the switch is on", async () => {
    const box = (await page.locator("#graph").boundingBox())!;
    await page.keyboard.down("Shift");
    for (const id of [KOR, L26]) {
      const at = await page.evaluate(
        (key) =>
          (
            window as unknown as { rightsgraph: { node(id: string): { viewport: { x: number; y: number } } } }
          ).rightsgraph.node(key).viewport,
        id,
      );
      await page.mouse.click(box.x + at.x, box.y + at.y);
    }
    await page.keyboard.up("Shift");
    await expect
      .poll(() =>
        page.evaluate(
          () => (window as unknown as { rightsgraph: { state(): { picked: string[] } } }).rightsgraph.state().picked,
        ),
      )
      .toEqual([L26, KOR]);
    const exportPicked = () => page.getByRole("button", { name: "Export selection as JSON" }).click();
    await switchOn(false);
    const off = await downloadJson(exportPicked);
    expect(off.nodes.map((n) => n.key).sort()).toEqual([L26, KOR]);
    expect(edgeKeys(off)).not.toContain(SUGGESTED);
    await switchOn(true);
    const on = await downloadJson(exportPicked);
    expect(edgeKeys(on)).toContain(SUGGESTED);
    expect(edgeKeys(on).filter((key) => !edgeKeys(off).includes(key))).toEqual([SUGGESTED]);
  });
});

describe("answers follow the suggestions switch, asked again when it changes", () => {
  /** The URLs of the requests to `route` the page makes from now on. */
  function requestsTo(route: string): string[] {
    const urls: string[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).pathname.startsWith(route)) urls.push(r.url());
    });
    return urls;
  }
  const includeOf = (url: string | undefined) => (url ? new URL(url).searchParams.get("include") : null);

  it("finds no path through the suggested claim while it is hidden, and the path once it is shown", async () => {
    const asked = requestsTo("/api/paths");
    await switchOn(false);
    await page.getByRole("tab", { name: "Paths", exact: true }).click();
    await page.getByLabel("From", { exact: true }).fill(KOR);
    await page.getByLabel("To", { exact: true }).fill(L26);
    await page.getByLabel("Max hops", { exact: true }).fill("1");
    await page.getByRole("button", { name: "Find paths", exact: true }).click();
    const results = page.locator("#tabpanel-paths");
    // The only claim within one hop is the suggestion: no path while the canvas hides it.
    await expect.poll(() => results.locator(".no-path").count()).toBe(1);
    expect(includeOf(asked.at(-1))).toBe("none");
    const askedOff = asked.length;
    // Switched on, the same question is asked again (nobody types it) and answered through the suggestion.
    await switchOn(true);
    await expect.poll(() => results.locator(".path-choose").count()).toBe(1);
    expect(await results.locator(".path-choose").textContent()).toMatch(/^Path 1 \(1 hop\): Republic of Korea → /);
    expect(asked.length).toBe(askedOff + 1);
    expect(includeOf(asked.at(-1))).toBe("suggested");
    const chosen = await page.evaluate(() =>
      (
        window as unknown as {
          rightsgraph: { state(): { pathResult: { response: { paths: { edges: { id: string }[] }[] } } } };
        }
      ).rightsgraph
        .state()
        .pathResult.response.paths[0]!.edges.map((e) => e.id),
    );
    expect(chosen).toEqual([SUGGESTED]);
    await page.screenshot({ path: path.join(ARTIFACTS, "suggestions-path-on.png") });
    // And off again: no path, without a word typed.
    await switchOn(false);
    await expect.poll(() => results.locator(".no-path").count()).toBe(1);
    expect(includeOf(asked.at(-1))).toBe("none");
  });

  it("asks the search suggestions open again when the switch changes under them", async () => {
    const asked = requestsTo("/api/search");
    await switchOn(false);
    const search = page.getByRole("searchbox", { name: "Search" });
    await search.fill("Korea");
    const list = page.locator(`#${await search.getAttribute("aria-controls")}`);
    await list.getByRole("option").first().waitFor();
    expect(includeOf(asked.at(-1))).toBe("none");
    const before = asked.length;
    // The switch changes while the search box keeps the focus (a click from a script, or from assistive technology).
    await page.locator("#show-suggestions").evaluate((box) => (box as HTMLInputElement).click());
    await expect.poll(() => asked.length).toBe(before + 1);
    expect(includeOf(asked.at(-1))).toBe("suggested");
    expect(new URL(asked.at(-1)!).searchParams.get("q")).toBe("Korea");
    await expect.poll(() => list.getByRole("option").count()).toBeGreaterThan(0);
    await search.press("Escape");
    await search.fill("");
    await switchOn(false);
  });

  it("lists the suggested claim in its ends' details only while it is shown, redrawn when the switch changes", async () => {
    const asked = requestsTo("/api/nodes/");
    const details = page.locator("#tabpanel-details");
    const listed = () => details.locator(`li.relation[data-edge="${SUGGESTED}"]`).count();
    for (const end of [KOR, L26]) {
      await switchOn(false);
      const search = page.getByRole("searchbox", { name: "Search" });
      await search.fill(end === KOR ? "Republic of Korea" : "A/C.3/74/L.26");
      await page
        .locator(`#${await search.getAttribute("aria-controls")}`)
        .getByRole("option")
        .first()
        .click();
      await expect.poll(() => details.locator("#details-heading").textContent()).not.toBe("");
      await expect.poll(() => details.locator("li.relation").count()).toBeGreaterThan(0);
      expect(await listed(), end).toBe(0);
      await switchOn(true);
      await expect.poll(listed).toBe(1);
      expect(includeOf(asked.filter((u) => u.includes(encodeURIComponent(end))).at(-1))).toBe("suggested");
      await switchOn(false);
      await expect.poll(listed).toBe(0);
    }
    expect(asked.every((u) => includeOf(u) !== null)).toBe(true);
  });
});

it("logged no console errors", () => {
  expect(explorer.errors).toEqual([]);
});
