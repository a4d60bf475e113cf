// The slice scheduler: any generator of work, run to its end in slices, one piece of work at a time, in order.
import { describe, expect, it } from "vitest";
import { createSliceScheduler, type SliceClock, type SliceRecord } from "../../src/query";
import { withTurns } from "../helpers/event-loop-turns";

/** Work that takes `steps` slices (it yields whenever its clock is due, as searches do) and logs what it does. */
function* steps(log: string[], name: string, count: number, clock: SliceClock): Generator<void, string, undefined> {
  for (let i = 0; i < count; i++) {
    log.push(`${name}${i}`);
    if (clock.due()) yield* clock.pause();
  }
  return name;
}

/** Work in named phases, each taking `count` slices. */
function* phased(phases: string[], count: number, clock: SliceClock): Generator<void, void, undefined> {
  for (const phase of phases) {
    clock.enter(phase);
    for (let i = 0; i < count; i++) if (clock.due()) yield* clock.pause();
  }
}

describe("createSliceScheduler", () => {
  it("rejects with what the work throws, and runs the next piece of work regardless", async () => {
    const scheduler = createSliceScheduler();
    const failing = scheduler.run(() => {
      throw new RangeError("bad options");
    });
    const next = scheduler.run((clock) => steps([], "b", 3, clock));
    await expect(failing).rejects.toBeInstanceOf(RangeError);
    await expect(next).resolves.toBe("b");
  });

  it("runs work given as any generator to its end, letting the event loop turn between its slices", async () => {
    const scheduler = createSliceScheduler();
    const log: string[] = [];
    const { result, turns } = await withTurns(() => scheduler.run((clock) => steps(log, "a", 20, clock), 0));
    expect(result).toBe("a");
    expect(log).toHaveLength(20);
    expect(turns).toBeGreaterThanOrEqual(20);
  });

  it("runs one piece of work at a time, in the order asked, even when each is sliced", async () => {
    const scheduler = createSliceScheduler();
    const log: string[] = [];
    const answers = await Promise.all([
      scheduler.run((clock) => steps(log, "a", 4, clock), 0),
      scheduler.run((clock) => steps(log, "b", 4, clock), 0),
    ]);
    expect(answers).toEqual(["a", "b"]);
    expect(log).toEqual(["a0", "a1", "a2", "a3", "b0", "b1", "b2", "b3"]);
  });

  it("tells a watcher of every slice its kind, its times and the phases it passed through, until unwatched", async () => {
    const scheduler = createSliceScheduler();
    const seen: SliceRecord[] = [];
    const unwatch = scheduler.watch((slice) => seen.push(slice));
    // With slices of 0 ms every look at the clock ends a slice: "ball" and "search" take two looks each.
    await scheduler.run((clock) => phased(["ball", "search"], 2, clock), 0, "paths");
    expect(seen.map((slice) => slice.phases)).toEqual([
      ["start", "ball"],
      ["ball"],
      ["ball", "search"],
      ["search"],
      ["search"],
    ]);
    expect(seen.every((slice) => slice.kind === "paths" && slice.ms >= 0 && slice.cpuMs >= 0)).toBe(true);
    unwatch();
    await scheduler.run((clock) => phased(["ball"], 2, clock), 0);
    expect(seen).toHaveLength(5);
  });
});
