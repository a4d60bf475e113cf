// JSON answers in pieces: joined, exactly what JSON.stringify writes; streamed, the whole value and nothing else.
import fc from "fast-check";
import { Writable } from "node:stream";
import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
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

  it("joins to exactly JSON.stringify's text with runs of list items written together, for any run length", () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 9 }),
        (value, depth, run) => {
          expect([...jsonPieces(value, depth, run)].join("")).toBe(JSON.stringify(value));
        },
      ),
      { numRuns: 500 },
    );
    const sparse = [1, , undefined, () => 2, "x"]; // eslint-disable-line no-sparse-arrays
    expect([...jsonPieces({ list: sparse }, 2, 2)].join("")).toBe(JSON.stringify({ list: sparse }));
  });

  it("writes a run of list items as one piece, the runs joined by commas", () => {
    const answer = { edges: [{ id: "a" }, { id: "b" }, { id: "c" }] };
    expect([...jsonPieces(answer, 2, 2)]).toEqual([
      "{",
      '"edges":',
      "[",
      '{"id":"a"},{"id":"b"}',
      ',{"id":"c"}',
      "]",
      "}",
    ]);
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

  it("sends a large answer whole too, streamed or not", async () => {
    const res = await request(app).get("/large");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ edges: edges(10_000), truncated: true });
  });
});
