// The "done when", measured: the bundled brief from its raw text and the FICTIONAL test reports in Markdown
// (arabic [n] markers, a "Notes" list), HTML and a PDF printed from it by Chromium, each compared with what was
// curated for it (scripts/ingest-measure/).
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { replacedBuiltins } from "../../src/common";
import { loadDataset } from "../../src/data";
import { BRIEF_ID, curatedBrief, curatedFictional, FIXTURES } from "../../scripts/ingest-measure/curated";
import { makeCorpus, measureIngest, removeCorpus } from "../../scripts/ingest-measure/measure-ingest";
import { BUILTINS_AT_START } from "../helpers/builtins-at-start";

const corpora: string[] = [];
afterAll(() => Promise.all(corpora.map(removeCorpus)));
async function corpus(dirs: string[]): Promise<string> {
  const dir = await makeCorpus(dirs);
  corpora.push(dir);
  return dir;
}

const BRIEF = path.resolve("graph-data/sources", BRIEF_ID, "source.txt");
const ENTITIES = path.resolve("graph-data/entities");

describe("ingest measured on the bundled brief", { timeout: 120_000 }, () => {
  it("into the corpus without its own source: 8/8 endnotes with markers, every symbol and URL, >= 90% of the named nodes, no wrong link, >= half the claims", async () => {
    const dir = await corpus([ENTITIES]);
    const known = new Set((await loadDataset(dir, { allowNoSources: true })).graph.nodes());
    const { figures } = await measureIngest(BRIEF, dir, "brief", await curatedBrief(known), "2020");
    expect(figures.endnotes).toEqual({ found: 8, expected: 8, exact: true, withMarkers: 8 });
    expect(figures.symbols).toEqual({ found: 2, expected: 2, missing: [] });
    expect(figures.urls.missing).toEqual([]);
    expect(figures.mentions.found / figures.mentions.expected).toBeGreaterThanOrEqual(0.9);
    expect(figures.mentions.wrong).toEqual([]);
    expect(figures.claims.covered / figures.claims.expected).toBeGreaterThanOrEqual(0.5);
  });

  it("into an empty corpus: the same endnotes, symbols and URLs, and a folder that loads", async () => {
    const dir = await corpus([]);
    const { figures } = await measureIngest(BRIEF, dir, "brief", await curatedBrief(), "2020");
    expect(figures.endnotes).toEqual({ found: 8, expected: 8, exact: true, withMarkers: 8 });
    expect(figures.symbols.missing).toEqual([]);
    expect(figures.urls.missing).toEqual([]);
    expect(figures.mentions.wrong).toEqual([]);
    await expect(loadDataset(dir, { suggestions: true })).resolves.toBeDefined();
  });
});

describe("ingest measured on the fictional reports", { timeout: 120_000 }, async () => {
  const entities = [ENTITIES, path.join(FIXTURES, "corpus/entities")];
  const reports = await curatedFictional(await corpus(entities));
  it.each([...reports.keys()])(
    "%s: every note with its marker, symbol and URL; every named node; >= half the claims",
    async (name) => {
      const { file, curated } = reports.get(name)!;
      const { figures } = await measureIngest(file, await corpus(entities), name, curated);
      expect(figures.endnotes).toMatchObject({ exact: true, withMarkers: curated.markers.length });
      expect(figures.symbols.missing).toEqual([]);
      expect(figures.urls.missing).toEqual([]);
      expect(figures.mentions.missing).toEqual([]);
      expect(figures.mentions.wrong).toEqual([]);
      expect(figures.claims.covered / figures.claims.expected).toBeGreaterThanOrEqual(0.5);
      // pdf.js's legacy build replaces JSON.parse, JSON.stringify and Array.prototype.push with slower polyfills for
      // the whole process when it loads: the reader puts the engine's own back.
      expect(replacedBuiltins(BUILTINS_AT_START)).toEqual([]);
    },
  );
});
