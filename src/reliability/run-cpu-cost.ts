// `npm run bench:cpu`: the server's CPU time per request of the load mix (LOAD_MIX), each request sent alone, so
// builds can be compared on a busy machine. `--root DIR` (repeatable) measures beside this checkout's server the
// server of another checkout (a git worktree of an older commit with its own node_modules), with this script's mix
// and method, their requests in turn; `--data DIR` (repeatable) adds this checkout's server on another data folder
// (an older commit's graph-data, to tell the code's share from the data's); `--connections N` measures the mix sent on
// N connections at once as well (the load run's way); `--out FILE` keeps the figures as JSON.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  costByKind,
  DEFAULT_CPU_COST_OPTIONS,
  measureCpuCost,
  measureMixCpu,
  type MeasuredServer,
  type MixCost,
  type RequestCost,
} from "./cpu-cost";
import { LOAD_MIX } from "./load-run";
import { spawnServer, type SpawnedServer } from "./spawn-server";

const USAGE =
  "usage: tsx src/reliability/run-cpu-cost.ts [--root DIR]... [--data DIR]... [--batch N] [--rounds N] [--warmup N] [--connections N] [--out FILE]";

/** This is a script's entry point: its output is the report. */
const say = (line: string): void => void process.stdout.write(`${line}\n`);

const us = (value: number): string => Math.round(value).toLocaleString("en-GB");

function printCosts(names: readonly string[], costs: readonly RequestCost[]): void {
  const of = (name: string) => costs.filter((c) => c.server === name);
  const heads = names.map((name) => `${name}: bytes, first µs, µs (range)`);
  say(`\n| request | ${heads.join(" | ")} |\n|---|${names.map(() => "---|").join("")}`);
  for (const [i, p] of LOAD_MIX.entries()) {
    const cells = names.map((name) => {
      const c = of(name)[i]!;
      return `${c.bytes.toLocaleString("en-GB")} B, ${us(c.firstUs)}, **${us(c.us)}** (${us(c.minUs)}-${us(c.maxUs)})`;
    });
    say(`| ${p} | ${cells.join(" | ")} |`);
  }
  const kinds = names.map((name) => costByKind(of(name)));
  say(`\n| kind | ${names.map((name) => `${name}: µs per request (first)`).join(" | ")} |`);
  say(`|---|${names.map(() => "---|").join("")}`);
  for (const [i, k] of kinds[0]!.entries()) {
    const cells = kinds.map((list) => `${us(list[i]!.us)} (${us(list[i]!.firstUs)})`);
    say(`| ${k.kind} | ${cells.join(" | ")} |`);
  }
  const means = names.map((name) => of(name).reduce((sum, c) => sum + c.us, 0) / LOAD_MIX.length);
  say(`| the mix (mean) | ${means.map((m) => `${us(m)} (${Math.round(1e6 / m)} requests/s per core)`).join(" | ")} |`);
}

/** The mix at `connections` connections, a batch of requests of each kind per server and round; printed. */
async function mixCosts(
  servers: MeasuredServer[],
  connections: number,
  options: { batch: number; rounds: number },
): Promise<MixCost[]> {
  const requests = options.batch * LOAD_MIX.length;
  say(
    `\nThe mix on ${connections} connections at once, ${requests} requests to each server in turn, ${options.rounds} rounds:`,
  );
  const mix = await measureMixCpu({ servers, connections, requests, rounds: options.rounds });
  say(`\n| server | µs per request | over ${servers[0]!.name} |\n|---|---|---|`);
  for (const m of mix) say(`| ${m.server} | ${us(m.us)} | ${m.ratio.toFixed(2)} |`);
  return mix;
}

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number above 0, got "${value}"`);
  return n;
}

/** A server to measure: the code of `root` (this checkout when undefined) serving `data` (its bundled graph when undefined). */
interface ServerSpec {
  name: string;
  root?: string;
  data?: string;
}

/** Starts a server on a free loopback port. */
async function startServer(spec: ServerSpec): Promise<SpawnedServer & { pid: number; url: string }> {
  const nodeArgs = spec.root ? [path.resolve(spec.root, "src/cli/bin.js"), "serve"] : undefined;
  const args = ["--port", "0", ...(spec.data ? ["--data", path.resolve(spec.data)] : [])];
  const server = await spawnServer(args, { HOST: "", PORT: "" }, 300_000, nodeArgs);
  if (!server.url || server.child.pid === undefined) {
    server.child.kill("SIGTERM");
    throw new Error(`the server "${spec.name}" did not start:\n${server.stderr()}`);
  }
  return { ...server, pid: server.child.pid, url: server.url };
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      root: { type: "string", multiple: true },
      data: { type: "string", multiple: true },
      batch: { type: "string" },
      rounds: { type: "string" },
      warmup: { type: "string" },
      connections: { type: "string" },
      out: { type: "string" },
    },
  });
  const options = {
    batch: positive(values.batch, DEFAULT_CPU_COST_OPTIONS.batch, "batch"),
    rounds: positive(values.rounds, DEFAULT_CPU_COST_OPTIONS.rounds, "rounds"),
    warmup: positive(values.warmup, DEFAULT_CPU_COST_OPTIONS.warmup, "warmup"),
  };
  const specs: ServerSpec[] = [
    { name: "this checkout" },
    ...(values.root ?? []).map((root) => ({ name: path.basename(path.resolve(root)), root })),
    ...(values.data ?? []).map((data) => ({ name: `this checkout on ${data}`, data })),
  ];
  const started: SpawnedServer[] = [];
  try {
    const servers: MeasuredServer[] = [];
    for (const spec of specs) {
      const server = await startServer(spec);
      started.push(server);
      servers.push({ name: spec.name, url: server.url, pid: server.pid });
    }
    say(
      `Server CPU per request: ${options.rounds} rounds of ${options.batch} requests of each of the ${LOAD_MIX.length} ` +
        `requests of the mix, one at a time, after ${options.warmup} unmeasured; servers in turn at every batch`,
    );
    const costs = await measureCpuCost({ servers, paths: LOAD_MIX, ...options });
    printCosts(
      servers.map((s) => s.name),
      costs,
    );
    const connections = values.connections === undefined ? 0 : positive(values.connections, 0, "connections");
    const mix = connections > 0 ? await mixCosts(servers, connections, options) : [];
    if (values.out) writeFileSync(values.out, `${JSON.stringify({ options, servers, costs, mix }, null, 2)}\n`);
    return 0;
  } finally {
    for (const server of started) {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exitCode = 2;
}
