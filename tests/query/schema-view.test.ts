// The schema view: every type in schema order, with its attributes, the colour it is given and its count.
import { describe, expect, it } from "vitest";
import { schemaView } from "../../src/query";
import { buildDataset } from "../helpers/query-fixture";

const colors = {
  node: (type: string) => `node:${type}`,
  edge: (type: string) => `edge:${type}`,
  edgeFamily: (type: string) => ({ name: `family:${type}`, label: `Family of ${type}` }),
};

describe("schemaView", () => {
  it("counts the nodes and edges of each type, zero for a type the graph does not use", () => {
    const dataset = buildDataset({
      nodes: ["state:a", "state:b", "person:c"],
      edges: [
        ["state:a", "state:b", "sponsored"],
        ["state:a", "person:c", "sponsored"],
        ["person:c", "state:b"],
      ],
    });
    const view = schemaView(dataset, colors);
    expect(view.nodeTypes.map((t) => [t.name, t.count])).toEqual([
      ["state", 2],
      ["person", 1],
      ["organisation", 0],
      ["document", 0],
      ["topic", 0],
      ["recommendation", 0],
    ]);
    expect(view.edgeTypes.find((t) => t.name === "sponsored")!.count).toBe(2);
    expect(view.edgeTypes.find((t) => t.name === "about")!.count).toBe(1);
    expect(view.edgeTypes.find((t) => t.name === "declined")!.count).toBe(0);
  });

  it("gives each type its reading, ends, provenance flag, colour and declared attributes", () => {
    const dataset = buildDataset({ nodes: ["state:a"] });
    dataset.schema.nodeTypes.get("state")!.attributes.set("iso3", {
      name: "iso3",
      kind: "string",
      required: false,
      verbatim: false,
      description: "ISO 3166-1 code.",
    });
    const view = schemaView(dataset, colors);
    expect(view.nodeTypes[0]).toEqual({
      name: "state",
      label: "state",
      plural: "states",
      idPrefix: "state",
      description: "A state.",
      color: "node:state",
      count: 1,
      attributes: [{ name: "iso3", kind: "string", required: false, description: "ISO 3166-1 code." }],
    });
    expect(view.edgeTypes.find((t) => t.name === "cites")).toMatchObject({
      reading: "{source} cites {target}",
      provenance: true,
      color: "edge:cites",
      family: "family:cites",
      familyLabel: "Family of cites",
      source: ["state", "person", "organisation", "document", "topic", "recommendation"],
      attributes: [],
    });
  });
});
