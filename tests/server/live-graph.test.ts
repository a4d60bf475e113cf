// The live graph of edit mode: each write and each hand edit to the files is served without a restart, open event
// streams are told, the nodes already drawn keep their places, and a bad hand edit keeps the last good graph served.
import { readFileSync, writeFileSync } from "node:fs";
import { get, type IncomingMessage } from "node:http";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphChangeEvent, GraphResponse } from "../../src/api/contract";
import { BRIEF, EDIT_TOKEN, startEditServer, type EditServer } from "../helpers/edit-server";

const auth = { Authorization: `Bearer ${EDIT_TOKEN}` };
const SOURCE = `/api/edit/sources/${BRIEF}`;

/** An open event stream and the events it has received so far. */
function listen(url: string): Promise<{ events: { kind: string; data: GraphChangeEvent }[]; close: () => void }> {
  return new Promise((resolve, reject) => {
    const req = get(`${url}/api/events`, (res: IncomingMessage) => {
      expect(res.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
      const events: { kind: string; data: GraphChangeEvent }[] = [];
      let buffer = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf("\n\n")) !== -1) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const kind = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (kind && data) events.push({ kind, data: JSON.parse(data) });
        }
      });
      resolve({ events, close: () => req.destroy() });
    });
    req.on("error", reject);
  });
}

function positions(graph: GraphResponse): Map<string, [number, number]> {
  return new Map(graph.nodes.map((n) => [n.key, [n.attributes.x, n.attributes.y]]));
}

// One server, its versions counted from test to test: in order, not shuffled.
describe("the live graph", { shuffle: false }, () => {
  let server: EditServer;
  let file: string;
  beforeAll(async () => {
    server = await startEditServer({ watch: true });
    file = path.join(server.dataDir, "sources", BRIEF, "graph.yaml");
  });
  afterAll(() => server.close());

  it("serves each write at once, tells open event streams, and keeps every node drawn where it was", async () => {
    const stream = await listen(server.url);
    await expect.poll(() => stream.events.length).toBe(1);
    expect(stream.events[0]).toEqual({
      kind: "graph",
      data: { version: 1, nodes: 81, edges: 146, problems: [] },
    });
    const before = positions((await request(server.url).get("/api/graph")).body);
    let etag = (await request(server.url).get(SOURCE).set(auth)).body.etag;
    const node = await request(server.url).post(`${SOURCE}/nodes`).set(auth).set("If-Match", etag).send({
      id: "topic:bargaining-tool",
      type: "topic",
      label: "Human rights as a bargaining tool",
      description: "Human rights used as a bargaining tool in relations with Japan.",
    });
    expect(node.status).toBe(201);
    etag = node.body.etag;
    const claim = await request(server.url)
      .post(`${SOURCE}/claims`)
      .set(auth)
      .set("If-Match", etag)
      .send({
        type: "about",
        source: "doc:brief:dprk-2020",
        target: "topic:bargaining-tool",
        evidence: { quote: "bargaining tool", footnotes: [] },
        note: "Added by the live graph test.",
      });
    expect(claim.status).toBe(201);
    await expect.poll(() => stream.events.map((e) => e.data.version)).toEqual([1, 2, 3]);
    expect(stream.events[2]).toEqual({ kind: "graph", data: { version: 3, nodes: 82, edges: 147, problems: [] } });
    const after = (await request(server.url).get("/api/graph")).body as GraphResponse;
    const now = positions(after);
    for (const [id, xy] of before) expect(now.get(id), id).toEqual(xy);
    // The new topic sits next to the brief it is linked to, nearer than most nodes are to the brief.
    const brief = now.get("doc:brief:dprk-2020")!;
    const dist = (xy: [number, number]) => Math.hypot(xy[0] - brief[0], xy[1] - brief[1]);
    const others = [...before.values()].map(dist).sort((a, b) => a - b);
    expect(dist(now.get("topic:bargaining-tool")!)).toBeLessThan(others[Math.floor(others.length / 2)]!);
    // A path query reaches the new node.
    const paths = await request(server.url).get("/api/paths").query({
      from: "topic:bargaining-tool",
      to: "doc:brief:dprk-2020",
      includeProvenance: "true",
    });
    expect(paths.body.paths[0].edges[0].id).toBe(claim.body.id);
    stream.close();
  });

  it("serves a valid hand edit of the files, found by the watcher", async () => {
    const health = (await request(server.url).get("/api/health")).body;
    const text = readFileSync(file, "utf8");
    writeFileSync(
      file,
      text.replace(
        "\nedges:\n",
        "  - id: topic:hand-edited\n    type: topic\n    label: A topic added by hand\n    description: Added by hand.\n\nedges:\n",
      ),
    );
    await expect
      .poll(async () => (await request(server.url).get("/api/health")).body, { timeout: 20_000 })
      .toEqual({
        ...health,
        nodes: health.nodes + 1,
        version: health.version + 1,
      });
    expect((await request(server.url).get("/api/nodes/topic%3Ahand-edited")).body.node.label).toBe(
      "A topic added by hand",
    );
  });

  it("keeps serving the last good graph after an invalid hand edit, and reports its problems", async () => {
    const stream = await listen(server.url);
    await expect.poll(() => stream.events.length).toBe(1);
    const health = (await request(server.url).get("/api/health")).body;
    const good = readFileSync(file, "utf8");
    const bad = good.replace("    label: A/C.3/74/L.26\n", "    label: A/C.3/74/L.26\n    colour: red\n");
    expect(bad).not.toBe(good);
    writeFileSync(file, bad);
    await expect
      .poll(async () => (await request(server.url).get("/api/edit/problems").set(auth)).body.problems, {
        timeout: 20_000,
      })
      .toHaveLength(1);
    const problems = (await request(server.url).get("/api/edit/problems").set(auth)).body;
    expect(problems.version).toBe(health.version);
    expect(problems.problems[0]).toMatchObject({
      code: "unknown-field",
      file: `graph-data/sources/${BRIEF}/graph.yaml`,
    });
    expect((await request(server.url).get("/api/health")).body).toEqual({ ...health, problems: 1 });
    expect((await request(server.url).get("/api/nodes/doc%3Aun%3Aa-c.3-74-l.26")).body.node.colour).toBeUndefined();
    await expect.poll(() => stream.events.at(-1)?.kind).toBe("problems");
    expect(stream.events.at(-1)!.data.problems[0]!.code).toBe("unknown-field");
    // Mended by hand, the files are served again and the problems are gone.
    writeFileSync(file, good);
    await expect
      .poll(async () => (await request(server.url).get("/api/health")).body, { timeout: 20_000 })
      .toEqual({ ...health, version: health.version + 1 });
    expect((await request(server.url).get("/api/edit/problems").set(auth)).body.problems).toEqual([]);
    stream.close();
  });
});
