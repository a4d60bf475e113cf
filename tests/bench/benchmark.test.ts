// The benchmark end to end on a small corpus: every figure and ratio of the report present (no timing assertions).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ParameterError } from "../../src/errors";
import { BENCH_SECTIONS, resolveBenchmarkOptions, runBenchmark } from "../../src/bench/benchmark";
import { formatBenchmarkTable } from "../../src/bench/benchmark-table";
import { generateCorpus } from "../../src/bench/generate-corpus";

let workDir = "";
/** The corpus the first test generates, measured again by the others. */
let data = "";

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe("runBenchmark", () => {
  it("measures a small corpus end to end and reports every ratio and figure the issue names", async () => {
    workDir = await mkdtemp(path.join(tmpdir(), "rightsgraph-bench-"));
    data = path.join(workDir, "corpus");
    await generateCorpus({ out: data, seed: 2, edges: 3000 });
    const report = await runBenchmark({
      size: "small",
      data,
      workDir,
      pairs: 100,
      kPathPairs: 20,
      enumerationPairs: 5,
      neighborhoodRepeats: 3,
      httpSeconds: 1,
      httpConnections: 2,
    });
    expect(report.size).toBe("small");
    expect(report.sections).toEqual([...BENCH_SECTIONS]);
    expect(report.edges).toBeGreaterThanOrEqual(3000);
    expect(report.nodes).toBeGreaterThan(0);
    expect(Object.keys(report.ratios).sort()).toEqual(
      [
        "filteredPathMedianVsCsr",
        "filteredPathSpeedupVsNetworkx",
        "graphmlSpeedupVsNetworkx",
        "loadVsNetworkx",
        "memoryVsNetworkx",
        "pathMedianSpeedupVsNetworkx",
        "pathMedianVsCsr",
        "pathP99VsCsr",
        "pathsRpsVsHealth",
        "rankedPathsMedianVsHops",
      ].sort(),
    );
    expect(typeof report.ratios.rankedPathsMedianVsHops).toBe("number");
    for (const key of [
      "kPathsMedianMs",
      "rankedPathsMedianMs",
      "bytesPerEdge",
      "pathsP99Ms",
      "maxEventLoopStallMs",
      "maxStallCpuMs",
      "loadMs",
      "graphmlMBps",
      "healthRps",
      "cypherGroupedMs",
      "cypherGroupedStallMs",
    ])
      expect(typeof report.figures[key], key).toBe("number");
    expect(report.figures.pathMismatchesVsCsr).toBe(0);
    expect(report.figures.pathsErrors).toBe(0);
    if (report.notes.some((note) => note.startsWith("NetworkX skipped"))) {
      expect(report.ratios.pathMedianSpeedupVsNetworkx).toBeNull();
    } else {
      expect(report.figures.pathMismatchesVsNetworkx).toBe(0);
      // Every Cypher answer compared row by row with NetworkX's, and none differs.
      expect(report.figures.cypherMismatchesVsNetworkx).toBe(0);
      expect(report.notes.filter((note) => note.startsWith("Cypher"))).toEqual([]);
      expect(typeof report.ratios.loadVsNetworkx).toBe("number");
    }
    const table = formatBenchmarkTable(report);
    expect(table).toContain("shortest path, median");
    expect(table).toContain("k = 5 paths ranked (rank=informative, API default), median / p99");
    expect(table).toContain("every relationship grouped by type, in slices (time; largest stall)");
    expect(report.figures.cypherGroupedTruncated).toBe("no");
  }, 120_000);

  it("refuses an unknown or empty list of sections, naming --only", () => {
    expect(() => resolveBenchmarkOptions({ sections: ["paths", "pathz" as "paths"] })).toThrow(ParameterError);
    expect(() => resolveBenchmarkOptions({ sections: [] })).toThrow(/--only takes sections among load, paths/);
  });

  it("runs only the sections asked for: their figures and table rows, and none of the others'", async () => {
    const report = await runBenchmark({
      size: "small",
      data,
      workDir,
      pairs: 50,
      kPathPairs: 10,
      enumerationPairs: 3,
      sections: ["paths"],
    });
    expect(report.sections).toEqual(["paths"]);
    for (const key of [
      "pathMedianMs",
      "csrPathMedianMs",
      "kPathsMedianMs",
      "rankedPathsMedianMs",
      "enumerationMedianMs",
    ])
      expect(typeof report.figures[key], key).toBe("number");
    expect(report.figures.pathMismatchesVsCsr).toBe(0);
    expect(typeof report.ratios.rankedPathsMedianVsHops).toBe("number");
    // The other sections' figures are not there, and their ratios are null: the report keeps its shape.
    for (const key of [
      "loadMs",
      "hubNeighborhoodMedianMs",
      "cypherMedianMs",
      "graphmlMBps",
      "healthRps",
      "networkxPathMedianMs",
    ])
      expect(report.figures[key], key).toBeUndefined();
    expect(report.ratios.loadVsNetworkx).toBeNull();
    expect(Object.keys(report.ratios)).toHaveLength(10);
    const table = formatBenchmarkTable(report);
    expect(table).toContain("; only paths");
    expect(table).toContain("k = 5 paths ranked (rank=informative, API default), median / p99");
    expect(table).not.toContain("load (folder -> queryable graph)");
    expect(table).not.toContain("HTTP /api/health");
    expect(table.split("\n").filter((row) => row.startsWith("| "))).toHaveLength(1 + 7);
  }, 120_000);
});
