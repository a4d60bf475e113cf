// The loader and review statuses: suggested records are checked like any other and shown only on request,
// rejected ones never; evidence anchors (offsets, prefix, suffix, the text's SHA-256) are held to the text.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data";
import { textSha256 } from "../../src/data/check-source";
import { DataError } from "../../src/errors";

const GOOD = path.resolve("tests/fixtures/data/good");
const temporary: string[] = [];

afterAll(async () => {
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A copy of the good fixture whose alpha graph.yaml has `edit` applied. */
async function goodCopy(edit: (graph: string) => string = (g) => g): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "rightsgraph-status-"));
  temporary.push(root);
  const dir = path.join(root, "data");
  await cp(GOOD, dir, { recursive: true });
  const file = path.join(dir, "sources/alpha/graph.yaml");
  await writeFile(file, edit(await readFile(file, "utf8")));
  return dir;
}

/** The line of `text` in the alpha graph.yaml of `dir` (1-based). */
async function lineOf(dir: string, text: string): Promise<number> {
  const lines = (await readFile(path.join(dir, "sources/alpha/graph.yaml"), "utf8")).split("\n");
  expect(lines).toContain(text);
  return lines.indexOf(text) + 1;
}

const withStatus = (status: string) => (graph: string) =>
  graph
    .replace("  - id: person:ana\n    type: person", `  - id: person:ana\n    status: ${status}\n    type: person`)
    .replace(
      "  - type: met\n    source: person:tomas",
      `  - type: met\n    status: ${status}\n    source: person:tomas`,
    );

describe("review statuses in the loader", () => {
  it("refuses a status outside the four, at the line of the status", async () => {
    const dir = await goodCopy(withStatus("approved"));
    const error = await loadDataset(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    const problem = (error as DataError).problems.find((p) => p.code === "bad-value")!;
    expect(problem.line).toBe(await lineOf(dir, "    status: approved"));
    expect(problem.message).toContain('"status" must be one of suggested, draft, reviewed, rejected');
  });

  it("still checks suggested records: a suggested edge with a quote not in the text is a located problem", async () => {
    const dir = await goodCopy((g) =>
      withStatus("suggested")(g).replace('quote: "Tomás met Ana in Seoul."', 'quote: "Tomás met Ana in Pusan."'),
    );
    const error = (await loadDataset(dir).catch((e: unknown) => e)) as DataError;
    // Reported at the `evidence:` line, just above its quote.
    const line = (await lineOf(dir, '      quote: "Tomás met Ana in Pusan."')) - 1;
    expect(error.problems.map((p) => [p.code, p.line])).toEqual([["quote-not-found", line]]);
  });

  it("leaves suggested records out by default and counts them", async () => {
    const dataset = await loadDataset(await goodCopy(withStatus("suggested")));
    expect(dataset.graph.hasNode("person:ana")).toBe(false);
    expect(dataset.graph.filterEdges((_, a) => a.type === "met")).toEqual([]);
    expect(dataset.graph.hasNode("person:tomas")).toBe(true);
    expect(dataset.review!.nodes.suggested).toBe(1);
    expect(dataset.review!.edges.suggested).toBe(1);
    expect(dataset.review!.hiddenNodes).toEqual(new Set(["person:ana"]));
    expect(dataset.review!.suggestionsShown).toBe(false);
  });

  it("shows suggested records on request, each carrying its status", async () => {
    const dataset = await loadDataset(await goodCopy(withStatus("suggested")), { suggestions: true });
    expect(dataset.graph.getNodeAttribute("person:ana", "props")).toEqual({ status: "suggested" });
    const [met] = dataset.graph.filterEdges((_, a) => a.type === "met");
    expect(dataset.graph.getEdgeAttribute(met!, "props")).toEqual({ status: "suggested" });
    // Reviewed records (none written) carry no status.
    expect(dataset.graph.getNodeAttribute("person:tomas", "props")).toEqual({});
  });

  it("shows draft records by default, and never rejected ones", async () => {
    const draft = await loadDataset(await goodCopy(withStatus("draft")));
    expect(draft.graph.getNodeAttribute("person:ana", "props")).toEqual({ status: "draft" });
    const rejected = await loadDataset(await goodCopy(withStatus("rejected")), { suggestions: true });
    expect(rejected.graph.hasNode("person:ana")).toBe(false);
    expect(rejected.review!.edges.rejected).toBe(1);
  });

  it("refuses a draft edge that names a suggested node, and an edge that names a rejected one", async () => {
    const suggestedEnd = (g: string) =>
      withStatus("suggested")(g).replace("    status: suggested\n    source: person:tomas", "    source: person:tomas");
    const error = (await loadDataset(await goodCopy(suggestedEnd)).catch((e: unknown) => e)) as DataError;
    expect(error.problems[0]!.message).toBe('reviewed edge "met" has a suggested target "person:ana"');
    expect(error.problems[0]!.hint).toBe("accept the node too (rightsgraph review alpha accept person:ana)");
    const rejectedEnd = (g: string) =>
      withStatus("rejected")(g).replace("    status: rejected\n    source: person:tomas", "    source: person:tomas");
    const error2 = (await loadDataset(await goodCopy(rejectedEnd)).catch((e: unknown) => e)) as DataError;
    expect(error2.problems[0]!.message).toBe('reviewed edge "met" has a rejected target "person:ana"');
  });

  it("leaves out a hidden document's cites edge and its citation, keeping the endnote", async () => {
    const dir = await goodCopy((g) =>
      g.replace(
        "  - id: doc:seoul-talks\n    type: document",
        "  - id: doc:seoul-talks\n    status: suggested\n    type: document",
      ),
    );
    const dataset = await loadDataset(dir);
    expect(dataset.graph.hasNode("doc:seoul-talks")).toBe(false);
    expect(dataset.graph.filterEdges((_, a) => a.type === "cites").map((e) => dataset.graph.target(e))).toEqual([
      "doc:r-1",
    ]);
    expect(dataset.sources.get("alpha")!.endnotes.get("ii")!.citations).toEqual([]);
    const shown = await loadDataset(dir, { suggestions: true });
    expect(
      shown.sources
        .get("alpha")!
        .endnotes.get("ii")!
        .citations.map((c) => c.document),
    ).toEqual(["doc:seoul-talks"]);
  });
});

describe("evidence anchors in the loader", () => {
  const anchored = (start: number, end: number) => (g: string) =>
    g.replace(
      '      quote: "Tomás met Ana in Seoul."\n      footnotes: ["^{ii}"]',
      `      quote: "Tomás met Ana in Seoul."\n      footnotes: ["^{ii}"]\n      prefix: "olution.ⁱ "\n      suffix: "^{ii}"\n      start: ${start}\n      end: ${end}`,
    );

  it("takes the stored offsets as the quote's place when they hold it", async () => {
    const dataset = await loadDataset(await goodCopy(anchored(61, 84)));
    const [met] = dataset.graph.filterEdges((_, a) => a.type === "met");
    expect(dataset.graph.getEdgeAttribute(met!, "evidence")).toMatchObject({ start: 61, end: 84 });
  });

  it("picks the occurrence the offsets name when a quote stands twice", async () => {
    const dir = await goodCopy((g) =>
      g.replace(
        '      quote: "The ROK should:"\n      footnotes: []',
        '      quote: "The ROK"\n      footnotes: []\n      start: 91\n      end: 98',
      ),
    );
    const text = await readFile(path.join(dir, "sources/alpha/source.txt"), "utf8");
    expect(text.slice(91, 98)).toBe("The ROK");
    expect(text.indexOf("The ROK")).toBeLessThan(91);
    const dataset = await loadDataset(dir);
    const [addressed] = dataset.graph.filterEdges((_, a) => a.type === "addressed-to");
    expect(dataset.graph.getEdgeAttribute(addressed!, "evidence")).toMatchObject({ start: 91, end: 98 });
  });

  it("refuses offsets that do not hold the quote, saying where it stands", async () => {
    const error = (await loadDataset(await goodCopy(anchored(60, 83))).catch((e: unknown) => e)) as DataError;
    expect(error.problems.map((p) => p.code)).toEqual(["stale-anchor"]);
    expect(error.problems[0]!.message).toContain("(it stands at 61-84)");
  });

  it("accepts a recorded SHA-256 of the text, and refuses it once the text changed, once for the source", async () => {
    const dir = await goodCopy(anchored(61, 84));
    const yamlFile = path.join(dir, "sources/alpha/source.yaml");
    const textFile = path.join(dir, "sources/alpha/source.txt");
    const text = await readFile(textFile, "utf8");
    await writeFile(yamlFile, `${await readFile(yamlFile, "utf8")}sha256: ${textSha256(text)}\n`);
    await expect(loadDataset(dir)).resolves.toBeDefined();
    await writeFile(textFile, `A new first line.\n${text}`);
    const error = (await loadDataset(dir).catch((e: unknown) => e)) as DataError;
    // One problem for the changed text; the moved offsets are not listed one by one, the quote is still found.
    expect(error.problems.map((p) => [p.code, p.file])).toEqual([["stale-anchor", "data/sources/alpha/source.yaml"]]);
  });
});

describe("arabic endnote markers", () => {
  it("loads endnotes marked 1, [2] and ³ and edges that cite them", async () => {
    const dir = await goodCopy((g) =>
      g.replace('footnotes: ["^{ii}"]', 'footnotes: ["[2]"]').replace("footnotes: [i]", "footnotes: [1]"),
    );
    const yamlFile = path.join(dir, "sources/alpha/source.yaml");
    const yaml = await readFile(yamlFile, "utf8");
    await writeFile(yamlFile, yaml.replace("marker: ⁱ", "marker: 1").replace('marker: "^{ii}"', 'marker: "²"'));
    const dataset = await loadDataset(dir);
    expect([...dataset.sources.get("alpha")!.endnotes.keys()]).toEqual(["1", "2"]);
    const [met] = dataset.graph.filterEdges((_, a) => a.type === "met");
    expect(dataset.graph.getEdgeAttribute(met!, "evidence").footnotes).toEqual(["2"]);
  });
});

describe("overrides and a corpus without sources", () => {
  it("reads an override in place of a file, and lists a source folder that exists only as overrides", async () => {
    const dir = await goodCopy();
    const overrides = new Map([
      ["sources/gamma/source.yaml", "id: gamma\ntext: source.txt\ndocument: doc:brief:alpha\ntitle: Gamma\n"],
      ["sources/gamma/source.txt", "Gamma text."],
    ]);
    const dataset = await loadDataset(dir, { overrides });
    expect([...dataset.sources.keys()]).toEqual(["alpha", "beta", "gamma"]);
  });

  it("refuses a folder with no source unless told a new corpus is fine", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "rightsgraph-empty-"));
    temporary.push(root);
    await cp(path.join(GOOD, "schema.yaml"), path.join(root, "schema.yaml"));
    await expect(loadDataset(root)).rejects.toThrow("no source folders found");
    const dataset = await loadDataset(root, { allowNoSources: true });
    expect(dataset.graph.order).toBe(0);
  });
});
