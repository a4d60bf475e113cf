// The loader writes each claim's sentence from its reading: an edge's own reading, a negated reading, a hedge the
// sentence must keep, the short names and articles of the nodes; and it refuses a claim it cannot write, at its line.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data";
import { DataError, type Problem } from "../../src/errors";

const GOOD = path.resolve("tests/fixtures/data/good");
const temporary: string[] = [];

/** Attributes every edge may carry, as graph-data/schema.yaml declares them. */
const EDGE_ATTRIBUTES = `
edge_attributes:
  modality:
    kind: string
    values: [asserted, attributed, hedged]
  negated:
    kind: boolean
  qualifier:
    kind: string
`;

/** The good fixture with the shared edge attributes and `edges` as the beta source's claims. */
async function folderWith(edges: string, nodes = ""): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "rightsgraph-readings-"));
  temporary.push(root);
  const dir = path.join(root, "data");
  await cp(GOOD, dir, { recursive: true });
  const schema = await readFile(path.join(dir, "schema.yaml"), "utf8");
  await writeFile(path.join(dir, "schema.yaml"), schema + EDGE_ATTRIBUTES);
  const graph = [
    "nodes:",
    "  - id: doc:brief:beta",
    "    type: document",
    "    kind: brief",
    "    label: Beta brief",
    "    description: The second test source.",
    nodes,
    "edges:",
    edges,
  ].join("\n");
  await writeFile(path.join(dir, "sources/beta/graph.yaml"), graph);
  return dir;
}

async function problemsOf(dir: string): Promise<Problem[]> {
  const error = await loadDataset(dir).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataError);
  return (error as DataError).problems;
}

const QUOTE = "the DPRK and the ROK jointly sponsored resolution R/1";

afterAll(async () => {
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("edge readings in the loader", () => {
  it("refuses a negated claim of a type without a negated reading, at the line of `negated`", async () => {
    const edges = [
      "  - type: sponsored",
      "    source: state:prk",
      "    target: doc:r-1",
      "    negated: true",
      "    evidence:",
      `      quote: "${QUOTE}"`,
    ].join("\n");
    const problems = await problemsOf(await folderWith(edges));
    expect(problems).toEqual([
      expect.objectContaining({
        code: "bad-reading",
        file: "data/sources/beta/graph.yaml",
        line: 12,
        message: expect.stringContaining(
          'a negated claim needs a reading that says it did not happen; type "sponsored"',
        ),
      }),
    ]);
  });

  it("refuses a hedged claim whose reading drops its hedge, at the line of `qualifier`", async () => {
    const edges = [
      "  - type: sponsored",
      "    source: state:prk",
      "    target: doc:r-1",
      "    modality: hedged",
      "    qualifier: appeared to",
      "    evidence:",
      `      quote: "${QUOTE}"`,
    ].join("\n");
    const problems = await problemsOf(await folderWith(edges));
    expect(problems).toEqual([
      expect.objectContaining({
        code: "bad-reading",
        line: 13,
        message: expect.stringContaining(
          'a hedged claim reads with its hedge, and its reading does not say "appeared to"',
        ),
      }),
    ]);
  });

  it("refuses an article other than `the`, at its line", async () => {
    const nodes = [
      "  - id: doc:other",
      "    type: document",
      "    kind: article",
      "    label: Other",
      "    article: an",
      "    description: Another document.",
    ].join("\n");
    const edges = ["  - type: sponsored", "    source: state:prk", "    target: doc:other", "    evidence:"].join("\n");
    const problems = await problemsOf(await folderWith(`${edges}\n      quote: "${QUOTE}"`, nodes));
    expect(problems).toEqual([
      expect.objectContaining({
        code: "bad-value",
        line: 11,
        message: expect.stringContaining('article must be the, found "an"'),
      }),
    ]);
  });

  it("writes a negated claim with its type's negated reading, and a hedged one with its own reading", async () => {
    const edges = [
      "  - type: declined",
      "    source: state:prk",
      "    target: doc:r-1",
      "    what: co-sponsorship",
      "    negated: true",
      "    evidence:",
      `      quote: "${QUOTE}"`,
      "  - type: sponsored",
      "    source: [state:prk, state:kor]",
      "    target: doc:r-1",
      '    reading: "{source} appeared to sponsor {target}"',
      "    modality: hedged",
      "    qualifier: appeared to",
      "    evidence:",
      `      quote: "${QUOTE}"`,
    ].join("\n");
    const { graph } = await loadDataset(await folderWith(edges));
    expect(graph.getEdgeAttribute("state:prk--declined--doc:r-1", "sentence")).toBe(
      "The DPRK did not decline co-sponsorship of R/1.",
    );
    const hedged = graph.getEdgeAttributes("state:kor--sponsored--doc:r-1");
    expect(hedged.sentence).toBe("The Republic of Korea appeared to sponsor R/1.");
    expect(hedged.claimSentence).toBe("The DPRK and the Republic of Korea appeared to sponsor R/1.");
    expect(hedged.reading).toBe("{source} appeared to sponsor {target}");
    expect(hedged.label).toBe("sponsored");
  });
});
