// The questions of the brief on the bundled graph. Exact rows only for facts the brief states plainly (the Republic
// of Korea declined to co-sponsor A/C.3/74/L.26; the brief cites S/PV.8682); other answers are checked against the
// graph read directly, so that corrections to the data do not break them.
import { beforeAll, describe, expect, it } from "vitest";
import { bundledDataset } from "../../helpers/bundled-dataset";
import {
  createCypherGraph,
  explainCypher,
  prepareCypher,
  runCypher,
  type CypherGraph,
} from "../../../src/query/cypher";
import type { Dataset } from "../../../src/schema";

let dataset: Dataset;
let graph: CypherGraph;

beforeAll(async () => {
  dataset = await bundledDataset();
  graph = createCypherGraph(dataset);
});

describe("Cypher on the bundled graph", () => {
  it("finds that the Republic of Korea declined to co-sponsor A/C.3/74/L.26, with the quote and endnote iii", () => {
    const result = runCypher(
      graph,
      "MATCH (s:state)-[r:declined]->(d:document) WHERE d.symbol = 'A/C.3/74/L.26' RETURN s.label, r.quote, r.footnotes",
    );
    const korea = result.rows.find((row) => row[0] === "Republic of Korea");
    expect(korea).toBeDefined();
    expect(korea![1]).toContain("declined to co-sponsor");
    expect(korea![2]).toContain("iii");
  });

  it("gives relationships their sentence and claim, and nodes their short name", () => {
    const result = runCypher(
      graph,
      "MATCH (s:state)-[r:sponsored]->(d:document) WHERE d.short_label = 'China–Russia sanctions draft' " +
        "RETURN s.short_label, r.sentence, r.claim ORDER BY s.short_label",
    );
    const claim = "state:chn--sponsored--doc:un:draft-sc-resolution-dprk-sanctions-2019-12";
    expect(result.rows).toEqual([
      ["China", "China jointly sponsored the China–Russia sanctions draft.", claim],
      ["Russia", "Russia jointly sponsored the China–Russia sanctions draft.", claim],
    ]);
  });

  it("answers who declined what with one row per declined edge of the graph", () => {
    const result = runCypher(graph, "MATCH (who)-[r:declined]->(what) RETURN who.id, r.id, what.id");
    const expected = dataset.graph
      .filterEdges((_edge, attributes) => attributes.type === "declined")
      .map((edge) => [dataset.graph.source(edge), edge, dataset.graph.target(edge)]);
    expect(result.rows.map((row) => row.join(" ")).sort()).toEqual(expected.map((row) => row.join(" ")).sort());
    expect(result.rows.length).toBeGreaterThan(0);
  });

  it("finds the brief among the documents that cite S/PV.8682, as its endnotes say", () => {
    const result = runCypher(
      graph,
      "MATCH (d:document)-[:cites]->(v:document {symbol: 'S/PV.8682'}) RETURN DISTINCT d.id",
    );
    const citing = [...dataset.sources.values()]
      .filter((source) =>
        [...source.endnotes.values()].some((endnote) =>
          endnote.citations.some((c) => c.document === "doc:un:s-pv.8682"),
        ),
      )
      .map((source) => source.document);
    expect(citing).toContain("doc:brief:dprk-2020");
    expect(result.rows.map((row) => row[0]).sort()).toEqual([...new Set(citing)].sort());
  });

  it("counts recommendations by addressee as the graph's addressed-to edges do", () => {
    const result = runCypher(
      graph,
      "MATCH (r:recommendation)-[:`addressed-to`]->(a) RETURN a.id AS addressee, count(r) AS n ORDER BY n DESC, addressee",
    );
    const counts = new Map<string, number>();
    dataset.graph.forEachEdge((_edge, attributes, source, target) => {
      if (attributes.type === "addressed-to" && dataset.graph.getNodeAttribute(source, "type") === "recommendation")
        counts.set(target, (counts.get(target) ?? 0) + 1);
    });
    const expected = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    expect(result.rows).toEqual(expected);
  });

  it("counts every node and relationship", () => {
    expect(runCypher(graph, "MATCH (n) RETURN count(n)").rows).toEqual([[dataset.graph.order]]);
    expect(runCypher(graph, "MATCH ()-[r]->() RETURN count(r)").rows).toEqual([[dataset.graph.size]]);
  });

  it("explains a plan that starts at the type index of the smaller end", () => {
    const text = explainCypher(prepareCypher(graph, "MATCH (s:state)-[r:declined]->(d:document) RETURN s, d"));
    expect(text).toMatch(/1\. start at \((s:state|d:document)\) by type index/);
  });
});
