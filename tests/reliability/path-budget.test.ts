// A pathological path query on a large generated graph stops at its budget and answers truncated, while
// /api/health keeps answering within 50 ms: path queries run off the server's event loop.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatedDataset, PATHOLOGICAL_PATH } from "./helpers/generated-dataset";
import { RELIABILITY_SCALE, Tally } from "./helpers/tally";
import { startTestServer, type TestServer } from "./helpers/test-server";

const tally = new Tally("path-budget");
afterAll(() => tally.save());

describe("a pathological path query on 20,000 nodes and 202,000 edges", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(generatedDataset());
  }, 120_000);
  afterAll(() => server.running.close());

  it("stops at its budget and answers truncated, while /api/health keeps answering within 50 ms", async () => {
    const base = server.running.url;
    const health: number[] = [];
    let searching = true;
    const probe = (async () => {
      while (searching) {
        const start = performance.now();
        const res = await fetch(`${base}/api/health`);
        await res.json();
        health.push(performance.now() - start);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const started = performance.now();
    // Three at once: on the main thread they would block the event loop for their whole budget, one after another.
    const answers = await Promise.all(
      [0, 1, 2].map(() =>
        fetch(`${base}${PATHOLOGICAL_PATH}`).then(async (res) => ({ status: res.status, body: await res.json() })),
      ),
    );
    const elapsed = performance.now() - started;
    searching = false;
    await probe;
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body.truncated).toBe(true);
      expect(answer.body.paths[0].nodes.map((n: { id: string }) => n.id)).toEqual([
        "person:from",
        "person:p0",
        "person:to",
      ]);
    }
    tally.set("pathological queries", answers.length);
    tally.set("pathological ms", Math.round(elapsed));
    const sorted = [...health].sort((a, b) => a - b);
    const p90 = sorted[Math.floor(sorted.length * 0.9)]!;
    tally.set("health probes", health.length);
    tally.set("health p90 ms", Math.round(p90));
    tally.set("health max ms", Math.round(sorted.at(-1)!));
    // Blocked, the loop would answer one probe per query budget (1 s); free, one every 10-20 ms: demanding one per
    // 100 ms proves it free with a wide margin. Latency itself is a measurement, not a gate, under `npm test` (the
    // machines are shared); the report run (`npm run test:reliability`) holds every probe to 50 ms.
    expect(health.length).toBeGreaterThan(Math.floor(elapsed / 100));
    if (RELIABILITY_SCALE === "full") expect(sorted.at(-1)!).toBeLessThan(50);
    expect(server.logged).toEqual([]);
  });
});
