// Loading a folder again, as edit mode does at every write: generated edge ids stay as they were, a changed file is
// read as changed (parsed files and schemas are remembered by their text), and no two loads share what they built (but
// the schema, which nothing changes).
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data";
import type { DataError } from "../../src/errors";
import { tempDir } from "../helpers/temp-dir";

const GOOD = path.resolve("tests/fixtures/data/good");
const BROKEN = path.resolve("tests/fixtures/data/broken");
const tmp = tempDir("rightsgraph-repeat-load");
afterAll(tmp.remove);

let copies = 0;
/** A copy of the good fixture, in a folder of its own. */
function goodCopy(): string {
  const dir = path.join(tmp.path, `data-${++copies}`);
  cpSync(GOOD, dir, { recursive: true });
  return dir;
}

/** A `met` claim between the fixture's two people, on the quote that says they met. */
function met(from: string, to: string, id?: string): string {
  return [
    "  - type: met",
    ...(id ? [`    id: ${id}`] : []),
    `    source: ${from}`,
    `    target: ${to}`,
    "    evidence:",
    '      quote: "Tomás met Ana in Seoul."',
    "      footnotes: [ii]",
    "",
  ].join("\n");
}

describe("generated edge ids", () => {
  it("number a pair's parallel claims --2, --3 past the ids the data writes, and stay the same at every load", async () => {
    const dir = goodCopy();
    const graphFile = path.join(dir, "sources/alpha/graph.yaml");
    writeFileSync(
      graphFile,
      readFileSync(graphFile, "utf8") +
        met("person:tomas", "person:ana") +
        met("person:tomas", "person:ana", "person:tomas--met--person:ana--3") +
        met("person:tomas", "person:ana") +
        met("person:ana", "person:tomas") +
        // An id the data writes that is another pair's generated base: that pair's first claim takes --2.
        met("person:tomas", "person:ana", "person:ana--met--person:tomas"),
    );
    const ids = async () =>
      (await loadDataset(dir)).graph
        .filterEdges((_edge, attributes) => attributes.type === "met")
        .sort()
        .join(" ");
    const first = await ids();
    expect(first).toBe(
      [
        "person:ana--met--person:tomas",
        "person:ana--met--person:tomas--2",
        "person:tomas--met--person:ana",
        "person:tomas--met--person:ana--2",
        "person:tomas--met--person:ana--3",
        "person:tomas--met--person:ana--4",
      ].join(" "),
    );
    expect(await ids()).toBe(first);
  });
});

describe("a folder loaded again", () => {
  it("reads a file changed since the last load as it is now", async () => {
    const dir = goodCopy();
    expect((await loadDataset(dir)).graph.getNodeAttribute("state:kor", "label")).toBe("Republic of Korea");
    const states = path.join(dir, "entities/states.yaml");
    writeFileSync(states, readFileSync(states, "utf8").replace("label: Republic of Korea", "label: South Korea"));
    expect((await loadDataset(dir)).graph.getNodeAttribute("state:kor", "label")).toBe("South Korea");
    writeFileSync(states, readFileSync(states, "utf8").replace("aliases: [ROK]", "aliases: [ROK"));
    const error = await loadDataset(dir).catch((e: unknown) => e);
    expect(error).toMatchObject({ problems: [expect.objectContaining({ code: "yaml-syntax" })] });
  });

  it("names its own files when another folder holds the same texts (each text is parsed once)", async () => {
    for (const broken of ["duplicate-key", "missing-field"]) {
      const problems: string[][] = [];
      for (const copy of ["first", "second"]) {
        const dir = path.join(tmp.path, `${broken}-${copy}`);
        cpSync(GOOD, dir, { recursive: true });
        cpSync(path.join(BROKEN, broken), dir, { recursive: true });
        const error = (await loadDataset(dir).catch((e: unknown) => e)) as DataError;
        problems.push(error.problems.map((p) => `${p.file}:${p.line}: ${p.code}`));
      }
      expect(problems[0]).toEqual([
        expect.stringMatching(new RegExp(`^${broken}-first/entities/states\\.yaml:\\d+: `)),
      ]);
      expect(problems[1]).toEqual(problems[0]!.map((p) => p.replace(`${broken}-first/`, `${broken}-second/`)));
    }
  });

  it("reads the schema once for each text: the next load shares it, a changed schema is read again", async () => {
    const dir = goodCopy();
    const first = await loadDataset(dir);
    expect((await loadDataset(goodCopy())).schema).toBe(first.schema);
    const file = path.join(dir, "schema.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("label: declined", "label: turned down"));
    const changed = await loadDataset(dir);
    expect(changed.schema).not.toBe(first.schema);
    expect(changed.schema.edgeTypes.get("declined")!.label).toBe("turned down");
    writeFileSync(file, readFileSync(file, "utf8").replace("version: 1", "version: 2"));
    for (let load = 0; load < 2; load++) {
      const error = (await loadDataset(dir).catch((e: unknown) => e)) as DataError;
      expect(error.problems.map((p) => p.message)).toEqual(["schema: version must be 1, found 2"]);
    }
  });

  it("builds new values each time: a change to one load's graph is not seen by the next", async () => {
    const dir = goodCopy();
    const first = await loadDataset(dir);
    first.graph.getNodeAttribute("state:prk", "aliases").push("changed");
    first.graph.getEdgeAttribute("state:kor--declined--doc:r-1", "props").what = "changed";
    first.graph.getEdgeAttribute("person:tomas--met--person:ana", "evidence").footnotes.push("changed");
    const second = await loadDataset(dir);
    expect(second.graph.getNodeAttribute("state:prk", "aliases")).toEqual(["DPRK", "North Korea"]);
    expect(second.graph.getEdgeAttribute("state:kor--declined--doc:r-1", "props").what).toBe("co-sponsorship");
    expect(second.graph.getEdgeAttribute("person:tomas--met--person:ana", "evidence").footnotes).toEqual(["ii"]);
  });
});
