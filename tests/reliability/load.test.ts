// Load: a short autocannon run (1,200 requests) on the bundled graph, in a server process of its own; the 30 s run with its
// latency figures is in `npm run test:reliability`, since timings are not asserted in tests.
import { afterAll, describe, expect, it } from "vitest";
import { LOAD_MIX, runLoad } from "../../src/reliability/load-run";
import { spawnedBundledServer } from "./helpers/spawned-bundled";
import { Tally } from "./helpers/tally";

const tally = new Tally("load-short");
afterAll(() => tally.save());

describe("a short load run on the bundled graph", () => {
  const server = spawnedBundledServer();

  it("answers every request of the mix with 200 on its own", async () => {
    for (const path of LOAD_MIX) {
      const res = await fetch(server().url + path);
      expect(res.status, path).toBe(200);
      await res.arrayBuffer();
    }
  });

  it("serves 1,200 requests of the mix at 100 connections without an error, a timeout or a non-2xx answer", async () => {
    // A count of requests, not a duration, and a minute before a request counts as hung: how many requests a few
    // seconds hold, and how long one waits in line, depend on what else the machine is doing.
    const figures = await runLoad({
      url: server().url,
      connections: 100,
      until: { requests: 1200 },
      timeoutSeconds: 60,
    });
    const { byKind, ...totals } = figures;
    for (const [name, value] of Object.entries(totals)) tally.set(name, value);
    for (const kind of byKind) tally.set(`${kind.kind} p99`, kind.p99);
    expect({ errors: figures.errors, timeouts: figures.timeouts, non2xx: figures.non2xx }).toEqual({
      errors: 0,
      timeouts: 0,
      non2xx: 0,
    });
    expect(figures.requests).toBeGreaterThanOrEqual(1200);
  });
});
