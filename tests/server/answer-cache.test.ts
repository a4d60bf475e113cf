// The cache of finished answers: bounded in bytes, a repeated GET copied instead of answered again, and a new graph
// (an edit, a reload) answered afresh.
import request from "supertest";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AnswerCache, type KeptAnswer } from "../../src/server/answer-cache";
import { createApp, createServerContext, DEFAULT_WEB_DIR, LiveGraph } from "../../src/server";
import { withKeptAnswers } from "../../src/server/create-app";
import { DEFAULT_SERVER_OPTIONS, startServer } from "../../src/server/start-server";
import { freshBundledContext } from "../helpers/bundled-app";
import { bundledDataset } from "../helpers/bundled-dataset";
import { startEditServer } from "../helpers/edit-server";

const answer = (size: number): KeptAnswer => ({ contentType: "application/json", bytes: Buffer.alloc(size, 120) });

describe("AnswerCache", () => {
  it("does not keep an answer larger than its limit for one", () => {
    const cache = new AnswerCache({ maxBytes: 1000, maxAnswerBytes: 100 });
    cache.set("/a", answer(101));
    expect(cache.get("/a")).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });

  it("holds at most maxBytes (answers and their URLs), dropping the least recently used first", () => {
    const cache = new AnswerCache({ maxBytes: 300, maxAnswerBytes: 200 });
    cache.set("/a", answer(98));
    cache.set("/b", answer(98));
    cache.set("/c", answer(98));
    expect(cache.bytes).toBe(300);
    cache.get("/a");
    cache.set("/d", answer(98));
    expect(cache.get("/b")).toBeUndefined();
    expect([cache.get("/a"), cache.get("/c"), cache.get("/d")].every((kept) => kept !== undefined)).toBe(true);
    expect(cache.bytes).toBe(300);
  });

  it("counts an answer kept again for the same URL once", () => {
    const cache = new AnswerCache({ maxBytes: 1000, maxAnswerBytes: 200 });
    cache.set("/a", answer(50));
    cache.set("/a", answer(70));
    expect(cache.size).toBe(1);
    expect(cache.bytes).toBe(72);
    expect(cache.get("/a")!.bytes.length).toBe(70);
  });
});

describe("the app's answer cache", async () => {
  const dataset = await bundledDataset();
  const appOn = (source: ReturnType<typeof createServerContext> | LiveGraph) =>
    createApp(source, { webDir: DEFAULT_WEB_DIR, onUnexpectedError: (error) => expect.fail(String(error)) });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("answers a repeated search, node, neighbourhood, path query and export without asking the engine again", async () => {
    const context = await freshBundledContext();
    const app = appOn(context);
    const search = vi.spyOn(context.engine, "search");
    const node = vi.spyOn(context.engine, "node");
    const neighbors = vi.spyOn(context.engine, "neighborsAsync");
    const paths = vi.spyOn(context.engine, "pathsAsync");
    const urls = [
      "/api/search?q=korea",
      "/api/nodes/state%3Aprk",
      "/api/nodes/state%3Aprk/neighbors?depth=2",
      "/api/paths?from=state%3Akor&to=person%3Atomas-ojea-quintana&maxHops=4",
      "/api/export?format=graphml&from=state%3Akor&to=state%3Aprk&maxHops=3",
    ];
    for (const url of urls) {
      const first = await request(app).get(url);
      const second = await request(app).get(url);
      expect(first.status, url).toBe(200);
      expect(second.status, url).toBe(200);
      expect(second.text, url).toBe(first.text);
      // The first may have been streamed (a slow first answer outlasts its slice): its length is not compared.
      for (const header of ["content-type", "content-disposition", "content-security-policy"])
        expect(second.headers[header], `${url} ${header}`).toBe(first.headers[header]);
    }
    expect(search).toHaveBeenCalledTimes(1);
    expect(node).toHaveBeenCalledTimes(1);
    expect(neighbors).toHaveBeenCalledTimes(1);
    // The path query and the path export: one search each.
    expect(paths).toHaveBeenCalledTimes(2);
  });

  it("answers afresh a path query whose search was cut short", async () => {
    const context = await freshBundledContext();
    const app = appOn(context);
    const real = context.engine.pathsAsync.bind(context.engine);
    const paths = vi
      .spyOn(context.engine, "pathsAsync")
      .mockImplementation(async (...args) => ({ ...(await real(...args)), truncated: true }));
    const url = "/api/paths?from=state%3Akor&to=state%3Aprk&maxHops=3";
    expect((await request(app).get(url)).body.truncated).toBe(true);
    expect((await request(app).get(url)).body.truncated).toBe(true);
    expect(paths).toHaveBeenCalledTimes(2);
  });

  it("keeps neither errors nor the answers of routes that depend on more than the graph", async () => {
    const context = await freshBundledContext();
    const app = appOn(context);
    const node = vi.spyOn(context.engine, "node");
    expect((await request(app).get("/api/nodes/state%3Aprkk")).status).toBe(404);
    expect((await request(app).get("/api/nodes/state%3Aprkk")).status).toBe(404);
    expect(node).toHaveBeenCalledTimes(2);
    const head = await request(app).head("/api/nodes/state%3Aprk");
    expect(head.status).toBe(200);
    expect(node).toHaveBeenCalledTimes(3);
  });

  it("answers the new graph after an edit or a reload replaces it", async () => {
    const live = new LiveGraph(await freshBundledContext());
    const app = appOn(live);
    const before = await request(app).get("/api/search?q=hermit%20kingdom");
    const node = await request(app).get("/api/nodes/state%3Aprk");
    expect(before.body.results.map((r: { id: string }) => r.id)).not.toContain("state:prk");
    const graph = dataset.graph.copy();
    graph.updateNodeAttribute("state:prk", "aliases", (aliases) => [...(aliases ?? []), "Hermit Kingdom"]);
    live.replace({ ...dataset, graph });
    const after = await request(app).get("/api/search?q=hermit%20kingdom");
    expect(after.body.results[0].id).toBe("state:prk");
    const renamed = await request(app).get("/api/nodes/state%3Aprk");
    expect(renamed.body.node.aliases).toContain("Hermit Kingdom");
    expect(node.body.node.aliases).not.toContain("Hermit Kingdom");
  });

  it("keeps nothing when its size is 0", async () => {
    const context = await freshBundledContext();
    const app = createApp(context, {
      webDir: DEFAULT_WEB_DIR,
      onUnexpectedError: (error) => expect.fail(String(error)),
      answerCache: { maxBytes: 0, maxAnswerBytes: 0 },
    });
    const search = vi.spyOn(context.engine, "search");
    await request(app).get("/api/search?q=korea");
    await request(app).get("/api/search?q=korea");
    expect(search).toHaveBeenCalledTimes(2);
  });
});

describe("the app's answer cache, for an answer streamed", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("keeps it whole once its last piece is sent, and copies it next time with its length", async () => {
    const context = await freshBundledContext();
    const app = createApp(context, {
      webDir: DEFAULT_WEB_DIR,
      onUnexpectedError: (error) => expect.fail(String(error)),
    });
    const paths = vi.spyOn(context.engine, "pathsAsync");
    const url = "/api/paths?from=China&to=DPRK&limit=50&maxHops=8&includeProvenance=true&timeBudgetMs=5000";
    // The clock advances 5 ms at every look: the answer outlasts its first slice and is streamed.
    let now = 0;
    const clock = vi.spyOn(performance, "now").mockImplementation(() => (now += 5));
    const streamed = await request(app).get(url);
    clock.mockRestore();
    expect(streamed.headers["transfer-encoding"]).toBe("chunked");
    const copied = await request(app).get(url);
    expect(copied.headers["content-length"]).toBe(String(Buffer.byteLength(streamed.text)));
    expect(copied.text).toBe(streamed.text);
    expect(paths).toHaveBeenCalledTimes(1);
  });
});

describe("a kept answer", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  for (const how of ["by the app", "before the app (withKeptAnswers, as the server runs it)"]) {
    it(`is refused to a Host the server does not answer, and over the connection limit, like any answer: ${how}`, async () => {
      let overLimit = false;
      const served = await freshBundledContext();
      const app = createApp(served, {
        webDir: DEFAULT_WEB_DIR,
        onUnexpectedError: (error) => expect.fail(String(error)),
        allowedHosts: new Set(["127.0.0.1", "localhost"]),
        isOverLimit: () => overLimit,
      });
      const listener = how === "by the app" ? app : withKeptAnswers(app);
      const url = "/api/search?q=korea";
      const first = await request(listener).get(url);
      expect(first.status).toBe(200);
      const rebound = await request(listener).get(url).set("Host", "attacker.example");
      expect(rebound.status).toBe(421);
      expect(rebound.body.error.code).toBe("host-not-allowed");
      overLimit = true;
      const crowded = await request(listener).get(url);
      expect(crowded.status).toBe(503);
      overLimit = false;
      const search = vi.spyOn(served.engine, "search");
      const kept = await request(listener).get(url);
      expect(search).not.toHaveBeenCalled();
      expect(kept.text).toBe(first.text);
      for (const header of ["content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy"])
        expect(kept.headers[header], header).toBe(first.headers[header]);
      expect(kept.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    });
  }
});

describe("/api/health and the answer cache", () => {
  it("is kept outside edit mode, where it depends on the graph alone", async () => {
    const context = await freshBundledContext();
    const app = createApp(context, {
      webDir: DEFAULT_WEB_DIR,
      onUnexpectedError: (error) => expect.fail(String(error)),
    });
    const first = await request(app).get("/api/health");
    const order = vi.spyOn(context.dataset.graph, "order", "get");
    const second = await request(app).get("/api/health");
    expect(second.text).toBe(first.text);
    expect(order).not.toHaveBeenCalled();
    order.mockRestore();
  });

  it("counts edit mode's problems on disk as they change, with the same graph served", async () => {
    const server = await startEditServer();
    try {
      const health = async () => (await request(server.url).get("/api/health")).body;
      expect(await health()).toMatchObject({ edit: true, problems: 0 });
      expect(await health()).toMatchObject({ edit: true, problems: 0 });
      server.running.live.setProblems([{ file: "graph.yaml", line: 3, code: "yaml-syntax", message: "broken" }]);
      expect(await health()).toMatchObject({ edit: true, problems: 1 });
    } finally {
      await server.close();
    }
  });
});

describe("a server started without the answer cache (serve --no-answer-cache)", () => {
  it("answers every request afresh, where the server as users run it copies the repeated one", async () => {
    const dataset = await bundledDataset();
    const searchesOf = async (answerCache: boolean | undefined): Promise<number> => {
      const running = await startServer(dataset, {
        ...DEFAULT_SERVER_OPTIONS,
        port: 0,
        ...(answerCache === undefined ? {} : { answerCache }),
        log: () => {},
      });
      try {
        const search = vi.spyOn(running.live.contextFor("suggested").engine, "search");
        for (let i = 0; i < 3; i++) expect((await request(running.url).get("/api/search?q=korea")).status).toBe(200);
        return search.mock.calls.length;
      } finally {
        await running.close();
      }
    };
    expect(await searchesOf(false)).toBe(3);
    expect(await searchesOf(undefined)).toBe(1);
  });
});
