// The GraphML writer: the contract's layout of keys, nodes and edges, values typed and escaped, read back in-process.
import { MultiDirectedGraph } from "graphology";
import { parse } from "graphology-graphml";
import { describe, expect, it } from "vitest";
import { graphmlChunks } from "../../src/export";
import { COLUMN_SCAN_STEP } from "../../src/export/export-columns";
import { computeLayout, type NodeDisplay } from "../../src/layout";
import type { RightsGraph } from "../../src/schema";
import { expectedEdgeData, expectedNodeData } from "../helpers/expected-graphml-data";
import { addEdge, addNode, emptyGraph } from "../helpers/graph-builder";
import { tinyGraph, tinySchema } from "../helpers/tiny-fixture";

const write = (graph: RightsGraph, display?: Map<string, NodeDisplay>): string =>
  [...graphmlChunks(graph, tinySchema(), { display })].join("");

describe("graphmlChunks", () => {
  it("rejects a display option that is not a Map", () => {
    expect(() => write(tinyGraph(), {} as Map<string, NodeDisplay>)).toThrow(
      expect.objectContaining({ code: "bad-parameter", parameter: "display" }),
    );
  });

  it("starts with an XML declaration and the GraphML namespace, and holds one directed graph", () => {
    const xml = write(tinyGraph());
    expect(
      xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'),
    ).toBe(true);
    expect(xml.match(/<graph /g)).toEqual(["<graph "]);
    expect(xml).toContain('<graph edgedefault="directed">');
    expect(xml.trimEnd().endsWith("</graphml>")).toBe(true);
  });

  it("writes no <default>, no per-edge directed attribute and no nested graph", () => {
    const xml = write(tinyGraph(), computeLayout(tinyGraph()));
    expect(xml).not.toContain("<default");
    expect(xml).not.toMatch(/<edge [^>]*directed=/);
    expect(xml.match(/<graph\b/g)).toHaveLength(1);
  });

  it("declares every key before the graph, each with for, attr.name and attr.type, under a unique id", () => {
    const xml = write(tinyGraph(), computeLayout(tinyGraph()));
    const keys = [...xml.matchAll(/<key ([^>]*)\/>/g)].map((match) => match[1]);
    expect(xml.lastIndexOf("<key ")).toBeLessThan(xml.indexOf("<graph "));
    for (const key of keys)
      expect(key).toMatch(
        /^id="[^"]+" for="(node|edge|graph)" attr\.name="[^"]+" attr\.type="(string|int|long|double|boolean)"$/,
      );
    const ids = keys.map((key) => /id="([^"]+)"/.exec(key)![1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(["n_label", "n_type", "n_aliases", "n_description", "n_date"]));
    expect(ids).toEqual(expect.arrayContaining(["n_x", "n_y", "n_size", "n_color", "n_iso3", "n_number"]));
    expect(ids).toEqual(expect.arrayContaining(["e_type", "e_label", "e_evidence", "e_footnotes", "e_source_doc"]));
    expect(ids).toEqual(
      expect.arrayContaining(["e_date", "e_evidence_start", "e_evidence_end", "e_what", "e_endnote"]),
    );
    expect(keys).toContain('id="n_x" for="node" attr.name="x" attr.type="double"');
    expect(keys).toContain('id="n_number" for="node" attr.name="number" attr.type="int"');
    expect(keys).toContain('id="n_incomplete" for="node" attr.name="incomplete" attr.type="boolean"');
    expect(keys).toContain('id="e_evidence_start" for="edge" attr.name="evidence_start" attr.type="int"');
  });

  it("writes all nodes before the first edge, and every edge with its own id", () => {
    const xml = write(tinyGraph());
    expect(xml.lastIndexOf("<node ")).toBeLessThan(xml.indexOf("<edge "));
    const edgeIds = [...xml.matchAll(/<edge id="([^"]+)" source="([^"]+)" target="([^"]+)">/g)].map((m) => m[1]);
    expect(edgeIds).toEqual(tinyGraph().edges());
  });

  it("omits absent values instead of writing empty elements", () => {
    const xml = write(tinyGraph());
    const prk = xml.slice(xml.indexOf('<node id="state:prk">'), xml.indexOf("</node>"));
    expect(prk).not.toContain('key="n_date"');
    expect(prk).not.toContain('key="n_x"');
    expect(xml).not.toContain('key="n_x"');
  });

  it("writes lists as JSON strings, booleans as true/false and quotes with character references", () => {
    const xml = write(tinyGraph());
    expect(xml).toContain(
      '<data key="n_aliases">[&quot;DPRK&quot;,&quot;North Korea&quot;,&quot;the \\&quot;Hermit Kingdom\\&quot;&quot;]</data>',
    );
    expect(xml).toContain('<data key="n_publisher_verified">false</data>');
    expect(xml).toContain('<data key="n_incomplete">true</data>');
    expect(xml).toContain("co-sponsor&#13;&#10;the &lt;resolution&gt; &amp; said &apos;no&apos;&#9;again — 北朝鮮 🇰🇷");
  });

  it("yields one chunk per node and per edge rather than one big string", () => {
    const chunks = [...graphmlChunks(tinyGraph(), tinySchema())];
    expect(chunks).toHaveLength(1 + 7 + 6 + 1);
    expect(chunks[1]).toMatch(/^ {4}<node id="state:prk">\n[\s\S]*<\/node>\n$/);
  });

  it("yields an empty chunk every COLUMN_SCAN_STEP elements while it plans the columns, so a writer can pause", () => {
    const graph = emptyGraph();
    for (let i = 0; i < 5000; i++) addNode(graph, `person:p${i}`, { type: "person", props: { rank: i } });
    for (let i = 0; i < 9000; i++)
      addEdge(graph, `e${i}`, `person:p${i % 5000}`, `person:p${(i * 7) % 5000}`, { type: "about" });
    const chunks = [...graphmlChunks(graph, tinySchema())];
    // 5,000 nodes give one pause, 9,000 edges two; then the head, which declares the undeclared "rank" as an int.
    expect(chunks.slice(0, 3)).toEqual(["", "", ""]);
    expect(chunks[3]).toMatch(/^<\?xml[\s\S]*attr\.name="rank" attr\.type="int"/);
    expect(chunks.slice(3).every((chunk) => chunk !== "")).toBe(true);
    expect(chunks).toHaveLength(3 + 1 + 5000 + 9000 + 1);
    expect(COLUMN_SCAN_STEP).toBe(4096);
  });
});

describe("GraphML read back by graphology-graphml", () => {
  const graph = tinyGraph();
  const display = computeLayout(graph);

  it("round-trips through graphology-graphml with every node, edge and value intact", () => {
    const parsed = parse(MultiDirectedGraph, write(graph, display));
    expect(parsed.type).toBe("directed");
    expect(parsed.multi).toBe(true);
    expect(parsed.order).toBe(graph.order);
    expect(parsed.size).toBe(graph.size);
    expect(parsed.getAttribute("name")).toBe("tiny DPRK graph");
    graph.forEachNode((id, attributes) => {
      expect(parsed.getNodeAttributes(id)).toEqual(expectedNodeData(attributes, display.get(id)));
    });
    graph.forEachEdge((id, attributes, source, target) => {
      expect([parsed.source(id), parsed.target(id)]).toEqual([source, target]);
      expect(parsed.getEdgeAttributes(id)).toEqual(expectedEdgeData(attributes));
    });
  });
});
