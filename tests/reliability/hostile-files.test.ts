// Hostile files: a data folder cannot make a load read a device, wait on a FIFO, or read or hold more than its
// limits; each such file is refused as a located problem and the load ends.
import { execFileSync } from "node:child_process";
import { appendFile, mkdir, readdir, readFile, rename, stat, symlink, truncate, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_LOAD_LIMITS, loadDataset } from "../../src/data";
import { MAX_COMPARED_LENGTH } from "../../src/data/closest-passage";
import type { Problem } from "../../src/errors";
import { DataCopies, FIXTURE_DATA, problemsOf } from "./helpers/data-copy";
import { LoaderSandbox, type LoadOutcome } from "./helpers/loader-sandbox";
import { Tally } from "./helpers/tally";

// Only a load that never ends runs into this: the fixed loads answer at once.
const HANG_MS = 20_000;

const copies = new DataCopies();
const sandbox = new LoaderSandbox();
const tally = new Tally("hostile-files");
afterAll(async () => {
  await sandbox.close();
  await copies.removeAll();
  tally.save();
});

/** Loads `dir` in a worker that is stopped if the load never ends, and returns its problems. */
async function sandboxedProblems(dir: string): Promise<Problem[]> {
  const outcome: LoadOutcome = await sandbox.load(dir, HANG_MS);
  tally.add("tried");
  tally.add(outcome.type === "data-error" ? "refused" : outcome.type);
  expect(outcome.type).toBe("data-error");
  return (outcome as Extract<LoadOutcome, { type: "data-error" }>).problems;
}

async function replaceWithLink(file: string, target: string): Promise<void> {
  await rename(file, `${file}.orig`);
  await symlink(target, file);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe("a data folder cannot make a load read without end", () => {
  it("refuses a source.txt linked to /dev/zero, which grew validate to 13.5 GB", async () => {
    const { dir } = await copies.copy(FIXTURE_DATA);
    await replaceWithLink(path.join(dir, "sources/alpha/source.txt"), "/dev/zero");
    expect(await sandboxedProblems(dir)).toEqual([
      expect.objectContaining({ code: "unsafe-path", file: "data/sources/alpha/source.txt", line: 1 }),
    ]);
  });

  it("refuses a FIFO as source.txt without waiting for a writer", async () => {
    const { dir } = await copies.copy(FIXTURE_DATA);
    const fifo = path.join(dir, "sources/alpha/source.txt");
    await rename(fifo, `${fifo}.orig`);
    execFileSync("mkfifo", [fifo]);
    expect(await sandboxedProblems(dir)).toEqual([
      expect.objectContaining({
        code: "bad-file",
        file: "data/sources/alpha/source.txt",
        line: 1,
        message: "data/sources/alpha/source.txt is a named pipe (FIFO)",
      }),
    ]);
  });

  it("refuses a folder named like an entity file, which was skipped without a word", async () => {
    const { dir } = await copies.copy(FIXTURE_DATA);
    await mkdir(path.join(dir, "entities/people.yaml"));
    expect(await sandboxedProblems(dir)).toEqual([
      expect.objectContaining({
        code: "bad-file",
        file: "data/entities/people.yaml",
        message: "data/entities/people.yaml is a folder",
      }),
    ]);
  });

  it("refuses a source text over the limit for one file before reading any of it", async () => {
    const { dir } = await copies.copy(FIXTURE_DATA);
    // Sparse: the size is there for fstat, the bytes never are.
    await truncate(path.join(dir, "sources/alpha/source.txt"), DEFAULT_LOAD_LIMITS.fileBytes + 1);
    expect(await sandboxedProblems(dir)).toEqual([
      expect.objectContaining({
        code: "bad-file",
        file: "data/sources/alpha/source.txt",
        line: 1,
        message: "data/sources/alpha/source.txt is 64.1 MiB, over the limit of 64.0 MiB for one file",
      }),
    ]);
  });

  it("refuses a YAML file with a 9 MB string, over the YAML limit (a 30 MB one took 1.1 GB)", async () => {
    const { dir } = await copies.copy(FIXTURE_DATA);
    const big = `nodes:\n  - id: state:big\n    type: state\n    label: "${"x".repeat(9 * 1024 * 1024)}"\n`;
    await writeFile(path.join(dir, "entities/big.yaml"), big);
    expect(await sandboxedProblems(dir)).toEqual([
      expect.objectContaining({
        code: "bad-file",
        file: "data/entities/big.yaml",
        message: "data/entities/big.yaml is 9.1 MiB, over the limit of 8.0 MiB for one YAML file",
      }),
    ]);
  });

  it("refuses a folder over the limit for a folder, and loads it at exactly the limit", async () => {
    const { dir } = await copies.copy(FIXTURE_DATA);
    const sizes = await Promise.all((await filesUnder(dir)).map(async (file) => (await stat(file)).size));
    const total = sizes.reduce((a, b) => a + b, 0);
    const { graph } = await loadDataset(dir, { limits: { folderBytes: total } });
    expect(graph.order).toBe(9);
    const problems = await problemsOf(dir, { limits: { folderBytes: total - 1 } });
    tally.add("tried");
    expect(problems).toEqual([
      expect.objectContaining({ code: "bad-file", message: expect.stringContaining("for a folder"), line: 1 }),
    ]);
    tally.add("refused");
  });
});

describe("quotes not found cannot make a load search without end", () => {
  it("lists 30 wrong 8 KB quotes in an 800 KB text, with closest passages until the hint budget is spent", async () => {
    const { dir } = await copies.copy(FIXTURE_DATA);
    const textFile = path.join(dir, "sources/alpha/source.txt");
    const sentences = Array.from({ length: 16_000 }, (_, i) => `Report ${i} says the council urged restraint.`);
    await appendFile(textFile, `${sentences.join(" ")}\n`);
    const text = await readFile(textFile, "utf8");
    const quotes = Array.from({ length: 30 }, (_, i) =>
      text.slice(1000 + i * 20_000, 9000 + i * 20_000).replace(/e/g, "é"),
    );
    const claims = quotes.map(
      (quote) =>
        `  - type: met\n    source: person:tomas\n    target: person:ana\n    evidence:\n      quote: ${JSON.stringify(quote)}\n`,
    );
    await appendFile(path.join(dir, "sources/alpha/graph.yaml"), claims.join(""));
    const problems = (await sandboxedProblems(dir)).filter((p) => p.code === "quote-not-found");
    // Each search reads the text and the compared start of its quote once.
    const searched = Math.floor(DEFAULT_LOAD_LIMITS.hintCharacters / (text.length + MAX_COMPARED_LENGTH));
    expect(searched).toBeLessThan(30);
    expect(problems).toHaveLength(30);
    expect(problems.slice(0, searched).every((p) => p.hint?.startsWith("closest passage: "))).toBe(true);
    expect(problems.slice(searched).every((p) => p.hint?.startsWith("no closest passage searched"))).toBe(true);
  });
});

// Any C0 or C1 control character but tab and line feed, written raw.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Counts the attempt and checks that every problem names control characters without writing them. */
function expectNoneRaw(problems: Problem[]): void {
  tally.add("tried");
  const raw = problems.filter((p) => p.code === "control-character" && RAW_CONTROL.test(`${p.file} ${p.message}`));
  expect(raw).toEqual([]);
  tally.add("refused");
}

describe("control characters cannot reach a terminal from the data", () => {
  it("refuses ESC, BEL, CR, C1 CSI and an OSC sequence in values and keys, each at its line, named U+XXXX", async () => {
    const { dir } = await copies.copy(FIXTURE_DATA);
    const file = path.join(dir, "entities/states.yaml");
    const text = (await readFile(file, "utf8"))
      .replace("label: Republic of Korea", 'label: "Republic of Korea\\e[2J"')
      .replace("aliases: [ROK]", 'aliases: [ROK, "R\\x9bK"]')
      .replace("description: South Korea.", 'description: |\n      South\x07 Korea.\n    "osc\\e]8;;x\\a": 1')
      .replace("description: North Korea.", 'description: "North Korea.\\rdata is valid"');
    await writeFile(file, text);
    const lines = text.split("\n");
    const lineOf = (needle: string) => lines.findIndex((line) => line.includes(needle)) + 1;
    const problems = await problemsOf(dir);
    expectNoneRaw(problems);
    const at = (line: number, message: string) =>
      expect.objectContaining({ code: "control-character", file: "data/entities/states.yaml", line, message });
    expect(problems.filter((p) => p.code === "control-character")).toEqual([
      at(lineOf("North Korea.\\r"), '"description" holds control character U+000D'),
      at(lineOf("Korea\\e[2J"), '"label" holds control character U+001B'),
      at(lineOf("R\\x9bK"), "a value holds control character U+009B"),
      at(lineOf("South\x07"), '"description" holds control character U+0007'),
      at(lineOf("osc"), "a key holds control character U+001B"),
    ]);
  });

  it("refuses a control character escaped in a JSON Lines record, in a value or in a key", async () => {
    const { dir } = await copies.copy(FIXTURE_DATA);
    const records = [
      { node: { id: "person:esc", type: "person", label: "Esc\u001b[2J", description: "A person." } },
      { node: { id: "person:key", type: "person", label: "Key", description: "A person.", "x\u009b": 1 } },
    ];
    await writeFile(path.join(dir, "entities/people.jsonl"), records.map((r) => JSON.stringify(r)).join("\n"));
    const problems = await problemsOf(dir);
    expectNoneRaw(problems);
    expect(problems.filter((p) => p.code === "control-character")).toEqual([
      expect.objectContaining({ line: 1, message: "a value holds control character U+001B" }),
      expect.objectContaining({ line: 2, message: "a key holds control character U+009B" }),
    ]);
  });

  it("refuses a control character in a source text at its line, counting the others", async () => {
    const { dir } = await copies.copy(FIXTURE_DATA);
    const file = path.join(dir, "sources/beta/source.txt");
    await writeFile(file, (await readFile(file, "utf8")).replace(/\n$/, "\n\u001b]0;title\u0007\u009b2J\n"));
    const problems = await problemsOf(dir);
    expectNoneRaw(problems);
    const lines = (await readFile(file, "utf8")).split("\n").length - 1;
    expect(problems).toEqual([
      expect.objectContaining({
        code: "control-character",
        file: "data/sources/beta/source.txt",
        line: lines,
        message: "the source text holds control character U+001B (and 2 more)",
      }),
    ]);
  });

  it("refuses a file whose name holds a control character, naming it escaped", async () => {
    const { dir } = await copies.copy(FIXTURE_DATA);
    await writeFile(path.join(dir, "entities/bad\u001b[2J.yaml"), "nodes: []\n");
    const problems = await problemsOf(dir);
    tally.add("tried");
    expect(problems).toEqual([
      expect.objectContaining({
        code: "unsafe-path",
        file: "data/entities/bad\\u{1b}[2J.yaml",
        message: "data/entities/bad\\u{1b}[2J.yaml has control character U+001B in its name",
      }),
    ]);
    tally.add("refused");
  });
});
