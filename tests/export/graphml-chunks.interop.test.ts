// GraphML files read back by other programs' readers: libxml2 against the GraphML XSD, and NetworkX.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data";
import { graphmlChunks } from "../../src/export";
import { computeLayout, type NodeDisplay } from "../../src/layout";
import type { Dataset, RightsGraph } from "../../src/schema";
import { expectedEdgeData, expectedNodeData, untyped } from "../helpers/expected-graphml-data";
import { emptyGraph } from "../helpers/graph-builder";
import { validateGraphml, type XsdVerdict } from "../helpers/graphml-validator";
import { readWithNetworkx, type NetworkxGraph } from "../helpers/networkx-reader";
import { tempDir } from "../helpers/temp-dir";
import { TRICKY_QUOTE, tinyGraph, tinySchema } from "../helpers/tiny-fixture";

const write = (graph: RightsGraph, display?: Map<string, NodeDisplay>): string =>
  [...graphmlChunks(graph, tinySchema(), { display })].join("");

describe("the GraphML XSD check", () => {
  const dir = tempDir("graphml-invalid");
  afterAll(() => dir.remove());

  it("rejects an unknown attribute, a direction GraphML lacks and a key after the graph, and names the line", async () => {
    const valid = write(tinyGraph());
    const files = [
      dir.write(
        "attribute.graphml",
        valid.replace('<graph edgedefault="directed"', '<graph edgedefault="directed" shape="round"'),
      ),
      dir.write("direction.graphml", valid.replace('edgedefault="directed"', 'edgedefault="sideways"')),
      dir.write("order.graphml", valid.replace("</graph>", '</graph>\n  <key id="late" for="node"/>')),
      dir.write("valid.graphml", valid),
    ];
    const [attribute, direction, order, control] = await validateGraphml(files);
    const graphLine = valid.split("\n").findIndex((line) => line.includes("<graph ")) + 1;
    expect(attribute).toEqual({
      file: files[0],
      valid: false,
      errors: [
        `${graphLine}: Schemas validity error : Element '{http://graphml.graphdrawing.org/xmlns}graph', attribute 'shape': The attribute 'shape' is not allowed.`,
      ],
    });
    expect(direction!.valid).toBe(false);
    expect(direction!.errors.join("\n")).toMatch(
      /attribute 'edgedefault': \[facet 'enumeration'\] The value 'sideways'/,
    );
    expect(order!.valid).toBe(false);
    expect(order!.errors.join("\n")).toMatch(
      /Element '\{http:\/\/graphml\.graphdrawing\.org\/xmlns\}key': This element is not expected/,
    );
    expect(control).toEqual({ file: files[3], valid: true, errors: [] });
  });
});

describe("GraphML read back by libxml2 and NetworkX", () => {
  const dir = tempDir("graphml-export");
  const graph = tinyGraph();
  const display = computeLayout(graph);
  const files = {
    plain: dir.write("plain.graphml", write(graph)),
    withLayout: dir.write("layout.graphml", write(graph, display)),
    empty: dir.write("empty.graphml", write(emptyGraph("empty"))),
  };
  let verdicts: XsdVerdict[];
  let networkx: NetworkxGraph[];
  let bundled: Dataset;
  let bundledFile: string;

  // One libxml2 and one python run for every file, the bundled graph-data/ export included.
  beforeAll(async () => {
    bundled = await loadDataset();
    const xml = [...graphmlChunks(bundled.graph, bundled.schema, { display: computeLayout(bundled.graph) })].join("");
    bundledFile = dir.write("bundled.graphml", xml);
    verdicts = await validateGraphml([...Object.values(files), bundledFile]);
    networkx = readWithNetworkx([files.withLayout, bundledFile]);
  });
  afterAll(() => dir.remove());

  it("validates against the GraphML XSD with libxml2, with and without layout, when empty, and for graph-data/", () => {
    const expected = [...Object.values(files), bundledFile].map((file) => ({ file, valid: true, errors: [] }));
    expect(verdicts).toEqual(expected);
  });

  it("gives NetworkX every node and edge of the bundled graph, each quote verbatim", () => {
    const read = networkx[1];
    expect(read.nodes.map(([id]) => id).sort()).toEqual(bundled.graph.nodes().sort());
    expect(read.edges.map(([, , key]) => key).sort()).toEqual(bundled.graph.edges().sort());
    for (const [, , key, attributes] of read.edges) {
      expect(attributes.evidence).toEqual(["str", bundled.graph.getEdgeAttribute(key!, "evidence").quote]);
    }
  });

  it("loads in NetworkX as a directed multigraph with every node id and edge id", () => {
    const [read] = networkx;
    expect(read.directed).toBe(true);
    expect(read.nodes.map(([id]) => id).sort()).toEqual(graph.nodes().sort());
    expect(read.edges.map(([, , key]) => key).sort()).toEqual(graph.edges().sort());
    expect(read.graph.name).toEqual(["str", "tiny DPRK graph"]);
    for (const [source, target, key] of read.edges) {
      expect([source, target]).toEqual([graph.source(key!), graph.target(key!)]);
    }
  });

  it("gives NetworkX every node and edge value, with ints, doubles and booleans typed", () => {
    const [read] = networkx;
    for (const [id, attributes] of read.nodes) {
      expect(untyped(attributes)).toEqual(expectedNodeData(graph.getNodeAttributes(id), display.get(id)));
    }
    for (const [, , key, attributes] of read.edges) {
      expect(untyped(attributes)).toEqual(expectedEdgeData(graph.getEdgeAttributes(key!)));
    }
    const nodes = Object.fromEntries(read.nodes);
    expect(nodes["state:prk"].aliases).toEqual(["str", '["DPRK","North Korea","the \\"Hermit Kingdom\\""]']);
    expect(nodes["rec:sc-1"].number).toEqual(["int", 1]);
    expect(nodes["rec:sc-1"].incomplete).toEqual(["bool", true]);
    expect(nodes["event:tests-2019"].casualties).toEqual(["float", 0.5]);
    expect(nodes["state:prk"].x[0]).toBe("float");
    const edges = Object.fromEntries(read.edges.map(([, , key, attributes]) => [key, attributes]));
    const declined = edges["state:kor--declined--doc:un:a-c.3-74-l.26"];
    expect(declined.evidence).toEqual(["str", TRICKY_QUOTE]);
    expect(declined.evidence_start).toEqual(["int", 1204]);
    expect(declined.footnotes).toEqual(["str", '["iii"]']);
  });
});
