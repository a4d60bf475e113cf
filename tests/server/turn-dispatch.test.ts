// Requests handed to the app a slice at a time per turn of the event loop, in the order they came.
import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { turnDispatch } from "../../src/server/turn-dispatch";

/** A request whose socket is open or gone, named for the app to log. */
function request(name: string, gone = false): [IncomingMessage, ServerResponse] {
  return [{ url: name, socket: { destroyed: gone } } as unknown as IncomingMessage, {} as ServerResponse];
}

/** Resolves once the loop has turned `turns` times (each a check phase after a poll). */
async function afterTurns(turns: number): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe("turnDispatch", () => {
  // Every request the app handles takes 4 ms on this clock.
  function dispatcher(sliceMs: number) {
    let clock = 0;
    const handled: string[] = [];
    const listener = turnDispatch(
      (req) => {
        handled.push(req.url!);
        clock += 4;
      },
      { sliceMs, now: () => clock },
    );
    return { listener, handled };
  }

  it("hands requests on at once while the turn's slice lasts", () => {
    const { listener, handled } = dispatcher(10);
    for (const name of ["a", "b", "c"]) listener(...request(name));
    expect(handled).toEqual(["a", "b", "c"]);
  });

  it("keeps the rest, in order, for the next turns, a slice each, with the loop polling in between", async () => {
    const { listener, handled } = dispatcher(10);
    for (const name of ["a", "b", "c", "d", "e", "f", "g", "h"]) listener(...request(name));
    expect(handled).toEqual(["a", "b", "c"]);
    await afterTurns(1);
    expect(handled).toEqual(["a", "b", "c", "d", "e", "f"]);
    // A request that comes meanwhile waits behind those that came before it.
    listener(...request("late"));
    expect(handled).toHaveLength(6);
    await afterTurns(1);
    expect(handled).toEqual(["a", "b", "c", "d", "e", "f", "g", "h", "late"]);
  });

  it("does not hand on a waiting request whose client has left", async () => {
    const { listener, handled } = dispatcher(4);
    listener(...request("a"));
    listener(...request("left", true));
    listener(...request("b"));
    await afterTurns(3);
    expect(handled).toEqual(["a", "b"]);
  });

  it("asks for a turn of its own only once half a slice is used, not for every light request", async () => {
    // A turn another test left asked for (the unit tier shares the process, and shuffles) would stand for this one's.
    await expect.poll(() => process.getActiveResourcesInfo()).not.toContain("Immediate");
    const { listener, handled } = dispatcher(10);
    listener(...request("a"));
    expect(process.getActiveResourcesInfo()).not.toContain("Immediate");
    listener(...request("b"));
    expect(process.getActiveResourcesInfo()).toContain("Immediate");
    await afterTurns(2);
    expect(handled).toEqual(["a", "b"]);
    expect(process.getActiveResourcesInfo()).not.toContain("Immediate");
  });

  it("starts every turn with a new slice, and stops turning once nothing waits", async () => {
    const { listener, handled } = dispatcher(4);
    listener(...request("a"));
    await afterTurns(3);
    listener(...request("b"));
    expect(handled).toEqual(["a", "b"]);
    await afterTurns(3);
    // No turn left asked for: an idle server does not spin.
    expect(process.getActiveResourcesInfo()).not.toContain("Immediate");
  });
});
