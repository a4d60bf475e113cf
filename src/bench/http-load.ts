// HTTP figures: autocannon (in child processes) against the real server on 127.0.0.1, with the event loop watched.
import { execFile } from "node:child_process";
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

/** One autocannon run cycling through `paths`, in a child process so it does not share the server's event loop. */
export function loadInChild(url: string, run: LoadRun): Promise<LoadFigures> {
  return new Promise((resolve, reject) => {
    const request = JSON.stringify({ url, ...run });
    execFile(process.execPath, [CHILD, request], { maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`autocannon failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout) as LoadFigures);
    });
  });
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
