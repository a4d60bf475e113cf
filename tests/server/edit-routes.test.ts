// The write API of edit mode, route by route: who may write, what a write must carry, what the loader refuses, what
// reaches the file (read back and compared line by line), undo across a restart, and the graph served after each.
import { readFileSync } from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { loadDataset } from "../../src/data";
import { formatProblem } from "../../src/errors";
import { bundledApp } from "../helpers/bundled-app";
import { BRIEF, EDIT_TOKEN, startEditServer, type EditServer } from "../helpers/edit-server";

const CLAIM = "state:kor--declined--doc:un:a-c.3-74-l.26";
const SOURCE = `/api/edit/sources/${BRIEF}`;
const claimUrl = (id: string) => `${SOURCE}/claims/${encodeURIComponent(id)}`;
const auth = { Authorization: `Bearer ${EDIT_TOKEN}` };

/** The one run of lines that differs between two texts: where it starts (1-based), what went and what came. */
function hunk(before: string, after: string): { line: number; removed: string[]; added: string[] } {
  const a = before.split("\n");
  const b = after.split("\n");
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { line: start + 1, removed: a.slice(start, endA), added: b.slice(start, endB) };
}

/** Lines of one list item of a graph file, read as YAML: the record they hold. */
function recordOf(lines: string[]): unknown {
  const items = parseYaml(lines.join("\n")) as unknown[];
  expect(items).toHaveLength(1);
  return items[0];
}

/** A graph file as the yaml library reads it, each text read once (the tests look up the original several times). */
const readTexts = new Map<string, { nodes: unknown[]; edges: Record<string, unknown>[] }>();
function readGraphText(text: string): { nodes: unknown[]; edges: Record<string, unknown>[] } {
  let read = readTexts.get(text);
  if (!read) {
    read = parseYaml(text) as { nodes: unknown[]; edges: Record<string, unknown>[] };
    readTexts.set(text, read);
  }
  return read;
}

function storedClaim(text: string, match: (r: Record<string, unknown>) => boolean): Record<string, unknown> {
  const edges = readGraphText(text).edges;
  const found = edges.filter(match);
  expect(found).toHaveLength(1);
  return found[0]!;
}

async function etagOf(server: EditServer): Promise<string> {
  const res = await request(server.url).get(SOURCE).set(auth);
  expect(res.status).toBe(200);
  return res.body.etag as string;
}

describe("a server without --edit", () => {
  it("has no write API and no event stream: 404 for every edit route, whatever the method", async () => {
    const { app } = await bundledApp();
    for (const [method, url] of [
      ["get", SOURCE],
      ["get", claimUrl(CLAIM)],
      ["post", `${SOURCE}/claims`],
      ["patch", claimUrl(CLAIM)],
      ["delete", claimUrl(CLAIM)],
      ["post", "/api/edit/undo"],
      ["get", "/api/events"],
    ] as const) {
      const res = await request(app)[method](url).set(auth).send({ type: "declined" });
      expect(res.status, `${method} ${url}`).toBe(404);
      expect(res.body.error.code).toBe("no-route");
    }
  });

  it("says nothing of edit mode in /api/health, so the web app shows no edit controls", async () => {
    const { app } = await bundledApp();
    const health = (await request(app).get("/api/health")).body;
    expect(health).not.toHaveProperty("edit");
    expect(health).not.toHaveProperty("version");
  });
});

// One server for the describe: its tests are the steps of one editing session, in order (the undo test counts the
// writes before it), so they are not shuffled.
describe("edit mode", { shuffle: false }, () => {
  let server: EditServer;
  let original: string;
  beforeAll(async () => {
    server = await startEditServer();
    original = server.graphYaml();
  });
  afterAll(() => server.close());

  describe("who may write", () => {
    it("answers 401 with WWW-Authenticate without a token, and writes nothing", async () => {
      const res = await request(server.url)
        .delete(claimUrl(CLAIM))
        .set("If-Match", await etagOf(server));
      expect(res.status).toBe(401);
      expect(res.headers["www-authenticate"]).toMatch(/^Bearer/);
      expect(res.body.error.code).toBe("unauthorized");
      expect((await request(server.url).get(SOURCE)).status).toBe(401);
      expect(server.graphYaml()).toBe(original);
    });

    it("answers 403 to a wrong token, and writes nothing", async () => {
      const res = await request(server.url)
        .delete(claimUrl(CLAIM))
        .set("Authorization", `Bearer ${EDIT_TOKEN}x`)
        .set("If-Match", await etagOf(server));
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
      expect(server.graphYaml()).toBe(original);
    });

    it("refuses a write from another origin even with the right token, and writes nothing", async () => {
      const etag = await etagOf(server);
      for (const headers of [
        { Origin: "http://evil.example" },
        { Origin: "null" },
        { Origin: `http://localhost:1` },
        { "Sec-Fetch-Site": "cross-site" },
        { "Sec-Fetch-Site": "same-site" },
      ]) {
        const res = await request(server.url).delete(claimUrl(CLAIM)).set(auth).set("If-Match", etag).set(headers);
        expect(res.status, JSON.stringify(headers)).toBe(403);
        expect(res.body.error.code).toBe("cross-origin");
      }
      expect(server.graphYaml()).toBe(original);
    });

    it("never opens CORS: a preflight is refused and no answer allows another origin", async () => {
      const preflight = await request(server.url)
        .options(claimUrl(CLAIM))
        .set("Origin", "http://evil.example")
        .set("Access-Control-Request-Method", "DELETE");
      expect(preflight.status).toBe(405);
      expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
      const read = await request(server.url).get(SOURCE).set(auth).set("Origin", "http://evil.example");
      expect(read.headers["access-control-allow-origin"]).toBeUndefined();
    });
  });

  describe("GET /api/edit/sources/:sourceId", () => {
    it("lists every record of the source's graph.yaml with the edge ids of each claim, and the ETag", async () => {
      const res = await request(server.url).get(SOURCE).set(auth);
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe(res.body.etag);
      const stored = readGraphText(original);
      expect(res.body.nodes.map((n: { record: unknown }) => n.record)).toEqual(stored.nodes);
      expect(res.body.claims.map((c: { record: unknown }) => c.record)).toEqual(stored.edges);
      const ids = res.body.claims.flatMap((c: { ids: string[] }) => c.ids);
      const { context } = await bundledApp();
      const claimEdges = context.dataset.graph.filterEdges((_e, a) => a.type !== "cites");
      expect(ids.sort()).toEqual(claimEdges.sort());
    });

    it("answers 404 for an unknown source", async () => {
      const res = await request(server.url).get("/api/edit/sources/nope").set(auth);
      expect(res.status).toBe(404);
      expect(res.body.error.suggestions).toEqual([BRIEF]);
    });
  });

  describe("GET /api/edit/sources/:sourceId/claims/:claimId", () => {
    it("answers the claim's record exactly as stored, for the edge id the read API shows", async () => {
      const res = await request(server.url).get(claimUrl(CLAIM)).set(auth);
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(CLAIM);
      expect(res.body.ids).toEqual([CLAIM]);
      expect(res.body.record).toEqual(storedClaim(original, (r) => r.type === "declined" && r.source === "state:kor"));
      const read = await request(server.url).get(`/api/nodes/${encodeURIComponent("state:kor")}`);
      expect(read.body.edges.map((e: { id: string }) => e.id)).toContain(CLAIM);
    });

    it("answers 404 for an unknown claim, and for a cites edge (made from endnotes, not a record)", async () => {
      expect((await request(server.url).get(claimUrl("state:kor--declined--state:prk")).set(auth)).status).toBe(404);
      const cites = (await bundledApp()).context.dataset.graph.findEdge((_e, a) => a.type === "cites")!;
      expect((await request(server.url).get(claimUrl(cites)).set(auth)).status).toBe(404);
    });
  });

  describe("writes", () => {
    it("need If-Match (428) and refuse a stale one (409), writing nothing", async () => {
      const record = storedClaim(original, (r) => r.type === "declined" && r.source === "state:kor");
      const missing = await request(server.url).post(`${SOURCE}/claims`).set(auth).send(record);
      expect(missing.status).toBe(428);
      expect(missing.body.error.code).toBe("precondition-required");
      const stale = await request(server.url).post(`${SOURCE}/claims`).set(auth).set("If-Match", '"old"').send(record);
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe("edit-conflict");
      expect(server.graphYaml()).toBe(original);
    });

    it("refuse a body that is not a JSON object: 415 for another type, 400 for bad JSON or an array", async () => {
      const etag = await etagOf(server);
      const text = await request(server.url)
        .post(`${SOURCE}/claims`)
        .set(auth)
        .set("If-Match", etag)
        .set("Content-Type", "text/plain")
        .send("type: declined");
      expect(text.status).toBe(415);
      const bad = await request(server.url)
        .post(`${SOURCE}/claims`)
        .set(auth)
        .set("If-Match", etag)
        .set("Content-Type", "application/json")
        .send("{not json");
      expect(bad.status).toBe(400);
      const list = await request(server.url).post(`${SOURCE}/claims`).set(auth).set("If-Match", etag).send([1]);
      expect(list.status).toBe(400);
      expect(list.body.error.code).toBe("bad-record");
      expect(server.graphYaml()).toBe(original);
    });

    it("refuse a quote that is not in the source with the loader's own message, at the new record's line", async () => {
      const etag = await etagOf(server);
      const record = {
        type: "declined",
        source: "state:kor",
        target: "doc:un:a-c.3-74-l.26",
        what: "to co-sponsor",
        evidence: { quote: "the ROK refused to cosponsor the resolution", footnotes: ["iii"] },
      };
      const res = await request(server.url).post(`${SOURCE}/claims`).set(auth).set("If-Match", etag).send(record);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("invalid-edit");
      expect(res.body.error.problems).toHaveLength(1);
      const problem = res.body.error.problems[0];
      expect(problem.code).toBe("quote-not-found");
      // The loader, given the same file by hand, says the same thing at the same place.
      const lines = original.split("\n").length;
      expect(problem.file).toBe(`graph-data/sources/${BRIEF}/graph.yaml`);
      expect(problem.line).toBeGreaterThan(lines - 1);
      expect(res.body.error.message).toContain(formatProblem(problem));
      expect(problem.message).toContain("is not found verbatim");
      expect(server.graphYaml()).toBe(original);
    });

    it("refuse an unknown endnote and an unknown node with the loader's messages", async () => {
      const etag = await etagOf(server);
      const res = await request(server.url)
        .patch(claimUrl(CLAIM))
        .set(auth)
        .set("If-Match", etag)
        .send({ target: "doc:un:nope", evidence: { footnotes: ["xiv"] } });
      expect(res.status).toBe(400);
      expect(res.body.error.problems.map((p: { code: string }) => p.code).sort()).toEqual([
        "dangling-reference",
        "unknown-endnote",
      ]);
      expect(server.graphYaml()).toBe(original);
    });
  });

  describe("DELETE then POST of the same record", () => {
    it("removes exactly the record's lines, then recreates the same claim with the same id", async () => {
      const before = (await request(server.url).get(claimUrl(CLAIM)).set(auth)).body;
      const stored = storedClaim(original, (r) => r.type === "declined" && r.source === "state:kor");
      const deleted = await request(server.url).delete(claimUrl(CLAIM)).set(auth).set("If-Match", before.etag);
      expect(deleted.status).toBe(200);
      expect(deleted.body.removed).toEqual([CLAIM]);
      expect(deleted.body.record).toEqual(stored);
      const afterDelete = server.graphYaml();
      const gone = hunk(original, afterDelete);
      expect(gone.added).toEqual([]);
      expect(recordOf(gone.removed.filter((l) => l.trim() !== ""))).toEqual(stored);
      expect((await request(server.url).get(claimUrl(CLAIM)).set(auth)).status).toBe(404);
      expect((await request(server.url).get("/api/health")).body).toMatchObject({ edit: true, edges: 145, version: 2 });

      const posted = await request(server.url)
        .post(`${SOURCE}/claims`)
        .set(auth)
        .set("If-Match", deleted.body.etag)
        .send(before.record);
      expect(posted.status).toBe(201);
      expect(posted.body.id).toBe(CLAIM);
      expect(posted.headers.location).toBe(claimUrl(CLAIM));
      expect(posted.body.record).toEqual({ id: CLAIM, ...stored });
      const added = hunk(afterDelete, server.graphYaml());
      expect(added.removed).toEqual([]);
      expect(recordOf(added.added.filter((l) => l.trim() !== ""))).toEqual({ id: CLAIM, ...stored });
      // The graph served has the claim again, with the same quote and endnote, and the file loads as it is.
      const node = await request(server.url).get(`/api/nodes/${encodeURIComponent("state:kor")}`);
      const edge = node.body.edges.find((e: { id: string }) => e.id === CLAIM);
      expect(edge.evidence).toMatchObject({ quote: (stored.evidence as { quote: string }).quote, footnotes: ["iii"] });
      const reloaded = await loadDataset(server.dataDir, { suggestions: true });
      expect(reloaded.graph.hasEdge(CLAIM)).toBe(true);
      expect(reloaded.graph.size).toBe(146);
    });
  });

  describe("PATCH /api/edit/sources/:sourceId/claims/:claimId", () => {
    it("changes only that record's lines, keeping its key order, and the graph shows the change", async () => {
      const before = server.graphYaml();
      const listing = (await request(server.url).get(SOURCE).set(auth)).body;
      const at = listing.claims.findIndex((c: { ids: string[] }) => c.ids.includes(CLAIM));
      const [first, next] = [listing.claims[at].line, listing.claims[at + 1]?.line ?? Infinity];
      const current = (await request(server.url).get(claimUrl(CLAIM)).set(auth)).body;
      const res = await request(server.url)
        .patch(claimUrl(CLAIM))
        .set(auth)
        .set("If-Match", current.etag)
        .send({ status: "draft", precedent: null });
      expect(res.status).toBe(200);
      const { precedent: _dropped, ...kept } = current.record;
      expect(res.body.record).toEqual({ ...kept, status: "draft" });
      expect(Object.keys(res.body.record)).toEqual([...Object.keys(kept), "status"]);
      const change = hunk(before, server.graphYaml());
      expect(change.removed.join("\n")).toContain("precedent: first time since 2008");
      expect(change.added.join("\n")).toContain("status: draft");
      // The lines that differ all lie within the record (from its first line to the next record's).
      expect(change.line).toBeGreaterThanOrEqual(first - 1);
      expect(change.line + change.removed.length).toBeLessThan(next);
      const edge = (await request(server.url).get(`/api/nodes/${encodeURIComponent("state:kor")}`)).body.edges.find(
        (e: { id: string }) => e.id === CLAIM,
      );
      expect(edge.status).toBe("draft");
      expect(edge.precedent).toBeUndefined();
    });

    it("keeps the edge id of a record without one when its ends change, by writing the id in", async () => {
      const id = "person:mohamed-khaled-khiari--briefed--un:security-council";
      const current = (await request(server.url).get(claimUrl(id)).set(auth)).body;
      expect(current.record.id).toBeUndefined();
      const res = await request(server.url)
        .patch(claimUrl(id))
        .set(auth)
        .set("If-Match", current.etag)
        .send({ source: "person:tomas-ojea-quintana" });
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(id);
      expect(res.body.ids).toEqual([id]);
      expect(Object.keys(res.body.record)[0]).toBe("id");
      const edge = (
        await request(server.url).get(`/api/nodes/${encodeURIComponent("person:tomas-ojea-quintana")}`)
      ).body.edges.find((e: { id: string }) => e.id === id);
      expect(edge).toMatchObject({ source: "person:tomas-ojea-quintana", target: "un:security-council" });
    });
  });

  describe("review statuses", () => {
    it("rejects a claim (hidden from the graph, still found by its id) and accepts it again, as a merge patch", async () => {
      const id = "person:mohamed-khaled-khiari--briefed--un:security-council";
      const quintana = () => request(server.url).get(`/api/nodes/${encodeURIComponent("person:tomas-ojea-quintana")}`);
      const hasClaim = async () => (await quintana()).body.edges.some((e: { id: string }) => e.id === id);
      expect(await hasClaim()).toBe(true);
      const rejected = await request(server.url)
        .patch(claimUrl(id))
        .set(auth)
        .set("If-Match", await etagOf(server))
        .set("Content-Type", "application/merge-patch+json")
        .send(JSON.stringify({ status: "rejected" }));
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({ id, ids: [], record: { id, status: "rejected" } });
      expect(await hasClaim()).toBe(false);
      const found = await request(server.url).get(claimUrl(id)).set(auth);
      expect(found.body.record.status).toBe("rejected");
      const accepted = await request(server.url)
        .patch(claimUrl(id))
        .set(auth)
        .set("If-Match", found.body.etag)
        .send({ status: "reviewed" });
      expect(accepted.body).toMatchObject({ id, ids: [id], record: { status: "reviewed" } });
      expect(await hasClaim()).toBe(true);
    });
  });

  describe("nodes", () => {
    it("adds a node, changes it, refuses to delete a node a claim uses, and deletes it once unused", async () => {
      const etag = await etagOf(server);
      const node = {
        id: "topic:test-annotation",
        type: "topic",
        label: "A topic added in a test",
        aliases: [],
        description: "Added by the edit API's tests.",
      };
      const created = await request(server.url).post(`${SOURCE}/nodes`).set(auth).set("If-Match", etag).send(node);
      expect(created.status).toBe(201);
      expect(created.body.record).toEqual(node);
      expect((await request(server.url).get("/api/nodes/topic%3Atest-annotation")).status).toBe(200);

      const changed = await request(server.url)
        .patch(`${SOURCE}/nodes/topic%3Atest-annotation`)
        .set(auth)
        .set("If-Match", created.body.etag)
        .send({ label: "A renamed topic" });
      expect(changed.status).toBe(200);
      expect((await request(server.url).get("/api/nodes/topic%3Atest-annotation")).body.node.label).toBe(
        "A renamed topic",
      );

      const used = await request(server.url)
        .delete(`${SOURCE}/nodes/${encodeURIComponent("state:kor")}`)
        .set(auth)
        .set("If-Match", changed.body.etag);
      expect(used.status).toBe(404);
      expect(used.body.error.message).toContain("declared in another file");

      const removed = await request(server.url)
        .delete(`${SOURCE}/nodes/topic%3Atest-annotation`)
        .set(auth)
        .set("If-Match", changed.body.etag);
      expect(removed.status).toBe(200);
      expect((await request(server.url).get("/api/nodes/topic%3Atest-annotation")).status).toBe(404);
    });

    it("refuses to delete a node the source's claims still use, with the loader's dangling-reference message", async () => {
      const res = await request(server.url)
        .delete(`${SOURCE}/nodes/${encodeURIComponent("doc:un:a-c.3-74-l.26")}`)
        .set(auth)
        .set("If-Match", await etagOf(server));
      expect(res.status).toBe(400);
      expect(res.body.error.problems[0].code).toBe("dangling-reference");
      expect(res.body.error.problems[0].message).toContain('unknown node "doc:un:a-c.3-74-l.26"');
    });
  });

  describe("POST /api/edit/undo", () => {
    it("undoes the last writes one by one, back to the original bytes, and says so in the log", async () => {
      // Writes so far: delete, create, patch, patch, reject, accept, create node, patch node, delete node.
      for (let i = 0; i < 9; i++) {
        const res = await request(server.url).post("/api/edit/undo").set(auth);
        expect(res.status, `undo ${i + 1}: ${JSON.stringify(res.body)}`).toBe(200);
      }
      expect(server.graphYaml()).toBe(original);
      const nothing = await request(server.url).post("/api/edit/undo").set(auth);
      expect(nothing.status).toBe(409);
      expect(nothing.body.error.code).toBe("nothing-to-undo");
      const log = readFileSync(path.join(server.dataDir, ".rightsgraph-edit", "edits.jsonl"), "utf8")
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line));
      expect(log.map((l) => l.action)).toEqual([
        "delete-claim",
        "create-claim",
        "change-claim",
        "change-claim",
        "change-claim",
        "change-claim",
        "create-node",
        "change-node",
        "delete-node",
        ...Array(9).fill("undo"),
      ]);
      expect(log[0]).toMatchObject({ sourceId: BRIEF, id: CLAIM, who: { remote: "127.0.0.1" } });
      expect(log[0].who.token).toMatch(/^sha256:[0-9a-f]{12}$/);
      expect(JSON.stringify(log)).not.toContain(EDIT_TOKEN);
      expect(Date.parse(log[0].at)).not.toBeNaN();
    });
  });
});

describe("undo after a restart", () => {
  it("undoes the last write of the previous server, kept on disk", async () => {
    const first = await startEditServer();
    const original = first.graphYaml();
    const etag = await etagOf(first);
    expect((await request(first.url).delete(claimUrl(CLAIM)).set(auth).set("If-Match", etag)).status).toBe(200);
    await first.running.close();
    const second = await startEditServer({ dataDir: first.dataDir });
    try {
      expect((await request(second.url).get("/api/health")).body.edges).toBe(145);
      const res = await request(second.url).post("/api/edit/undo").set(auth);
      expect(res.status).toBe(200);
      expect(res.body.undone).toEqual({ action: "delete-claim", id: CLAIM });
      expect(second.graphYaml()).toBe(original);
      expect((await request(second.url).get("/api/health")).body.edges).toBe(146);
    } finally {
      await second.close();
      await first.close();
    }
  });

  it("refuses to undo a write whose file was changed by hand since", async () => {
    const server = await startEditServer();
    try {
      const etag = await etagOf(server);
      expect((await request(server.url).delete(claimUrl(CLAIM)).set(auth).set("If-Match", etag)).status).toBe(200);
      const file = path.join(server.dataDir, "sources", BRIEF, "graph.yaml");
      const { writeFileSync } = await import("node:fs");
      writeFileSync(file, `${server.graphYaml()}# a hand edit\n`);
      const res = await request(server.url).post("/api/edit/undo").set(auth);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe("edit-conflict");
    } finally {
      await server.close();
    }
  });
});
