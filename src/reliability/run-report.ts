// `npm run test:reliability`: runs the reliability tests at full scale, the 30 s load run and npm audit, then
// prints what was tried and how it ended as one table (the README's "Reliability" section holds a copy).
// `npm run test:reliability -- --only load` runs the two load runs alone (kept answers, then every answer made afresh)
// and prints their rows.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { EXPORT_PRESSURE_LIMITS } from "./export-pressure";
import { runLoad, type LoadFigures } from "./load-run";
import { spawnServer } from "./spawn-server";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const LOAD = { connections: 100, until: { seconds: 30 }, timeoutSeconds: 10, p99LimitMs: 100 };

type Counts = Record<string, number>;

/** This is a script's entry point: its output is the report. */
const say = (line: string): void => void process.stdout.write(`${line}\n`);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

function readTallies(dir: string): Record<string, Counts> {
  const out: Record<string, Counts> = {};
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".json") && n !== "vitest.json")) {
    const tally = JSON.parse(readFileSync(path.join(dir, name), "utf8")) as { section: string; counts: Counts };
    out[tally.section] = tally.counts;
  }
  return out;
}

/**
 * The server's flags for the two load runs: as users run it, then with every answer made afresh. The mix repeats
 * twelve URLs, so with the answer cache nearly every request of the first run is a kept answer; the second says what
 * answering costs when the questions are new.
 */
const LOAD_RUNS = [
  { label: "", flags: [] },
  { label: ", every answer made afresh (--no-answer-cache, for comparison)", flags: ["--no-answer-cache"] },
] as const;

async function longLoad(flags: readonly string[]): Promise<LoadFigures | string> {
  const server = await spawnServer(["--port", "0", ...flags], { HOST: "", PORT: "" });
  if (!server.url) return `the server did not start: ${server.stderr().trim()}`;
  try {
    return await runLoad({ url: server.url, ...LOAD });
  } finally {
    server.child.kill("SIGTERM");
    await server.exited;
  }
}

/** High and critical advisories for production dependencies, or why the audit could not run. */
function audit(): { high: number; critical: number } | string {
  const result = spawnSync("npm", ["audit", "--omit=dev", "--json"], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  try {
    const report = JSON.parse(result.stdout) as {
      metadata?: { vulnerabilities?: Record<string, number> };
      message?: string;
    };
    const found = report.metadata?.vulnerabilities;
    if (found) return { high: found.high ?? 0, critical: found.critical ?? 0 };
    return `unavailable: ${report.message ?? "no metadata in npm's answer"}`;
  } catch {
    return `unavailable: ${(result.stderr || result.error?.message || "no answer").trim().split("\n")[0]}`;
  }
}

const n = (value: number | undefined): string => (value ?? 0).toLocaleString("en-GB");

/** The load row of the report: what the run did, and whether it held. */
function loadRow(load: LoadFigures | string, label: string): { row: [string, string, string]; held: boolean } {
  if (typeof load === "string") return { row: [`Load (30 s, 100 connections)${label}`, "not run", load], held: false };
  const held = load.errors === 0 && load.timeouts === 0 && load.non2xx === 0 && load.p99 < LOAD.p99LimitMs;
  return {
    row: [
      `Load (${LOAD.until.seconds} s, ${LOAD.connections} connections, mixed)${label}`,
      `${n(load.requests)} requests (${Math.round(load.requestsPerSecond)}/s)`,
      `${n(load.errors)} errors, ${n(load.timeouts)} timeouts, ${n(load.non2xx)} non-2xx; p50 ${load.p50} ms, p99 ${load.p99} ms, max ${load.max} ms: ${held ? "held" : `NOT held (p99 limit ${LOAD.p99LimitMs} ms)`}; p99 by kind: ${load.byKind.map((k) => `${k.kind} ${k.p99} ms`).join(", ")}`,
    ],
    held,
  };
}

function printTable(rows: readonly [string, string, string][]): void {
  say("\n| check | tried | result |\n|---|---|---|");
  for (const [name, tried, result] of rows) say(`| ${name} | ${tried} | ${result} |`);
}

/** The load run's latencies by kind of request, as a table of its own: which requests make the tail. */
function printKinds(load: LoadFigures | string): void {
  if (typeof load === "string") return;
  say("\n| request kind | answered | p50 | p99 | max |\n|---|---|---|---|---|");
  for (const k of load.byKind) say(`| ${k.kind} | ${n(k.count)} | ${k.p50} ms | ${k.p99} ms | ${k.max} ms |`);
}

/** `--only load`: the load run alone, without the tests and the audit, and its row of the table. */
/** The two load runs one after the other; the first decides whether the report holds. */
async function loadRuns(): Promise<{
  rows: [string, string, string][];
  loads: (LoadFigures | string)[];
  held: boolean;
}> {
  const loads: (LoadFigures | string)[] = [];
  for (const run of LOAD_RUNS) {
    say(`Load run${run.label}: ${LOAD.connections} connections for ${LOAD.until.seconds} s on 127.0.0.1...`);
    loads.push(await longLoad(run.flags));
  }
  const rows = loads.map((load, i) => loadRow(load, LOAD_RUNS[i]!.label));
  return { rows: rows.map((r) => r.row), loads, held: rows[0]!.held };
}

async function loadOnly(): Promise<number> {
  const { rows, loads, held } = await loadRuns();
  printTable(rows);
  for (const load of loads) printKinds(load);
  return held ? 0 : 1;
}

async function main(): Promise<number> {
  if (!existsSync(path.join(ROOT, "web/dist/index.html"))) {
    say("Building the web app (web/dist) first...");
    if ((await run("npm", ["run", "build:web"])) !== 0) return 1;
  }
  const out = mkdtempSync(path.join(tmpdir(), "rightsgraph-reliability-"));
  say("Reliability tests at full scale (tests/reliability)...");
  const testsExit = await run(
    "npx",
    [
      "vitest",
      "run",
      "tests/reliability",
      // One file at a time: the timing checks (path budget, health latency) must not compete with the fuzzers.
      "--no-file-parallelism",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${path.join(out, "vitest.json")}`,
    ],
    {
      RIGHTSGRAPH_RELIABILITY_OUT: out,
      RIGHTSGRAPH_RELIABILITY_SCALE: "full",
    },
  );
  const vitest = existsSync(path.join(out, "vitest.json"))
    ? (JSON.parse(readFileSync(path.join(out, "vitest.json"), "utf8")) as {
        numPassedTests: number;
        numFailedTests: number;
      })
    : { numPassedTests: 0, numFailedTests: NaN };
  const t = readTallies(out);
  rmSync(out, { recursive: true, force: true });

  const loadRun = await loadRuns();
  say("npm audit --omit=dev...");
  const advisories = audit();

  const http = t.http ?? {};
  const data = t.data ?? {};
  const exportsTally = t.exports ?? {};
  const faults = t.faults ?? {};
  const security = t.security ?? {};
  const budget = t["path-budget"] ?? {};
  const confinement = t.confinement ?? {};
  const hostileFiles = t["hostile-files"] ?? {};
  const pressure = t["export-pressure"] ?? {};
  const terminal = t.terminal ?? {};
  const rssGrowth = (pressure["rss peak MiB"] ?? NaN) - (pressure["rss base MiB"] ?? NaN);
  const pressureHeld =
    (pressure["health p99 ms"] ?? Infinity) < EXPORT_PRESSURE_LIMITS.healthP99Ms &&
    rssGrowth < EXPORT_PRESSURE_LIMITS.rssGrowthMiB;
  const rows: [string, string, string][] = [
    [
      "Hostile HTTP requests",
      `${n(http.requests)} tried (${n(http["traversal attempts"])} static-file escapes)`,
      `${n(http["2xx"])} 2xx, ${n(http["3xx"])} 304, ${n(http["4xx"])} JSON 4xx, ${n(http["5xx"])} 5xx, ${n(http.hangs)} hangs, ${n(http.malformed)} malformed`,
    ],
    [
      "Hostile data (mutated folders)",
      `${n(data.mutations)} tried`,
      `${n(data.caught)} caught as located problems, ${n(data.loaded)} still valid and loaded whole, ${n(data.crash)} crashes, ${n(data.hang)} hangs, ${n(data["wrong answers"])} wrong answers (partial graph, unlocated problem)`,
    ],
    [
      "Data-folder confinement",
      `${n(confinement.tried)} tried (text: paths and links leading out, links inside, a linked folder)`,
      `${n(confinement.refused)} refused as located problems, ${n(confinement.loaded)} loaded as they should, ${n(confinement.leaked)} quoted a byte of an outside file`,
    ],
    [
      "Hostile files",
      `${n(hostileFiles.tried)} tried (/dev/zero, FIFO, folder, files over the limits, long wrong quotes, control characters)`,
      `${n(hostileFiles.refused)} refused as located problems, ${n(hostileFiles.hang)} hangs, ${n(hostileFiles.crash)} crashes, ${n(hostileFiles.loaded)} loaded`,
    ],
    [
      "Hostile exports",
      `${n(exportsTally["gexf values"])} GEXF values, ${n(exportsTally["csv cells"])} CSV cells, ${n(exportsTally["1 MB values"])} 1 MB values`,
      "all read back as the contract says (GraphML: tests/export)",
    ],
    ...loadRun.rows,
    [
      `Pathological path query (${n(budget.nodes)} nodes, ${n(budget.edges)} edges)`,
      `${n(budget["pathological queries"])}, 3 at a time`,
      `all truncated, each round within ${n(budget["pathological ms"])} ms; /api/health answered ${n(budget["health probes"])} times meanwhile, p90 ${n(budget["health p90 ms"])} ms, max ${n(budget["health max ms"])} ms`,
    ],
    [
      `Export pressure (4 GEXF + 4 CSV at once, ${n(pressure.nodes)} nodes, ${n(pressure.edges)} edges)`,
      `${n(pressure.exports)} exports (${n(pressure["MB exported"])} MB in ${n(pressure.seconds)} s), ${n(pressure["health probes"])} health probes`,
      `/api/health p50 ${n(pressure["health p50 ms"])} ms, p99 ${n(pressure["health p99 ms"])} ms, max ${n(pressure["health max ms"])} ms; server RSS ${n(pressure["rss base MiB"])} -> ${n(pressure["rss peak MiB"])} MiB: ${pressureHeld ? "held" : `NOT held (limits: p99 ${EXPORT_PRESSURE_LIMITS.healthP99Ms} ms, +${EXPORT_PRESSURE_LIMITS.rssGrowthMiB} MiB)`}`,
    ],
    [
      "Terminal output (hostile data through every CLI command)",
      `${n(terminal["commands run"])} commands, ${n(terminal["outputs checked"])} outputs`,
      `${n(terminal["raw control characters"])} raw control characters: ${terminal["commands run"] && !terminal["raw control characters"] ? "held" : "NOT held"}`,
    ],
    ["Faults", `${n(faults["faults tried"])} tried`, `${n(faults["faults survived"])} survived`],
    ["Security defaults", `${n(security["checks passed"])} checks`, `${n(security["checks passed"])} passed`],
    [
      "npm audit --omit=dev",
      "production dependencies",
      typeof advisories === "string" ? advisories : `${advisories.high} high, ${advisories.critical} critical`,
    ],
    [
      "Reliability tests",
      `${n(vitest.numPassedTests + vitest.numFailedTests)} tests`,
      `${n(vitest.numPassedTests)} passed, ${n(vitest.numFailedTests)} failed`,
    ],
  ];
  printTable(rows);
  for (const load of loadRun.loads) printKinds(load);
  const advisoriesOk = typeof advisories === "string" || advisories.high + advisories.critical === 0;
  return testsExit === 0 && loadRun.held && advisoriesOk ? 0 : 1;
}

const USAGE = "usage: tsx src/reliability/run-report.ts [--only load]";
const args = process.argv.slice(2);
if (args.length === 0) process.exitCode = await main();
else if (args.length === 2 && args[0] === "--only" && args[1] === "load") process.exitCode = await loadOnly();
else {
  process.stderr.write(`${USAGE}\n`);
  process.exitCode = 2;
}
