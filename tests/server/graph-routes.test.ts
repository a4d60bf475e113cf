// Exports, the drawable graph, the schema, the sources and the OpenAPI document, read back by real readers.
import { readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import { unzipSync, strFromU8 } from "fflate";
import { MultiDirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import request from "supertest";
import { describe, expect, it, vi } from "vitest";
import { loadDataset } from "../../src/data";
import { EDIT_RULES } from "../../src/api/parameters";
import { EditStore } from "../../src/edit";
import { exportChunks } from "../../src/export";
import { createApp, createServerContext, DEFAULT_WEB_DIR, EventStreams, OPENAPI_DOCUMENT } from "../../src/server";
import { graphView } from "../../src/server/server-context";
import { bundledApp } from "../helpers/bundled-app";
import { download } from "../helpers/download";
import { parseCsvObjects } from "../helpers/parse-csv";

const { app, context, unexpected } = await bundledApp();
const { graph } = context.dataset;

describe("GET /api/export", () => {
  it("rejects an unknown format, a malformed date and a view filter mixed into a path export", async () => {
    for (const [url, parameter] of [
      ["/api/export?format=xlsx", "format"],
      ["/api/export?dateFrom=December", "dateFrom"],
      ["/api/export?from=state%3Akor&to=state%3Aprk&nodeTypes=state", "nodeTypes"],
      ["/api/export?maxHops=3", "maxHops"],
      ["/api/export?nodeTypes=planet", "nodeTypes"],
    ]) {
      const res = await request(app).get(url!);
      expect(res.status, url).toBe(400);
      expect(res.body.error.parameter).toBe(parameter);
    }
  });

  it("sends the whole graph as GraphML, a download that graphology-graphml reads with every node and edge", async () => {
    const res = await download(app, "/api/export?format=graphml");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/graphml+xml; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="rightsgraph.graphml"');
    const parsed = parseGraphml(MultiDirectedGraph, res.body.toString("utf8"));
    expect(parsed.nodes().sort()).toEqual(graph.nodes().sort());
    expect(parsed.edges().sort()).toEqual(graph.edges().sort());
    expect(parsed.getNodeAttribute("state:kor", "label")).toBe("Republic of Korea");
    expect(typeof parsed.getNodeAttribute("state:kor", "x")).toBe("number");
    const declined = parsed.findEdge((_, a, s) => s === "state:kor" && a.type === "declined")!;
    expect(parsed.getEdgeAttribute(declined, "evidence")).toBe(graph.getEdgeAttribute(declined, "evidence").quote);
  });

  it("sends a filtered view with only the kept types and dates", async () => {
    const res = await download(app, "/api/export?format=graphml&nodeTypes=state,person&edgeTypes=called-on,declined");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="rightsgraph-view.graphml"');
    const parsed = parseGraphml(MultiDirectedGraph, res.body.toString("utf8"));
    const states = graph.filterNodes((_, a) => a.type === "state" || a.type === "person");
    expect(parsed.nodes().sort()).toEqual(states.sort());
    const kept = graph.filterEdges(
      (_, a, s, t) => ["called-on", "declined"].includes(a.type) && states.includes(s) && states.includes(t),
    );
    expect(parsed.edges().sort()).toEqual(kept.sort());
    expect(kept.length).toBeGreaterThan(3);
  });

  it("sends a path result as GEXF that graphology-gexf parses", async () => {
    const res = await download(app, "/api/export?format=gexf&from=state%3Akor&to=person%3Atomas-ojea-quintana&limit=2");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="rightsgraph-path.gexf"');
    const parsed = parseGexf(MultiDirectedGraph, res.body.toString("utf8"));
    expect(parsed.hasNode("state:kor")).toBe(true);
    expect(parsed.hasNode("person:tomas-ojea-quintana")).toBe(true);
    expect(parsed.size).toBeGreaterThanOrEqual(1);
    expect(parsed.order).toBeLessThan(graph.order);
  });

  it("sends a small path export whole, with its length, in the bytes the streamed writer makes", async () => {
    // The clock stands still: an answer made within its first slice goes whole, and on a loaded machine making this
    // one could outlast a slice and stream it (seen under load 13).
    const clock = vi.spyOn(performance, "now").mockReturnValue(0);
    let res: Awaited<ReturnType<typeof download>>;
    try {
      res = await download(app, "/api/export?format=graphml&from=state%3Akor&to=state%3Aprk&maxHops=3");
    } finally {
      clock.mockRestore();
    }
    expect(res.status).toBe(200);
    expect(res.headers["transfer-encoding"]).toBeUndefined();
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
    const found = context.engine.paths("state:kor", "state:prk", { maxHops: 3 });
    const written = [
      ...(exportChunks("graphml", context.engine.pathSubgraph(found), context.dataset.schema, {
        display: context.display,
      }) as Iterable<string>),
    ].join("");
    expect(res.body.toString("utf8")).toBe(written);
  });

  it("sends a Neo4j import zip whose CSVs parse with the graph's counts", async () => {
    const res = await download(app, "/api/export?format=csv");
    expect(res.headers["content-type"]).toBe("application/zip");
    const files = unzipSync(new Uint8Array(res.body));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(["nodes.csv", "relationships.csv", "README.txt"]));
    const nodes = parseCsvObjects(strFromU8(files["nodes.csv"]!));
    const relationships = parseCsvObjects(strFromU8(files["relationships.csv"]!));
    expect(nodes).toHaveLength(graph.order);
    expect(relationships).toHaveLength(graph.size);
  });

  it("sends JSON that graphology imports back whole", async () => {
    const res = await download(app, "/api/export?format=json");
    const copy = MultiDirectedGraph.from(JSON.parse(res.body.toString("utf8")));
    expect(copy.order).toBe(graph.order);
    expect(copy.size).toBe(graph.size);
  });
});

describe("the sentence in every export", () => {
  const JOINT = "state:chn--sponsored--doc:un:draft-sc-resolution-dprk-sanctions-2019-12";
  const alone = "China jointly sponsored the China–Russia sanctions draft.";
  const together = "China and Russia jointly sponsored the China–Russia sanctions draft.";

  it("writes GraphML keys e_sentence, e_claim and e_claim_sentence and n_short_label, read back by graphology-graphml", async () => {
    const xml = (await download(app, "/api/export?format=graphml")).body.toString("utf8");
    expect(xml).toContain('<key id="e_sentence" for="edge" attr.name="sentence" attr.type="string"/>');
    expect(xml).toContain('<key id="n_short_label" for="node" attr.name="short_label" attr.type="string"/>');
    const parsed = parseGraphml(MultiDirectedGraph, xml);
    expect(parsed.getEdgeAttributes(JOINT)).toMatchObject({ sentence: alone, claim: JOINT, claim_sentence: together });
    expect(parsed.getNodeAttributes("state:prk")).toMatchObject({ short_label: "DPRK", article: "the" });
    parsed.forEachEdge((id, a) => expect(a.sentence, id).toBe(graph.getEdgeAttribute(id, "sentence")));
  });

  it("writes the sentence into GEXF, JSON and the Neo4j relationships CSV", async () => {
    const gexf = parseGexf(MultiDirectedGraph, (await download(app, "/api/export?format=gexf")).body.toString("utf8"));
    expect(gexf.getEdgeAttributes(JOINT)).toMatchObject({ sentence: alone, claim_sentence: together });
    const json = JSON.parse((await download(app, "/api/export?format=json")).body.toString("utf8"));
    const edge = json.edges.find((e: { key: string }) => e.key === JOINT);
    expect(edge.attributes).toMatchObject({ sentence: alone, claim: JOINT, claimSentence: together, claimSize: 2 });
    const files = unzipSync(new Uint8Array((await download(app, "/api/export?format=csv")).body));
    const rows = parseCsvObjects(strFromU8(files["relationships.csv"]!));
    const row = rows.find((r) => r.id!.text === JOINT)!;
    expect(row.sentence!.text).toBe(alone);
    expect(row.claim_sentence!.text).toBe(together);
    expect(rows.every((r) => r.sentence!.text !== "")).toBe(true);
  });
});

describe("GET /api/graph", () => {
  it("rejects a limit of 0", async () => {
    expect((await request(app).get("/api/graph?limit=0")).status).toBe(400);
  });

  it("sends every node with a position, size and colour, and every edge", async () => {
    const res = await request(app).get("/api/graph");
    expect(res.body.nodes).toHaveLength(graph.order);
    expect(res.body.edges).toHaveLength(graph.size);
    expect(res.body.truncated).toBe(false);
    for (const { attributes } of res.body.nodes) {
      expect(Number.isFinite(attributes.x) && Number.isFinite(attributes.y)).toBe(true);
      expect(attributes.color).toMatch(/^#[0-9a-f]{6}$/i);
    }
  });

  it("sends each edge with its evidence and each node with its kind, as the data has them", async () => {
    const res = await request(app).get("/api/graph");
    const declined = res.body.edges.find((e: { key: string }) => e.key === "state:kor--declined--doc:un:a-c.3-74-l.26");
    const evidence = graph.getEdgeAttribute("state:kor--declined--doc:un:a-c.3-74-l.26", "evidence");
    expect(declined.attributes.evidence).toEqual({
      quote: evidence.quote,
      footnotes: ["iii"],
      sourceDoc: "doc:brief:dprk-2020",
      start: evidence.start,
      end: evidence.end,
    });
    const kinds = new Map(
      res.body.nodes.map((n: { key: string; attributes: { kind?: string } }) => [n.key, n.attributes.kind]),
    );
    expect(kinds.get("doc:article:reuters-2019-12-17-china-russia-sanctions")).toBe("article");
    expect(kinds.get("org:reuters")).toBe("media");
    expect(kinds.get("state:kor")).toBeUndefined();
  });

  it("streams a view of another limit as the context computes it", async () => {
    const res = await request(app).get("/api/graph?limit=20");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(res.body).toEqual(JSON.parse(JSON.stringify(graphView(context, 20))));
  });

  it("cuts big views to the largest-degree nodes and says so", async () => {
    const res = await request(app).get("/api/graph?limit=5");
    expect(res.body.nodes).toHaveLength(5);
    expect(res.body.truncated).toBe(true);
    expect(res.body.counts).toMatchObject({ nodes: graph.order, shownNodes: 5 });
    const degrees = res.body.nodes.map((n: { key: string }) => graph.degree(n.key));
    expect(Math.min(...degrees)).toBeGreaterThanOrEqual(
      Math.max(
        ...graph
          .nodes()
          .filter((id) => !res.body.nodes.some((n: { key: string }) => n.key === id))
          .map((id) => graph.degree(id)),
      ),
    );
  });

  it("lays out the same data the same way every time", async () => {
    const again = createServerContext(await loadDataset());
    expect(again.defaultGraphView).toBe(context.defaultGraphView);
  });
});

describe("GET /api/schema and /api/sources", () => {
  it("lists every type with a colour and counts that add up to the graph", async () => {
    const res = await request(app).get("/api/schema");
    const nodeTotal = res.body.nodeTypes.reduce((n: number, t: { count: number }) => n + t.count, 0);
    const edgeTotal = res.body.edgeTypes.reduce((n: number, t: { count: number }) => n + t.count, 0);
    expect([nodeTotal, edgeTotal]).toEqual([graph.order, graph.size]);
    const names = res.body.edgeTypes.map((t: { name: string }) => t.name);
    expect(names).toEqual(expect.arrayContaining(["sponsored", "declined", "addressed-to", "cites"]));
    for (const t of [...res.body.nodeTypes, ...res.body.edgeTypes]) expect(t.color).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it("sends the source text byte for byte, with its endnotes", async () => {
    const res = await request(app).get("/api/sources/dprk-2020-brief");
    expect(res.body.text).toBe(readFileSync("graph-data/sources/dprk-2020-brief/source.txt", "utf8"));
    expect(res.body.endnotes.map((n: { marker: string }) => n.marker)).toEqual([
      "i",
      "ii",
      "iii",
      "iv",
      "v",
      "vi",
      "vii",
      "viii",
    ]);
    expect((await request(app).get("/api/sources/nope")).status).toBe(404);
  });
});

describe("GET /api/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const res = await request(app).get("/api/openapi.json");
    const result = await new Validator().validate(res.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(res.body.openapi).toBe("3.1.0");
  });

  it("describes the names and sentences that node and edge objects carry", async () => {
    const { schemas } = OPENAPI_DOCUMENT.components;
    const { node, edges } = (await request(app).get("/api/nodes/doc%3Aun%3Adraft-sc-resolution-dprk-sanctions-2019-12"))
      .body;
    for (const key of schemas.Node.required) expect(node, key).toHaveProperty(key);
    for (const key of ["shortLabel", "article", "plural"]) expect(schemas.Node.properties).toHaveProperty(key);
    for (const edge of edges) for (const key of schemas.Edge.required) expect(edge, key).toHaveProperty(key);
    for (const key of ["sentence", "claim", "claimSentence", "claimSize"])
      expect(schemas.Edge.properties).toHaveProperty(key);
  });

  it("describes exactly the routes the app registers, in edit mode too", () => {
    type Layer = { route?: { path: string }; handle?: { stack?: Layer[] } };
    const paths = new Set<string>();
    const walk = (stack: Layer[], prefix: string) => {
      for (const layer of stack) {
        if (layer.route) paths.add(`${prefix}${layer.route.path}`.replace(/:(\w+)/g, "{$1}"));
        else if (layer.handle?.stack) walk(layer.handle.stack, "/api");
      }
    };
    walk((app as unknown as { router: { stack: Layer[] } }).router.stack, "");
    // Edit mode adds its routes (the write API and the event stream).
    const editApp = createApp(context, {
      webDir: DEFAULT_WEB_DIR,
      onUnexpectedError: (e) => unexpected.push(e),
      edit: {
        token: "t".repeat(EDIT_RULES.minTokenLength),
        store: EditStore.open(context.dataset.dataDir, context.dataset, {
          undoDepth: 1,
          onDataset: () => {},
          onProblems: () => {},
        }),
        streams: new EventStreams(),
      },
    });
    walk((editApp as unknown as { router: { stack: Layer[] } }).router.stack, "");
    paths.delete("/");
    expect([...paths].sort()).toEqual(Object.keys(OPENAPI_DOCUMENT.paths).sort());
  });

  it("never reported an unexpected error while these tests ran", () => {
    expect(unexpected).toEqual([]);
  });
});
