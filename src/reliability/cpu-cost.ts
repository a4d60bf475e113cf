// The server's CPU time per request, by request of the load mix: a measure that does not swing with the machine's
// load as throughput and latency do. Each request is sent alone, in batches, over one kept-alive connection to a
// server in a process of its own, and the CPU time that process spent during the batch is read from /proc.
import { readdirSync, readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { percentile } from "../bench/summary-stats";
import { requestKind, runLoad } from "./load-run";

/** CPU time (user and system, every thread) a process has spent so far, in nanoseconds, from the scheduler's count. */
export function processCpuNs(pid: number): number {
  let total = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      total += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      // A thread that ended between the listing and the read: its time is gone with it either way.
    }
  }
  return total;
}

/** A server measured: a name for the tables, its address (loopback) and its process id. */
export interface MeasuredServer {
  name: string;
  url: string;
  pid: number;
}

export interface CpuCostOptions {
  /** The servers compared: a batch's requests go to each of them in turn, so they share the machine's ups and downs. */
  servers: readonly MeasuredServer[];
  /** The requests measured, each by itself (paths with their query). */
  paths: readonly string[];
  /** Requests of each path per batch. */
  batch: number;
  /** Batches of each path, interleaved with the other paths' (the median is kept). */
  rounds: number;
  /** Unmeasured requests of each path before the first batch, after the first request. */
  warmup: number;
}

export const DEFAULT_CPU_COST_OPTIONS = { batch: 200, rounds: 5, warmup: 100 } as const;

/** What one request of the mix costs one server. */
export interface RequestCost {
  server: string;
  path: string;
  kind: string;
  /** Bytes of the answer's body. */
  bytes: number;
  /** CPU time of the very first request of this path (the server cold for it), in microseconds. */
  firstUs: number;
  /** CPU time per request, median over the rounds, in microseconds; with the lowest and highest round. */
  us: number;
  minUs: number;
  maxUs: number;
  /** Each round's figure, in the order measured. */
  roundsUs: number[];
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/** GETs `path` and reads the whole answer; rejects on anything but 200. */
function get(url: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, url), { agent }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () =>
        res.statusCode === 200 ? resolve(bytes) : reject(new Error(`${url}${path}: status ${res.statusCode}`)),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/**
 * CPU microseconds per request of `count` requests of `path` to each server, sent one after another and to the
 * servers in turn (one to each, then the next one to each...): on a shared machine whatever else runs slows them
 * alike, so their figures compare even when the machine's load changes from one second to the next.
 */
async function batchCosts(servers: readonly MeasuredServer[], path: string, count: number): Promise<number[]> {
  const before = servers.map((server) => processCpuNs(server.pid));
  for (let i = 0; i < count; i++) for (const server of servers) await get(server.url, path);
  return servers.map((server, s) => (processCpuNs(server.pid) - before[s]!) / 1000 / count);
}

/**
 * Measures each path on each server: its first request alone (in the order given, on a server that has answered
 * nothing yet), then `warmup` requests, then `rounds` batches of `batch` requests, the servers in turn.
 */
export async function measureCpuCost(options: CpuCostOptions): Promise<RequestCost[]> {
  type Costs = { bytes: number; firstUs: number; rounds: number[] };
  const costs = options.servers.map(() => new Map<string, Costs>());
  for (const [s, server] of options.servers.entries()) {
    for (const path of options.paths) {
      const before = processCpuNs(server.pid);
      const bytes = await get(server.url, path);
      costs[s]!.set(path, { bytes, firstUs: (processCpuNs(server.pid) - before) / 1000, rounds: [] });
    }
  }
  for (const path of options.paths) await batchCosts(options.servers, path, options.warmup);
  for (let round = 0; round < options.rounds; round++) {
    for (const path of options.paths) {
      const perServer = await batchCosts(options.servers, path, options.batch);
      for (const [s, us] of perServer.entries()) costs[s]!.get(path)!.rounds.push(us);
    }
  }
  return options.servers.flatMap((server, s) =>
    [...costs[s]!].map(([path, cost]) => ({
      server: server.name,
      path,
      kind: requestKind(path),
      bytes: cost.bytes,
      firstUs: cost.firstUs,
      us: percentile(cost.rounds, 50),
      minUs: Math.min(...cost.rounds),
      maxUs: Math.max(...cost.rounds),
      roundsUs: cost.rounds,
    })),
  );
}

/** The mean cost of each kind of request (a route) of one server's costs, in the order the kinds first appear. */
export function costByKind(costs: readonly RequestCost[]): { kind: string; us: number; firstUs: number }[] {
  const kinds = new Map<string, RequestCost[]>();
  for (const cost of costs) kinds.set(cost.kind, [...(kinds.get(cost.kind) ?? []), cost]);
  const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
  return [...kinds].map(([kind, list]) => ({
    kind,
    us: mean(list.map((c) => c.us)),
    firstUs: Math.max(...list.map((c) => c.firstUs)),
  }));
}

export interface MixCpuOptions {
  servers: readonly MeasuredServer[];
  /** Connections the mix is sent on at once (the load run's 100). */
  connections: number;
  /** Requests per server per round. */
  requests: number;
  rounds: number;
}

/** What the whole mix costs one server when many connections send it at once. */
export interface MixCost {
  server: string;
  /** CPU microseconds per request, median over the rounds. */
  us: number;
  /** Its figure over the first server's in the same round, median over the rounds. */
  ratio: number;
}

/**
 * The mix at `connections` connections (the load run's way, with autocannon), `requests` requests at a time to each
 * server in turn, `rounds` times after one unmeasured round: what a server spends per request when requests come
 * together, which one at a time does not show (answers written side by side, the collector's helper threads).
 */
export async function measureMixCpu(options: MixCpuOptions): Promise<MixCost[]> {
  const rounds = options.servers.map(() => [] as number[]);
  for (let round = -1; round < options.rounds; round++) {
    for (const [s, server] of options.servers.entries()) {
      const before = processCpuNs(server.pid);
      const figures = await runLoad({
        url: server.url,
        connections: options.connections,
        until: { requests: options.requests },
        timeoutSeconds: 60,
      });
      if (round >= 0) rounds[s]!.push((processCpuNs(server.pid) - before) / 1000 / figures.requests);
    }
  }
  return options.servers.map((server, s) => ({
    server: server.name,
    us: percentile(rounds[s]!, 50),
    ratio: percentile(
      rounds[s]!.map((us, round) => us / rounds[0]![round]!),
      50,
    ),
  }));
}
