// The slice watch on a small generated corpus: every part of the stall test's work is run and its pieces are named
// by kind and phase (timings are reported, never asserted).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { benchPairs, DEFAULT_BENCHMARK_OPTIONS, LONG_PATH_QUERY } from "../../src/bench/benchmark";
import { generateCorpus } from "../../src/bench/generate-corpus";
import { SILENT_PROGRESS } from "../../src/bench/progress";
import { formatSliceStalls, sliceStalls } from "../../src/bench/slice-stalls";
import { loadDataset } from "../../src/data";
import { createQueryEngine, DEFAULT_SLICE_MS } from "../../src/query";

let workDir = "";

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe("sliceStalls", () => {
  it("runs each part of the stall test and names the kind and phases of every piece of work", async () => {
    workDir = await mkdtemp(path.join(tmpdir(), "rightsgraph-slices-"));
    await generateCorpus({ out: workDir, seed: 3, edges: 2000 });
    const engine = createQueryEngine(await loadDataset(workDir));
    const { pairs, enumerationPairs } = benchPairs(engine, { ...DEFAULT_BENCHMARK_OPTIONS, enumerationPairs: 3 });
    const parts = await sliceStalls(
      {
        engine,
        longPairs: enumerationPairs,
        shortPairs: pairs.slice(0, 5),
        longOptions: LONG_PATH_QUERY,
        sliceMs: DEFAULT_SLICE_MS,
      },
      SILENT_PROGRESS,
    );
    expect(parts.map((part) => part.name)).toEqual([
      "long path queries",
      "path queries, API defaults",
      "GraphML export",
      "Cypher grouped",
      "together: two streams of long path queries and the export",
    ]);
    const kinds = (name: string) =>
      parts
        .find((part) => part.name === name)!
        .figures.map((f) => f.kind)
        .sort();
    expect(kinds("long path queries")).toEqual([
      "path JSON piece",
      "path answer JSON, first stretch",
      "paths (long path queries)",
    ]);
    expect(kinds("GraphML export")).toEqual(["GraphML export"]);
    expect(kinds("Cypher grouped")).toEqual(["cypher (Cypher grouped)"]);
    expect(kinds("together: two streams of long path queries and the export")).toContain("GraphML export");
    const longPaths = parts[0]!.figures.find((f) => f.kind === "paths (long path queries)")!;
    // One slice at least per query.
    expect(longPaths.pieces).toBeGreaterThanOrEqual(3);
    for (const part of parts) {
      expect(part.maxStallMs).toBeGreaterThanOrEqual(0);
      for (const figure of part.figures) {
        expect(figure.pieces).toBeGreaterThan(0);
        expect(figure.costliest.phases).not.toBe("");
      }
    }
    const cypherOnly = await sliceStalls(
      { engine, longPairs: [], shortPairs: [], longOptions: {}, sliceMs: DEFAULT_SLICE_MS, parts: ["cypher"] },
      SILENT_PROGRESS,
    );
    expect(cypherOnly.map((part) => part.name)).toEqual(["Cypher grouped"]);
    const table = formatSliceStalls(parts, DEFAULT_SLICE_MS);
    expect(table).toContain("long path queries: ");
    expect(table).toMatch(/paths \(long path queries\): \d+ pieces, longest [\d.]+ ms/);
  });
});
