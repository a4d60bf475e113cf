// A small display graph and schema for the web explorer's unit tests, typed by the web/server contract.
import type {
  EdgeTypeInfo,
  GraphViewEdge,
  GraphViewNode,
  NodeTypeInfo,
  SchemaResponse,
} from "../../web/src/api/index.js";
import type { GraphResponse } from "../../web/src/api/index.js";
import { buildGraph } from "../../web/src/graph/index.js";
import type { DisplayGraph } from "../../web/src/graph/index.js";

const nodeType = (name: string, label: string, plural: string, color: string, count: number): NodeTypeInfo => ({
  name,
  label,
  plural,
  idPrefix: name,
  description: "",
  color,
  count,
  attributes: [],
});

const edgeType = (name: string, label: string, color: string, count: number, provenance = false): EdgeTypeInfo => ({
  name,
  label,
  reading: `{source} ${label} {target}`,
  description: "",
  source: [],
  target: [],
  provenance,
  weak: false,
  color,
  family: provenance ? "provenance" : name === "declined" ? "opposition" : "speech",
  familyLabel: provenance
    ? "Citations (provenance)"
    : name === "declined"
      ? "Opposition and violations"
      : "Statements and calls",
  count,
  attributes: [],
});

export const SCHEMA: SchemaResponse = {
  nodeTypes: [
    nodeType("state", "State", "States", "#332288", 2),
    nodeType("document", "Document", "Documents", "#999933", 2),
    nodeType("person", "Person", "People", "#cc6677", 1),
  ],
  edgeTypes: [
    edgeType("declined", "declined", "#dd0000", 1),
    { ...edgeType("addressed-to", "addressed to", "#00aa00", 1), reading: "{source} is addressed to {target}" },
    edgeType("called-on", "called on", "#0000dd", 2),
    edgeType("cites", "cites", "#aaaaaa", 1, true),
  ],
};

const node = (key: string, label: string, type: string, x: number, y: number, size: number, date?: string) =>
  ({
    key,
    attributes: {
      label,
      shortLabel: label,
      type,
      aliases: [],
      description: "",
      ...(date ? { date } : {}),
      x,
      y,
      size,
      color: "#000000",
    },
  }) satisfies GraphViewNode;

const edge = (
  key: string,
  source: string,
  target: string,
  type: string,
  label: string,
  sentence: string,
  date?: string,
) =>
  ({
    key,
    source,
    target,
    attributes: {
      type,
      label,
      sentence,
      ...(date ? { date } : {}),
      color: "#000000",
      evidence: {
        quote: `quote of ${key}`,
        footnotes: type === "cites" ? ["i"] : [],
        sourceDoc: "doc:brief",
        start: 0,
        end: 0,
      },
    },
  }) satisfies GraphViewEdge;

const NODES = [
  node("state:kor", "Republic of Korea", "state", 0, 0, 7.5),
  node("state:prk", "DPRK", "state", 1, 0, 4),
  node("doc:l26", "A/C.3/74/L.26", "document", 0, 1, 6.8, "2019-10-31"),
  node("doc:brief", "Brief", "document", 2, 2, 6, "2020"),
  node("person:q", "Tomás Ojea Quintana", "person", 1, 1, 6.8),
];

const EDGES = [
  edge(
    "e:declined",
    "state:kor",
    "doc:l26",
    "declined",
    "declined to co-sponsor",
    "The Republic of Korea declined to co-sponsor A/C.3/74/L.26.",
    "2019-11",
  ),
  edge("e:call-kor", "person:q", "state:kor", "called-on", "called on", "Quintana called on the ROK to act."),
  edge(
    "e:call-kor-2",
    "person:q",
    "state:kor",
    "called-on",
    "called on",
    "Quintana called on the ROK again.",
    "2019-10",
  ),
  edge("e:cites", "doc:brief", "doc:l26", "cites", "cites", "The brief cites A/C.3/74/L.26 (endnote i)."),
  edge("e:dangling", "state:kor", "nowhere", "cites", "cites", "The ROK cites nothing."),
];

export const GRAPH: GraphResponse = {
  options: { type: "directed", multi: true, allowSelfLoops: true },
  attributes: { name: "fixture" },
  nodes: NODES,
  edges: EDGES,
  truncated: false,
  counts: { nodes: NODES.length, edges: EDGES.length, shownNodes: NODES.length, shownEdges: EDGES.length },
};

export function fixtureGraph(): DisplayGraph {
  return buildGraph(GRAPH, SCHEMA);
}
