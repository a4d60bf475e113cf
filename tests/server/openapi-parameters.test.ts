// Every integer parameter the OpenAPI document declares is the one the server enforces: its minimum and maximum are
// accepted, one past either is a 400 naming it. The document and the engine read the same constants; this proves it.
import request from "supertest";
import { describe, expect, it } from "vitest";
import { bundledApp } from "../helpers/bundled-app";

const { app, context, unexpected } = await bundledApp();
const document = (await request(app).get("/api/openapi.json")).body as {
  paths: Record<string, { get?: { parameters?: Parameter[] }; post?: { requestBody?: RequestBody } }>;
};

interface RequestBody {
  content: { "application/json": { schema: { properties: Record<string, Parameter["schema"]> } } };
}

interface Parameter {
  name: string;
  in: "query" | "path";
  required?: boolean;
  schema: { type?: string; minimum?: number; maximum?: number; enum?: string[] };
}

/** Values for the parameters a request needs besides the one under test, all of them on the bundled graph. */
const SAMPLES: Record<string, string> = {
  id: "state:prk",
  edgeId: "state:kor--declined--doc:un:a-c.3-74-l.26",
  q: "korea",
  from: "state:kor",
  to: "person:tomas-ojea-quintana",
};

/** Parameters some routes need only together with the one under test: a path export needs both ends. */
const COMPANIONS: Record<string, Record<string, string>> = {
  "/api/export": { format: "json", from: SAMPLES.from!, to: SAMPLES.to! },
};

/** Parameters one parameter needs beside it: choosing the 50th path needs an answer of 50 paths. */
const NEEDS: Record<string, Record<string, string>> = {
  path: { limit: "50", maxHops: "6" },
};

function url(route: string, parameters: Parameter[], name: string, value: number): string {
  const query = new URLSearchParams({ ...COMPANIONS[route], ...NEEDS[name] });
  let path = route;
  for (const p of parameters) {
    if (p.in === "path") path = path.replace(`{${p.name}}`, encodeURIComponent(SAMPLES[p.name]!));
    else if (p.required && p.name !== name) query.set(p.name, SAMPLES[p.name]!);
  }
  query.set(name, String(value));
  return `${path}?${query}`;
}

/** The URL of a request for `route` with one text parameter set, the others it needs filled in. */
function textUrl(route: string, parameters: Parameter[], name: string, value: string): string {
  return url(route, parameters, name, 0).replace(`${name}=0`, `${name}=${encodeURIComponent(value)}`);
}

/** The routes that take `include`. */
const includes = Object.entries(document.paths).flatMap(([route, item]) =>
  (item.get?.parameters ?? [])
    .filter((p) => p.name === "include")
    .map(() => ({ route, parameters: item.get!.parameters! })),
);

const integers = Object.entries(document.paths).flatMap(([route, item]) =>
  (item.get?.parameters ?? [])
    .filter((p) => p.schema.type === "integer")
    .map((p) => ({ route, parameters: item.get!.parameters!, parameter: p })),
);

/** The numbers a JSON body takes (the query routes'), with their bounds. */
const bodyNumbers = Object.entries(document.paths).flatMap(([route, item]) =>
  Object.entries(item.post?.requestBody?.content["application/json"].schema.properties ?? {})
    .filter(([, schema]) => schema.type === "integer" || schema.type === "number")
    .map(([name, schema]) => ({ route, name, schema })),
);

const postQuery = (route: string, extra: Record<string, number>) =>
  request(app)
    .post(route)
    .set("Content-Type", "application/json")
    .send(JSON.stringify(route === "/api/scene" ? extra : { query: "MATCH (n:state) RETURN count(n)", ...extra }));

describe("GET /api/openapi.json: integer parameters", () => {
  it("declares a minimum and a maximum for every integer parameter of every route", () => {
    expect(integers.map(({ route, parameter }) => `${route} ${parameter.name}`)).toEqual(
      expect.arrayContaining([
        "/api/search limit",
        "/api/nodes/{id}/neighbors depth",
        "/api/nodes/{id}/neighbors limit",
        "/api/nodes/{id}/neighbors edgeLimit",
        "/api/paths maxHops",
        "/api/paths limit",
        "/api/paths timeBudgetMs",
        "/api/export maxHops",
        "/api/export limit",
        "/api/export timeBudgetMs",
        "/api/graph limit",
      ]),
    );
    for (const { parameter } of integers) {
      expect(Number.isInteger(parameter.schema.minimum), parameter.name).toBe(true);
      expect(Number.isInteger(parameter.schema.maximum), parameter.name).toBe(true);
    }
  });

  it.each(integers)("$route: rejects $parameter.name one below its minimum and one above its maximum", async (c) => {
    const { minimum, maximum } = c.parameter.schema;
    for (const value of [minimum! - 1, maximum! + 1]) {
      const res = await request(app).get(url(c.route, c.parameters, c.parameter.name, value));
      expect(res.status, `${c.parameter.name}=${value}`).toBe(400);
      expect(res.body.error.code).toBe("bad-parameter");
      expect(res.body.error.parameter).toBe(c.parameter.name);
    }
  });

  it.each(integers)("$route: accepts $parameter.name at its minimum and at its maximum", async (c) => {
    const { minimum, maximum } = c.parameter.schema;
    for (const value of [minimum!, maximum!]) {
      const res = await request(app).get(url(c.route, c.parameters, c.parameter.name, value));
      expect(res.status, `${c.parameter.name}=${value}: ${JSON.stringify(res.body.error)}`).toBe(200);
    }
  });

  it("declares bounds for the numbers of the query body, and the server holds to them", async () => {
    expect(bodyNumbers.map(({ route, name }) => `${route} ${name}`)).toEqual([
      "/api/query timeBudgetMs",
      "/api/query maxRows",
      "/api/query/export timeBudgetMs",
      "/api/query/export maxRows",
      "/api/scene community",
      "/api/scene limit",
    ]);
    for (const { route, name, schema } of bodyNumbers) {
      // A community's number has no fixed maximum: it depends on the data (the last one is one below their count).
      const maximum = schema.maximum ?? context.overview.communityCount - 1;
      for (const value of [schema.minimum!, maximum])
        expect((await postQuery(route, { [name]: value })).status, `${route} ${name}=${value}`).toBe(200);
      for (const value of [schema.minimum! - 1, maximum + 1]) {
        const res = await postQuery(route, { [name]: value });
        expect(res.status, `${route} ${name}=${value}`).toBe(400);
        expect(res.body.error).toMatchObject({ code: "bad-parameter", parameter: name });
      }
    }
  });

  it("declares `include` (none, suggested; no default: the server's) on every route that reads the graph", () => {
    const routes = Object.entries(document.paths).flatMap(([route, item]) =>
      (item.get?.parameters ?? []).filter((p) => p.name === "include").map((p) => ({ route, p })),
    );
    expect(routes.map((r) => r.route).sort()).toEqual([
      "/api/edges/{edgeId}/sources",
      "/api/export",
      "/api/graph",
      "/api/nodes/{id}",
      "/api/nodes/{id}/dossier",
      "/api/nodes/{id}/neighbors",
      "/api/nodes/{id}/sources",
      "/api/overview",
      "/api/paths",
      "/api/search",
    ]);
    for (const { p } of routes) expect(p.schema).toEqual({ type: "string", enum: ["none", "suggested"] });
  });

  it.each(includes)(
    "$route: accepts include=none and include=suggested, and refuses another value naming it",
    async (c) => {
      for (const value of ["none", "suggested"]) {
        const res = await request(app).get(textUrl(c.route, c.parameters, "include", value));
        expect(res.status, `include=${value}: ${JSON.stringify(res.body.error)}`).toBe(200);
      }
      for (const value of ["all", ""]) {
        const res = await request(app).get(textUrl(c.route, c.parameters, "include", value));
        expect(res.status, `include=${value}`).toBe(400);
        expect(res.body.error).toMatchObject({ code: "bad-parameter", parameter: "include" });
      }
    },
  );

  it("refuses include on a route that does not read the graph, as an unknown parameter", async () => {
    const res = await request(app).get("/api/schema?include=suggested");
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ parameter: "include" });
  });

  it("never reported an unexpected error while these tests ran", () => {
    expect(unexpected).toEqual([]);
  });
});
