// Exports under pressure, over raw sockets against the real server: HEAD builds nothing, a client that leaves
// stops the work, a client that stops reading is cut off after the stall limit, and exports past the running few
// wait in a bounded queue, then get a JSON 429 with Retry-After.
import net from "node:net";
import { MultiDirectedGraph } from "graphology";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSchema } from "../../src/data";
import type { Dataset, EdgeAttributes, GraphAttributes, NodeAttributes, RightsGraph } from "../../src/schema";
import { readFileSync } from "node:fs";
import { parseAnswer, rawRequest, requestBytes, type RawAnswer } from "./helpers/raw-http";
import { startTestServer, type TestServer } from "./helpers/test-server";

const NODES = 2000;
const EDGES = 20_000;

/** How often the server read each edge's label, evidence and props: the work an export does, element by element. */
const reads = { label: 0, evidence: 0, props: 0 };
const resetReads = (): void => void Object.assign(reads, { label: 0, evidence: 0, props: 0 });
const totalReads = (): number => reads.label + reads.evidence + reads.props;

/**
 * People linked by claims whose quotes are seeded noise (1 KB each, so exports are large and compress poorly),
 * with the edges' label, evidence and props counting their reads.
 */
function countingDataset(): Dataset {
  const schema = readSchema("schema.yaml", readFileSync("graph-data/schema.yaml", "utf8")).schema!;
  const graph: RightsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  graph.replaceAttributes({ name: "counting" });
  let seed = 11;
  const noise = (): string => (seed = (seed * 48271) % 2147483647).toString(36);
  for (let i = 0; i < NODES; i++)
    graph.addNode(`person:p${i}`, {
      type: "person",
      label: `Person ${i}`,
      aliases: [],
      description: "",
      props: {},
      sources: [],
    });
  for (let e = 0; e < EDGES; e++) {
    const quote = Array.from({ length: 160 }, noise).join(" ").slice(0, 1000);
    const evidence = { quote, footnotes: [], sourceDoc: "doc:generated", start: 0, end: quote.length };
    const attributes = {
      type: "influenced",
      label: "influenced",
      sentence: `Person ${e} influenced someone.`,
      claim: `e${e}`,
      evidence,
      props: {},
    } as EdgeAttributes;
    for (const [name, value] of Object.entries(attributes) as [keyof typeof reads, unknown][]) {
      if (!(name in reads)) continue;
      Object.defineProperty(attributes, name, {
        enumerable: true,
        get: () => {
          reads[name] += 1;
          return value;
        },
      });
    }
    graph.addDirectedEdgeWithKey(`e${e}`, `person:p${e % NODES}`, `person:p${(e * 7 + 1) % NODES}`, attributes);
  }
  return { dataDir: "generated", schema, graph, sources: new Map() };
}

/** Resolves once `condition` holds, checking after every turn of the event loop. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

/** A client that sends a GET and then only reads when told: `received` counts what it took. */
function client(port: number, target: string) {
  const socket = net.connect({ host: "127.0.0.1", port });
  const chunks: Buffer[] = [];
  let received = 0;
  socket.on("data", (chunk: Buffer) => {
    chunks.push(chunk);
    received += chunk.length;
  });
  socket.on("error", () => undefined);
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  socket.write(requestBytes("GET", target));
  return {
    socket,
    closed,
    received: () => received,
    answer: () => parseAnswer(Buffer.concat(chunks), "GET"),
    firstBytes: () => until(() => received > 0),
  };
}

// One export runs at a time, one more may wait, and a client that takes nothing for a second is cut off.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(countingDataset(), undefined, {
    limits: { maxConcurrentExports: 1, maxQueuedExports: 1, exportRetryAfterSeconds: 7, exportStallMs: 1000 },
  });
}, 120_000);
afterAll(() => server.running.close());

describe("HEAD /api/export", () => {
  it("answers the headers of GET with no body and without reading a single element", async () => {
    const view = "/api/export?format=csv&nodeTypes=state";
    const get = (await rawRequest(server.port, requestBytes("GET", view), "GET", 30_000)) as RawAnswer;
    expect(get.status).toBe(200);
    resetReads();
    for (const format of ["graphml", "gexf", "json", "csv"]) {
      for (const target of [
        `/api/export?format=${format}`,
        `/api/export?format=${format}&nodeTypes=person`,
        `/api/export?format=${format}&from=person%3Ap1&to=person%3Ap2&maxHops=8&limit=50`,
      ]) {
        const head = (await rawRequest(server.port, requestBytes("HEAD", target), "HEAD")) as RawAnswer;
        expect(head.status, target).toBe(200);
        expect(head.body.length).toBe(0);
        expect(head.headers["content-disposition"], target).toMatch(/^attachment; filename="rightsgraph/);
      }
    }
    const head = (await rawRequest(server.port, requestBytes("HEAD", view), "HEAD")) as RawAnswer;
    expect(head.headers["content-type"]).toBe(get.headers["content-type"]);
    expect(head.headers["content-disposition"]).toBe(get.headers["content-disposition"]);
    expect(totalReads()).toBe(0);
  });

  it("answers the status GET would give for bad parameters and unknown nodes", async () => {
    for (const [target, status] of [
      ["/api/export?format=xlsx", 400],
      ["/api/export?nodeTypes=planet", 400],
      ["/api/export?from=person%3Ap1&to=person%3Ap2&maxHops=99", 400],
      ["/api/export?from=person%3Ap1&to=person%3Anobody", 404],
    ] as const) {
      const head = (await rawRequest(server.port, requestBytes("HEAD", target), "HEAD")) as RawAnswer;
      const get = (await rawRequest(server.port, requestBytes("GET", target), "GET")) as RawAnswer;
      expect([head.status, get.status], target).toEqual([status, status]);
    }
  });
});

describe("a light export", () => {
  it("is written in turns of its own: a path result answers while the heavy exports' turns are all taken", async () => {
    const { turns } = server.running.exports;
    // What a heavy export at work does: hold the turn the heavy exports share.
    await turns.acquire();
    try {
      const pathExport = "/api/export?format=graphml&from=person%3Ap1&to=person%3Ap8&limit=3";
      const light = (await rawRequest(server.port, requestBytes("GET", pathExport), "GET", 30_000)) as RawAnswer;
      expect(light.status).toBe(200);
      expect(light.body.toString("utf8")).toContain('<node id="person:p1">');
    } finally {
      turns.release(0);
    }
  });
});

describe("a client that leaves in the middle of an export", () => {
  it.each(["gexf", "csv", "graphml"])("stops the %s export: most edges are never written", async (format) => {
    resetReads();
    const leaving = client(server.port, `/api/export?format=${format}`);
    await until(() => leaving.received() >= 64 * 1024);
    leaving.socket.destroy();
    await until(() => server.running.exports.gate.active === 0);
    // Each written edge's label is read once; a finished export reads all of them.
    expect(reads.label).toBeLessThan(EDGES / 2);
    expect(server.logged).toEqual([]);
  });
});

describe("exports beyond the running few", () => {
  it("queue, then get a JSON 429 with Retry-After; a client that stops reading is cut off and frees its place", async () => {
    const { gate } = server.running.exports;
    const stalled = client(server.port, "/api/export?format=gexf");
    await stalled.firstBytes();
    stalled.socket.pause();

    const queued = client(server.port, "/api/export?format=json&nodeTypes=person");
    await until(() => gate.waiting === 1);
    const refused = (await rawRequest(server.port, requestBytes("GET", "/api/export?format=csv"), "GET")) as RawAnswer;
    expect(refused.status).toBe(429);
    expect(refused.headers["retry-after"]).toBe("7");
    expect(JSON.parse(refused.body.toString("utf8")).error.code).toBe("busy");
    const head = (await rawRequest(server.port, requestBytes("HEAD", "/api/export?format=csv"), "HEAD")) as RawAnswer;
    expect(head.status).toBe(200);
    // A path result is never heavy: it is written at once, whatever waits.
    const pathExport = "/api/export?format=json&from=person%3Ap1&to=person%3Ap8&limit=1";
    const light = (await rawRequest(server.port, requestBytes("GET", pathExport), "GET", 30_000)) as RawAnswer;
    expect(light.status).toBe(200);
    expect(JSON.parse(light.body.toString("utf8")).nodes.length).toBeGreaterThan(1);

    // The paused client holds the only place until its export stalls; then the queued one runs to its end.
    await queued.closed;
    const answer = queued.answer()!;
    expect(answer.status).toBe(200);
    const exported = JSON.parse(answer.body.toString("utf8"));
    expect([exported.nodes.length, exported.edges.length]).toEqual([NODES, EDGES]);

    stalled.socket.resume();
    await stalled.closed;
    expect(stalled.answer()).toBeNull();
    expect(gate.active).toBe(0);
    expect(server.logged).toEqual([]);
  }, 120_000);
});
