// Twenty generated GraphML files of hostile strings, checked by libxml2 against the XSD and read back by NetworkX.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { validateGraphml } from "../helpers/graphml-validator";
import { expectedStrings, graphml, hostileGraph, hostileValues, text } from "../helpers/hostile-graphml";
import { readWithNetworkx } from "../helpers/networkx-reader";
import { tempDir } from "../helpers/temp-dir";

describe("twenty generated GraphML files of hostile strings", () => {
  const dir = tempDir("graphml-hostile");
  const samples = fc.sample(hostileValues, { numRuns: 20, seed: 42 });
  const files = samples.map((values, i) => dir.write(`hostile-${i}.graphml`, graphml(hostileGraph(values))));
  afterAll(() => dir.remove());

  it("validates every file against the GraphML XSD", async () => {
    expect(await validateGraphml(files)).toEqual(files.map((file) => ({ file, valid: true, errors: [] })));
  });

  it("reads every value back in NetworkX exactly, forbidden characters replaced by U+FFFD", () => {
    const read = readWithNetworkx(files);
    read.forEach((graph, n) => {
      const expected = expectedStrings(samples[n]);
      expect(graph.graph.name).toEqual(["str", text(samples[n].name)]);
      const nodes = Object.fromEntries(graph.nodes);
      expected.nodes.forEach((node, i) => {
        for (const [name, value] of Object.entries(node)) expect(nodes[`thing:${i}`][name]).toEqual(["str", value]);
      });
      const edges = Object.fromEntries(graph.edges.map(([, , key, attributes]) => [key, attributes]));
      expected.edges.forEach((edge, i) => {
        for (const [name, value] of Object.entries(edge)) expect(edges[`edge:${i}`][name]).toEqual(["str", value]);
      });
    });
  });
});
