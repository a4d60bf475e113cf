// GET /api/overview and POST /api/scene on the bundled graph: the communities add up to the graph, the scene brings
// nodes in with the claims that link them to what is drawn, and bad bodies are 4xx JSON errors.
import request from "supertest";
import { describe, expect, it } from "vitest";
import type { OverviewResponse, SceneResponse } from "../../src/api/contract";
import { SCENE_RULES } from "../../src/api/parameters";
import { bundledApp } from "../helpers/bundled-app";

const { app, context, unexpected } = await bundledApp();
const { graph } = context.dataset;

describe("GET /api/overview", () => {
  it("lists communities that partition the graph, named by their largest members, with the claims between them", async () => {
    const res = await request(app).get("/api/overview");
    expect(res.status).toBe(200);
    const overview = res.body as OverviewResponse;
    expect(overview).toMatchObject({ nodes: graph.order, edges: graph.size, sceneCap: 2000, large: false });
    expect(overview.communities.reduce((sum, c) => sum + c.nodes, 0)).toBe(graph.order);
    const inside = overview.communities.reduce((sum, c) => sum + c.edges, 0);
    const across = overview.links.reduce((sum, l) => sum + l.edges, 0);
    expect(inside + across).toBe(graph.size);
    for (const [i, community] of overview.communities.entries()) {
      expect(community.id).toBe(i);
      if (i > 0) expect(community.nodes).toBeLessThanOrEqual(overview.communities[i - 1]!.nodes);
      const members = [...context.communities].filter(([, c]) => c === i).map(([id]) => id);
      expect(members).toHaveLength(community.nodes);
      const degrees = community.top.map((t) => graph.degree(t.id));
      expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
      expect(Math.max(...members.map((m) => graph.degree(m)))).toBe(degrees[0]);
    }
    // The same graph always gives the same communities.
    expect((await request(app).get("/api/overview")).body).toEqual(overview);
  });

  it("says a graph larger than the cap asked opens on the overview, and refuses a cap out of range", async () => {
    expect((await request(app).get("/api/overview?cap=50")).body).toMatchObject({ sceneCap: 50, large: true });
    const bad = await request(app).get("/api/overview?cap=0");
    expect(bad.status).toBe(400);
    expect(bad.body.error.parameter).toBe("cap");
  });
});

describe("POST /api/scene", () => {
  it("brings a community in, largest first, up to the limit, with the claims between the nodes brought in", async () => {
    const res = await request(app).post("/api/scene").send({ community: 0, limit: 5 });
    expect(res.status).toBe(200);
    const scene = res.body as SceneResponse;
    const members = context.nodesByDegree.filter((id) => context.communities.get(id) === 0);
    expect(scene.added).toEqual(members.slice(0, 5));
    expect(scene.left).toBe(members.length - 5);
    const brought = new Set(scene.added);
    const between = graph.filterEdges((_e, _a, s, t) => brought.has(s) && brought.has(t));
    expect(scene.edges.map((e) => e.key).sort()).toEqual(between.sort());
    expect(scene.nodes[0]!.attributes).toMatchObject({ x: expect.any(Number), label: expect.any(String) });
  });

  it("adds a node's neighbours beside the scene drawn, with the claims linking them to it", async () => {
    const keep = ["state:kor"];
    const add = graph.neighbors("state:kor").slice(0, 3);
    const scene = (await request(app).post("/api/scene").send({ keep, add })).body as SceneResponse;
    expect(scene.added).toEqual(add);
    const all = new Set([...keep, ...add]);
    const expected = graph.filterEdges(
      (_e, _a, s, t) => all.has(s) && all.has(t) && (add.includes(s) || add.includes(t)),
    );
    expect(scene.edges.map((e) => e.key).sort()).toEqual(expected.sort());
  });

  it("refuses unknown keys, unknown ids, a missing community and a body that is not JSON", async () => {
    const unknownKey = await request(app).post("/api/scene").send({ nodes: [] });
    expect(unknownKey.status).toBe(400);
    expect(unknownKey.body.error.parameter).toBe("nodes");
    expect(
      (
        await request(app)
          .post("/api/scene")
          .send({ add: ["state:atlantis"] })
      ).status,
    ).toBe(404);
    const community = await request(app).post("/api/scene").send({ community: 999 });
    expect(community.status).toBe(400);
    expect(community.body.error.parameter).toBe("community");
    // A list longer than a scene may hold is past the body limit already.
    const tooMany = await request(app)
      .post("/api/scene")
      .send({ keep: Array.from({ length: SCENE_RULES.cap.max + 1 }, () => "state:kor") });
    expect(tooMany.status).toBe(413);
    const text = await request(app).post("/api/scene").set("Content-Type", "text/plain").send("add");
    expect(text.status).toBe(415);
    expect(unexpected).toEqual([]);
  });
});
