// Atomic writes: a child process writing claims through the record writer is killed (SIGKILL) at random points,
// again and again; the graph file is always one of the texts a complete write leaves, never a mix or a partial
// file, the folder always loads, and the undo entries kept beside it are whole JSON.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data";
import { EditStore } from "../../src/edit";
import { BRIEF, copyBundledData } from "../helpers/edit-server";
import { mulberry32 } from "../../src/common";

const CLAIM = "state:kor--declined--doc:un:a-c.3-74-l.26";
const ROUNDS = 8;
const child = path.resolve("tests/edit/helpers/write-loop.ts");

const data = copyBundledData("rightsgraph-crash");
const states = copyBundledData("rightsgraph-crash-states");
afterAll(() => {
  data.remove();
  states.remove();
});

const graphFile = (dataDir: string) => path.join(dataDir, "sources", BRIEF, "graph.yaml");

/** The texts a complete write can leave: the original, the claim deleted, the claim posted back (with its id). */
async function completeStates(): Promise<{ texts: string[]; record: unknown }> {
  const dataset = await loadDataset(states.dataDir, { suggestions: true, locateClaims: true });
  const store = EditStore.open(states.dataDir, dataset, { undoDepth: 5, onDataset: () => {}, onProblems: () => {} });
  const who = { token: "t", remote: "test" };
  const original = readFileSync(graphFile(states.dataDir), "utf8");
  const claim = await store.claim(BRIEF, CLAIM);
  const deleted = await store.deleteClaim(BRIEF, CLAIM, claim.etag, who);
  const without = readFileSync(graphFile(states.dataDir), "utf8");
  const posted = await store.createClaim(BRIEF, claim.record, deleted.etag, who);
  const withId = readFileSync(graphFile(states.dataDir), "utf8");
  await store.deleteClaim(BRIEF, CLAIM, posted.etag, who);
  expect(readFileSync(graphFile(states.dataDir), "utf8")).toBe(without);
  return { texts: [original, without, withId], record: claim.record };
}

/** Runs a writing child until it has written `writes` times and `extraMs` more, then kills it. */
function killDuringWrites(
  args: string[],
  env: Record<string, string>,
  writes: number,
  extraMs: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ["--import", "tsx", ...args], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let done = 0;
    let stderr = "";
    let armed = false;
    proc.stderr.on("data", (chunk) => (stderr += chunk));
    proc.stdout.on("data", (chunk: Buffer) => {
      done += chunk.toString().split("\n").filter(Boolean).length;
      if (done >= writes && !armed) {
        armed = true;
        setTimeout(() => proc.kill("SIGKILL"), extraMs);
      }
    });
    proc.once("error", reject);
    proc.once("exit", (code, signal) => {
      if (signal === "SIGKILL") resolve(done);
      else reject(new Error(`the writer exited (${code}) before it was killed:\n${stderr}`));
    });
  });
}

describe("writes killed at random points", () => {
  it(`leave a whole graph file that loads, in ${ROUNDS} kills`, { timeout: 300_000 }, async () => {
    const { texts, record } = await completeStates();
    const random = mulberry32(15);
    let writes = 0;
    for (let round = 0; round < ROUNDS; round++) {
      writes += await killDuringWrites(
        [child, data.dataDir, BRIEF, CLAIM],
        { CRASH_RECORD: JSON.stringify({ record }) },
        1 + Math.floor(random() * 3),
        Math.floor(random() * 60),
      );
      const text = readFileSync(graphFile(data.dataDir), "utf8");
      expect(texts.indexOf(text), `round ${round + 1}`).toBeGreaterThanOrEqual(0);
      const dataset = await loadDataset(data.dataDir, { suggestions: true });
      expect([145, 146]).toContain(dataset.graph.size);
      const undo = path.join(data.dataDir, ".rightsgraph-edit", "undo");
      for (const name of readdirSync(undo).filter((n) => n.endsWith(".json")))
        expect(() => JSON.parse(readFileSync(path.join(undo, name), "utf8")), name).not.toThrow();
      // Temporary files left by a kill are hidden from the loader by their leading dot.
      for (const name of readdirSync(path.dirname(graphFile(data.dataDir))))
        expect(["graph.yaml", "source.txt", "source.yaml"].includes(name) || name.startsWith(".")).toBe(true);
    }
    expect(writes).toBeGreaterThanOrEqual(ROUNDS);
  });

  // The graph files are small and a write through the store spends most of its time in the loader's checks, so the
  // kills above rarely land inside a file write; large files written in a loop make them land there most of the time.
  it("leave a large file whole, old or new, in 12 kills", { timeout: 300_000 }, async () => {
    const file = path.join(data.dataDir, "large.txt");
    const texts = ["a", "b"].map((letter) => `${letter.repeat(79)}\n`.repeat(50_000));
    writeFileSync(file, texts[0]!);
    const random = mulberry32(16);
    for (let round = 0; round < 12; round++) {
      await killDuringWrites(
        [path.resolve("tests/edit/helpers/atomic-loop.ts"), file],
        {},
        1,
        Math.floor(random() * 40),
      );
      const text = readFileSync(file, "utf8");
      expect(texts.indexOf(text), `round ${round + 1}: ${text.length} characters`).toBeGreaterThanOrEqual(0);
    }
  });
});
