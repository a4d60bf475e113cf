// The HTTP section's loads: their processes are started before the event loop is watched, since starting a process
// holds the parent's loop while the parent is copied (a tenth of a second each for a server holding the large corpus,
// three at once in the stall test: the stall the benchmark reported as the server's).
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

/** Processes started so far, and those started while a stall monitor was watching. */
const started = vi.hoisted(() => ({ all: 0, watched: 0, watching: false }));

vi.mock("node:child_process", async (importOriginal) => {
  const original = await importOriginal<typeof import("node:child_process")>();
  const counted =
    <A extends unknown[], R>(start: (...args: A) => R) =>
    (...args: A): R => {
      started.all++;
      if (started.watching) started.watched++;
      return start(...args);
    };
  return { ...original, spawn: counted(original.spawn), execFile: counted(original.execFile) };
});

vi.mock("../../src/bench/http-load", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/bench/http-load")>();
  return {
    ...original,
    withStallMonitor: async <T>(work: () => Promise<T>) => {
      started.watching = true;
      try {
        return await original.withStallMonitor(work);
      } finally {
        started.watching = false;
      }
    },
  };
});

const { readyLoads, withStallMonitor } = await import("../../src/bench/http-load");
const { threadCpuMs } = await import("../../src/query");
const { runBenchmark } = await import("../../src/bench/benchmark");
const { generateCorpus } = await import("../../src/bench/generate-corpus");

let workDir = "";
afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe("readyLoads", () => {
  it("starts every load's process before it resolves, and the loads it sets off start none", async () => {
    let answered = 0;
    const server = createServer((_req, res) => {
      answered++;
      res.end("{}");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const before = started.all;
      const go = await readyLoads(url, [
        { paths: ["/a"], connections: 1, seconds: 0.3 },
        { paths: ["/b"], connections: 1, seconds: 0.3 },
      ]);
      expect(started.all - before).toBe(2);
      // Ready, yet nothing sent: the load waits for go.
      expect(answered).toBe(0);
      const figures = await go();
      expect(started.all - before).toBe(2);
      expect(figures).toHaveLength(2);
      for (const load of figures) expect(load.requests).toBeGreaterThan(0);
      // autocannon counts the answers that came within its time; one in flight at the end is answered uncounted.
      expect(answered).toBeGreaterThanOrEqual(figures[0]!.requests + figures[1]!.requests);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("fails naming the child's error when a load cannot start", async () => {
    await expect(readyLoads("http://example.org", [{ paths: ["/"], connections: 1, seconds: 0.1 }])).rejects.toThrow(
      /only 127.0.0.1 is loaded/,
    );
  });
});

describe("withStallMonitor", () => {
  it("reports the loop thread's CPU time in its longest turn, whatever other processes take", async () => {
    // One turn that holds the loop until the thread itself has used 30 ms of CPU (its own clock, not the wall's).
    const spin = (): void => {
      const until = threadCpuMs() + 30;
      while (threadCpuMs() < until);
    };
    const watched = await withStallMonitor(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      spin();
      await new Promise((resolve) => setTimeout(resolve, 5));
      return "done";
    });
    expect(watched.result).toBe("done");
    expect(watched.maxStallCpuMs).toBeGreaterThanOrEqual(30);
  });
});

describe("the benchmark's HTTP section", () => {
  it("starts no process while it watches the event loop", async () => {
    workDir = await mkdtemp(path.join(tmpdir(), "rightsgraph-http-load-"));
    const data = path.join(workDir, "corpus");
    await generateCorpus({ out: data, seed: 3, edges: 1500 });
    const before = { ...started };
    const report = await runBenchmark({
      size: "small",
      data,
      workDir,
      sections: ["http"],
      pairs: 50,
      enumerationPairs: 5,
      httpSeconds: 0.5,
      httpConnections: 1,
    });
    // Five loads in three measured phases: health, paths, and the stall test's three.
    expect(started.all - before.all).toBe(5);
    expect(started.watched - before.watched).toBe(0);
    expect(report.figures.healthRequests).toBeGreaterThan(0);
    expect(report.figures.healthUnderLoadRequests).toBeGreaterThan(0);
    expect(typeof report.figures.stressStallMs).toBe("number");
    expect(typeof report.figures.stressStallCpuMs).toBe("number");
  }, 120_000);
});
