// `rightsgraph check`: quotes re-anchored after the source text is edited: text inserted before a quote (moved), a
// word changed inside one (fuzzy), a passage deleted (lost: a located problem, nothing written).
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EDIT_RULES } from "../../src/api/parameters";
import { loadDataset } from "../../src/data";
import { EditStore } from "../../src/edit";
import { DataError } from "../../src/errors";
import { maxErrors, reanchor } from "../../src/ingest/reanchor";
import { cli } from "../helpers/run-cli";
import { BRIEF_TEXT, copyOf, corpus, removeCorpora } from "./corpora";

afterAll(removeCorpora);

const CLAIM = "state:usa--declined--un:security-council";

let prepared: Promise<string> | undefined;

/**
 * The brief ingested into a corpus with the shared entities, one claim accepted and marked reviewed: ingested once
 * per file, and each test given a copy of its own to change.
 */
async function ingested(): Promise<{ dir: string; textFile: string }> {
  prepared ??= (async () => {
    const dir = await corpus("entities");
    expect((await cli("ingest", BRIEF_TEXT, "--id", "brief", "--data", dir, "--date", "2020")).code).toBe(0);
    expect((await cli("review", "brief", "accept", CLAIM, "--data", dir)).code).toBe(0);
    expect((await cli("review", "brief", "mark-reviewed", CLAIM, "--data", dir)).code).toBe(0);
    return dir;
  })();
  const dir = await copyOf(await prepared);
  return { dir, textFile: path.join(dir, "sources/brief/source.txt") };
}

describe("reanchor", () => {
  it("finds a quote at its offsets, moved, changed within a tenth of its length, or not at all", () => {
    const quote = "the government refused to grant access";
    const text = `Intro. ${quote}. More.`;
    expect(reanchor(text, { quote, start: 7 })).toEqual({ kind: "current", start: 7, end: 7 + quote.length });
    expect(reanchor(`Longer intro. ${quote}.`, { quote, start: 7 })).toMatchObject({ kind: "moved", start: 14 });
    const changed = reanchor("Intro. the government refuses to grant access. More.", { quote, start: 7 });
    expect(changed).toMatchObject({ kind: "fuzzy", quote: "the government refuses to grant access" });
    expect(reanchor("Intro. Nothing of the kind. More.", { quote, start: 7 })).toEqual({ kind: "lost" });
    expect(maxErrors(quote.length)).toBe(3);
  });

  it("does not take, approximately, a passage another quote holds exactly", () => {
    const text = "ii S/PV.8682, Verbatim Record, p.5\nv (deleted)\n";
    const quote = "S/PV.8682, Verbatim Record, p.3";
    expect(reanchor(text, { quote })).toMatchObject({ kind: "fuzzy", errors: 1 });
    expect(reanchor(text, { quote }, [[3, 34]])).toEqual({ kind: "lost" });
  });

  it("prefers the occurrence whose context fits when a quote is printed twice", () => {
    const text = "A said: yes. B said: yes.";
    expect(reanchor(text, { quote: "yes", start: 0, prefix: "B said: ", suffix: "." })).toMatchObject({ start: 21 });
  });
});

describe("rightsgraph check", { timeout: 90_000 }, () => {
  it("re-anchors every quote after text is inserted before them, marking a reviewed claim draft with a note", async () => {
    const { dir, textFile } = await ingested();
    expect((await cli("check", "--data", dir)).stdout).toContain("every anchor holds");
    const insert = "A preface added by the editor.\n\n";
    const before = await loadDataset(dir, { suggestions: true });
    const oldStart = before.graph.getEdgeAttributes(CLAIM).evidence.start;
    await writeFile(textFile, insert + (await readFile(textFile, "utf8")));
    // The loader sees that the text changed since its quotes were anchored.
    const stale = (await loadDataset(dir).catch((e: unknown) => e)) as DataError;
    expect(stale.problems.map((p) => p.code)).toContain("stale-anchor");

    const dry = await cli("check", "--data", dir);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toMatch(
      new RegExp(
        `sources/brief/graph\\.yaml:\\d+: moved: ${CLAIM}: quote moved from ${oldStart} to ${oldStart + insert.length}`,
      ),
    );
    const written = await cli("check", "--data", dir, "--write");
    expect(written.code).toBe(0);
    const after = await loadDataset(dir, { suggestions: true });
    const edge = after.graph.getEdgeAttributes(CLAIM);
    expect(edge.evidence.start).toBe(oldStart + insert.length);
    expect(edge.props).toMatchObject({ status: "draft" });
    const graph = await readFile(path.join(dir, "sources/brief/graph.yaml"), "utf8");
    expect(graph).toContain(`review_note: "check: quote moved from ${oldStart} to ${oldStart + insert.length}"`);
    expect((await cli("check", "--data", dir)).stdout).toContain("every anchor holds");
  });

  it("takes the text's words for a claim's quote and a citation's with a word changed inside, as one undoable write", async () => {
    const { dir, textFile } = await ingested();
    const text = await readFile(textFile, "utf8");
    expect(text).toContain("the US government refused to endorse a formal UN Security Council debate");
    expect(text).toContain("“North Korea: Systematic Repression”, *Human Rights Watch*");
    const files = ["graph.yaml", "source.yaml"].map((name) => path.join(dir, "sources/brief", name));
    const before = await Promise.all(files.map((f) => readFile(f, "utf8")));
    await writeFile(
      textFile,
      text
        .replace("government refused to endorse", "government declined to endorse")
        .replace("“North Korea: Systematic Repression”", "“North Korea: Systemic Repression”"),
    );
    const run = await cli("check", "--data", dir, "--write");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`graph\\.yaml:\\d+: fuzzy: ${CLAIM}: quote changed to match the text \\(\\d edit\\(s\\)\\)`),
    );
    const sourceYaml = await readFile(files[1]!, "utf8");
    const citationLine = sourceYaml.split("\n").findIndex((l) => l.includes("North Korea: Systemic Repression")) + 1;
    expect(run.stdout).toMatch(
      /sources\/brief\/source\.yaml:(\d+): fuzzy: endnote vi, citation 1: citation changed to match the text \(2 edit\(s\)\): was ““North Korea: Systematic Repression”/,
    );
    // The line reported is the citation's own (its `- document:` line, just above the quote's).
    const reported = Number(/source\.yaml:(\d+): fuzzy: endnote vi/.exec(run.stdout)![1]);
    expect(citationLine - reported).toBeGreaterThanOrEqual(0);
    expect(citationLine - reported).toBeLessThanOrEqual(2);
    const dataset = await loadDataset(dir, { locateClaims: true, suggestions: true });
    const edge = dataset.graph.getEdgeAttributes(CLAIM);
    expect(edge.evidence.quote).toContain("the US government declined to endorse a formal UN Security Council debate");
    expect(edge.props).toMatchObject({ status: "draft" });
    const cites = dataset.graph
      .filterEdges((_e, a) => a.type === "cites" && a.evidence.footnotes.includes("vi"))
      .map((e) => dataset.graph.getEdgeAttribute(e, "evidence").quote);
    expect(cites.some((q) => q.startsWith("“North Korea: Systemic Repression”"))).toBe(true);
    // One write for both files: the edit API's undo puts both back, byte for byte.
    const store = EditStore.open(dir, dataset, {
      load: { suggestions: true },
      undoDepth: EDIT_RULES.undoDepth,
      onDataset: () => {},
      onProblems: () => {},
    });
    await writeFile(textFile, text);
    expect((await store.undo({ token: "test", remote: "127.0.0.1" })).undone.action).toBe("check-anchors");
    expect(await Promise.all(files.map((f) => readFile(f, "utf8")))).toEqual(before);
  });

  it("fails with file:line on a quote whose passage was deleted, and writes nothing", async () => {
    const { dir, textFile } = await ingested();
    const text = await readFile(textFile, "utf8");
    const passage = /For the second consecutive year, in early December[^.]*\./.exec(text)![0];
    await writeFile(textFile, text.replace(passage, "").replace(/^\^v S\/PV\.8682, Verbatim Record.*$/m, "^v"));
    const graph = await readFile(path.join(dir, "sources/brief/graph.yaml"), "utf8");
    const run = await cli("check", "--data", dir, "--write");
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`sources/brief/graph\\.yaml:\\d+: ${CLAIM}: quote “For the second consecutive year`),
    );
    expect(run.stderr).toMatch(
      /sources\/brief\/source\.yaml:\d+: endnote v, citation 1: quote “S\/PV\.8682, Verbatim Record of UN Security Council, 11 Dec\.\.\.” is no longer in source\.txt/,
    );
    expect(run.stderr).toContain("nothing was written");
    expect(await readFile(path.join(dir, "sources/brief/graph.yaml"), "utf8")).toBe(graph);
  });
});
