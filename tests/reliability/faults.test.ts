// Faults: invalid data at start-up, a port in use, SIGTERM with requests in flight, clients that leave in the
// middle of a large export, and the data folder removed while serving. The server survives every one.
import { cp, mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnServer } from "../../src/reliability/spawn-server";
import { writeDataFolder } from "./helpers/data-folder";
import { generatedDataset } from "./helpers/generated-dataset";
import { parseAnswer, requestBytes } from "./helpers/raw-http";
import { Tally } from "./helpers/tally";
import { startTestServer, type TestServer } from "./helpers/test-server";

const tally = new Tally("faults");
const temporary: string[] = [];
afterAll(async () => {
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
  tally.save();
});

const STACK = /\n\s+at |node:internal|\.ts:\d+:\d+/;

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** True when something accepts connections on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function survived(name: string): void {
  tally.add("faults survived");
  tally.note(name);
}

describe("start-up faults", () => {
  it("exits 1 with every problem as file:line on invalid data, and never listens", async () => {
    tally.add("faults tried");
    const root = await mkdtemp(path.join(tmpdir(), "rightsgraph-broken-serve-"));
    temporary.push(root);
    const dir = path.join(root, "data");
    await cp("tests/fixtures/data/good", dir, { recursive: true });
    await cp("tests/fixtures/data/broken/quote-not-found", dir, { recursive: true });
    await cp("tests/fixtures/data/broken/unknown-field", dir, { recursive: true });
    const port = await freePort();
    const server = await spawnServer(["--data", dir, "--port", String(port)]);
    expect(server.url).toBeNull();
    expect((await server.exited).code).toBe(1);
    const stderr = server.stderr();
    // Both problems, each located: the loader reports every problem at once, not only the first.
    expect(stderr).toMatch(/data\/sources\/alpha\/graph\.yaml:44: .*not found verbatim/);
    expect(stderr).toMatch(/data\/entities\/states\.yaml:10: .*unknown field "aliasses"/);
    expect(stderr).not.toMatch(STACK);
    expect(await listening(port)).toBe(false);
    survived("invalid data at start-up: exit 1, problems listed, nothing listening");
  });

  it("exits 1 with a clear message when the port is in use", async () => {
    tally.add("faults tried");
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    const { port } = holder.address() as net.AddressInfo;
    try {
      const server = await spawnServer(["--port", String(port)]);
      expect(server.url).toBeNull();
      expect((await server.exited).code).toBe(1);
      expect(server.stderr()).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(server.stderr()).not.toMatch(STACK);
    } finally {
      await new Promise<void>((resolve) => holder.close(() => resolve()));
    }
    survived("port in use: exit 1, clear message");
  });
});

describe("SIGTERM with requests in flight", () => {
  it("finishes the exports being downloaded, refuses new connections, then exits 0", async () => {
    tally.add("faults tried");
    const { dir, root } = writeDataFolder(1000, 10_000);
    temporary.push(root);
    const server = await spawnServer(["--data", dir, "--port", "0"]);
    if (!server.url) throw new Error(`the server did not start:\n${server.stderr()}`);
    const port = Number(new URL(server.url).port);

    // Three clients start a 5 MB export and stop reading after the first bytes, so the answers stay in flight.
    const downloads = [0, 1, 2].map(() => {
      const socket = net.connect({ host: "127.0.0.1", port });
      const chunks: Buffer[] = [];
      const firstBytes = new Promise<void>((resolve) =>
        socket.once("data", (chunk: Buffer) => {
          chunks.push(chunk);
          socket.pause();
          socket.on("data", (more: Buffer) => chunks.push(more));
          resolve();
        }),
      );
      const ended = new Promise<Buffer>((resolve) => socket.once("close", () => resolve(Buffer.concat(chunks))));
      socket.write(requestBytes("GET", "/api/export?format=graphml"));
      return { socket, firstBytes, ended };
    });
    await Promise.all(downloads.map((d) => d.firstBytes));
    server.child.kill("SIGTERM");
    // The server says it got the signal just before it stops listening; then the port closes while it still runs.
    await expect.poll(() => server.stderr(), { timeout: 10_000 }).toContain("SIGTERM received");
    await expect.poll(() => listening(port), { timeout: 10_000 }).toBe(false);
    expect(server.child.exitCode).toBeNull();
    for (const d of downloads) d.socket.resume();
    for (const d of downloads) {
      const answer = parseAnswer(await d.ended, "GET");
      expect(answer?.status).toBe(200);
      const text = answer!.body.toString("utf8");
      expect(text.length).toBeGreaterThan(4_000_000);
      expect(text.trimEnd().endsWith("</graphml>")).toBe(true);
    }
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.stderr()).toContain("SIGTERM received, finishing requests in flight");
    expect(server.stderr()).toContain("RightsGraph: stopped");
    survived("SIGTERM during exports: in-flight finished, then exit 0");
  }, 120_000);
});

describe("clients that leave in the middle of a large export", () => {
  let server: TestServer;
  const gc = (() => {
    v8.setFlagsFromString("--expose-gc");
    return vm.runInNewContext("gc") as () => void;
  })();
  beforeAll(async () => {
    server = await startTestServer(generatedDataset({ nodes: 20_000, edges: 60_000, hubEdges: 0 }));
  }, 120_000);
  afterAll(() => server.running.close());

  /** Starts a full GraphML export, reads about 64 KB of it, then drops the connection. */
  async function abortedExport(): Promise<number> {
    const socket = net.connect({ host: "127.0.0.1", port: server.port });
    let received = 0;
    await new Promise<void>((resolve) => {
      socket.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (received >= 64 * 1024) {
          socket.destroy();
          resolve();
        }
      });
      socket.on("close", () => resolve());
      socket.write(requestBytes("GET", "/api/export?format=graphml"));
    });
    return received;
  }

  const connections = () =>
    new Promise<number>((resolve, reject) =>
      server.running.server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
    );

  /** Waits until the server holds no connection, lets their close callbacks run, then collects garbage. */
  async function settle(): Promise<void> {
    await expect.poll(connections, { timeout: 10_000 }).toBe(0);
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }

  /**
   * The share of time the event loop was busy since the previous call, near 1 while an export still runs; a window
   * shorter than 50 ms is too short to judge and counts as busy.
   */
  function busySinceLastCall(): () => number {
    let last = performance.eventLoopUtilization();
    return () => {
      const window = performance.eventLoopUtilization(performance.eventLoopUtilization(), last);
      if (window.idle + window.active < 50) return 1;
      last = performance.eventLoopUtilization();
      return window.utilization;
    };
  }

  it("stops each export, leaks no handle, connection or memory, and stays healthy", async () => {
    tally.add("faults tried");
    for (let i = 0; i < 3; i++) await abortedExport();
    await settle();
    const handlesBefore = process.getActiveResourcesInfo().length;
    const heapBefore = process.memoryUsage().heapUsed;
    for (let i = 0; i < 20; i++) expect(await abortedExport()).toBeGreaterThanOrEqual(64 * 1024);
    await settle();
    // Nothing is still being exported: between two looks the event loop is mostly idle once the clients are gone.
    // Exports that ran on to the end would keep it busy far longer than the wait (20 of 30 MB each).
    await expect.poll(busySinceLastCall(), { interval: 100, timeout: 10_000 }).toBeLessThan(0.2);
    await expect
      .poll(() => process.getActiveResourcesInfo().length, { timeout: 10_000 })
      .toBeLessThanOrEqual(handlesBefore);
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    tally.set("aborted exports", 23);
    tally.set("heap growth KB", Math.round(heapGrowth / 1024));
    expect(heapGrowth).toBeLessThan(20 * 1024 * 1024);
    const health = await fetch(`${server.running.url}/api/health`);
    expect(await health.json()).toMatchObject({ status: "ok", nodes: 20_002 });
    expect(server.logged).toEqual([]);
    survived("23 clients leaving mid-export: stopped, no leak, healthy");
  }, 120_000);
});

describe("the data folder removed while serving", () => {
  it("keeps serving the same graph, sources and exports", async () => {
    tally.add("faults tried");
    const root = await mkdtemp(path.join(tmpdir(), "rightsgraph-vanishing-"));
    const dir = path.join(root, "data");
    await cp("graph-data", dir, { recursive: true });
    const server = await spawnServer(["--data", dir, "--port", "0"]);
    if (!server.url) throw new Error(`the server did not start:\n${server.stderr()}`);
    const paths = [
      "/api/health",
      "/api/nodes/state%3Aprk",
      "/api/sources/dprk-2020-brief",
      "/api/paths?from=state%3Akor&to=person%3Atomas-ojea-quintana",
      "/api/export?format=graphml",
      "/api/export?format=csv",
      "/api/search?q=korea",
    ];
    const read = () =>
      Promise.all(
        paths.map(async (p) =>
          fetch(server.url + p).then(async (r) => [r.status, Buffer.from(await r.arrayBuffer())] as const),
        ),
      );
    try {
      const before = await read();
      await rm(root, { recursive: true, force: true });
      const after = await read();
      after.forEach(([status, body], i) => {
        expect(status, paths[i]).toBe(200);
        expect(body.equals(before[i]![1]), paths[i]).toBe(true);
      });
    } finally {
      server.child.kill("SIGTERM");
    }
    expect((await server.exited).code).toBe(0);
    survived("data folder removed while serving: graph intact");
  }, 60_000);
});
