// HTTP figures: autocannon (in child processes) against the real server on 127.0.0.1, with the event loop watched.
import { spawn } from "node:child_process";
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { threadCpuMs } from "../query";

const CHILD = fileURLToPath(new URL("./autocannon-child.mjs", import.meta.url));

export interface LoadFigures {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

export interface LoadRun {
  paths: string[];
  connections: number;
  seconds: number;
}

/** A child process ready to start its work: `go` starts it and resolves with the figures it prints. */
export interface ReadyChild<T> {
  go(): Promise<T>;
  kill(): void;
}

/**
 * Starts `script` (Node) with `args` and resolves once it prints "ready" on its first line; `go` then sends it a line
 * on stdin, waits for it to end and reads the JSON it printed after. Start the child before measuring the event loop
 * and say go inside the measurement: starting a process holds its parent's event loop while the parent is copied
 * (about a tenth of a second for a server holding the large corpus), which a stall monitor would count as the
 * server's.
 */
export function readyChild<T>(script: string, args: readonly string[]): Promise<ReadyChild<T>> {
  const child = spawn(process.execPath, [script, ...args], { stdio: "pipe" });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (text: string) => (stdout += text));
  child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
  const exited = new Promise<void>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(script)} failed (${signal ?? `exit ${code}`}): ${stderr}`)),
    );
  });
  // Settled by the caller's own wait or by `go`; never left unhandled.
  exited.catch(() => {});
  const ready = new Promise<void>((resolve, reject) => {
    const look = (): void => {
      if (!stdout.startsWith("ready\n")) return;
      child.stdout.off("data", look);
      resolve();
    };
    child.stdout.on("data", look);
    exited.then(() => reject(new Error(`${path.basename(script)} ended before it was ready: ${stderr}`)), reject);
  });
  return ready.then(() => ({
    async go() {
      child.stdin.end("go\n");
      await exited;
      return JSON.parse(stdout.slice("ready\n".length)) as T;
    },
    kill: () => child.kill(),
  }));
}

/**
 * Load runs (autocannon cycling through each run's `paths`), each in a child process so it does not share the
 * server's event loop, started and waiting (see `readyChild`): the function returned sets them all off at once and
 * resolves with their figures in the order of `runs`. Call it inside the measurement, and this outside.
 */
export async function readyLoads(url: string, runs: readonly LoadRun[]): Promise<() => Promise<LoadFigures[]>> {
  const children = await Promise.allSettled(
    runs.map((run) => readyChild<LoadFigures>(CHILD, [JSON.stringify({ url, ...run })])),
  );
  const failed = children.find((child) => child.status === "rejected");
  if (failed !== undefined) {
    for (const child of children) if (child.status === "fulfilled") child.value.kill();
    throw failed.reason;
  }
  const ready = children.map((child) => (child as PromiseFulfilledResult<ReadyChild<LoadFigures>>).value);
  return () => Promise.all(ready.map((child) => child.go()));
}

/** How often the loop's turns are timed by the thread's CPU: a timer every millisecond, as the delay histogram's. */
const TURN_TIMER_MS = 1;

/**
 * Runs `work` while measuring this thread's event-loop delay; returns its result, the largest stall, the most CPU
 * time the loop's thread spent between two turns of a 1 ms timer (`threadCpuMs`: what the stall's own work cost,
 * which other processes' load hardly changes, unlike its wall time) and the longest garbage-collection pause in ms
 * (a stall no longer than a GC pause may be that pause).
 */
export async function withStallMonitor<T>(
  work: () => Promise<T>,
): Promise<{ result: T; maxStallMs: number; maxStallCpuMs: number; maxGcPauseMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  let maxGcPauseMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) maxGcPauseMs = Math.max(maxGcPauseMs, entry.duration);
  });
  observer.observe({ entryTypes: ["gc"] });
  let maxStallCpuMs = 0;
  let lastCpu = threadCpuMs();
  const turns = setInterval(() => {
    const cpu = threadCpuMs();
    maxStallCpuMs = Math.max(maxStallCpuMs, cpu - lastCpu);
    lastCpu = cpu;
  }, TURN_TIMER_MS);
  histogram.enable();
  try {
    const result = await work();
    return { result, maxStallMs: histogram.max / 1e6, maxStallCpuMs, maxGcPauseMs };
  } finally {
    histogram.disable();
    clearInterval(turns);
    observer.disconnect();
  }
}
