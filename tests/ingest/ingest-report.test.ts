// `rightsgraph ingest`: a report becomes a source folder the loader validates, all of it suggested, written whole.
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { IngestReport } from "../../src/api/contract";
import { loadDataset, normaliseEndnoteMarker } from "../../src/data";
import { textSha256 } from "../../src/data/check-source";
import { cli } from "../helpers/run-cli";
import { BRIEF_TEXT, corpus, removeCorpora } from "./corpora";

afterAll(removeCorpora);

describe("rightsgraph ingest: bad usage and refusals", () => {
  it("needs --id (exit 2 with usage)", async () => {
    const run = await cli("ingest", BRIEF_TEXT, "--data", await corpus("empty"));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("ingest needs --id SOURCE_ID");
    expect(run.stderr).toContain("usage: rightsgraph ingest FILE --id SOURCE_ID");
  });

  it("refuses a format it cannot read, and a source id that is not a folder name, writing nothing", async () => {
    const dir = await corpus("empty");
    const docx = path.join(dir, "report.docx");
    await writeFile(docx, "x");
    const format = await cli("ingest", docx, "--id", "x", "--data", dir);
    expect(format.code).toBe(1);
    expect(format.stderr).toContain('cannot read "report.docx": use .txt, .md, .html, .htm, .pdf');
    const badId = await cli("ingest", BRIEF_TEXT, "--id", "../escape", "--data", dir);
    expect(badId.code).toBe(1);
    expect(badId.stderr).toContain('source id "../escape" must be lower-case letters');
    expect(await readdir(dir)).toEqual(["report.docx", "schema.yaml"]);
  });

  it("refuses an id that exists unless --force, and replaces it whole with --force", { timeout: 60_000 }, async () => {
    const dir = await corpus("entities");
    const first = await cli("ingest", BRIEF_TEXT, "--id", "brief", "--data", dir);
    expect(first.stderr).not.toContain("problem");
    expect(first.code).toBe(0);
    const again = await cli("ingest", BRIEF_TEXT, "--id", "brief", "--data", dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('source "brief" already exists');
    const forced = await cli("ingest", BRIEF_TEXT, "--id", "brief", "--data", dir, "--force", "--title", "Second");
    expect(forced.code).toBe(0);
    expect(await readFile(path.join(dir, "sources/brief/source.yaml"), "utf8")).toContain("title: Second");
    // No temporary or replaced folder is left beside it.
    expect(await readdir(path.join(dir, "sources"))).toEqual(["brief"]);
  });
});

describe("rightsgraph ingest of the bundled brief", () => {
  it(
    "writes a folder the loader validates, every record suggested and hidden by default",
    { timeout: 60_000 },
    async () => {
      const dir = await corpus("entities");
      const run = await cli("ingest", BRIEF_TEXT, "--id", "brief", "--data", dir, "--date", "2020", "--json");
      expect(run.code).toBe(0);
      expect(run.stderr).toContain("ingest: checking the records with the loader…");
      const report = JSON.parse(run.stdout) as IngestReport;
      const text = await readFile(path.join(dir, "sources/brief/source.txt"), "utf8");
      expect(report.source).toEqual({
        id: "brief",
        path: path.join(dir, "sources/brief/source.txt"),
        sha256: textSha256(text),
        chars: text.length,
      });
      expect(await readFile(path.join(dir, "sources/brief/source.yaml"), "utf8")).toContain(
        `sha256: ${textSha256(text)}`,
      );
      expect(report.endnotes.map((n) => n.marker)).toEqual(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"]);
      expect(report.markers.map((m) => normaliseEndnoteMarker(text.slice(m.start, m.end)))).toEqual(
        report.markers.map((m) => m.marker),
      );
      for (const s of report.suggestions) expect(text).toContain(s.quote);
      expect(report.problems).toEqual([]);

      const shown = await loadDataset(dir, { suggestions: true });
      expect(shown.review!.edges.suggested).toBeGreaterThanOrEqual(report.suggestions.length);
      expect(shown.review!.edges.draft + shown.review!.edges.reviewed).toBe(0);
      const hidden = await loadDataset(dir);
      expect(hidden.graph.filterEdges((_, a) => a.evidence.sourceDoc === "doc:source:brief")).toEqual([]);
    },
  );
});
