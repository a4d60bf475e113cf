// `include` where the explorer's "show suggestions" switch needs it beyond its searches and paths: on every kind of
// GET /api/export (the whole graph and a view, not only a path result), and on POST /api/query and POST
// /api/query/export, whose Cypher reads the graph with its suggested records or without them. The bundled graph with
// one claim marked suggested, on a server whose default leaves suggestions out.
import { MultiDirectedGraph } from "graphology";
import { parse } from "graphology-graphml";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { createApp, createServerContext, DEFAULT_WEB_DIR } from "../../src/server";
import { bundledDataset } from "../helpers/bundled-dataset";
import { binaryParser } from "../helpers/download";

const SUGGESTED = "state:kor--declined--doc:un:a-c.3-74-l.26";
const DECLINED = "MATCH (who)-[r:declined]->(what) RETURN who.id AS who, what.id AS what ORDER BY who, what";

const base = await bundledDataset();
// A copy whose one claim is a suggestion: the shared dataset of the worker stays as it was.
const graph = base.graph.copy();
graph.updateEdgeAttribute(SUGGESTED, "props", (props) => ({ ...props!, status: "suggested" }));
const unexpected: unknown[] = [];
const app = createApp(createServerContext({ ...base, graph }), {
  webDir: DEFAULT_WEB_DIR,
  onUnexpectedError: (error) => unexpected.push(error),
  include: "none",
});

const post = (route: string, body: unknown) =>
  request(app).post(route).set("Content-Type", "application/json").send(JSON.stringify(body));

const declinedRows = async (include?: string): Promise<string[]> => {
  const res = await post(include ? `/api/query?include=${include}` : "/api/query", { query: DECLINED });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.rows as [string, string][]).map(([who, what]) => `${who} -> ${what}`);
};

describe("GET /api/export?include=", () => {
  const exported = async (query: string): Promise<string[]> => {
    const res = await request(app).get(`/api/export?format=json&${query}`).buffer(true).parse(binaryParser);
    expect(res.status, (res.body as Buffer).toString("utf8").slice(0, 300)).toBe(200);
    return (JSON.parse((res.body as Buffer).toString("utf8")) as { edges: { key: string }[] }).edges.map((e) => e.key);
  };

  it("writes the whole graph with the suggested claim only when asked for suggestions", async () => {
    expect(await exported("include=none")).not.toContain(SUGGESTED);
    expect(await exported("include=suggested")).toContain(SUGGESTED);
  });

  it("writes a filtered view with the suggested claim only when asked for suggestions", async () => {
    const view = "edgeTypes=declined,sponsored&dateFrom=2019";
    expect(await exported(`${view}&include=none`)).not.toContain(SUGGESTED);
    expect(await exported(`${view}&include=suggested`)).toContain(SUGGESTED);
  });

  it("still refuses a path parameter without from and to, naming it", async () => {
    const res = await request(app).get("/api/export?format=json&include=none&maxHops=3");
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "bad-parameter", parameter: "maxHops" });
  });
});

describe("POST /api/query?include=", () => {
  it("refuses a value other than none or suggested, naming the parameter", async () => {
    for (const value of ["all", ""]) {
      const res = await post(`/api/query?include=${value}`, { query: DECLINED });
      expect(res.status, `include=${value}`).toBe(400);
      expect(res.body.error).toMatchObject({ code: "bad-parameter", parameter: "include" });
    }
  });

  it("still refuses any other query parameter", async () => {
    const res = await post("/api/query?format=json", { query: DECLINED });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "bad-parameter", parameter: "format" });
  });

  it("answers with the suggested claim only when asked for suggestions", async () => {
    const none = await declinedRows("none");
    const suggested = await declinedRows("suggested");
    expect(none).not.toContain("state:kor -> doc:un:a-c.3-74-l.26");
    expect(suggested).toContain("state:kor -> doc:un:a-c.3-74-l.26");
    expect(suggested.filter((row) => !none.includes(row))).toEqual(["state:kor -> doc:un:a-c.3-74-l.26"]);
    // Without it, the server's default: none here.
    expect(await declinedRows()).toEqual(none);
  });
});

describe("POST /api/query/export?include=", () => {
  const exported = async (include: string): Promise<string[]> => {
    const res = await post(`/api/query/export?format=graphml&include=${include}`, {
      query: "MATCH (a:state {id: 'state:kor'})-[r]->(b) RETURN a, r, b",
    })
      .buffer(true)
      .parse(binaryParser);
    expect(res.status).toBe(200);
    return parse(MultiDirectedGraph, (res.body as Buffer).toString("utf8")).edges();
  };

  it("writes the suggested claim into the file only when asked for suggestions", async () => {
    expect(await exported("none")).not.toContain(SUGGESTED);
    expect(await exported("suggested")).toContain(SUGGESTED);
  });

  it("refuses a bad value, naming the parameter", async () => {
    const res = await post("/api/query/export?format=json&include=yes", { query: DECLINED });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "bad-parameter", parameter: "include" });
  });
});

describe("GET /api/openapi.json", () => {
  it("declares include on both query routes", async () => {
    const document = (await request(app).get("/api/openapi.json")).body as {
      paths: Record<string, { post: { parameters?: { name: string; schema: unknown }[] } }>;
    };
    for (const route of ["/api/query", "/api/query/export"]) {
      const include = document.paths[route]!.post.parameters?.find((p) => p.name === "include");
      expect(include?.schema, route).toEqual({ type: "string", enum: ["none", "suggested"] });
    }
  });

  it("never reported an unexpected error while these tests ran", () => {
    expect(unexpected).toEqual([]);
  });
});
