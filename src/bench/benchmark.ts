// The benchmark: load, paths, neighbourhoods, GraphML and HTTP on a generated corpus, beside NetworkX and a CSR BFS.
import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import v8 from "node:v8";
import vm from "node:vm";
import { loadDataset } from "../data";
import { ParameterError } from "../errors";
import { writeExport } from "../export";
import { createQueryEngine, shortestPathLength, type PathOptions, type QueryEngine } from "../query";
import { createApp, createServerContext } from "../server";
import { buildCsrReference, csrShortestPathLength } from "./csr-reference";
import { compareCypherAnswers, describeCypherComparison } from "./compare-cypher-answers";
import {
  CYPHER_ANCHORED,
  CYPHER_BENCH_LIMITS,
  CYPHER_BENCH_QUERY,
  CYPHER_GROUPED,
  cypherFigures,
  type CypherFigures,
} from "./cypher-figures";
import { generateCorpus, type CorpusSize } from "./generate-corpus";
import { readyLoads, withStallMonitor, type LoadFigures, type LoadRun } from "./http-load";
import { SILENT_PROGRESS, type Progress } from "./progress";
import { runNetworkx, type NetworkxFigures } from "./run-networkx";
import { SeededRandom } from "../common";
import { summarise, type TimingSummary } from "./summary-stats";
import { writeEdgeList } from "./write-edge-list";

/**
 * The parts of the benchmark, by the names `--only` takes. The corpus is always loaded (every part needs it);
 * `load` reports its time and memory. `networkx` compares NetworkX with the parts run beside it (its shortest
 * paths always, its Cypher with `cypher`, its GraphML with `export`).
 */
export const BENCH_SECTIONS = ["load", "paths", "neighborhoods", "cypher", "export", "http", "networkx"] as const;
export type BenchSection = (typeof BENCH_SECTIONS)[number];

export interface BenchmarkOptions {
  size: CorpusSize;
  seed: number;
  /** Folder for the corpus, the edge list and the report; the corpus is generated there when missing. */
  workDir: string;
  /** A corpus folder to use instead of `workDir/corpus-<size>-<seed>`. */
  data?: string;
  /** Random pairs for the shortest-path figures (1,000 in the issue). */
  pairs: number;
  /** Pairs for the k = 5 shortest paths and for bounded enumeration. */
  kPathPairs: number;
  enumerationPairs: number;
  neighborhoodRepeats: number;
  /** Anchored Cypher queries (one random state each) and repeats of the Cypher label scan. */
  cypherQueries: number;
  cypherScanRepeats: number;
  /** Length of each autocannon run. */
  httpSeconds: number;
  httpConnections: number;
  /** Compare with NetworkX (python3); false skips it, like leaving `networkx` out of `sections`. */
  networkx: boolean;
  /** The parts to run (all by default); the report holds their figures, the others' stay out. */
  sections: readonly BenchSection[];
}

export const DEFAULT_BENCHMARK_OPTIONS: Readonly<BenchmarkOptions> = Object.freeze({
  size: "small",
  seed: 1,
  workDir: "bench-out",
  pairs: 1000,
  kPathPairs: 200,
  enumerationPairs: 40,
  neighborhoodRepeats: 20,
  cypherQueries: 200,
  cypherScanRepeats: 5,
  httpSeconds: 3,
  httpConnections: 10,
  networkx: true,
  sections: BENCH_SECTIONS,
});

/** Fills in defaults and checks every option; ParameterError names the bad one. */
export function resolveBenchmarkOptions(options: Partial<BenchmarkOptions> = {}): BenchmarkOptions {
  const resolved: BenchmarkOptions = { ...DEFAULT_BENCHMARK_OPTIONS, ...options };
  if (!["small", "medium", "large"].includes(resolved.size))
    throw new ParameterError("size", `bench: size must be small, medium or large, got "${resolved.size}"`);
  for (const name of [
    "pairs",
    "kPathPairs",
    "enumerationPairs",
    "neighborhoodRepeats",
    "cypherQueries",
    "cypherScanRepeats",
    "httpConnections",
  ] as const)
    if (!Number.isInteger(resolved[name]) || resolved[name] < 1)
      throw new ParameterError(name, `bench: ${name} must be a positive integer, got ${resolved[name]}`);
  if (!(resolved.httpSeconds > 0)) throw new ParameterError("httpSeconds", "bench: httpSeconds must be positive");
  if (!Number.isInteger(resolved.seed)) throw new ParameterError("seed", "bench: seed must be an integer");
  const unknown = resolved.sections.filter((name) => !(BENCH_SECTIONS as readonly string[]).includes(name));
  if (unknown.length > 0 || resolved.sections.length === 0)
    throw new ParameterError(
      "only",
      `bench: --only takes sections among ${BENCH_SECTIONS.join(", ")}, got "${resolved.sections.join(",")}"`,
    );
  return resolved;
}

/** The edge types of the filtered path figures: the diplomacy around resolutions. */
export const FILTER_EDGE_TYPES = ["sponsored", "declined", "adopted", "submitted-to", "called-on", "condemned"];

export interface BenchmarkReport {
  size: CorpusSize;
  seed: number;
  /** The sections run, in BENCH_SECTIONS order: the figures and table rows of the others are left out. */
  sections: BenchSection[];
  nodes: number;
  edges: number;
  machine: { cpus: number; cpuModel: string; node: string; memoryGiB: number };
  ratios: Record<string, number | null>;
  figures: Record<string, number | string | null>;
  notes: string[];
}

/** The long path queries of the HTTP stall test, with the API's ranking: the most paths, of the most steps. */
export const LONG_PATH_QUERY = Object.freeze({ limit: 50, maxHops: 8, includeProvenance: true });

const UNFILTERED: Partial<PathOptions> = { includeProvenance: true };
const FILTERED: Partial<PathOptions> = { includeProvenance: true, edgeTypes: FILTER_EDGE_TYPES };

function collectGarbage(): () => void {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  return () => {
    gc();
    gc();
  };
}

function usedBytes(): { heap: number; rss: number } {
  const usage = process.memoryUsage();
  return { heap: usage.heapUsed + usage.external, rss: usage.rss };
}

function timeEach<T>(items: readonly T[], run: (item: T) => unknown): number[] {
  const times: number[] = [];
  for (const item of items) {
    const start = performance.now();
    run(item);
    times.push(performance.now() - start);
  }
  return times;
}

function ratio(ours: number | undefined, reference: number | undefined): number | null {
  if (ours === undefined || reference === undefined || !Number.isFinite(ours) || !Number.isFinite(reference))
    return null;
  return reference === 0 ? null : ours / reference;
}

function put(figures: BenchmarkReport["figures"], prefix: string, summary: TimingSummary): void {
  figures[`${prefix}MedianMs`] = summary.medianMs;
  figures[`${prefix}P99Ms`] = summary.p99Ms;
  figures[`${prefix}MeanMs`] = summary.meanMs;
}

/** A sink that counts bytes and throws them away, for timing an export without a disk in the way. */
function countingSink(): { sink: Writable; bytes: () => number } {
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
      done();
    },
  });
  return { sink, bytes: () => bytes };
}

function randomPairs(ids: readonly string[], count: number, random: SeededRandom): [string, string][] {
  const pairs: [string, string][] = [];
  while (pairs.length < count) {
    const a = random.pick(ids);
    const b = random.pick(ids);
    if (a !== b) pairs.push([a, b]);
  }
  return pairs;
}

/** The benchmark's node pairs, and the random numbers that drew them (later sections draw on from there). */
export interface BenchPairs {
  random: SeededRandom;
  /** Any two nodes: the shortest paths, k paths and `/api/paths`. */
  pairs: [string, string][];
  /** Two nodes each touched by an edge of FILTER_EDGE_TYPES: the filtered shortest paths. */
  filteredPairs: [string, string][];
  /** The first filtered pairs: the enumeration and the long path queries of the stall test. */
  enumerationPairs: [string, string][];
}

/** Draws the benchmark's pairs from `settings.seed`: the same for every contender, and for every run of a seed. */
export function benchPairs(
  engine: QueryEngine,
  settings: Pick<BenchmarkOptions, "seed" | "pairs" | "enumerationPairs">,
): BenchPairs {
  const random = new SeededRandom(settings.seed * 7919 + 17);
  const index = engine.adjacency;
  const ids = index.nodeIds;
  const pairs = randomPairs(ids, settings.pairs, random);
  const filterCodes = new Set(FILTER_EDGE_TYPES.map((name) => index.edgeTypeCode.get(name)));
  const touched = new Uint8Array(index.nodeCount);
  for (let e = 0; e < index.edgeCount; e++)
    if (filterCodes.has(index.edgeType[e]!)) touched[index.edgeSource[e]!] = touched[index.edgeTarget[e]!] = 1;
  const filteredIds = ids.filter((_id, v) => touched[v] === 1);
  const filteredPairs = randomPairs(filteredIds, settings.pairs, random);
  return { random, pairs, filteredPairs, enumerationPairs: filteredPairs.slice(0, settings.enumerationPairs) };
}

/**
 * Runs every measurement of issue 5 in one process and returns the report: load (time, memory per edge), shortest
 * paths unfiltered and filtered (ours, the CSR reference, NetworkX), k shortest paths and bounded enumeration with
 * the API's caps, depth-2 neighbourhoods, GraphML export, and HTTP (health, paths, and the event loop's largest
 * stall while long path queries and a whole-graph export run).
 */
export async function runBenchmark(
  options: Partial<BenchmarkOptions> = {},
  progress: Progress = SILENT_PROGRESS,
): Promise<BenchmarkReport> {
  const settings = resolveBenchmarkOptions(options);
  const sections = BENCH_SECTIONS.filter(
    (name) => settings.sections.includes(name) && (name !== "networkx" || settings.networkx),
  );
  const runs = (name: BenchSection): boolean => sections.includes(name);
  const gc = collectGarbage();
  const notes: string[] = [];
  const figures: BenchmarkReport["figures"] = {};
  await mkdir(settings.workDir, { recursive: true });
  const dataDir = settings.data ?? path.join(settings.workDir, `corpus-${settings.size}-${settings.seed}`);
  if (!existsSync(path.join(dataDir, "schema.yaml"))) {
    const began = performance.now();
    await generateCorpus({ size: settings.size, seed: settings.seed, out: dataDir }, progress);
    figures.generateMs = performance.now() - began;
  }

  // Load: data folder -> validated, queryable graph (dataset and engine).
  gc();
  const before = usedBytes();
  progress.start("load");
  const loadBegan = performance.now();
  const dataset = await loadDataset(dataDir, { onProgress: (p) => progress.update(p.filesRead, p.filesTotal) });
  const loaded = performance.now();
  const engine: QueryEngine = createQueryEngine(dataset);
  const built = performance.now();
  progress.done(`${dataset.graph.order.toLocaleString("en")} nodes, ${dataset.graph.size.toLocaleString("en")} edges`);
  gc();
  const after = usedBytes();
  const { graph } = dataset;
  const nodes = graph.order;
  const edges = graph.size;
  if (runs("load")) {
    figures.loadMs = built - loadBegan;
    figures.loadDatasetMs = loaded - loadBegan;
    figures.engineBuildMs = built - loaded;
    figures.heapBytes = after.heap - before.heap;
    figures.rssBytes = after.rss - before.rss;
    figures.bytesPerEdge = (after.heap - before.heap) / edges;
    figures.rssBytesPerEdge = (after.rss - before.rss) / edges;
  }

  // The same pairs for every contender.
  const { random, pairs, filteredPairs, enumerationPairs } = benchPairs(engine, settings);
  const paths = runs("paths")
    ? pathFigures(settings, engine, pairs, filteredPairs, enumerationPairs, figures, progress)
    : null;

  // Depth-2 neighbourhoods: the biggest hub and a node of median degree.
  if (runs("neighborhoods")) neighborhoodFigures(settings, engine, figures);

  // Cypher: a one-hop typed pattern with a property filter, from one state by id and over every state.
  let cypher: CypherFigures | null = null;
  if (runs("cypher")) {
    progress.start("Cypher");
    cypher = cypherFigures(engine, random, settings.cypherQueries, settings.cypherScanRepeats);
    figures.cypherGraphBuildMs = cypher.buildMs;
    put(figures, "cypher", cypher.anchored);
    put(figures, "cypherScan", cypher.scan);
    figures.cypherRows = cypher.anchoredRows.reduce((sum, rows) => sum + rows, 0);
    figures.cypherScanCount = cypher.scanCount;
    figures.cypherTruncated = cypher.truncated;
    progress.done(`${figures.cypherRows} rows from ${cypher.states.length} states`);
    progress.start("Cypher grouped over every relationship, in slices");
    const groupedBegan = performance.now();
    const grouped = await withStallMonitor(() => engine.cypherAsync(CYPHER_GROUPED, {}, CYPHER_BENCH_LIMITS));
    figures.cypherGroupedMs = performance.now() - groupedBegan;
    figures.cypherGroupedStallMs = grouped.maxStallMs;
    figures.cypherGroupedTruncated = grouped.result.truncatedBy.join(", ") || "no";
    figures.cypherGroupedHighlightTruncated = grouped.result.highlightTruncated ? "yes" : "no";
    progress.done(`${grouped.result.rows.length} groups`);
  }

  // GraphML export of the whole graph, streamed as the server does; the event loop is watched meanwhile.
  if (runs("export")) {
    progress.start("GraphML export");
    const { sink, bytes } = countingSink();
    const exportBegan = performance.now();
    const exported = await withStallMonitor(() => writeExport("graphml", graph, dataset.schema, sink));
    figures.graphmlMs = performance.now() - exportBegan;
    figures.graphmlBytes = bytes();
    figures.graphmlMBps = bytes() / 1e6 / (figures.graphmlMs / 1000);
    figures.exportStallMs = exported.maxStallMs;
    figures.exportGcPauseMs = exported.maxGcPauseMs;
    progress.done(`${(bytes() / 1e6).toFixed(0)} MB`);
  }

  // HTTP: the real app on 127.0.0.1, load from child processes, stalls measured on this (the server's) thread.
  if (runs("http")) await httpFigures(settings, engine, pairs, enumerationPairs, figures, progress);

  // NetworkX on the same edge list, last: it needs a core and a lot of memory of its own.
  let networkx: NetworkxFigures | undefined;
  if (runs("networkx")) {
    progress.start("NetworkX (python3)");
    const edgeList = path.join(settings.workDir, `edge-list-${settings.size}-${settings.seed}.jsonl`);
    await writeEdgeList(graph, edgeList);
    const result = await runNetworkx(
      {
        edgeList,
        pairs,
        filteredPairs,
        filterEdgeTypes: FILTER_EDGE_TYPES,
        ...(cypher
          ? { cypher: { ...CYPHER_BENCH_QUERY, states: cypher.states, repeats: settings.cypherScanRepeats } }
          : {}),
        ...(runs("export") ? { graphmlOut: path.join(settings.workDir, `networkx-${settings.size}.graphml`) } : {}),
      },
      (line) => progress.note(line.replace(/^networkx: /, "NetworkX: ")),
    );
    await rm(edgeList, { force: true });
    if ("skipped" in result) {
      notes.push(`NetworkX skipped: ${result.skipped}`);
      progress.done(`skipped: ${result.skipped}`);
    } else {
      networkx = result;
      progress.done(`networkx ${result.version}`);
    }
  } else if (!settings.networkx) notes.push("NetworkX skipped: --no-networkx");

  let nxMismatches = 0;
  if (networkx) {
    const nxPath = summarise(networkx.pathMs);
    const nxFiltered = summarise(networkx.filteredPathMs);
    put(figures, "networkxPath", nxPath);
    put(figures, "networkxFilteredPath", nxFiltered);
    if (runs("load")) {
      figures.networkxBuildMs = networkx.buildMs;
      figures.networkxBytes = networkx.graphBytes;
      figures.networkxBytesPerEdge = networkx.graphBytes / networkx.edges;
    }
    if (networkx.graphmlMs !== undefined && networkx.graphmlBytes !== undefined) {
      figures.networkxGraphmlMs = networkx.graphmlMs;
      figures.networkxGraphmlBytes = networkx.graphmlBytes;
      figures.networkxGraphmlMBps = networkx.graphmlBytes / 1e6 / (networkx.graphmlMs / 1000);
    }
    if (cypher && networkx.cypherMs && networkx.cypherAnswers && networkx.cypherScanMs) {
      const nxCypher = summarise(networkx.cypherMs);
      const nxScan = summarise(networkx.cypherScanMs);
      put(figures, "networkxCypher", nxCypher);
      put(figures, "networkxCypherScan", nxScan);
      figures.cypherSpeedupVsNetworkx = nxCypher.medianMs / cypher.anchored.medianMs;
      figures.cypherScanSpeedupVsNetworkx = nxScan.medianMs / cypher.scan.medianMs;
      const compared = compareCypherAnswers(cypher.answers, networkx.cypherAnswers ?? [], {
        ours: cypher.scanCount,
        networkx: networkx.cypherScanCount ?? -1,
      });
      // A truncated answer is not a mismatch: it is counted apart, and only its full count(*) is compared.
      figures.cypherMismatchesVsNetworkx =
        compared.differing.length + compared.truncatedCountsDiffering + (compared.scan.agree ? 0 : 1);
      notes.push(...describeCypherComparison(compared, CYPHER_ANCHORED));
    }
    if (paths) {
      networkx.pathLengths.forEach((length, i) => (nxMismatches += length === paths.lengths[i] ? 0 : 1));
      networkx.filteredPathLengths.forEach(
        (length, i) => (nxMismatches += length === paths.filteredLengths[i] ? 0 : 1),
      );
      figures.pathMismatchesVsNetworkx = nxMismatches;
    }
    if (networkx.edges !== edges) notes.push(`NetworkX holds ${networkx.edges} edges, RightsGraph ${edges}`);
  }
  if (paths && paths.mismatches > 0) notes.push(`${paths.mismatches} path lengths differ from the CSR reference`);
  if (nxMismatches > 0) notes.push(`${nxMismatches} path lengths differ from NetworkX`);

  const num = (key: string): number | undefined => {
    const value = figures[key];
    return typeof value === "number" ? value : undefined;
  };
  const ratios: BenchmarkReport["ratios"] = {
    pathMedianVsCsr: ratio(num("pathMedianMs"), num("csrPathMedianMs")),
    pathP99VsCsr: ratio(num("pathP99Ms"), num("csrPathP99Ms")),
    pathMedianSpeedupVsNetworkx: ratio(num("networkxPathMedianMs"), num("pathMedianMs")),
    filteredPathMedianVsCsr: ratio(num("filteredPathMedianMs"), num("csrFilteredPathMedianMs")),
    filteredPathSpeedupVsNetworkx: ratio(num("networkxFilteredPathMedianMs"), num("filteredPathMedianMs")),
    loadVsNetworkx: ratio(num("loadMs"), num("networkxBuildMs")),
    memoryVsNetworkx: ratio(num("rssBytes"), num("networkxBytes")),
    graphmlSpeedupVsNetworkx: ratio(num("graphmlMBps"), num("networkxGraphmlMBps")),
    pathsRpsVsHealth: ratio(num("pathsRps"), num("healthRps")),
    rankedPathsMedianVsHops: ratio(num("rankedPathsMedianMs"), num("kPathsMedianMs")),
  };
  const cpus = os.cpus();
  return {
    size: settings.size,
    seed: settings.seed,
    sections,
    nodes,
    edges,
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? "unknown",
      node: process.version,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    },
    ratios,
    figures,
    notes,
  };
}

/** What the paths section found: the shortest lengths (compared with NetworkX's) and the mismatches with the CSR BFS. */
interface PathLengths {
  lengths: (number | null)[];
  filteredLengths: (number | null)[];
  mismatches: number;
}

/**
 * The paths section: shortest paths unfiltered and filtered (ours, the engine's public entry, and the CSR reference
 * on the same integer graph), k = 5 paths by hop count and ranked, and bounded enumeration, on the same pairs.
 */
function pathFigures(
  settings: BenchmarkOptions,
  engine: QueryEngine,
  pairs: [string, string][],
  filteredPairs: [string, string][],
  enumerationPairs: [string, string][],
  figures: BenchmarkReport["figures"],
  progress: Progress,
): PathLengths {
  const index = engine.adjacency;
  const filterCodes = new Set(FILTER_EDGE_TYPES.map((name) => index.edgeTypeCode.get(name)));
  // Shortest paths: ours (the engine's public entry), then the CSR reference on the same integer graph.
  progress.start("shortest paths", 4);
  const ours = pairs.map(([a, b]) => shortestPathLength(engine, a, b, UNFILTERED));
  const pathTimes = timeEach(pairs, ([a, b]) => shortestPathLength(engine, a, b, UNFILTERED));
  progress.update(1);
  const oursFiltered = filteredPairs.map(([a, b]) => shortestPathLength(engine, a, b, FILTERED));
  const filteredTimes = timeEach(filteredPairs, ([a, b]) => shortestPathLength(engine, a, b, FILTERED));
  progress.update(2);
  const csr = buildCsrReference(index.nodeCount, index.edgeSource, index.edgeTarget, index.edgeType as Uint8Array);
  const allowed = new Uint8Array(256);
  for (const code of filterCodes) allowed[code!] = 1;
  const intPairs = pairs.map(([a, b]) => [index.nodeIndex.get(a)!, index.nodeIndex.get(b)!] as const);
  const intFiltered = filteredPairs.map(([a, b]) => [index.nodeIndex.get(a)!, index.nodeIndex.get(b)!] as const);
  const csrLengths = intPairs.map(([a, b]) => csrShortestPathLength(csr, a, b, null));
  const csrTimes = timeEach(intPairs, ([a, b]) => csrShortestPathLength(csr, a, b, null));
  progress.update(3);
  const csrFilteredLengths = intFiltered.map(([a, b]) => csrShortestPathLength(csr, a, b, allowed));
  const csrFilteredTimes = timeEach(intFiltered, ([a, b]) => csrShortestPathLength(csr, a, b, allowed));
  progress.done();
  let mismatches = 0;
  ours.forEach((length, i) => (mismatches += length === csrLengths[i] ? 0 : 1));
  oursFiltered.forEach((length, i) => (mismatches += length === csrFilteredLengths[i] ? 0 : 1));
  figures.pathMismatchesVsCsr = mismatches;
  const shortest = summarise(pathTimes);
  const filtered = summarise(filteredTimes);
  const csrPath = summarise(csrTimes);
  const csrFiltered = summarise(csrFilteredTimes);
  put(figures, "path", shortest);
  put(figures, "filteredPath", filtered);
  put(figures, "csrPath", csrPath);
  put(figures, "csrFilteredPath", csrFiltered);
  figures.pathsFound = ours.filter((length) => length !== null).length;
  figures.filteredPathsFound = oursFiltered.filter((length) => length !== null).length;
  figures.meanPathLength = ours.reduce<number>((sum, l) => sum + (l ?? 0), 0) / Math.max(1, figures.pathsFound);

  // k = 5 paths with the API's defaults, ranked by hop count and by informativeness (the default), on the same
  // pairs; then bounded enumeration.
  progress.start("k shortest paths and enumeration", 2 * settings.kPathPairs + settings.enumerationPairs);
  let done = 0;
  const kPairs = pairs.slice(0, settings.kPathPairs);
  let kTruncated = 0;
  const kTimes = timeEach(kPairs, ([a, b]) => {
    const result = engine.paths(a, b, { limit: 5, rank: "hops" });
    if (result.truncated) kTruncated++;
    progress.update(++done);
  });
  let rankedTruncated = 0;
  const rankedTimes = timeEach(kPairs, ([a, b]) => {
    const result = engine.paths(a, b, { limit: 5, rank: "informative" });
    if (result.truncated) rankedTruncated++;
    progress.update(++done);
  });
  let enumTruncated = 0;
  const enumTimes = timeEach(enumerationPairs, ([a, b]) => {
    const result = engine.paths(a, b, { ...LONG_PATH_QUERY, rank: "hops" });
    if (result.truncated) enumTruncated++;
    progress.update(++done);
  });
  progress.done();
  put(figures, "kPaths", summarise(kTimes));
  figures.kPathsTruncated = kTruncated;
  put(figures, "rankedPaths", summarise(rankedTimes));
  figures.rankedPathsTruncated = rankedTruncated;
  put(figures, "enumeration", summarise(enumTimes));
  figures.enumerationTruncated = enumTruncated;

  return { lengths: ours, filteredLengths: oursFiltered, mismatches };
}

/** The neighbourhoods section: depth-2 neighbourhoods of the biggest hub and of a node of median degree. */
function neighborhoodFigures(
  settings: BenchmarkOptions,
  engine: QueryEngine,
  figures: BenchmarkReport["figures"],
): void {
  const index = engine.adjacency;
  const ids = index.nodeIds;
  const degree = (v: number): number => index.both.offsets[v + 1]! - index.both.offsets[v]!;
  const byDegree = Array.from({ length: index.nodeCount }, (_, v) => v).sort((a, b) => degree(b) - degree(a));
  const hub = ids[byDegree[0]!]!;
  const ordinary = ids[byDegree[Math.floor(byDegree.length / 2)]!]!;
  figures.hub = hub;
  figures.hubDegree = degree(byDegree[0]!);
  const repeats = Array.from({ length: settings.neighborhoodRepeats }, (_, i) => i);
  put(figures, "hubNeighborhood", summarise(timeEach(repeats, () => engine.neighbors(hub, { depth: 2 }))));
  put(figures, "ordinaryNeighborhood", summarise(timeEach(repeats, () => engine.neighbors(ordinary, { depth: 2 }))));
}

async function httpFigures(
  settings: BenchmarkOptions,
  engine: QueryEngine,
  pairs: [string, string][],
  enumerationPairs: [string, string][],
  figures: BenchmarkReport["figures"],
  progress: Progress,
): Promise<void> {
  progress.start("HTTP server start");
  const startBegan = performance.now();
  const context = createServerContext(engine.dataset, engine);
  const app = createApp(context, { webDir: path.join(settings.workDir, "no-web-app"), onUnexpectedError: () => {} });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  figures.serverStartMs = performance.now() - startBegan;
  progress.done();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const q = encodeURIComponent;
  const pathUrls = pairs.slice(0, 500).map(([a, b]) => `/api/paths?from=${q(a)}&to=${q(b)}`);
  const longQuery = Object.entries(LONG_PATH_QUERY)
    .map(([name, value]) => `&${name}=${String(value)}`)
    .join("");
  const longUrls = enumerationPairs.map(([a, b]) => `/api/paths?from=${q(a)}&to=${q(b)}${longQuery}`);
  const record = (prefix: string, load: LoadFigures): void => {
    figures[`${prefix}Rps`] = load.rps;
    figures[`${prefix}P50Ms`] = load.p50;
    figures[`${prefix}P99Ms`] = load.p99;
    figures[`${prefix}Requests`] = load.requests;
    figures[`${prefix}Errors`] = load.errors + load.timeouts + load.non2xx;
  };
  try {
    const connections = settings.httpConnections;
    const seconds = settings.httpSeconds;
    // Each load's processes are started before the event loop is watched (see readyLoads).
    const measure = async (runs: LoadRun[]) => withStallMonitor(await readyLoads(url, runs));
    progress.start("HTTP /api/health");
    const health = await measure([{ paths: ["/api/health"], connections, seconds }]);
    record("health", health.result[0]!);
    progress.done(`${health.result[0]!.rps.toFixed(0)} rps`);
    progress.start("HTTP /api/paths");
    const paths = await measure([{ paths: pathUrls, connections, seconds }]);
    record("paths", paths.result[0]!);
    progress.done(`${paths.result[0]!.rps.toFixed(0)} rps`);
    progress.start("HTTP stall test: long path queries and a GraphML export beside /api/health");
    const stress = await measure([
      { paths: ["/api/health"], connections: 1, seconds },
      { paths: longUrls, connections: 2, seconds },
      { paths: ["/api/export?format=graphml"], connections: 1, seconds },
    ]);
    const [healthDuring, long] = stress.result;
    record("healthUnderLoad", healthDuring!);
    record("longPaths", long!);
    progress.done();
    figures.maxEventLoopStallMs = Math.max(
      health.maxStallMs,
      paths.maxStallMs,
      stress.maxStallMs,
      Number(figures.exportStallMs ?? 0),
    );
    figures.pathsStallMs = paths.maxStallMs;
    figures.stressStallMs = stress.maxStallMs;
    figures.maxStallCpuMs = Math.max(health.maxStallCpuMs, paths.maxStallCpuMs, stress.maxStallCpuMs);
    figures.stressStallCpuMs = stress.maxStallCpuMs;
    figures.maxGcPauseMs = Math.max(health.maxGcPauseMs, paths.maxGcPauseMs, stress.maxGcPauseMs);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
