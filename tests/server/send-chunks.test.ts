// Answers made of chunks: whole with their length when made within the first slice, streamed after it otherwise.
import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { sendChunks, type SendOutcome } from "../../src/server/send-chunks";

/** An app answering /chunks with `chunks()` through sendChunks, noting how each answer went. */
function appOf(chunks: () => Iterable<string | Uint8Array>, sliceMs?: number) {
  const outcomes: SendOutcome[] = [];
  const app = express();
  app.get("/chunks", async (_req, res) => {
    res.type("text/plain");
    outcomes.push(await sendChunks(res, chunks(), sliceMs === undefined ? {} : { sliceMs }));
  });
  return { app, outcomes };
}

describe("sendChunks", () => {
  it("throws an error of the chunks' first slice before anything is sent, so the error handler can answer", async () => {
    const { app } = appOf(function* () {
      yield "a";
      throw new Error("broken chunk");
    });
    const handler: express.ErrorRequestHandler = (error: Error, _req, res, _next) =>
      void res.status(500).send(`handled: ${error.message}`);
    app.use(handler);
    const res = await request(app).get("/chunks");
    expect(res.status).toBe(500);
    expect(res.text).toBe("handled: broken chunk");
  });

  it("sends chunks made within the first slice whole, in the order given, with their length in bytes", async () => {
    const { app, outcomes } = appOf(() => ["Ojea ", new TextEncoder().encode("Quintana "), "continúa", "…"]);
    const res = await request(app).get("/chunks");
    expect(res.status).toBe(200);
    expect(res.text).toBe("Ojea Quintana continúa…");
    expect(res.headers["transfer-encoding"]).toBeUndefined();
    expect(Number(res.headers["content-length"])).toBe(Buffer.byteLength("Ojea Quintana continúa…"));
    expect(outcomes).toEqual(["whole"]);
  });

  it("streams what is left once the first slice is over, every chunk once and in order", async () => {
    const lines = Array.from({ length: 5_000 }, (_, i) => `line ${i}\n`);
    // A slice of a nanosecond is over by the first look at the clock.
    const { app, outcomes } = appOf(() => lines, 1e-6);
    const res = await request(app).get("/chunks");
    expect(res.status).toBe(200);
    expect(res.text).toBe(lines.join(""));
    expect(res.headers["content-length"]).toBeUndefined();
    await expect.poll(() => outcomes).toEqual(["finished"]);
  });

  it("closes the chunks' generator when the client leaves in the middle of a streamed answer", async () => {
    let closed = false;
    let made = 0;
    const { app } = appOf(function* () {
      try {
        for (;;) {
          made += 1;
          yield "x".repeat(64 * 1024);
        }
      } finally {
        closed = true;
      }
    }, 1e-6);
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as { port: number };
    const controller = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/chunks`, { signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    await expect.poll(() => closed).toBe(true);
    server.close();
    expect(made).toBeGreaterThanOrEqual(1);
  });
});
