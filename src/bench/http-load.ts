// HTTP figures: autocannon (in child processes) against the real server on 127.0.0.1, with the event loop watched.
import { spawn } from "node:child_process";
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

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

/** A child process running one load, ready to start: `go` starts it and resolves with its figures. */
interface ReadyChild {
  go(): Promise<LoadFigures>;
  kill(): void;
}

/** Starts the child for one run and resolves once it says it is ready (its autocannon loaded, nothing sent yet). */
function readyChild(url: string, run: LoadRun): Promise<ReadyChild> {
  const child = spawn(process.execPath, [CHILD, JSON.stringify({ url, ...run })], { stdio: "pipe" });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (text: string) => (stdout += text));
  child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr += text));
  const exited = new Promise<void>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`autocannon failed (${signal ?? `exit ${code}`}): ${stderr}`)),
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
    exited.then(() => reject(new Error(`autocannon child ended before it was ready: ${stderr}`)), reject);
  });
  return ready.then(() => ({
    async go() {
      child.stdin.end("go\n");
      await exited;
      return JSON.parse(stdout.slice("ready\n".length)) as LoadFigures;
    },
    kill: () => child.kill(),
  }));
}

/**
 * Load runs (autocannon cycling through each run's `paths`), each in a child process so it does not share the
 * server's event loop, started and waiting: the function returned sets them all off at once and resolves with their
 * figures in the order of `runs`. Call it inside the measurement, and this outside: starting a process holds its
 * parent's event loop while the parent is copied (about a tenth of a second each for a server holding the large
 * corpus), which the stall monitor would count as the server's.
 */
export async function readyLoads(url: string, runs: readonly LoadRun[]): Promise<() => Promise<LoadFigures[]>> {
  const children = await Promise.allSettled(runs.map((run) => readyChild(url, run)));
  const failed = children.find((child) => child.status === "rejected");
  if (failed !== undefined) {
    for (const child of children) if (child.status === "fulfilled") child.value.kill();
    throw failed.reason;
  }
  const ready = children.map((child) => (child as PromiseFulfilledResult<ReadyChild>).value);
  return () => Promise.all(ready.map((child) => child.go()));
}

/**
 * Runs `work` while measuring this thread's event-loop delay; returns its result, the largest stall and the
 * longest garbage-collection pause in ms (a stall no longer than a GC pause may be that pause).
 */
export async function withStallMonitor<T>(
  work: () => Promise<T>,
): Promise<{ result: T; maxStallMs: number; maxGcPauseMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  let maxGcPauseMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) maxGcPauseMs = Math.max(maxGcPauseMs, entry.duration);
  });
  observer.observe({ entryTypes: ["gc"] });
  histogram.enable();
  try {
    const result = await work();
    return { result, maxStallMs: histogram.max / 1e6, maxGcPauseMs };
  } finally {
    histogram.disable();
    observer.disconnect();
  }
}
