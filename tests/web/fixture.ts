// A small display graph and schema for the web explorer's unit tests.
import type { GraphResponse, SchemaResponse } from "../../web/src/api/index.js";
import { buildGraph } from "../../web/src/graph/index.js";
import type { DisplayGraph } from "../../web/src/graph/index.js";

export const SCHEMA: SchemaResponse = {
  nodeTypes: [
    { name: "state", label: "State", plural: "States", color: "#332288", count: 2 },
    { name: "document", label: "Document", plural: "Documents", color: "#999933", count: 2 },
    { name: "person", label: "Person", plural: "People", color: "#cc6677", count: 1 },
  ],
  edgeTypes: [
    {
      name: "declined",
      label: "declined",
      reading: "{source} declined {target}",
      color: "#dd0000",
      count: 1,
      provenance: false,
    },
    {
      name: "addressed-to",
      label: "addressed to",
      reading: "{source} is addressed to {target}",
      color: "#00aa00",
      count: 1,
      provenance: false,
    },
    {
      name: "called-on",
      label: "called on",
      reading: "{source} called on {target}",
      color: "#0000dd",
      count: 2,
      provenance: false,
    },
    { name: "cites", label: "cites", reading: "{source} cites {target}", color: "#aaaaaa", count: 1, provenance: true },
  ],
};

export const GRAPH: GraphResponse = {
  nodes: [
    { key: "state:kor", attributes: { label: "Republic of Korea", type: "state", x: 0, y: 0 } },
    { key: "state:prk", attributes: { label: "DPRK", type: "state", x: 1, y: 0 } },
    { key: "doc:l26", attributes: { label: "A/C.3/74/L.26", type: "document", date: "2019-10-31", x: 0, y: 1 } },
    { key: "doc:brief", attributes: { label: "Brief", type: "document", date: "2020", x: 2, y: 2 } },
    { key: "person:q", attributes: { label: "Tomás Ojea Quintana", type: "person", x: 1, y: 1 } },
  ],
  edges: [
    {
      key: "e:declined",
      source: "state:kor",
      target: "doc:l26",
      attributes: { type: "declined", label: "declined to co-sponsor", date: "2019-11" },
    },
    {
      key: "e:call-kor",
      source: "person:q",
      target: "state:kor",
      attributes: { type: "called-on", label: "called on" },
    },
    {
      key: "e:call-kor-2",
      source: "person:q",
      target: "state:kor",
      attributes: { type: "called-on", label: "called on", date: "2019-10" },
    },
    { key: "e:cites", source: "doc:brief", target: "doc:l26", attributes: { type: "cites", label: "cites" } },
    { key: "e:dangling", source: "state:kor", target: "nowhere", attributes: { type: "cites" } },
  ],
};

export function fixtureGraph(): DisplayGraph {
  return buildGraph(GRAPH, SCHEMA);
}
