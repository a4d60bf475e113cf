// Shapes of the RightsGraph HTTP API as the web explorer reads them (see DESIGN.md, "HTTP API").
// Result shapes shared with the server: type-only imports, erased at build time, so the two cannot drift apart.
import type {
  EdgeEvidenceObject,
  EdgeObject,
  NodeObject,
  PathEdgeObject,
  PathObject,
  SearchResult,
} from "../../../src/query/types";

export interface ApiErrorBody {
  error: { code: string; message: string; suggestions?: string[] };
}

export interface HealthResponse {
  status: string;
  nodes: number;
  edges: number;
}

export interface SerializedNode {
  key: string;
  attributes: {
    label: string;
    type: string;
    aliases?: string[];
    description?: string;
    date?: string;
    x: number;
    y: number;
    size?: number;
    color?: string;
  };
}

export interface SerializedEdge {
  key: string;
  source: string;
  target: string;
  attributes: { type: string; label?: string; date?: string; color?: string };
}

export interface GraphResponse {
  attributes?: Record<string, unknown>;
  options?: Record<string, unknown>;
  nodes: SerializedNode[];
  edges: SerializedEdge[];
}

export interface NodeTypeInfo {
  name: string;
  label: string;
  plural: string;
  color: string;
  count: number;
}

export interface EdgeTypeInfo {
  name: string;
  label: string;
  reading: string;
  color: string;
  count: number;
  provenance: boolean;
}

export interface SchemaResponse {
  nodeTypes: NodeTypeInfo[];
  edgeTypes: EdgeTypeInfo[];
}

export type { SearchResult };
export type Evidence = EdgeEvidenceObject;
export type ApiNode = NodeObject;
export type ApiEdge = EdgeObject;
export type PathEdge = PathEdgeObject;
export type FoundPath = PathObject;

export interface NodeResponse {
  node: ApiNode;
  edges: ApiEdge[];
}

export interface PathsResponse {
  paths: FoundPath[];
  truncated: boolean;
  reason?: string;
  cause?: string;
}

export interface SourceSummary {
  id: string;
  title: string;
  document: string;
}

export interface CitationInfo {
  document: string;
  label?: string;
  title?: string;
  locator?: string;
  quote: string;
  url?: string;
  publisher?: string;
  date?: string;
}

export interface EndnoteInfo {
  marker: string;
  citations: CitationInfo[];
}

export interface SourceResponse extends SourceSummary {
  text: string;
  endnotes: EndnoteInfo[];
}
