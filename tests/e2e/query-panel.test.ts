// The query panel in a real Chromium against the real server: an example of the brief's questions run, its rows in
// the table as the API answers them, the matched subgraph highlighted on the canvas, a row's node selected, and a
// syntax error shown at its line and column; on a generated corpus, an answer whose highlight the server capped
// says so under its rows.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QueryResponse } from "../../src/api/contract";
import { CYPHER_RULES } from "../../src/api/parameters";
import { generateCorpus } from "../../src/bench/generate-corpus";
import { loadDataset } from "../../src/data";
import { EXAMPLE_QUERIES } from "../../web/src/panels/query/index.js";
import { ARTIFACTS, openExplorer, type Explorer } from "./explorer-harness";
import { countColouredPixels, decodePng } from "./png";

let explorer: Explorer;
let page: Page;
let errors: string[];

async function canvasColour(): Promise<number> {
  return countColouredPixels(decodePng(await page.locator(".canvas-wrap").screenshot()));
}

async function askApi(query: string, on = explorer): Promise<QueryResponse> {
  const response = await fetch(new URL("/api/query", on.url), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as QueryResponse;
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ explorer, page, errors } = await openExplorer());
}, 120_000);

afterAll(async () => {
  await explorer?.close();
});

describe("the query panel", () => {
  it("runs an example: its rows in the table, its matched subgraph highlighted on the canvas", async () => {
    await expect.poll(canvasColour, { timeout: 10_000 }).toBeGreaterThan(2000);
    const whole = await canvasColour();
    const example = EXAMPLE_QUERIES.find((e) => e.label === "Who declined what")!;
    const expected = await askApi(example.query);
    expect(expected.rows.length).toBe(4);

    // The query panel is a tab of the results area, beside the paths and the table.
    await page.getByRole("tab", { name: "Query", exact: true }).click();
    await page.getByLabel("Examples").selectOption({ label: example.label });
    const rows = page.locator(".query-table tbody tr");
    await expect.poll(() => rows.count()).toBe(expected.rows.length);
    await expect(page.locator(".query-count").textContent()).resolves.toBe("4 rows");
    await expect(page.locator(".query-table thead th").allTextContents()).resolves.toEqual(expected.columns);
    const texts = await page
      .locator(".query-table tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
    expect(texts).toEqual(
      expected.rows.map(([who, declined, what]) => [
        (who as { label: string }).label,
        declined,
        (what as { label: string }).label,
      ]),
    );
    expect(texts).toContainEqual(["Republic of Korea", "to co-sponsor", "A/C.3/74/L.26"]);

    await expect(page.locator("#canvas-summary").textContent()).resolves.toBe(
      `The canvas highlights what the query matched: ${expected.nodes.length} nodes and ${expected.edges.length} relations.`,
    );
    // Everything else is faded: far less colour on the canvas than the whole graph drawn.
    await expect.poll(canvasColour, { timeout: 10_000 }).toBeLessThan(whole / 2);
    expect(await canvasColour()).toBeGreaterThan(100);
    // Beside the canvas, the whole table in view: the results area is wide enough for its columns.
    const [table, canvas] = await Promise.all([
      page.locator(".query-table-wrap").boundingBox(),
      page.locator(".canvas-wrap").boundingBox(),
    ]);
    expect(table!.x).toBeGreaterThanOrEqual(canvas!.x + canvas!.width);
    expect(table!.y + table!.height).toBeLessThanOrEqual(800);
    await page.screenshot({ path: path.join(ARTIFACTS, "query-01-declined.png") });
  });

  it("selects a node of the table on the canvas", async () => {
    await page.locator(".query-table").getByRole("button", { name: "Republic of Korea", exact: true }).click();
    await expect
      .poll(async () => ((await page.locator(".details .details-title").textContent()) ?? "").trim())
      .toBe("Republic of Korea");
  });

  it("shows a syntax error at its line and column, run with Ctrl+Enter", async () => {
    await page.getByLabel("Cypher query", { exact: true }).fill("MATCH (n:state)\nRETURN n LIMIT");
    await page.getByLabel("Cypher query", { exact: true }).press("Control+Enter");
    const error = page.locator(".query-error");
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain("expected an expression");
    await expect(error.locator(".hint").textContent()).resolves.toBe("Line 2, column 15:");
    await expect(error.locator(".query-caret").textContent()).resolves.toBe(`RETURN n LIMIT\n${" ".repeat(14)}^`);
    expect(await page.locator(".query-table").count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, "query-02-error.png") });
  });

  it("logged no console errors but Chromium's own line for the 400 it was answered", () => {
    const own = /^console: Failed to load resource: the server responded with a status of 400 \(Bad Request\)$/;
    expect(errors.filter((e) => !own.test(e))).toEqual([]);
    expect(errors.filter((e) => own.test(e))).toHaveLength(1);
  });
});

describe("an answer matched on more than the highlight holds", () => {
  // The small generated corpus has just over CYPHER_RULES.highlighted.max relationships: grouping all of them by
  // type matches more edges than the server lists to highlight.
  const GROUPED = "MATCH ()-[r]->()\nRETURN type(r) AS type, count(*) AS relationships\nORDER BY relationships DESC";
  let corpus: string;
  let large: Explorer;
  let largePage: Page;
  let largeErrors: string[];

  beforeAll(async () => {
    corpus = mkdtempSync(path.join(tmpdir(), "rightsgraph-query-e2e-"));
    await generateCorpus({ size: "small", seed: 1, out: corpus, format: "jsonl" });
    ({ explorer: large, page: largePage, errors: largeErrors } = await openExplorer(undefined, loadDataset(corpus)));
  }, 180_000);

  afterAll(async () => {
    await large?.close();
    if (corpus) rmSync(corpus, { recursive: true, force: true });
  });

  it("says under the rows that only the first rows' matches are highlighted, and highlights just those", async () => {
    const expected = await askApi(GROUPED, large);
    expect(expected.truncated).toBe(false);
    expect(expected.highlightTruncated).toBe(true);
    expect(expected.edges).toHaveLength(CYPHER_RULES.highlighted.max);
    const total = expected.rows.reduce((sum, row) => sum + (row[1] as number), 0);
    expect(total).toBeGreaterThan(CYPHER_RULES.highlighted.max);

    await largePage.getByRole("tab", { name: "Query", exact: true }).click();
    await largePage.getByLabel("Cypher query", { exact: true }).fill(GROUPED);
    await largePage.locator(".query-panel").getByRole("button", { name: "Run", exact: true }).click();
    const rows = largePage.locator(".query-table tbody tr");
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(expected.rows.length);
    const line = largePage.locator(".query-highlight-cap");
    await expect(line.textContent()).resolves.toBe(
      `Highlighted the matches of the first rows only: ${expected.nodes.length.toLocaleString("en")} nodes and ` +
        `${expected.edges.length.toLocaleString("en")} relationships of more.`,
    );
    // Under the table, not above it.
    const [table, below] = await Promise.all([
      largePage.locator(".query-table-wrap").boundingBox(),
      line.boundingBox(),
    ]);
    expect(below!.y).toBeGreaterThanOrEqual(table!.y + table!.height);
    // The canvas holds to the lists sent: exactly their nodes and relations highlighted.
    await expect(largePage.locator("#canvas-summary").textContent()).resolves.toBe(
      `The canvas highlights what the query matched: ${expected.nodes.length} nodes and ${expected.edges.length} relations.`,
    );
    await line.scrollIntoViewIfNeeded();
    await largePage.screenshot({ path: path.join(ARTIFACTS, "query-03-highlight-capped.png") });
  });

  it("says nothing of a cap when the highlight holds every match", async () => {
    const query = "MATCH (n:state)-[r]->() RETURN n.id AS state, count(r) AS relationships";
    const expected = await askApi(query, large);
    expect(expected.highlightTruncated).toBe(false);
    await largePage.getByLabel("Cypher query", { exact: true }).fill(query);
    await largePage.locator(".query-panel").getByRole("button", { name: "Run", exact: true }).click();
    await expect.poll(() => largePage.locator(".query-table tbody tr").count()).toBe(expected.rows.length);
    expect(await largePage.locator(".query-highlight-cap").count()).toBe(0);
  });

  it("logged no console errors", () => {
    expect(largeErrors).toEqual([]);
  });
});
