// The loader: every kind of broken data is reported with its code, file and line; valid data builds the whole graph.
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data";
import { DataError, PROBLEM_CODES } from "../../src/errors";

const FIXTURES = path.resolve("tests/fixtures/data");
const GOOD = path.join(FIXTURES, "good");
const temporary: string[] = [];

/** The good fixture with a broken case's files laid over it, in a temporary folder named "data". */
async function brokenCopy(name: string): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "rightsgraph-broken-"));
  temporary.push(root);
  const dir = path.join(root, "data");
  await cp(GOOD, dir, { recursive: true });
  await cp(path.join(FIXTURES, "broken", name), dir, { recursive: true });
  await rm(path.join(dir, "expected.json"));
  return dir;
}

async function loadError(dir: string): Promise<DataError> {
  const error = await loadDataset(dir).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataError);
  return error as DataError;
}

afterAll(async () => {
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe("loadDataset on broken data", async () => {
  const cases = (await readdir(path.join(FIXTURES, "broken"))).sort();

  it("has a broken fixture for every problem code the loader reports, and no fixture for a code it lacks", async () => {
    const codes = await Promise.all(
      cases.map(async (name) => {
        const expected = JSON.parse(await readFile(path.join(FIXTURES, "broken", name, "expected.json"), "utf8"));
        return expected.code as string;
      }),
    );
    const uncovered = PROBLEM_CODES.filter((code) => !codes.includes(code));
    expect(uncovered, "add a folder to tests/fixtures/data/broken/ for each of these codes").toEqual([]);
    expect(codes.filter((code) => !(PROBLEM_CODES as readonly string[]).includes(code))).toEqual([]);
  });

  for (const name of cases) {
    it(`reports ${name} with its code, file and line`, async () => {
      const expected = JSON.parse(await readFile(path.join(FIXTURES, "broken", name, "expected.json"), "utf8"));
      const error = await loadError(await brokenCopy(name));
      const match = error.problems.find((p) => p.code === expected.code && p.file === `data/${expected.file}`);
      expect(match, `problems were:\n${error.message}`).toBeDefined();
      expect(match!.line).toBe(expected.line);
      expect(match!.message).toContain(expected.message);
    });
  }

  it("shows the closest passage when a quote is not verbatim", async () => {
    const error = await loadError(await brokenCopy("quote-not-found"));
    const problem = error.problems.find((p) => p.code === "quote-not-found")!;
    expect(problem.hint).toBe('closest passage: "Tomás met Ana in Seoul."');
  });

  it("suggests the closest id for a dangling reference", async () => {
    const error = await loadError(await brokenCopy("dangling-reference"));
    expect(error.problems.find((p) => p.code === "dangling-reference")!.hint).toBe('did you mean "person:ana"?');
  });

  it("lists every problem at once, not only the first", async () => {
    const dir = await brokenCopy("unknown-field");
    await cp(path.join(FIXTURES, "broken", "quote-not-found", "sources"), path.join(dir, "sources"), {
      recursive: true,
    });
    const error = await loadError(dir);
    expect(error.problems.map((p) => p.code).sort()).toEqual(["quote-not-found", "unknown-field"]);
  });

  it("does not list unknown nodes caused by a file that did not parse", async () => {
    const error = await loadError(await brokenCopy("yaml-syntax"));
    expect(new Set(error.problems.map((p) => p.code))).toEqual(new Set(["yaml-syntax"]));
  });

  it("reports a data folder without a schema", async () => {
    const error = await loadError(path.join(FIXTURES, "no-such-folder"));
    expect(error.problems).toEqual([
      expect.objectContaining({ code: "missing-file", file: "no-such-folder/schema.yaml" }),
    ]);
  });
});

describe("loadDataset on valid data", async () => {
  const { graph, sources, schema } = await loadDataset(GOOD);

  it("builds every node and edge, cites edges included", () => {
    expect(graph.order).toBe(9);
    expect(graph.size).toBe(7);
    expect(schema.edgeTypes.get("cites")!.provenance).toBe(true);
  });

  it("keeps an entity named by two sources as one node that lists both", () => {
    expect(graph.getNodeAttribute("state:kor", "sources")).toEqual(["alpha", "beta"]);
    expect(graph.getNodeAttribute("doc:r-1", "sources")).toEqual(["alpha", "beta"]);
    expect(graph.getNodeAttribute("state:prk", "sources")).toEqual(["beta"]);
  });

  it("turns a joint act into one edge per party, each with its own sentence and the claim's", () => {
    const dprk = graph.getEdgeAttributes("state:prk--sponsored--doc:r-1");
    const rok = graph.getEdgeAttributes("state:kor--sponsored--doc:r-1");
    expect(dprk.sentence).toBe("The DPRK sponsored R/1.");
    expect(rok.sentence).toBe("The Republic of Korea sponsored R/1.");
    expect([dprk.claim, rok.claim]).toEqual(["state:prk--sponsored--doc:r-1", "state:prk--sponsored--doc:r-1"]);
    expect([dprk.claimSentence, dprk.claimSize]).toEqual(["The DPRK and the Republic of Korea sponsored R/1.", 2]);
    expect(rok.claimSentence).toBe(dprk.claimSentence);
  });

  it("writes a claim of one edge with its type's reading, attributes and short names, and no claim sentence", () => {
    const declined = graph.getEdgeAttributes("state:kor--declined--doc:r-1");
    expect(declined.sentence).toBe("The Republic of Korea declined co-sponsorship of R/1.");
    expect(declined.claim).toBe("state:kor--declined--doc:r-1");
    expect(declined.claimSentence).toBeUndefined();
    expect(graph.getEdgeAttribute("rec:alpha-1--addressed-to--state:kor", "sentence")).toBe(
      "Alpha recommendation 1 is addressed to the Republic of Korea.",
    );
  });

  it("records evidence with normalised endnotes, the source document and exact offsets", () => {
    const text = sources.get("alpha")!.text;
    const evidence = graph.getEdgeAttribute("person:tomas--met--person:ana", "evidence");
    expect(evidence).toEqual({
      quote: "Tomás met Ana in Seoul.",
      footnotes: ["ii"],
      sourceDoc: "doc:brief:alpha",
      start: text.indexOf("Tomás"),
      end: text.indexOf("Tomás") + 23,
    });
    expect(text.slice(evidence.start, evidence.end)).toBe(evidence.quote);
  });

  it("makes a cites edge per citation with its endnote and locator", () => {
    const cites = graph.getEdgeAttributes("doc:brief:alpha--cites--doc:r-1--i");
    expect(cites.props).toEqual({ endnote: "i", locator: "p.4", modality: "asserted" });
    expect(cites.sentence).toBe("The Alpha brief cites R/1 (endnote i, p.4).");
    expect(cites.evidence.quote).toBe("Resolution R/1, 2019, p.4");
    expect(graph.source("doc:brief:alpha--cites--doc:r-1--i")).toBe("doc:brief:alpha");
  });

  it("keeps declared attributes typed and the edge label given in the data", () => {
    const declined = graph.getEdgeAttributes("state:kor--declined--doc:r-1");
    expect(declined).toMatchObject({
      label: "declined to co-sponsor",
      date: "2019-11",
      props: { what: "co-sponsorship" },
    });
    expect(graph.getEdgeAttribute("state:prk--sponsored--doc:r-1", "label")).toBe("sponsored");
    expect(graph.getNodeAttribute("rec:alpha-1", "props")).toEqual({ text: "Engage with the DPRK." });
  });
});
