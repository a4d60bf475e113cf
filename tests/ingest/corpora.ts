// Corpora to ingest into, as the measure does: an empty one (the schema only) and the bundled one without the brief's
// own source folder (the schema and the shared entities).
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export const BUNDLED = path.resolve("graph-data");
export const BRIEF_TEXT = path.join(BUNDLED, "sources/dprk-2020-brief/source.txt");

const made: string[] = [];

/** A new data folder holding the bundled schema, and the shared entities unless `empty`. */
export async function corpus(kind: "empty" | "entities"): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "rightsgraph-ingest-"));
  made.push(root);
  const dir = path.join(root, "data");
  await cp(path.join(BUNDLED, "schema.yaml"), path.join(dir, "schema.yaml"));
  if (kind === "entities") await cp(path.join(BUNDLED, "entities"), path.join(dir, "entities"), { recursive: true });
  return dir;
}

/** A new data folder holding a copy of `dir` (a corpus already set up once, for a test that changes it). */
export async function copyOf(dir: string): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "rightsgraph-ingest-"));
  made.push(root);
  const copy = path.join(root, "data");
  await cp(dir, copy, { recursive: true });
  return copy;
}

/** Removes every corpus made so far (call in afterAll). */
export async function removeCorpora(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
