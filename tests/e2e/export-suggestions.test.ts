// The "show suggestions" switch reaches the explorer's exports and its Cypher panel, in Chromium against `serve
// --edit`, whose default answers with suggested records: on a copy of the brief whose claim "the ROK declined to
// co-sponsor A/C.3/74/L.26" is a suggestion, the whole-graph and view exports, the picked nodes' export and the query
// panel's rows hold that claim only while the switch shows it.
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

  it("logged no console errors", () => {
    expect(explorer.errors).toEqual([]);
  });
});
