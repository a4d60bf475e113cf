// Turns of work shared by every export: first come first served, and once a slice has been worked since the
// event loop last turned, nobody works until it has turned again.
import { describe, expect, it } from "vitest";
import { StreamTurns } from "../../src/export";

const loopTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Whether `promise` settles before the current macrotask ends (only microtasks run meanwhile). */
async function settlesAtOnce(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  for (let i = 0; i < 10; i++) await Promise.resolve();
  return settled;
}

describe("StreamTurns", () => {
  it("rejects a slice that is not a positive number", () => {
    expect(() => new StreamTurns(0)).toThrow(expect.objectContaining({ code: "bad-parameter" }));
    expect(() => new StreamTurns(Number.NaN)).toThrow(expect.objectContaining({ parameter: "sliceMs" }));
  });

  it("grants a turn at once while less than a slice has been worked", async () => {
    const turns = new StreamTurns(10);
    expect(await settlesAtOnce(turns.acquire())).toBe(true);
    turns.release(3);
    expect(await settlesAtOnce(turns.acquire())).toBe(true);
  });

  it("makes the next turn wait while another writer works", async () => {
    const turns = new StreamTurns(10);
    await turns.acquire();
    const second = turns.acquire();
    expect(await settlesAtOnce(second)).toBe(false);
    turns.release(1);
    expect(await settlesAtOnce(second)).toBe(true);
  });

  it("waits for the event loop to turn and poll once a slice has been worked", async () => {
    const turns = new StreamTurns(10);
    await turns.acquire();
    turns.release(12);
    const next = turns.acquire();
    expect(await settlesAtOnce(next)).toBe(false);
    // Released during a poll, the reset must not come in that same turn's check phase.
    await loopTurn();
    expect(await settlesAtOnce(next)).toBe(false);
    await loopTurn();
    expect(await settlesAtOnce(next)).toBe(true);
  });

  it("gives turns in the order they were asked for", async () => {
    const turns = new StreamTurns(10);
    const order: string[] = [];
    await turns.acquire();
    const waiting = ["b", "c", "d"].map((name) =>
      turns.acquire().then(() => {
        order.push(name);
        turns.release(4);
      }),
    );
    turns.release(4);
    await Promise.all(waiting);
    expect(order).toEqual(["b", "c", "d"]);
  });
});
