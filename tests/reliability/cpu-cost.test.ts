// bench:cpu's measure on a real server process: every request of the mix answered, its bytes and CPU time counted.
import { describe, expect, it } from "vitest";
import { costByKind, measureCpuCost, measureMixCpu, processCpuNs } from "../../src/reliability/cpu-cost";
import { LOAD_MIX, requestKind } from "../../src/reliability/load-run";
import { spawnedBundledServer } from "./helpers/spawned-bundled";

describe("the server's CPU time per request of the load mix", () => {
  const bundled = spawnedBundledServer();

  it("reads a process's CPU time, which only grows", () => {
    const first = processCpuNs(bundled().child.pid!);
    expect(first).toBeGreaterThan(0);
    expect(processCpuNs(bundled().child.pid!)).toBeGreaterThanOrEqual(first);
  });

  it("measures each request of the mix one at a time: its answer's bytes, its first and its usual cost", async () => {
    const target = { name: "bundled", url: bundled().url, pid: bundled().child.pid! };
    const costs = await measureCpuCost({ servers: [target], paths: LOAD_MIX, batch: 3, rounds: 2, warmup: 1 });
    expect(costs.map((c) => c.path)).toEqual(LOAD_MIX);
    for (const [i, cost] of costs.entries()) {
      const answer = await fetch(bundled().url + LOAD_MIX[i]!);
      expect(cost.bytes, cost.path).toBe((await answer.arrayBuffer()).byteLength);
      expect(cost.us, cost.path).toBeGreaterThan(0);
      expect(cost.firstUs, cost.path).toBeGreaterThan(0);
      expect(cost.roundsUs, cost.path).toHaveLength(2);
      expect(cost.minUs).toBeLessThanOrEqual(cost.us);
      expect(cost.us).toBeLessThanOrEqual(cost.maxUs);
    }
    expect(costByKind(costs).map((k) => k.kind)).toEqual([...new Set(LOAD_MIX.map(requestKind))]);
  });

  it("measures the mix sent on many connections at once, against itself as the first server", async () => {
    const target = { name: "bundled", url: bundled().url, pid: bundled().child.pid! };
    const [mix] = await measureMixCpu({ servers: [target], connections: 10, requests: 60, rounds: 1 });
    expect(mix!.server).toBe("bundled");
    expect(mix!.us).toBeGreaterThan(0);
    expect(mix!.ratio).toBe(1);
  });
});
