// POST /api/query and POST /api/query/export on the bundled graph: the body's media type, size and shape first,
// then syntax errors with their place, then the brief's questions answered with the ids to highlight, and the
// subgraph a query matched as a file read back by graphology-graphml.
import { MultiDirectedGraph } from "graphology";
import { parse } from "graphology-graphml";
import request from "supertest";
import { describe, expect, it } from "vitest";
import type { QueryEngine } from "../../src/query";
import { MAX_CYPHER_HIGHLIGHTED } from "../../src/query/cypher";
import { createApp } from "../../src/server";
import { bundledApp } from "../helpers/bundled-app";
import { binaryParser } from "../helpers/download";

const { app, context, unexpected } = await bundledApp();

const DECLINED =
  "MATCH (who)-[r:declined]->(what) RETURN who.label AS who, r.what AS declined, what.label AS what ORDER BY who, what";
const CITES_SPV =
  "MATCH (d:document)-[c:cites]->(v:document {symbol: $symbol}) RETURN d.label AS document, c.footnotes AS endnote";

const post = (route: string, body: unknown, type = "application/json") =>
  request(app)
    .post(route)
    .set("Content-Type", type)
    .send(typeof body === "string" ? body : JSON.stringify(body));

function expectError(res: request.Response, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/json/);
  expect(res.body.error.code).toBe(code);
  expect(typeof res.body.error.message).toBe("string");
  expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
}

describe("POST /api/query: the body", () => {
  it("answers other methods with 405 and Allow: POST", async () => {
    for (const res of [await request(app).get("/api/query?query=x"), await request(app).put("/api/query")]) {
      expectError(res, 405, "method-not-allowed");
      expect(res.headers.allow).toBe("POST");
    }
  });

  it("refuses a body that is not sent as application/json with 415, form posts included", async () => {
    expectError(
      await post("/api/query", "query=MATCH+(n)+RETURN+n", "application/x-www-form-urlencoded"),
      415,
      "unsupported-media-type",
    );
    expectError(
      await post("/api/query", '{"query":"MATCH (n) RETURN n"}', "text/plain"),
      415,
      "unsupported-media-type",
    );
    expectError(await request(app).post("/api/query"), 415, "unsupported-media-type");
  });

  it("refuses a compressed body with 415 and a body past the limit with 413", async () => {
    const gzipped = await request(app)
      .post("/api/query")
      .set("Content-Type", "application/json")
      .set("Content-Encoding", "gzip")
      .send('{"query":"MATCH (n) RETURN n"}');
    expectError(gzipped, 415, "unsupported-media-type");
    const small = createApp(context, {
      webDir: "/nonexistent",
      limits: { maxQueryBodyBytes: 100 },
      onUnexpectedError: (e) => unexpected.push(e),
    });
    const big = await request(small)
      .post("/api/query")
      .set("Content-Type", "application/json")
      .send(JSON.stringify({ query: `MATCH (n) WHERE n.label = '${"x".repeat(200)}' RETURN n` }));
    expectError(big, 413, "body-too-large");
    expect(big.body.error.message).toContain("100 bytes");
  });

  it("refuses JSON that does not parse, is not an object, lacks the query or has an unknown key, naming it", async () => {
    // Only objects and arrays are JSON bodies (body-parser's strict mode): a bare string does not parse.
    for (const text of ['{"query": "MATCH', '"MATCH (n) RETURN n"'])
      expectError(await post("/api/query", text), 400, "bad-json");
    for (const [body, parameter] of [
      ["[1, 2]", "query"],
      [{}, "query"],
      [{ query: "  " }, "query"],
      [{ query: 42 }, "query"],
      [{ query: "x".repeat(20_001) }, "query"],
      [{ query: "MATCH (n) RETURN n", params: [1] }, "params"],
      [{ query: "MATCH (n) RETURN n", parameters: {} }, "parameters"],
      [{ query: "MATCH (n) RETURN n", maxRows: 0 }, "maxRows"],
      [{ query: "MATCH (n) RETURN n", timeBudgetMs: "fast" }, "timeBudgetMs"],
      [{ query: "MATCH (s {id: $state}) RETURN s" }, "params"],
      [{ query: "MATCH (s {id: $state}) RETURN s", params: { state: { id: "state:kor" } } }, "params"],
    ] as const) {
      const res = await post("/api/query", body);
      expectError(res, 400, "bad-parameter");
      expect(res.body.error.parameter, JSON.stringify(body)).toBe(parameter);
    }
  });

  it("refuses a query string parameter, since the query travels in the body", async () => {
    const res = await post("/api/query?query=x", { query: "MATCH (n:state) RETURN count(n)" });
    expectError(res, 400, "bad-parameter");
    expect(res.body.error.parameter).toBe("query");
  });
});

describe("POST /api/query: bad queries", () => {
  it("answers a syntax error with 400, its line, column and what was expected", async () => {
    const res = await post("/api/query", { query: "MATCH (n:state)\nRETURN n LIMIT" });
    expectError(res, 400, "cypher-syntax");
    expect(res.body.error).toMatchObject({ line: 2, column: 15 });
    expect(res.body.error.expected).toContain("an expression");
  });

  it("answers a construct outside the subset with 400 naming it and where it stands", async () => {
    const res = await post("/api/query", { query: "MATCH (n) DETACH DELETE n" });
    expectError(res, 400, "cypher-unsupported");
    expect(res.body.error).toMatchObject({ line: 1, column: 11, construct: "DETACH DELETE" });
  });

  it("answers an unknown label with 400 suggesting the one meant", async () => {
    const res = await post("/api/query", { query: "MATCH (n:State) RETURN n" });
    expectError(res, 400, "cypher-syntax");
    expect(res.body.error.message).toContain("did you mean `state`?");
  });
});

describe("POST /api/query: answers", () => {
  it("answers who declined what, with the ids of the matched nodes and edges to highlight", async () => {
    const res = await post("/api/query", { query: DECLINED });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual(context.engine.cypher(DECLINED));
    expect(res.body.columns).toEqual(["who", "declined", "what"]);
    expect(res.body.rows).toContainEqual(["Republic of Korea", "to co-sponsor", "A/C.3/74/L.26"]);
    expect(res.body.truncated).toBe(false);
    const graph = context.dataset.graph;
    const declined = graph.filterEdges((_e, attributes) => attributes.type === "declined");
    expect([...res.body.edges].sort()).toEqual([...declined].sort());
    expect(res.body.nodes).toContain("state:kor");
    for (const edge of declined) {
      expect(res.body.nodes).toContain(graph.source(edge));
      expect(res.body.nodes).toContain(graph.target(edge));
    }
  });

  it("takes parameters, and answers relationships as edge objects with their evidence", async () => {
    const res = await post("/api/query", {
      query: "MATCH (d)-[c:cites]->(v:document {symbol: $symbol}) RETURN c LIMIT 1",
      params: { symbol: "S/PV.8682" },
    });
    expect(res.status).toBe(200);
    const edge = res.body.rows[0][0];
    expect(edge).toMatchObject({ type: "cites", evidence: { footnotes: expect.any(Array) } });
    expect(res.body.edges).toEqual([edge.id]);
  });

  it("answers an empty table, not an error, when nothing matches", async () => {
    const res = await post("/api/query", { query: CITES_SPV, params: { symbol: "S/PV.0000" } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      columns: ["document", "endnote"],
      rows: [],
      nodes: [],
      edges: [],
      truncated: false,
    });
  });

  it("cuts the rows at maxRows and says so", async () => {
    const res = await post("/api/query", { query: "MATCH (n) RETURN n.id", maxRows: 3 });
    expect(res.status).toBe(200);
    expect(res.body.rows).toHaveLength(3);
    expect(res.body).toMatchObject({ truncated: true, truncatedBy: ["row-cap"] });
  });
});

describe("POST /api/query: the OpenAPI document", () => {
  it("says the ids to highlight are capped at the engine's cap, and what highlightTruncated means", async () => {
    const document = (await request(app).get("/api/openapi.json")).body;
    const answer = document.components.schemas.QueryAnswer;
    expect(answer.properties.nodes.maxItems).toBe(MAX_CYPHER_HIGHLIGHTED);
    expect(answer.properties.edges.maxItems).toBe(MAX_CYPHER_HIGHLIGHTED);
    expect(answer.properties.highlightTruncated.description).toContain(`more than ${MAX_CYPHER_HIGHLIGHTED} nodes`);
  });
});

describe("POST /api/query: a long query", () => {
  it("leaves /api/health answering while it spends its time budget, then answers truncated", async () => {
    // Health is asked between the moment the engine starts the query and the moment it has the answer, so the test
    // waits on the query's own progress rather than on how many requests the machine serves in its budget.
    const progress = { phase: "queued" as "queued" | "working" | "answered" };
    const engine: QueryEngine = {
      ...context.engine,
      cypherAsync: (...args) => {
        progress.phase = "working";
        return context.engine.cypherAsync(...args).finally(() => (progress.phase = "answered"));
      },
    };
    const watched = createApp(
      { ...context, engine },
      { webDir: "/nonexistent", onUnexpectedError: (e) => unexpected.push(e) },
    );
    const query = request(watched)
      .post("/api/query")
      .set("Content-Type", "application/json")
      .send({ query: "MATCH (a)-[*1..8]-(b) RETURN count(*)", timeBudgetMs: 300 })
      .then((res) => res);
    await expect.poll(() => progress.phase).not.toBe("queued");
    // In one piece the query would hold the loop from start to answer: no health request could answer in between.
    let answeredWhileWorking = 0;
    while (progress.phase === "working") {
      const health = await request(watched).get("/api/health");
      expect(health.status).toBe(200);
      if (progress.phase === "working") answeredWhileWorking++;
    }
    const res = await query;
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ truncated: true, truncatedBy: ["time-budget"], rows: [] });
    expect(answeredWhileWorking).toBeGreaterThan(0);
  });
});

describe("POST /api/query/export", () => {
  it("refuses an unknown format, naming the parameter", async () => {
    const res = await post("/api/query/export?format=xlsx", { query: DECLINED });
    expectError(res, 400, "bad-parameter");
    expect(res.body.error.parameter).toBe("format");
  });

  it("writes the nodes and edges the query matched as GraphML that graphology-graphml reads back", async () => {
    const res = await post("/api/query/export?format=graphml", { query: DECLINED }).buffer(true).parse(binaryParser);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/graphml\+xml/);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="rightsgraph-query.graphml"');
    expect(res.headers["rightsgraph-truncated"]).toBeUndefined();
    const read = parse(MultiDirectedGraph, (res.body as Buffer).toString("utf8"));
    const answer = context.engine.cypher(DECLINED);
    expect(read.nodes().sort()).toEqual([...answer.nodes].sort());
    expect(read.edges().sort()).toEqual([...answer.edges].sort());
    const kor = read.edges().find((e) => read.source(e) === "state:kor");
    expect(read.getEdgeAttribute(kor!, "type")).toBe("declined");
    expect(String(read.getEdgeAttribute(kor!, "evidence"))).toBe(
      context.dataset.graph.getEdgeAttribute(kor!, "evidence").quote,
    );
  });

  it("writes JSON, and says in a header when the query was cut", async () => {
    const res = await post("/api/query/export?format=json", { query: "MATCH (n:state) RETURN n", maxRows: 2 });
    expect(res.status).toBe(200);
    expect(res.headers["rightsgraph-truncated"]).toBe("row-cap");
    expect(res.body.nodes.map((n: { key: string }) => n.key)).toEqual(
      context.engine.cypher("MATCH (n:state) RETURN n", {}, { maxRows: 2 }).nodes,
    );
  });
});

describe("POST /api/query: unexpected errors", () => {
  it("never reported one while these tests ran", () => {
    expect(unexpected).toEqual([]);
  });
});
