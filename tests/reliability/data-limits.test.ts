// Loader edges the hostile-data property found: YAML aliases (inside records, and "billion laughs" bombs).
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data";
import { DataError } from "../../src/errors";
import { LoaderSandbox, type LoadOutcome } from "./helpers/loader-sandbox";

const temporary: string[] = [];
afterAll(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A copy of the good fixture in a folder named "data", with `file` rewritten by `edit`. */
async function fixtureWith(file: string, edit: (text: string) => string): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "rightsgraph-data-limits-"));
  temporary.push(root);
  const dir = path.join(root, "data");
  await cp("tests/fixtures/data/good", dir, { recursive: true });
  const target = path.join(dir, file);
  await writeFile(target, edit(await readFile(target, "utf8")));
  return dir;
}

const BOMB = [
  "lol0: &a0 [x, x, x, x, x, x, x, x, x, x]",
  ...Array.from({ length: 8 }, (_, k) => `lol${k + 1}: &a${k + 1} [${Array(10).fill(`*a${k}`).join(", ")}]`),
].join("\n");

describe("loadDataset and YAML aliases", () => {
  it("reports an alias bomb as a located yaml-syntax problem instead of throwing a ReferenceError", async () => {
    const dir = await fixtureWith("entities/states.yaml", (text) => `${text}\n${BOMB}\n`);
    const error = await loadDataset(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    const problem = (error as DataError).problems.find((p) => p.code === "yaml-syntax");
    expect(problem).toMatchObject({ file: "data/entities/states.yaml", message: expect.stringContaining("alias") });
    const lines = (await readFile(path.join(dir, "entities/states.yaml"), "utf8")).split("\n");
    expect(lines[problem!.line - 1]).toContain("*a0");
  });

  it("reads an alias inside a record as the value it refers to", async () => {
    const dir = await fixtureWith("entities/states.yaml", (text) =>
      text
        .replace("aliases: [DPRK, North Korea]", "aliases: &korea [DPRK, North Korea]")
        .replace("aliases: [ROK]", "aliases: *korea"),
    );
    const dataset = await loadDataset(dir);
    expect(dataset.graph.getNodeAttribute("state:kor", "aliases")).toEqual(["DPRK", "North Korea"]);
    expect(dataset.graph.getNodeAttribute("state:prk", "aliases")).toEqual(["DPRK", "North Korea"]);
  });
});

describe("loadDataset and deep nesting", () => {
  it("reports mappings nested 200 deep as a located problem", async () => {
    const deep = `${"{a: ".repeat(200)}x${"}".repeat(200)}`;
    const dir = await fixtureWith("sources/beta/graph.yaml", (text) =>
      text.replace("type: sponsored", `type: ${deep}`),
    );
    const error = await loadDataset(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    const [problem] = (error as DataError).problems;
    expect(problem).toMatchObject({
      file: "data/sources/beta/graph.yaml",
      code: "yaml-syntax",
      message: "YAML: mappings and lists nested more than 64 levels deep",
    });
    const lines = (await readFile(path.join(dir, "sources/beta/graph.yaml"), "utf8")).split("\n");
    expect(lines[problem!.line - 1]).toContain("type: {a: ");
  });

  it("answers 3,000 levels and an alias bomb at once, where it took seconds per alias walk", async () => {
    const deep = `${"{a: ".repeat(3000)}${"}".repeat(3000)}`;
    const dir = await fixtureWith(
      "sources/beta/graph.yaml",
      (text) => `${text.replace("type: sponsored", `type: ${deep}`)}\n${BOMB}\n`,
    );
    // In a worker thread, as in the hostile-data test that found it: there the parser's stack holds these levels.
    const sandbox = new LoaderSandbox();
    try {
      const outcome = await sandbox.load(dir, 5000);
      expect(outcome.type).toBe("data-error");
      expect((outcome as Extract<LoadOutcome, { type: "data-error" }>).problems).toEqual([
        expect.objectContaining({ file: "data/sources/beta/graph.yaml", code: "yaml-syntax", line: 9 }),
      ]);
    } finally {
      await sandbox.close();
    }
  });

  it("still loads data nested a few levels deep", async () => {
    const dataset = await loadDataset(await fixtureWith("entities/states.yaml", (text) => text));
    expect(dataset.graph.order).toBeGreaterThan(5);
  });
});
