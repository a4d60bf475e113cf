// Copies of a data folder in a temporary root, with room beside the copy for files that lie outside it.
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DataError, type Problem } from "../../../src/errors";
import { loadDataset, type LoadOptions } from "../../../src/data";

export const BUNDLED_DATA = "graph-data";
export const FIXTURE_DATA = "tests/fixtures/data/good";

/** Temporary roots, each holding a folder named "data" (so problems name files "data/..."), removed by `removeAll`. */
export class DataCopies {
  private readonly roots: string[] = [];

  /** A copy of `from` at `<root>/data`. */
  async copy(from: string): Promise<{ root: string; dir: string }> {
    const root = await mkdtemp(path.join(tmpdir(), "rightsgraph-data-copy-"));
    this.roots.push(root);
    const dir = path.join(root, "data");
    await cp(from, dir, { recursive: true });
    return { root, dir };
  }

  removeAll(): Promise<void> {
    return Promise.all(this.roots.map((root) => rm(root, { recursive: true, force: true }))).then(() => undefined);
  }
}

/** The problems loading `dir` reports; fails the test when the folder loads. */
export async function problemsOf(dir: string, options: LoadOptions = {}): Promise<Problem[]> {
  const error = await loadDataset(dir, options).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DataError)) throw new Error(`expected DataError, got ${String(error)}`);
  return error.problems;
}
