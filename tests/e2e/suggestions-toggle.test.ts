// The explorer on a corpus with suggestions (a FICTIONAL report ingested beside the brief), served as `serve` without
// --suggestions does (include=none by default): suggested records stay out of view until the filters panel's switch
// shows them, and the switch makes searches ask the server for them (include=suggested), with no restart.
import { cp, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data";
import { ingestReport } from "../../src/ingest/ingest-report";
import { ARTIFACTS, collectErrors, legendCounts, startExplorer, waitForGraph, type Explorer } from "./explorer-harness";

let explorer: Explorer;
let root: string;
/** A suggested node that is no document, and its label. */
let candidate: { id: string; label: string };

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "rightsgraph-suggestions-"));
  const dir = path.join(root, "data");
  await cp(path.resolve("graph-data"), dir, { recursive: true });
  await cp(
    path.resolve("tests/fixtures/ingest/corpus/entities/fictional.yaml"),
    path.join(dir, "entities/fictional.yaml"),
  );
  await ingestReport(path.resolve("tests/fixtures/ingest/veloria-notes.md"), { dataDir: dir, meta: { id: "veloria" } });
  await mkdir(ARTIFACTS, { recursive: true });
  const dataset = await loadDataset(dir, { suggestions: true });
  const id = dataset.graph.findNode((_id, a) => a.props.status === "suggested" && a.type !== "document")!;
  candidate = { id, label: dataset.graph.getNodeAttribute(id, "label") };
  explorer = await startExplorer(undefined, Promise.resolve(dataset), { include: "none" });
}, 240_000);

afterAll(async () => {
  await explorer?.close();
  await rm(root, { recursive: true, force: true });
});

describe("the suggestions switch in the filters panel", () => {
  it(
    "shows suggested records only when switched on, and keeps the choice in the permalink",
    { timeout: 120_000 },
    async () => {
      const page = await explorer.context.newPage();
      const errors = collectErrors(page);
      await page.goto(explorer.url);
      await waitForGraph(page);
      // The bibliography is folded by default: shown, only the suggestions are left out.
      await page.getByRole("checkbox", { name: "Show bibliography" }).check();
      const toggle = page.locator("#show-suggestions");
      await expect(toggle.isChecked()).resolves.toBe(false);
      const label = (await page.locator(".suggestions-toggle").textContent()) ?? "";
      expect(label).toMatch(/show suggestions \(\d+ records not yet reviewed\)/);
      const off = await legendCounts(page);
      expect(off.nodes).toBeLessThan(off.totalNodes);
      expect(off.edges).toBeLessThan(off.totalEdges);
      await toggle.check();
      await expect.poll(async () => (await legendCounts(page)).nodes).toBe(off.totalNodes);
      const on = await legendCounts(page);
      expect(on.edges).toBe(on.totalEdges);
      await page.locator(".suggestions-toggle").screenshot({ path: path.join(ARTIFACTS, "suggestions-toggle.png") });
      await expect.poll(() => page.url()).toContain("sg=1");
      expect(errors).toEqual([]);
    },
  );

  it(
    "finds a suggested node in the search box only while the switch shows suggestions, asking the server for them",
    { timeout: 120_000 },
    async () => {
      const page = await explorer.context.newPage();
      const errors = collectErrors(page);
      const searches: string[] = [];
      page.on("request", (r) => {
        if (r.url().includes("/api/search?")) searches.push(r.url());
      });
      await page.goto(explorer.url);
      await waitForGraph(page);
      const box = page.getByLabel("Search", { exact: true });
      const options = page.locator(".suggestion-label");
      const search = async () => {
        await box.fill("");
        searches.length = 0;
        await box.fill(candidate.label);
        await expect.poll(() => searches.length).toBeGreaterThan(0);
      };
      await search();
      // Off says so, whatever the server's default.
      await expect.poll(() => searches.at(-1)).toContain("include=none");
      await expect.poll(async () => (await options.allTextContents()).includes(candidate.label)).toBe(false);
      await page.locator("#show-suggestions").check();
      await search();
      await expect.poll(() => searches.at(-1)).toContain("include=suggested");
      await expect.poll(async () => (await options.allTextContents()).includes(candidate.label)).toBe(true);
      expect(errors).toEqual([]);
    },
  );
});
