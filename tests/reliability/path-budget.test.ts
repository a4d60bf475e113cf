// A pathological path query on a large generated graph stops at its budget and answers truncated, while
// /api/health keeps answering within 50 ms: path queries work in short slices with the event loop free between.
// The server runs in a process of its own, as users run it, so the test worker's own work is not measured with it.
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnServer, type SpawnedServer } from "../../src/reliability/spawn-server";
import { PATHOLOGICAL_PATH } from "./helpers/generated-dataset";
import { byScale, RELIABILITY_SCALE, Tally } from "./helpers/tally";

const tally = new Tally("path-budget");
afterAll(() => tally.save());

/** The large corpus of the benchmark's size (10^6 edges) for the report; a tenth of it under `npm test`. */
const NODES = byScale(20_000, 170_000);
const EDGES = byScale(200_000, 1_000_000);
/** The generator adds 2,000 hub edges at person:p0 and the two people hanging off it, person:from and person:to. */
const SIZE = { nodes: NODES + 2, edges: EDGES + 2002 };
const ROUNDS = byScale(1, 3);
const SERVE_GENERATED = fileURLToPath(new URL("./helpers/serve-generated.ts", import.meta.url));

interface Round {
  elapsed: number;
  health: number[];
  /** Health probes answered after the queries were sent and before the first of them answered. */
  healthDuringQueries: number;
  answers: { status: number; body: { truncated: boolean; paths: { nodes: { id: string }[] }[] } }[];
}

/** Three pathological queries at once, and /api/health asked every 10 ms until all three have answered. */
async function round(base: string): Promise<Round> {
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
  const answeredBefore = health.length;
  let healthDuringQueries: number | undefined;
  // On the event loop in one piece they would block it for their whole budget (1 s each), one after another.
  const answers = await Promise.all(
    [0, 1, 2].map(() =>
      fetch(`${base}${PATHOLOGICAL_PATH}`).then(async (res) => {
        healthDuringQueries ??= health.length - answeredBefore;
        return { status: res.status, body: await res.json() };
      }),
    ),
  );
  const elapsed = performance.now() - started;
  searching = false;
  await probe;
  return { elapsed, health, healthDuringQueries: healthDuringQueries!, answers };
}

describe(`a pathological path query on ${SIZE.nodes.toLocaleString("en-GB")} nodes and ${SIZE.edges.toLocaleString("en-GB")} edges`, () => {
  let server: SpawnedServer;
  beforeAll(async () => {
    server = await spawnServer([String(NODES), String(EDGES)], {}, 300_000, ["--import", "tsx", SERVE_GENERATED]);
    expect(server.url, server.stderr()).not.toBeNull();
  }, 320_000);
  afterAll(async () => {
    server.child.kill("SIGTERM");
    await server.exited;
  });

  it(
    "stops at its budget and answers truncated, while /api/health keeps answering within 50 ms",
    async () => {
      const base = server.url!;
      const health = await fetch(`${base}/api/health`).then((res) => res.json());
      expect(health).toEqual({ status: "ok", ...SIZE });
      // That first request also loaded the client's fetch and opened its connection: the client's cost, not the
      // server's, kept out of the measured rounds.
      const rounds: Round[] = [];
      for (let i = 0; i < ROUNDS; i++) rounds.push(await round(base));

      for (const { answers, healthDuringQueries } of rounds) {
        for (const answer of answers) {
          expect(answer.status).toBe(200);
          expect(answer.body.truncated).toBe(true);
          expect(answer.body.paths[0]!.nodes.map((n) => n.id)).toEqual(["person:from", "person:p0", "person:to"]);
        }
        // A blocked loop answers no probe until the first query's budget is spent: a probe sent once the queries are
        // in waits behind them, so at most the one already on its way gets through. Several answered before the
        // first query does prove the loop free between slices, however slow the machine makes each probe.
        expect(healthDuringQueries).toBeGreaterThanOrEqual(3);
      }
      const all = rounds.flatMap((r) => r.health).sort((a, b) => a - b);
      const max = all.at(-1)!;
      tally.set("nodes", SIZE.nodes);
      tally.set("edges", SIZE.edges);
      tally.set("pathological queries", rounds.length * 3);
      tally.set("pathological ms", Math.round(Math.max(...rounds.map((r) => r.elapsed))));
      tally.set("health probes", all.length);
      tally.set("health probes before the first answer", Math.min(...rounds.map((r) => r.healthDuringQueries)));
      tally.set("health p90 ms", Math.round(all[Math.floor(all.length * 0.9)]!));
      tally.set("health max ms", Math.round(max));
      // Latency itself is a measurement, not a gate, under `npm test` (the machines are shared); the report run
      // (`npm run test:reliability`) holds every probe to 50 ms.
      if (RELIABILITY_SCALE === "full") expect(max).toBeLessThan(50);
      expect(server.stderr().replace(/^serving at \S+\n/, "")).toBe("");
    },
    byScale(60_000, 120_000),
  );
});
