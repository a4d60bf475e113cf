// The explorer on a corpus with suggestions (a FICTIONAL report ingested beside the brief, served with suggestions):
// suggested records stay out of view until the filters panel's switch shows them.
import { cp, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data";
import { ingestReport } from "../../src/ingest/ingest-report";
import { ARTIFACTS, collectErrors, legendCounts, startExplorer, waitForGraph, type Explorer } from "./explorer-harness";

let explorer: Explorer;
let root: string;

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
  explorer = await startExplorer(undefined, loadDataset(dir, { suggestions: true }));
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
});
