// JSON answers in pieces: joined, exactly what JSON.stringify writes; streamed, the whole value and nothing else.
import fc from "fast-check";
import { Writable } from "node:stream";
import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { streamChunks } from "../../src/export";
import { ElementTexts } from "../../src/query";
import { jsonPieces, keptTexts, sendJson } from "../../src/server/send-json";

describe("jsonPieces", () => {
  it("joins to exactly JSON.stringify's text for any JSON value, at any depth", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 4 }), (value, depth) => {
        expect([...jsonPieces(value, depth)].join("")).toBe(JSON.stringify(value));
      }),
      { numRuns: 500 },
    );
  });

  // Kept: every object or list whose text has an even length, as an engine keeps its nodes and edges.
  const evenTexts = (item: unknown) => {
    if (typeof item !== "object" || item === null) return undefined;
    const text = JSON.stringify(item);
    return text.length % 2 === 0 ? Buffer.from(text) : undefined;
  };
  const joined = (pieces: Iterable<string | Uint8Array>) =>
    Buffer.concat([...pieces].map((p) => (typeof p === "string" ? Buffer.from(p) : p))).toString("utf8");

  it("joins to exactly JSON.stringify's text with runs of list items written together, kept texts copied or not", () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 9 }),
        fc.boolean(),
        (value, depth, run, kept) => {
          const lists = kept ? { itemsPerPiece: run, encoded: evenTexts } : { itemsPerPiece: run };
          expect(joined(jsonPieces(value, depth, lists))).toBe(JSON.stringify(value));
        },
      ),
      { numRuns: 1000 },
    );
    const sparse = [1, , undefined, () => 2, "x"]; // eslint-disable-line no-sparse-arrays
    expect([...jsonPieces({ list: sparse }, 2, { itemsPerPiece: 2 })].join("")).toBe(JSON.stringify({ list: sparse }));
  });

  it("copies the bytes of the values whose text is kept, wherever they stand, and writes the rest", () => {
    const answer = { node: { id: "n" }, edges: [{ id: "a" }, { id: "bb" }, { id: "c" }], truncated: false };
    const pieces = [...jsonPieces(answer, 2, { itemsPerPiece: 8, encoded: evenTexts })];
    expect(pieces.filter((p) => typeof p !== "string").map((p) => Buffer.from(p).toString())).toEqual([
      '{"id":"n"}',
      '{"id":"a"}',
      '{"id":"c"}',
    ]);
    expect(joined(pieces)).toBe(JSON.stringify(answer));
  });

  it("takes the texts an engine keeps for the fields named, by each node's or edge's id, and only those", () => {
    const texts = new ElementTexts((form, id) => ({ form, id }));
    const kept = keptTexts(texts, { node: "node", edges: "edge" });
    const answer = { node: { id: "a", label: "A" }, edges: [{ id: "e1" }, { id: "e2" }], constructor: [{ id: "x" }] };
    const pieces = [...jsonPieces(answer, 2, { encoded: kept })];
    const bytes = pieces.filter((p) => typeof p !== "string").map((p) => Buffer.from(p).toString());
    expect(bytes).toEqual(['{"form":"node","id":"a"}', '{"form":"edge","id":"e1"}', '{"form":"edge","id":"e2"}']);
    expect(kept({ label: "no id" }, "node")).toBeUndefined();
    expect(kept({ id: "a" }, "toString")).toBeUndefined();
  });

  it("ends a run of long items early, so a list of long paths is still many pieces", () => {
    const paths = Array.from({ length: 6 }, (_, i) => ({ id: i, claims: "x".repeat(10_000) }));
    const pieces = [...jsonPieces({ paths }, 2, { itemsPerPiece: 8 })];
    expect(pieces.join("")).toBe(JSON.stringify({ paths }));
    expect(pieces.filter((p) => p.length > 10_000)).toHaveLength(3);
  });

  it("writes a run of list items as one piece, the runs joined by commas", () => {
    const answer = { edges: [{ id: "a" }, { id: "b" }, { id: "c" }] };
    expect([...jsonPieces(answer, 2, { itemsPerPiece: 2 })]).toEqual([
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
