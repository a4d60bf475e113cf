// JSON answers in pieces: joined, exactly what JSON.stringify writes; streamed, the whole value and nothing else.
import fc from "fast-check";
import { Writable } from "node:stream";
import express from "express";
import request from "supertest";
import { describe, expect, it, vi } from "vitest";
import { streamChunks } from "../../src/export";
import { jsonPieces, sendJson } from "../../src/server/send-json";

describe("jsonPieces", () => {
  it("joins to exactly JSON.stringify's text for any JSON value, at any depth", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 4 }), (value, depth) => {
        expect([...jsonPieces(value, depth)].join("")).toBe(JSON.stringify(value));
      }),
      { numRuns: 500 },
    );
  });

  it("writes undefined as JSON.stringify does: left out of objects, null in arrays; objects with toJSON whole", () => {
    const value = {
      a: undefined,
      b: [1, undefined, "x"],
      c: { d: undefined, e: new Date(0) },
      f: { toJSON: () => "custom" },
    };
    expect([...jsonPieces(value, 3)].join("")).toBe(JSON.stringify(value));
  });

  it("opens the lists of an answer so that each node or edge is a piece of its own", () => {
    const answer = { nodes: [{ id: "a" }, { id: "b" }], edges: [{ id: "e", evidence: { quote: "q" } }] };
    expect([...jsonPieces(answer)]).toEqual([
      "{",
      '"nodes":',
      "[",
      '{"id":"a"}',
      ",",
      '{"id":"b"}',
      "]",
      ',"edges":',
      "[",
      '{"id":"e","evidence":{"quote":"q"}}',
      "]",
      "}",
    ]);
  });

  it("streams a large answer that parses back to the same value", async () => {
    const edges = Array.from({ length: 20_000 }, (_, i) => ({ id: `e${i}`, evidence: { quote: "x".repeat(50) } }));
    let text = "";
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        text += chunk.toString("utf8");
        done();
      },
    });
    expect(await streamChunks(jsonPieces({ edges, truncated: false }), sink)).toBe("finished");
    expect(JSON.parse(text)).toEqual({ edges, truncated: false });
  });
});

describe("sendJson", () => {
  const app = express();
  const edges = (count: number) =>
    Array.from({ length: count }, (_, i) => ({ id: `e${i}`, evidence: { quote: "x".repeat(50) } }));
  app.get("/small", (_req, res) => void sendJson(res, { edges: edges(3), truncated: false }));
  app.get("/large", (_req, res) => void sendJson(res, { edges: edges(10_000), truncated: true }));

  it("sends an answer made within a slice whole, with its length, in one write like res.json", async () => {
    const res = await request(app).get("/small");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.headers["transfer-encoding"]).toBeUndefined();
    expect(Number(res.headers["content-length"])).toBe(Buffer.byteLength(JSON.stringify(res.body)));
    expect(res.body).toEqual({ edges: edges(3), truncated: false });
  });

  it("looks at the clock by the text made too: a few large pieces are streamed, not all made in the first slice", async () => {
    // Ten paths of 100,000 characters each: never 64 pieces, so only the text made sends the writer to the clock,
    // which this test advances by 5 ms at every look. Made in one stretch, the answer would go whole with its length.
    const paths = Array.from({ length: 10 }, (_, i) => ({ id: i, quote: "x".repeat(100_000) }));
    const bigApp = express();
    bigApp.get("/paths", (_req, res) => void sendJson(res, { paths }));
    let now = 0;
    const clock = vi.spyOn(performance, "now").mockImplementation(() => (now += 5));
    try {
      const res = await request(bigApp).get("/paths");
      expect(res.headers["transfer-encoding"]).toBe("chunked");
      expect(res.body).toEqual({ paths });
    } finally {
      clock.mockRestore();
    }
  });

  it("sends a large answer whole too, streamed or not", async () => {
    const res = await request(app).get("/large");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ edges: edges(10_000), truncated: true });
  });
});
