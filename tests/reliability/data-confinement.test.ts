// Data-folder confinement: a data folder cannot make the loader read, quote or serve a file outside it, whether by
// a path in source.yaml or by a link; links inside the folder, and a link to the folder itself, still work.
import { mkdir, readFile, rename, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { loadDataset } from "../../src/data";
import type { Problem } from "../../src/errors";
import { BUNDLED_DATA, DataCopies, FIXTURE_DATA, problemsOf } from "./helpers/data-copy";
import { Tally } from "./helpers/tally";

const SOURCE = "sources/dprk-2020-brief";
const SECRET = "outside-secret: a line that must never appear in a problem or an answer";

const copies = new DataCopies();
const tally = new Tally("confinement");
afterAll(async () => {
  await copies.removeAll();
  tally.save();
});

/** A copy of the bundled data, and a file beside it (outside the data folder) holding SECRET. */
async function bundledWithOutsideFile(): Promise<{ root: string; dir: string; outside: string }> {
  const { root, dir } = await copies.copy(BUNDLED_DATA);
  const outside = path.join(root, "outside.txt");
  await writeFile(outside, `${SECRET}\n`);
  return { root, dir, outside };
}

async function setText(dir: string, value: string): Promise<number> {
  const file = path.join(dir, SOURCE, "source.yaml");
  const lines = (await readFile(file, "utf8")).split("\n");
  const index = lines.findIndex((line) => line.startsWith("text: "));
  lines[index] = `text: ${value}`;
  await writeFile(file, lines.join("\n"));
  return index + 1;
}

/** Counts the attempt, and checks that the load was refused with `code` and leaked nothing of the outside file. */
function expectRefused(problems: Problem[], code: Problem["code"], file: string, line: number): void {
  tally.add("tried");
  const leaked = problems.some((p) => `${p.message} ${p.hint ?? ""}`.includes("outside-secret"));
  if (leaked) tally.add("leaked");
  expect(leaked).toBe(false);
  expect(problems).toContainEqual(expect.objectContaining({ code, file: `data/${file}`, line }));
  tally.add("refused");
}

describe("a data folder cannot reach outside itself", () => {
  it("refuses text: ../../../outside.txt at the line of text, quoting nothing of the file", async () => {
    const { dir } = await bundledWithOutsideFile();
    const line = await setText(dir, "../../../outside.txt");
    const problems = await problemsOf(dir);
    expectRefused(problems, "unsafe-path", `${SOURCE}/source.yaml`, line);
    // The source's claims are not checked against some other text: the only problem is the path.
    expect(problems.map((p) => p.code)).toEqual(["unsafe-path"]);
  });

  it("refuses an absolute text path", async () => {
    const { dir, outside } = await bundledWithOutsideFile();
    const line = await setText(dir, outside);
    expectRefused(await problemsOf(dir), "unsafe-path", `${SOURCE}/source.yaml`, line);
  });

  it("refuses a text name with a folder in it, even a folder inside the source's own", async () => {
    const { dir } = await copies.copy(BUNDLED_DATA);
    await mkdir(path.join(dir, SOURCE, "texts"));
    await rename(path.join(dir, SOURCE, "source.txt"), path.join(dir, SOURCE, "texts/source.txt"));
    const line = await setText(dir, "texts/source.txt");
    expectRefused(await problemsOf(dir), "unsafe-path", `${SOURCE}/source.yaml`, line);
  });

  it("refuses a source.txt that is a link to a file outside", async () => {
    const { dir, outside } = await bundledWithOutsideFile();
    await rename(path.join(dir, SOURCE, "source.txt"), path.join(dir, SOURCE, "source.txt.orig"));
    await symlink(outside, path.join(dir, SOURCE, "source.txt"));
    const problems = await problemsOf(dir);
    expectRefused(problems, "unsafe-path", `${SOURCE}/source.txt`, 1);
    expect(problems.map((p) => p.code)).toEqual(["unsafe-path"]);
  });

  it("refuses a source folder that is a link to a folder outside", async () => {
    const { root, dir } = await copies.copy(FIXTURE_DATA);
    await rename(path.join(dir, "sources/beta"), path.join(root, "beta"));
    await symlink(path.join(root, "beta"), path.join(dir, "sources/beta"));
    expectRefused(await problemsOf(dir), "unsafe-path", "sources/beta/source.yaml", 1);
  });

  it("reports an entity file that is a link to a file outside, instead of skipping it", async () => {
    const { root, dir } = await copies.copy(FIXTURE_DATA);
    await rename(path.join(dir, "entities/states.yaml"), path.join(root, "states.yaml"));
    await symlink(path.join(root, "states.yaml"), path.join(dir, "entities/states.yaml"));
    expectRefused(await problemsOf(dir), "unsafe-path", "entities/states.yaml", 1);
  });

  it("reports an entity file that is a broken link", async () => {
    const { dir } = await copies.copy(FIXTURE_DATA);
    await symlink("no-such-file.yaml", path.join(dir, "entities/more.yaml"));
    const problems = await problemsOf(dir);
    tally.add("tried");
    expect(problems).toContainEqual(expect.objectContaining({ code: "missing-file", file: "data/entities/more.yaml" }));
    tally.add("refused");
  });

  it("follows a link to another file inside the data folder", async () => {
    const { dir } = await copies.copy(FIXTURE_DATA);
    await mkdir(path.join(dir, "shared"));
    await rename(path.join(dir, "entities/states.yaml"), path.join(dir, "shared/states.yaml"));
    await symlink("../shared/states.yaml", path.join(dir, "entities/states.yaml"));
    const { graph } = await loadDataset(dir);
    tally.add("tried");
    expect(graph.getNodeAttribute("state:kor", "label")).toBe("Republic of Korea");
    tally.add("loaded");
  });

  it("loads a data folder reached through a link", async () => {
    const { root, dir } = await copies.copy(FIXTURE_DATA);
    await symlink(dir, path.join(root, "linked"));
    const { graph } = await loadDataset(path.join(root, "linked"));
    tally.add("tried");
    expect([graph.order, graph.size]).toEqual([9, 7]);
    tally.add("loaded");
  });

  it("rightsgraph validate --data refuses the folder (exit 1) and prints nothing of the outside file", async () => {
    const { dir, outside } = await bundledWithOutsideFile();
    await rename(path.join(dir, SOURCE, "source.txt"), path.join(dir, SOURCE, "source.txt.orig"));
    await symlink(outside, path.join(dir, SOURCE, "source.txt"));
    let printed = "";
    const sink = new Writable({
      write(chunk, _encoding, done) {
        printed += String(chunk);
        done();
      },
    });
    const code = await main(["validate", "--data", dir], {
      stdout: sink,
      stderr: { write: (s: string) => (printed += s) },
      env: {},
    });
    tally.add("tried");
    expect(code).toBe(1);
    expect(printed).toContain(`data/${SOURCE}/source.txt:1: data/${SOURCE}/source.txt leads outside the data folder`);
    expect(printed).not.toContain("outside-secret");
    tally.add("refused");
  });
});
