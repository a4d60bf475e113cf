// Node look-up: the node object, every incident edge with its evidence, and unknown ids with suggestions.
import { describe, expect, it } from "vitest";
import { NotFoundError } from "../../src/errors";
import { createQueryEngine, LIST_SOURCES, toEdgeObject, toNodeObject } from "../../src/query";
import { buildDataset } from "../helpers/query-fixture";

const dataset = buildDataset({
  nodes: [
    { id: "state:prk", label: "DPRK", aliases: ["North Korea"], date: "1948", props: { iso3: "PRK", label: "not me" } },
    { id: "state:kor", label: "Republic of Korea" },
    { id: "doc:res", label: "Resolution" },
    { id: "topic:sanctions", label: "Sanctions" },
  ],
  edges: [
    { source: "state:kor", target: "doc:res", type: "declined", date: "2019-11", props: { what: "co-sponsorship" } },
    ["state:prk", "topic:sanctions", "about"],
    ["doc:res", "state:prk", "about"],
    ["state:prk", "doc:res", "declined"],
    ["state:prk", "state:prk", "about"],
    ["state:prk", "doc:res", "sponsored"],
  ],
});
const engine = createQueryEngine(dataset);

describe("node", () => {
  it("throws NotFoundError for an unknown id, suggesting the closest ids", () => {
    let error: unknown;
    try {
      engine.node("state:prkk");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).code).toBe("not-found");
    expect((error as NotFoundError).suggestions[0]).toBe("state:prk");
    expect((error as NotFoundError).message).toMatch(/^node "state:prkk" not found\. Did you mean "state:prk"/);
  });

  it("gives no suggestion when nothing is close", () => {
    expect(() => engine.node("zzzzzzzzzzzzzzzzzz")).toThrow('node "zzzzzzzzzzzzzzzzzz" not found.');
  });

  it("returns the node with its props flattened and core fields winning", () => {
    const { node } = engine.node("state:prk");
    expect(node).toEqual({
      id: "state:prk",
      type: "state",
      label: "DPRK",
      shortLabel: "DPRK",
      aliases: ["North Korea"],
      description: "Fixture node state:prk.",
      date: "1948",
      sources: ["fixture"],
      sourceCount: 1,
      iso3: "PRK",
    });
  });

  it("returns every incident edge once, out-edges (by target) then in-edges (by source)", () => {
    const { edges } = engine.node("state:prk");
    expect(edges.map((edge) => edge.id)).toEqual([
      "state:prk--declined--doc:res",
      "state:prk--sponsored--doc:res",
      "state:prk--about--state:prk",
      "state:prk--about--topic:sanctions",
      "doc:res--about--state:prk",
    ]);
  });

  it("gives each edge its evidence, date and props", () => {
    const edge = engine.node("state:kor").edges[0]!;
    expect(edge).toEqual({
      id: "state:kor--declined--doc:res",
      type: "declined",
      source: "state:kor",
      target: "doc:res",
      label: "declined",
      sentence: "Republic of Korea declined Resolution.",
      claim: "state:kor--declined--doc:res",
      date: "2019-11",
      evidence: { quote: "state:kor declined doc:res", footnotes: ["i"], sourceDoc: "doc:fixture", start: 0, end: 10 },
      what: "co-sponsorship",
    });
    expect(toEdgeObject(dataset.graph, edge.id)).toEqual(edge);
  });

  it("builds API objects that do not share lists with the graph", () => {
    const node = toNodeObject(dataset.graph, "state:prk");
    node.aliases.push("changed");
    expect(dataset.graph.getNodeAttribute("state:prk", "aliases")).toEqual(["North Korea"]);
  });
});

describe("source lists", () => {
  const many = Array.from({ length: 25 }, (_, i) => `source-${String(i).padStart(2, "0")}`);
  const hubbed = buildDataset({
    nodes: [
      { id: "state:prk", label: "DPRK" },
      { id: "state:kor", label: "ROK" },
      { id: "topic:sanctions", label: "S" },
    ],
    edges: [
      ["state:kor", "state:prk", "about"],
      ["state:prk", "topic:sanctions", "about"],
    ],
  });
  hubbed.graph.setNodeAttribute("state:prk", "sources", many);
  const hubEngine = createQueryEngine(hubbed);

  it("gives the node itself every source, with the count", () => {
    expect(hubEngine.node("state:prk").node).toMatchObject({ sources: many, sourceCount: 25 });
  });

  it(`gives a node in a path or a neighbourhood its first ${LIST_SOURCES} sources and the full count`, async () => {
    const expected = { id: "state:prk", sources: many.slice(0, LIST_SOURCES), sourceCount: 25 };
    const path = hubEngine.paths("state:kor", "topic:sanctions");
    expect(path.type === "found" && path.paths[0]!.nodes[1]).toEqual(expect.objectContaining(expected));
    const asynchronous = await hubEngine.pathsAsync("state:kor", "topic:sanctions");
    expect(asynchronous).toEqual(path);
    const around = hubEngine.neighbors("state:kor");
    expect(around.nodes.find((node) => node.id === "state:prk")).toEqual(expect.objectContaining(expected));
    expect(around.nodes.find((node) => node.id === "state:kor")).toMatchObject({
      sources: ["fixture"],
      sourceCount: 1,
    });
  });
});
