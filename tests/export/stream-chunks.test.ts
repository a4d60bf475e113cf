import { createServer, get, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { StreamTurns, streamChunks } from "../../src/export";

/** A destination that takes `delayMs` to accept each write and holds at most `highWaterMark` bytes. */
function slowWritable(delayMs: number, highWaterMark: number): Writable & { received: string[] } {
  const received: string[] = [];
  const out = new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, callback) {
      received.push(chunk.toString("utf8"));
      setTimeout(callback, delayMs);
    },
  });
  return Object.assign(out, { received });
}

function* numbered(count: number, log: { pulled: number; closed: boolean }): Generator<string> {
  try {
    for (let i = 0; i < count; i++) {
      log.pulled = i + 1;
      yield `chunk ${i};`;
    }
  } finally {
    log.closed = true;
  }
}

describe("streamChunks", () => {
  it("rejects a batch size of zero", async () => {
    await expect(streamChunks([], new PassThrough(), { batchSize: 0 })).rejects.toMatchObject({
      code: "bad-parameter",
      parameter: "batchSize",
    });
  });

  it("rejects a stall limit of zero and turns that are not StreamTurns", async () => {
    await expect(streamChunks([], new PassThrough(), { stallMs: 0 })).rejects.toMatchObject({ parameter: "stallMs" });
    await expect(streamChunks([], new PassThrough(), { turns: {} as unknown as StreamTurns })).rejects.toMatchObject({
      parameter: "turns",
    });
  });

  it("rejects with the destination's error", async () => {
    const failing = new Writable({
      write(_chunk, _encoding, callback) {
        callback(new Error("disk full"));
      },
    });
    await expect(streamChunks(["a", "b"], failing, { batchSize: 1 })).rejects.toThrow("disk full");
  });

  it("rejects with the chunk generator's error", async () => {
    function* broken(): Generator<string> {
      yield "a";
      throw new Error("generator broke");
    }
    await expect(streamChunks(broken(), new PassThrough())).rejects.toThrow("generator broke");
  });

  it("stops pulling chunks when the destination is destroyed mid-way, and closes the generator", async () => {
    const log = { pulled: 0, closed: false };
    let writes = 0;
    const out = new Writable({
      highWaterMark: 16,
      write(_chunk, _encoding, callback) {
        writes += 1;
        if (writes === 3) out.destroy();
        setTimeout(callback, 1);
      },
    });
    const outcome = await streamChunks(numbered(10_000, log), out, { batchSize: 1 });
    expect(outcome).toBe("closed");
    expect(log.pulled).toBeLessThan(10);
    expect(log.closed).toBe(true);
  });

  it("stops when an HTTP client disconnects in the middle of a download", async () => {
    const log = { pulled: 0, closed: false };
    let outcome: Promise<string> | undefined;
    const server: Server = createServer((_request, response) => {
      outcome = streamChunks(numbered(Number.MAX_SAFE_INTEGER, log), response);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await new Promise<void>((resolve) => {
        const request = get({ host: "127.0.0.1", port, path: "/" }, (response) => {
          response.once("data", () => {
            request.destroy();
            resolve();
          });
        });
        request.on("error", () => undefined);
      });
      expect(await outcome).toBe("closed");
      expect(log.closed).toBe(true);
      expect(log.pulled).toBeLessThan(1_000_000);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("returns at once for a destination that is already destroyed", async () => {
    const out = new PassThrough();
    out.destroy();
    const log = { pulled: 0, closed: false };
    expect(await streamChunks(numbered(100, log), out)).toBe("closed");
    expect(log.pulled).toBe(0);
  });

  it("waits for drain instead of writing into a full destination", async () => {
    const out = slowWritable(2, 64);
    const needDrainAtWrite: boolean[] = [];
    const write = out.write.bind(out) as (chunk: unknown) => boolean;
    out.write = ((chunk: unknown) => {
      needDrainAtWrite.push(out.writableNeedDrain);
      return write(chunk);
    }) as typeof out.write;
    let drains = 0;
    out.on("drain", () => (drains += 1));
    const log = { pulled: 0, closed: false };

    expect(await streamChunks(numbered(40, log), out, { batchSize: 30 })).toBe("finished");
    expect(drains).toBeGreaterThan(0);
    expect(needDrainAtWrite.length).toBeGreaterThan(5);
    expect(needDrainAtWrite.every((full) => !full)).toBe(true);
    expect(out.received.join("")).toBe(Array.from({ length: 40 }, (_, i) => `chunk ${i};`).join(""));
    expect(out.writableFinished).toBe(true);
  });

  it("joins small chunks into larger writes", async () => {
    const out = slowWritable(0, 1 << 20);
    const log = { pulled: 0, closed: false };
    await streamChunks(numbered(1000, log), out, { batchSize: 1024 });
    expect(out.received.length).toBeLessThan(20);
    expect(out.received.join("").length).toBe(Array.from({ length: 1000 }, (_, i) => `chunk ${i};`).join("").length);
  });

  it("writes byte chunks as they are, between text chunks, in order", async () => {
    const out = slowWritable(0, 1 << 20);
    await streamChunks(["a", new TextEncoder().encode("β"), "c"], out);
    expect(out.received.join("")).toBe("aβc");
  });

  it("leaves the destination open when asked not to end it", async () => {
    const out = new PassThrough();
    await streamChunks(["x"], out, { end: false });
    expect(out.writableEnded).toBe(false);
    expect(out.read()!.toString()).toBe("x");
  });

  it("lets timers run while a long export is being produced", async () => {
    let pulledWhenTimerFired = -1;
    let pulled = 0;
    setTimeout(() => (pulledWhenTimerFired = pulled), 0);
    function* busy(): Generator<string> {
      for (let i = 0; i < 30; i++) {
        const until = performance.now() + 2;
        while (performance.now() < until);
        pulled += 1;
        yield "x";
      }
    }
    await streamChunks(busy(), new PassThrough().resume(), { sliceMs: 5 });
    expect(pulledWhenTimerFired).toBeGreaterThan(0);
    expect(pulledWhenTimerFired).toBeLessThan(30);
  });

  it("writes chunks that come asynchronously, in order, and closes their generator when the client leaves", async () => {
    async function* later(log: { closed: boolean }): AsyncGenerator<string | Uint8Array> {
      try {
        for (let i = 0; ; i++) {
          await new Promise((resolve) => setImmediate(resolve));
          yield i % 2 ? `${i};` : new TextEncoder().encode(`${i};`);
          if (i === 5) return;
        }
      } finally {
        log.closed = true;
      }
    }
    const out = slowWritable(0, 1 << 20);
    const log = { closed: false };
    expect(await streamChunks(later(log), out)).toBe("finished");
    expect(out.received.join("")).toBe("0;1;2;3;4;5;");

    async function* endless(state: { pulled: number; closed: boolean }): AsyncGenerator<string> {
      try {
        for (;;) {
          await new Promise((resolve) => setImmediate(resolve));
          state.pulled += 1;
          yield "x".repeat(1000);
        }
      } finally {
        state.closed = true;
      }
    }
    const state = { pulled: 0, closed: false };
    const destination = new Writable({
      write(_chunk, _encoding, callback) {
        if (state.pulled > 20) destination.destroy();
        callback();
      },
    });
    expect(await streamChunks(endless(state), destination, { batchSize: 1 })).toBe("closed");
    expect(state.closed).toBe(true);
  });

  it("destroys a destination that stops taking data for longer than stallMs, and closes the generator", async () => {
    const log = { pulled: 0, closed: false };
    const never = new Writable({ highWaterMark: 8, write: () => undefined });
    expect(await streamChunks(numbered(1000, log), never, { batchSize: 1, stallMs: 50 })).toBe("stalled");
    expect(never.destroyed).toBe(true);
    expect(log.closed).toBe(true);
    expect(log.pulled).toBeLessThan(5);
  });

  it("waits for a slow destination as long as it keeps draining within stallMs", async () => {
    const out = slowWritable(5, 16);
    const log = { pulled: 0, closed: false };
    expect(await streamChunks(numbered(50, log), out, { batchSize: 10, stallMs: 2000 })).toBe("finished");
    expect(out.received.join("")).toBe(Array.from({ length: 50 }, (_, i) => `chunk ${i};`).join(""));
  });

  it("shares turns between streams: each gets turns, and each writes all its chunks", async () => {
    const turns = new StreamTurns(2);
    const order: string[] = [];
    function* busy(name: string): Generator<string> {
      for (let i = 0; i < 20; i++) {
        const until = performance.now() + 1;
        while (performance.now() < until);
        order.push(name);
        yield `${name}${i};`;
      }
    }
    const outs = [new PassThrough(), new PassThrough()];
    const texts = outs.map(async (out) => {
      let text = "";
      for await (const part of out) text += String(part);
      return text;
    });
    const outcomes = await Promise.all([
      streamChunks(busy("a"), outs[0]!, { turns, sliceMs: 2 }),
      streamChunks(busy("b"), outs[1]!, { turns, sliceMs: 2 }),
    ]);
    expect(outcomes).toEqual(["finished", "finished"]);
    expect(await Promise.all(texts)).toEqual(
      ["a", "b"].map((name) => Array.from({ length: 20 }, (_, i) => `${name}${i};`).join("")),
    );
    // Interleaved: a stream does not run to its end before the other starts.
    const firstB = order.indexOf("b");
    expect(firstB).toBeGreaterThan(0);
    expect(order.lastIndexOf("a")).toBeGreaterThan(firstB);
  });
});
