// The benchmark report as a plain-text table: each figure beside the CSR reference and NetworkX, with its goal.
import { BENCH_SECTIONS, type BenchmarkReport, type BenchSection } from "./benchmark";

type Row = [figure: string, ours: string, csr: string, networkx: string, ratio: string, goal: string];

function ms(value: unknown): string {
  if (typeof value !== "number" || !Number.isFinite(value)) return "-";
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 1) return `${value.toFixed(2)} ms`;
  return `${(value * 1000).toFixed(0)} µs`;
}

function num(value: unknown, digits = 0, unit = ""): string {
  return typeof value === "number" && Number.isFinite(value) ? `${value.toFixed(digits)}${unit}` : "-";
}

/** "3.2x faster" or, below 1, "3.1x slower". */
function speedup(value: unknown): string {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) return "-";
  return value >= 1 ? `${value.toFixed(1)}x faster` : `${(1 / value).toFixed(1)}x slower`;
}

function times(value: number | null | undefined, verdict?: boolean): string {
  if (value === null || value === undefined) return "-";
  return `${value.toFixed(2)}x${verdict === undefined ? "" : verdict ? " ok" : " MISSED"}`;
}

/** Formats the report for a terminal or a README: one row per figure, ratios marked ok or MISSED against the goals. */
export function formatBenchmarkTable(report: BenchmarkReport): string {
  const f = report.figures;
  const r = report.ratios;
  const at = (value: number | null | undefined, ok: (v: number) => boolean): boolean | undefined =>
    value === null || value === undefined ? undefined : ok(value);
  const columns: Row = ["figure", "RightsGraph", "CSR reference", "NetworkX", "ratio", "goal"];
  const rows: [BenchSection, Row][] = [
    [
      "load",
      [
        "load (folder -> queryable graph)",
        ms(f.loadMs),
        "",
        ms(f.networkxBuildMs),
        times(
          r.loadVsNetworkx,
          at(r.loadVsNetworkx, (v) => v <= 1),
        ),
        "<= 1x NetworkX",
      ],
    ],
    ["load", ["  of which dataset / engine", `${ms(f.loadDatasetMs)} / ${ms(f.engineBuildMs)}`, "", "", "", ""]],
    [
      "load",
      [
        "memory (RSS added; bytes per edge)",
        `${num(Number(f.rssBytes) / 2 ** 20, 0, " MiB")}; ${num(f.rssBytesPerEdge)} B`,
        "",
        `${num(Number(f.networkxBytes) / 2 ** 20, 0, " MiB")}; ${num(f.networkxBytesPerEdge)} B`,
        times(
          r.memoryVsNetworkx,
          at(r.memoryVsNetworkx, (v) => v <= 1),
        ),
        "<= 1x NetworkX",
      ],
    ],
    ["load", ["  heap + external, bytes per edge", num(f.bytesPerEdge), "", "", "", ""]],
    [
      "paths",
      [
        "shortest path, median",
        ms(f.pathMedianMs),
        ms(f.csrPathMedianMs),
        ms(f.networkxPathMedianMs),
        `${times(
          r.pathMedianVsCsr,
          at(r.pathMedianVsCsr, (v) => v <= 2),
        )} / ${times(
          r.pathMedianSpeedupVsNetworkx,
          at(r.pathMedianSpeedupVsNetworkx, (v) => v >= 5),
        )}`,
        "<= 2x CSR / >= 5x faster",
      ],
    ],
    [
      "paths",
      [
        "shortest path, p99",
        ms(f.pathP99Ms),
        ms(f.csrPathP99Ms),
        ms(f.networkxPathP99Ms),
        times(
          r.pathP99VsCsr,
          at(r.pathP99VsCsr, (v) => v <= 3),
        ),
        "<= 3x CSR",
      ],
    ],
    [
      "paths",
      [
        "filtered shortest path, median",
        ms(f.filteredPathMedianMs),
        ms(f.csrFilteredPathMedianMs),
        ms(f.networkxFilteredPathMedianMs),
        `${times(
          r.filteredPathMedianVsCsr,
          at(r.filteredPathMedianVsCsr, (v) => v <= 2),
        )} / ${times(
          r.filteredPathSpeedupVsNetworkx,
          at(r.filteredPathSpeedupVsNetworkx, (v) => v >= 10),
        )}`,
        "<= 2x CSR / >= 10x faster",
      ],
    ],
    [
      "paths",
      [
        "filtered shortest path, p99",
        ms(f.filteredPathP99Ms),
        ms(f.csrFilteredPathP99Ms),
        ms(f.networkxFilteredPathP99Ms),
        "",
        "",
      ],
    ],
    [
      "paths",
      [
        "k = 5 paths by hop count (rank=hops), median / p99",
        `${ms(f.kPathsMedianMs)} / ${ms(f.kPathsP99Ms)}`,
        "",
        "",
        "",
        `truncated: ${num(f.kPathsTruncated)}`,
      ],
    ],
    [
      "paths",
      [
        "k = 5 paths ranked (rank=informative, API default), median / p99",
        `${ms(f.rankedPathsMedianMs)} / ${ms(f.rankedPathsP99Ms)}`,
        "",
        "",
        `${times(
          r.rankedPathsMedianVsHops,
          at(r.rankedPathsMedianVsHops, (v) => v <= 2),
        )}`,
        `<= 2x rank=hops (median); truncated: ${num(f.rankedPathsTruncated)}`,
      ],
    ],
    [
      "paths",
      [
        "enumeration (50 paths, 8 hops), median / p99",
        `${ms(f.enumerationMedianMs)} / ${ms(f.enumerationP99Ms)}`,
        "",
        "",
        "",
        `truncated: ${num(f.enumerationTruncated)}`,
      ],
    ],
    [
      "neighborhoods",
      [
        "depth-2 neighbourhood, hub / ordinary (median)",
        `${ms(f.hubNeighborhoodMedianMs)} / ${ms(f.ordinaryNeighborhoodMedianMs)}`,
        "",
        "",
        "",
        `hub degree ${num(f.hubDegree)}`,
      ],
    ],
    [
      "cypher",
      [
        "Cypher one-hop typed + property filter, by id (median / p99)",
        `${ms(f.cypherMedianMs)} / ${ms(f.cypherP99Ms)}`,
        "",
        `${ms(f.networkxCypherMedianMs)} / ${ms(f.networkxCypherP99Ms)}`,
        speedup(f.cypherSpeedupVsNetworkx),
        `milliseconds; ${num(f.cypherRows)} rows, mismatches ${num(f.cypherMismatchesVsNetworkx)}, ` +
          `truncated ${num(f.cypherTruncated)}`,
      ],
    ],
    [
      "cypher",
      [
        "  the same over every state (median)",
        ms(f.cypherScanMedianMs),
        "",
        ms(f.networkxCypherScanMedianMs),
        speedup(f.cypherScanSpeedupVsNetworkx),
        `count ${num(f.cypherScanCount)}`,
      ],
    ],
    [
      "cypher",
      [
        "  every relationship grouped by type, in slices (time; largest stall)",
        `${ms(f.cypherGroupedMs)}; ${num(f.cypherGroupedStallMs, 1)} ms`,
        "",
        "",
        "",
        `stall <= 50 ms${typeof f.cypherGroupedStallMs === "number" ? (f.cypherGroupedStallMs <= 50 ? " ok" : " MISSED") : ""}; ` +
          `truncated: ${f.cypherGroupedTruncated ?? "-"}, highlight capped: ${f.cypherGroupedHighlightTruncated ?? "-"}`,
      ],
    ],
    [
      "export",
      [
        "GraphML export (MB/s)",
        num(f.graphmlMBps, 1),
        "",
        num(f.networkxGraphmlMBps, 1),
        times(
          r.graphmlSpeedupVsNetworkx,
          at(r.graphmlSpeedupVsNetworkx, (v) => v >= 5),
        ),
        ">= 5x NetworkX",
      ],
    ],
    ["http", ["HTTP /api/health (rps, p99)", `${num(f.healthRps)} rps, ${num(f.healthP99Ms)} ms`, "", "", "", ""]],
    [
      "http",
      [
        "HTTP /api/paths (rps, p99, errors)",
        `${num(f.pathsRps)} rps, ${num(f.pathsP99Ms)} ms, ${num(f.pathsErrors)}`,
        "",
        "",
        times(
          r.pathsRpsVsHealth,
          at(r.pathsRpsVsHealth, (v) => v >= 0.8),
        ),
        ">= 0.8x health, p99 <= 25 ms, 0 errors",
      ],
    ],
    [
      "http",
      ["HTTP /api/health beside long queries + export (p99)", `${num(f.healthUnderLoadP99Ms)} ms`, "", "", "", ""],
    ],
    [
      "http",
      [
        "largest event-loop stall",
        `${num(f.maxEventLoopStallMs, 1)} ms`,
        "",
        "",
        "",
        `<= 50 ms${typeof f.maxEventLoopStallMs === "number" ? (f.maxEventLoopStallMs <= 50 ? " ok" : " MISSED") : ""}`,
      ],
    ],
    ["http", ["  the loop thread's CPU in its longest turn", `${num(f.maxStallCpuMs, 1)} ms`, "", "", "", ""]],
    ["http", ["  longest GC pause meanwhile", `${num(f.maxGcPauseMs, 1)} ms`, "", "", "", ""]],
  ];
  // Only the sections run: a partial run's table has their rows as a full run prints them.
  const shown = [columns, ...rows.filter(([section]) => report.sections.includes(section)).map(([, row]) => row)];
  const widths = columns.map((_, column) => Math.max(...shown.map((row) => row[column]!.length)));
  const line = (row: Row): string => `| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")} |`;
  const partial = report.sections.length < BENCH_SECTIONS.length ? `; only ${report.sections.join(", ")}` : "";
  const header = `${report.size}: ${report.nodes.toLocaleString("en")} nodes, ${report.edges.toLocaleString("en")} edges; ${report.machine.cpus} x ${report.machine.cpuModel}, Node ${report.machine.node}${partial}`;
  return [
    header,
    "",
    line(columns),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...shown.slice(1).map(line),
    ...report.notes.map((note) => `\nnote: ${note}`),
  ].join("\n");
}
