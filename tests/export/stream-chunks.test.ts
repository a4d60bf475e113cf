import { createServer, get, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { streamChunks } from "../../src/export";

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
});
