// The web/server contract: every request and response shape of the HTTP API and the constants both sides share.
//
// The server types its answers against these shapes and the web explorer reads them through them, so a change to
// what travels over HTTP is a change to this file, seen by the compiler on both sides. The module is Node-free: the
// browser bundles it. Besides types (erased at build time) it takes only the core node keys (src/schema/core-keys.ts),
// the parameter rules (./parameters.ts) and the grouping of edges by claim (./claim-groups.ts), which import nothing,
// so nothing of Node, Express or graphology comes with it; ESLint enforces that, and `web/` may import nothing else
// from `src/`.
import type { ReviewStatus } from "../schema/review-status";
import type { AttributeKind, Evidence, PropValue } from "../schema/types";
import type { CitedFormat, ExportFormat, IncludeValue, NeighborDirection, PathDirection, PathRank } from "./parameters";
import type { StepDirection } from "./path-walk";

export type { AttributeKind, PropValue };
// Every parameter's limits, defaults, enumerations (export formats, directions) and the date pattern.
export * from "./parameters";
// The edges of one joint claim shown together read as one sentence.
export * from "./claim-groups";
// The JSON report of `rightsgraph ingest --json`.
export type * from "./ingest-report";
// CSV cells with spreadsheet formulas neutralised: the server's CSV exports and the explorer's table export.
export { csvTextCell, neutraliseFormula } from "./csv-cell";
// The one-line reading of a path, each step with its arrow (→ ← ↔).
export { pathWalk, STEP_ARROWS, type StepDirection } from "./path-walk";
// The anchor a quote is stored with (offsets, a prefix and a suffix): ingest and the annotation form write it.
export { ANCHOR_CONTEXT, anchorAt, type EvidenceAnchor } from "./evidence-anchor";

// ---------------------------------------------------------------------------------------------------------------
// Shared constants

/** The fields of a NodeObject that are not type-specific attributes; a prop of the same name never replaces one. */
export { CORE_NODE_KEYS } from "../schema/core-keys";

/**
 * Most source ids a node carries in lists of nodes. A hub of a large corpus is mentioned by thousands of sources;
 * repeated in every path through it, the list made path answers megabytes long (README, HTTP API). `/api/nodes/:id`
 * gives them all.
 */
export const LIST_SOURCES = 10;

/**
 * Why there is no path: the two ends are one node, lie in different components, are too far apart, are connected
 * within maxHops but not through the via nodes, or the filters cut every connection.
 */
export type NoPathCause = "same-node" | "disconnected" | "too-long" | "via" | "filtered";

// ---------------------------------------------------------------------------------------------------------------
// Nodes and edges as every answer shows them

/** A node as the API shows it: core fields first, then its type-specific attributes flattened in. */
export interface NodeObject {
  id: string;
  type: string;
  /** The full name: details, hover, search. */
  label: string;
  /** The short display name ("DPRK"): canvas labels and sentences. The label when the data gives none. */
  shortLabel: string;
  /** The article the short name takes in running text ("the"), if any. */
  article?: string;
  /** True when the short name is grammatically plural. */
  plural?: boolean;
  aliases: string[];
  description: string;
  date?: string;
  outsideKnowledge?: string[];
  /** The sources that mention the node; in lists (paths, neighbourhoods) only the first LIST_SOURCES of them. */
  sources: string[];
  /** How many sources mention the node: more than `sources` holds when a list cut it. */
  sourceCount: number;
  [prop: string]: PropValue | undefined;
}

/** The evidence of an edge as the API shows it: the verbatim quote, its endnotes, and where it stands in the source. */
export type EdgeEvidenceObject = Pick<Evidence, "quote" | "footnotes" | "sourceDoc" | "start" | "end">;

/** An edge as the API shows it: core fields and evidence first, then its type-specific attributes flattened in. */
export interface EdgeObject {
  id: string;
  type: string;
  source: string;
  target: string;
  /** The short verb phrase ("declined to co-sponsor"). */
  label: string;
  /** The claim of this edge alone as a sentence: "The Republic of Korea declined to co-sponsor A/C.3/74/L.26…". */
  sentence: string;
  /** Id of the claim the edge belongs to: the edges of one joint claim ("China and Russia jointly…") share it. */
  claim: string;
  /**
   * On the edges of a claim of several edges: the whole claim as one sentence, to show once where all its
   * `claimSize` edges are shown together (see `groupByClaim`).
   */
  claimSentence?: string;
  claimSize?: number;
  date?: string;
  evidence: EdgeEvidenceObject;
  outsideKnowledge?: string[];
  [prop: string]: PropValue | EdgeEvidenceObject | undefined;
}

/** An edge on a path; `direction` says whether it points along the walk ("forward") or against it. */
export type PathEdgeObject = EdgeObject & { direction: "forward" | "backward" };

/** A simple path: edges[i] joins nodes[i] and nodes[i + 1] (Cypher's path values). */
export interface PathObject {
  nodes: NodeObject[];
  edges: PathEdgeObject[];
  length: number;
}

/** One step of a path answer: every claim between two consecutive nodes, in either direction the query allows. */
export interface PathStepObject {
  /** The ids of the step's two nodes, in the order of the walk. */
  from: string;
  to: string;
  direction: StepDirection;
  /** The ids of the step's edges (each in the path's `edges`), the claim that set the step's cost first. */
  edges: string[];
}

/** A sentence of a path: the claim's sentence for the edges it stands for (ids), and the steps they belong to. */
export interface PathClaimObject {
  sentence: string;
  edges: string[];
  steps: number[];
}

/**
 * A path of `GET /api/paths`: different nodes, each pair of neighbours one step. Parallel edges fold into the step,
 * so no two paths of an answer have the same sequence of nodes.
 */
export interface FoundPathObject {
  nodes: NodeObject[];
  /** Every claim of every step, step by step, each with its direction along the walk. */
  edges: PathEdgeObject[];
  /** steps[i] joins nodes[i] and nodes[i + 1]. */
  steps: PathStepObject[];
  /**
   * The path read as sentences, step by step: one per claim, except that the edges of one claim used by consecutive
   * steps (one sentence of the source naming both: "Quintana continues to call on the US and China") read as one.
   */
  claims: PathClaimObject[];
  /** Steps. */
  length: number;
  /** What the path costs under PATH_COSTS (the informative ranking), whichever ranking ordered the answer. */
  cost: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Requests. Parameters travel in the query string: numbers and booleans as text, lists joined by commas.

/** A request's parameters as they travel in the URL. */
export type UrlParameters<T> = { [K in keyof T]: string };

/** `GET /api/search` */
export interface SearchRequest {
  q: string;
  /** Suggested records too, or not (the server's default when absent; see INCLUDE_RULES). */
  include?: IncludeValue;
  /** Only nodes of this schema node type. */
  type?: string;
  limit?: number;
}

/** `GET /api/nodes/:id/neighbors` (the id travels in the path). */
export interface NeighborsRequest {
  /** Suggested records too, or not (the server's default when absent; see INCLUDE_RULES). */
  include?: IncludeValue;
  depth?: number;
  direction?: NeighborDirection;
  edgeTypes?: string[];
  nodeTypes?: string[];
  limit?: number;
  edgeLimit?: number;
}

/** `GET /api/paths`, and `GET /api/export` of a path result. Every node may be given by id or by name. */
export interface PathsRequest {
  from: string;
  to: string;
  rank?: PathRank;
  /** Nodes every path passes through, in any order. */
  via?: string[];
  /** Nodes no path passes through. */
  avoid?: string[];
  maxHops?: number;
  limit?: number;
  direction?: PathDirection;
  edgeTypes?: string[];
  excludeEdgeTypes?: string[];
  excludeNodeTypes?: string[];
  includeProvenance?: boolean;
  timeBudgetMs?: number;
  /** Suggested records too, or not (the server's default when absent; see INCLUDE_RULES). */
  include?: IncludeValue;
}

/** `GET /api/graph` */
export interface GraphRequest {
  limit?: number;
  /** Suggested records too, or not (the server's default when absent; see INCLUDE_RULES). */
  include?: IncludeValue;
}

/** The view filters of `GET /api/export`. Dates are "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
export interface ViewFilterRequest {
  nodeTypes?: string[];
  edgeTypes?: string[];
  dateFrom?: string;
  dateTo?: string;
}

/** `GET /api/export`: the whole graph, a filtered view, or a path result; the answer is the file itself. */
export type ExportRequest = {
  format?: ExportFormat;
  /** Suggested records too, or not (the server's default when absent; see INCLUDE_RULES). */
  include?: IncludeValue;
} & (ViewFilterRequest | (PathsRequest & PathChoiceRequest));

/** One path of an answer (1-based): `GET /api/paths`, path exports, `--path`. */
export interface PathChoiceRequest {
  path?: number;
}

/**
 * `GET /api/paths` with a choice of path and of format: JSON (PathsResponse), or the cited paragraph as Markdown or
 * as an HTML document.
 */
export type PathsTextRequest = PathsRequest & PathChoiceRequest & { format?: "json" | CitedFormat };

/** `GET /api/nodes/:id/dossier`: everything the sources say about a node, as a cited paragraph. */
export interface DossierRequest {
  format?: CitedFormat;
  /** Suggested records too, or not (the server's default when absent; see INCLUDE_RULES). */
  include?: IncludeValue;
}

/** The value of a Cypher `$parameter`: JSON's scalars and lists of them (no objects). */
export type CypherParameterValue = string | number | boolean | null | CypherParameterValue[];

/**
 * `POST /api/query` (and `POST /api/query/export?format=`, which writes the matched subgraph): a read-only Cypher
 * query as a JSON body, sent with `Content-Type: application/json`. Any other key is refused.
 */
export interface QueryRequest {
  query: string;
  /** Values of the `$parameters` the query uses. */
  params?: Record<string, CypherParameterValue>;
  timeBudgetMs?: number;
  /** At most this many rows (CYPHER_RULES.maxRows). */
  maxRows?: number;
}

/**
 * The query string of `POST /api/query` (its query travels in the body): the graph the query reads, with its suggested
 * records or without them, as on the routes that read the graph with GET.
 */
export interface QueryUrlRequest {
  /** Suggested records too, or not (the server's default when absent; see INCLUDE_RULES). */
  include?: IncludeValue;
}

/** The query string of `POST /api/query/export`: the file's format, and the graph the query reads. */
export interface QueryExportUrlRequest extends QueryUrlRequest {
  format?: ExportFormat;
}

// ---------------------------------------------------------------------------------------------------------------
// Responses

/** Every 4xx answer (and the rare 500): a stable code, a sentence, and what helps fix it. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    /** The parameter that was missing, malformed or out of range. */
    parameter?: string;
    /** The closest ids, when something asked for was not found. */
    suggestions?: string[];
    /** Where in a Cypher query the problem stands (`cypher-syntax`, `cypher-unsupported`): 1-based. */
    line?: number;
    column?: number;
    /** What the Cypher parser would have accepted there (`cypher-syntax`). */
    expected?: string[];
    /** The Cypher construct outside the supported subset (`cypher-unsupported`): "CREATE", "UNWIND"... */
    construct?: string;
    /** The nodes an ambiguous name could stand for (code "ambiguous-name"), to choose one from. */
    candidates?: { id: string; label: string; type: string }[];
    /** What the loader's checks found wrong with a refused edit (code `invalid-edit`), each at its file and line. */
    problems?: ProblemObject[];
  };
}

/** One problem with the data, as the loader reports it (`file:line: message (hint)` on the command line). */
export interface ProblemObject {
  file: string;
  line: number;
  code: string;
  message: string;
  hint?: string;
}

/** `GET /api/health` */
export interface HealthResponse {
  status: "ok";
  nodes: number;
  edges: number;
  /** Present (true) when the server is in edit mode: the web app shows its edit controls then. */
  edit?: true;
  /** In edit mode: the served graph's version, one more at each change. */
  version?: number;
  /** In edit mode: how many problems the files on disk have (the last good graph is served meanwhile). */
  problems?: number;
}

/** One search hit. */
export interface SearchResult {
  id: string;
  label: string;
  type: string;
  score: number;
}

/** `GET /api/search` */
export interface SearchResponse {
  results: SearchResult[];
}

/** `GET /api/nodes/:id`: a node with every edge that touches it, each with its evidence. */
export interface NodeResponse {
  node: NodeObject;
  edges: EdgeObject[];
}

/** `GET /api/nodes/:id/neighbors` */
export interface NeighborsResponse {
  nodes: NodeObject[];
  edges: EdgeObject[];
  /** True when the node limit or the edge limit cut the neighbourhood. */
  truncated: boolean;
  /** How many nodes and edges the search met before the limit was applied. */
  counts: { nodes: number; edges: number };
}

/** `GET /api/paths` when paths were found: in the order of `rank` (cheapest or shortest first). */
export interface PathsFoundResponse {
  paths: FoundPathObject[];
  rank: PathRank;
  /** True when the time budget or the path limit stopped the search: more paths may exist. */
  truncated: boolean;
}

/** `GET /api/paths` when there is none, with the reason in words and as a code. */
export interface NoPathResponse {
  paths: [];
  reason: string;
  cause: NoPathCause;
  /** The length of the shortest path when it exists but is longer than `maxHops` allows ("too-long"). */
  shortestLength?: number;
  truncated: boolean;
}

/** `GET /api/paths`: `"reason" in answer` tells the two apart. */
export type PathsResponse = PathsFoundResponse | NoPathResponse;

/** A node of `GET /api/graph`: graphology's serialisation, with the server's layout (position, size, colour). */
export interface GraphViewNode {
  key: string;
  attributes: {
    /** The full name, for hover and details. */
    label: string;
    /** The short display name the canvas draws. */
    shortLabel: string;
    type: string;
    aliases: string[];
    description: string;
    date?: string;
    /** The type's `kind` attribute where it has one (a document's "article", an organisation's "media"). */
    kind?: string;
    x: number;
    y: number;
    /** The one node size: by degree in the whole graph, as the exports carry it too. */
    size: number;
    /** `#rrggbb`, by node type. */
    color: string;
    /** Its community in GET /api/overview (0 the largest). */
    community?: number;
    /** The review status, when not reviewed: suggested records come only from a server started with suggestions. */
    status?: Exclude<ReviewStatus, "reviewed" | "rejected">;
  };
}

export interface GraphViewEdge {
  key: string;
  source: string;
  target: string;
  /** The evidence travels with the drawing so the explorer's table, filters and reader need no call per edge. */
  attributes: {
    type: string;
    label: string;
    sentence: string;
    date?: string;
    color: string;
    status?: Exclude<ReviewStatus, "reviewed" | "rejected">;
    evidence: EdgeEvidenceObject;
  };
}

/** `GET /api/graph`: the graph the explorer draws, largest-degree nodes first, cut to `limit` nodes. */
export interface GraphResponse {
  options: { type: "directed"; multi: true; allowSelfLoops: true };
  attributes: { name: string };
  nodes: GraphViewNode[];
  edges: GraphViewEdge[];
  /** True when `limit` left nodes out. */
  truncated: boolean;
  counts: { nodes: number; edges: number; shownNodes: number; shownEdges: number };
}

/** `GET /api/overview`: `cap` is the most nodes the asking explorer's scene holds (SCENE_RULES.cap). */
export interface OverviewRequest {
  cap?: number;
}

/** One community of the overview: found by Louvain on the whole graph when the server loads it. */
export interface OverviewCommunity {
  /** 0 for the largest, then by size. */
  id: number;
  /** Its members. */
  nodes: number;
  /** Claims with both ends in it. */
  edges: number;
  /** Its largest members by degree (SCENE_RULES.topMembers at most), the first named first. */
  top: { id: string; label: string; type: string }[];
  /** The centre of its members' layout positions (the coordinates of GET /api/graph). */
  x: number;
  y: number;
  /** How far its members lie from that centre (root mean square), for drawing the group apart at its own scale. */
  radius: number;
}

/** `GET /api/overview`: the structure of the whole graph, for opening a corpus too large to draw whole. */
export interface OverviewResponse {
  nodes: number;
  edges: number;
  /** The cap asked (or its default). */
  sceneCap: number;
  /** True when the graph has more nodes than a scene holds: the explorer opens on the overview. */
  large: boolean;
  /** Communities found, all of them (the list holds the largest SCENE_RULES.communities). */
  communityCount: number;
  communities: OverviewCommunity[];
  /** Claims between two listed communities, the most first (SCENE_RULES.links at most). */
  links: { source: number; target: number; edges: number }[];
}

/**
 * `POST /api/scene`: bring nodes into the explorer's scene. `add` (ids, in order) and then `community`'s members
 * (largest first) are taken, leaving out those in `keep` (the scene already drawn), until the scene holds `limit`
 * more nodes (at most SCENE_RULES.cap.max with `keep`). Any other key is refused.
 */
export interface SceneRequest {
  keep?: string[];
  add?: string[];
  community?: number;
  limit?: number;
}

/** The nodes brought in, with every claim between one of them and a node of the scene (or another brought in). */
export interface SceneResponse extends GraphResponse {
  /** The ids brought in, in the order taken. */
  added: string[];
  /** Nodes asked for that the limit left out. */
  left: number;
}

/** An attribute a node or edge type declares in the schema. */
export interface AttributeInfo {
  name: string;
  kind: AttributeKind;
  required: boolean;
  description: string;
}

export interface NodeTypeInfo {
  name: string;
  label: string;
  plural: string;
  /** Every id of this type starts with `${idPrefix}:` (what a new node's id is made from). */
  idPrefix: string;
  description: string;
  /** `#rrggbb`. */
  color: string;
  /** Nodes of this type in the graph. */
  count: number;
  attributes: AttributeInfo[];
}

export interface EdgeTypeInfo {
  name: string;
  /** The verb shown between source and target when an edge has no label of its own. */
  label: string;
  /** How a claim of this type reads: a sentence template with {source}, {target} and attribute slots. */
  reading: string;
  /** How a negated claim of this type reads, when the type has such a reading. */
  negatedReading?: string;
  description: string;
  /** Node types allowed at each end. */
  source: string[];
  target: string[];
  /** Provenance links (cites) connect everything to the sources; path queries skip them by default. */
  provenance: boolean;
  /** Weak relations (`about`, `related-to`) cost more in the informative path ranking (PATH_COSTS). */
  weak: boolean;
  color: string;
  /** The family the colour stands for ("speech"), and its name in the legend ("Statements and calls"). */
  family: string;
  familyLabel: string;
  count: number;
  attributes: AttributeInfo[];
}

/** Why a Cypher answer may be incomplete: the row cap, the time budget, a `*` stopped at its hop cap, too many rows to sort. */
export type QueryTruncation = "row-cap" | "time-budget" | "length-cap" | "buffer-cap";

/**
 * `POST /api/query`: the rows in column order, nodes, relationships and paths as the API's objects, and the ids of
 * the nodes and edges the returned rows were matched on, to highlight.
 */
export interface QueryResponse {
  columns: string[];
  rows: unknown[][];
  /** The answer may be incomplete: see `truncatedBy`. */
  truncated: boolean;
  truncatedBy: QueryTruncation[];
  /**
   * Ids of the nodes and edges the returned rows were matched on, at most CYPHER_RULES.highlighted.max each: past
   * it, those of the first rows.
   */
  nodes: string[];
  edges: string[];
  /** True when the rows were matched on more nodes or edges than the lists hold: the highlight is capped. */
  highlightTruncated: boolean;
}

/** `GET /api/schema` */
export interface SchemaResponse {
  nodeTypes: NodeTypeInfo[];
  edgeTypes: EdgeTypeInfo[];
}

export interface SourceSummary {
  id: string;
  title: string;
  /** Id of the node that stands for the source document (what `evidence.sourceDoc` names). */
  document: string;
}

/** `GET /api/sources` */
export interface SourcesResponse {
  sources: SourceSummary[];
}

/** The claims of one source in a `GET /api/edges/:id/sources` answer, each with its quote (`evidence`). */
export interface SourceClaims {
  source: SourceSummary;
  edges: EdgeObject[];
}

/**
 * How two sources' claims about one relation differ (README, Editing: "Several sources"): `type`, two types of one
 * relation family (sponsored and declined); `date`, dates neither of which is a prefix of the other; `negated`, one
 * negated and one not; `modality`, one asserted and one hedged.
 */
export type DisagreementKind = "type" | "date" | "negated" | "modality";

/** A claim of another source about the same relation that differs from the edge asked about. */
export interface SourceDisagreement {
  source: SourceSummary;
  edge: EdgeObject;
  differs: DisagreementKind[];
}

/**
 * `GET /api/edges/:id/sources`: the sources that state a claim (same two nodes, same direction, same type, and no
 * disagreement; the edge's own source first) and the claims of other sources that disagree with it.
 */
export interface ClaimSourcesResponse {
  edge: EdgeObject;
  support: SourceClaims[];
  disagreements: SourceDisagreement[];
}

/** `GET /api/nodes/:id/sources`: the sources that mention a node, with how many of each one's claims name it. */
export interface NodeSourcesResponse {
  node: string;
  /** Most claims first; a source that declares the node and states no claim about it counts 0. */
  sources: { source: SourceSummary; claims: number }[];
}

/** One citation of an endnote, with what the graph knows of the cited document. */
export interface CitationInfo {
  document: string;
  label: string;
  locator?: string;
  /** The citation as printed in the endnote. */
  quote: string;
  date?: string;
  url?: string;
  publisher?: string;
  title?: string;
}

export interface EndnoteInfo {
  marker: string;
  citations: CitationInfo[];
}

/** `GET /api/sources/:id`: the text (evidence offsets index into it) and its endnotes. */
export interface SourceResponse extends SourceSummary {
  /** The rest of source.yaml's metadata (publisher, date, notes), as written. */
  meta: Record<string, unknown>;
  text: string;
  endnotes: EndnoteInfo[];
}

// ---------------------------------------------------------------------------------------------------------------
// Edit mode (`rightsgraph serve --edit`): `/api/edit/...`, with `Authorization: Bearer TOKEN` and `If-Match`

/** The evidence of a claim record, as graph.yaml holds it. */
export interface EvidenceRecord {
  quote: string;
  footnotes?: string[];
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
}

/**
 * A claim exactly as graph.yaml holds it: `source TYPE target`, its evidence and its attributes. `source` or
 * `target` may list several parties (one edge each; such a record has no `id`).
 */
export interface ClaimRecord {
  id?: string;
  type: string;
  source: string | string[];
  target: string | string[];
  label?: string;
  date?: string;
  status?: ReviewStatus;
  evidence: EvidenceRecord;
  outside_knowledge?: string[];
  [attribute: string]: unknown;
}

/** A node exactly as graph.yaml holds it. */
export interface NodeRecord {
  id: string;
  type: string;
  label: string;
  aliases?: string[];
  description?: string;
  date?: string;
  status?: ReviewStatus;
  outside_knowledge?: string[];
  [attribute: string]: unknown;
}

/** `GET /api/edit/sources/:sourceId`: the records of the source's graph.yaml, in file order, and its version. */
export interface EditSourceResponse {
  sourceId: string;
  /** The version to send back as `If-Match` (also the `ETag` header). */
  etag: string;
  /** The file the records live in, relative to the data folder. */
  file: string;
  nodes: { id: string; line: number; record: NodeRecord }[];
  /** Each claim record with the ids of the edges it makes (none when the record is hidden: rejected). */
  claims: { ids: string[]; line: number; record: ClaimRecord }[];
}

/** One claim: `GET`, `POST` (201), `PATCH` of `/api/edit/sources/:sourceId/claims[/:claimId]`. */
export interface EditClaimResponse {
  sourceId: string;
  /** The claim's edge id (the first, for a record with several parties). */
  id: string;
  /** Every edge id the record makes. */
  ids: string[];
  record: ClaimRecord;
  etag: string;
}

/** One node: `GET`, `POST` (201), `PATCH` of `/api/edit/sources/:sourceId/nodes[/:nodeId]`. */
export interface EditNodeResponse {
  sourceId: string;
  id: string;
  record: NodeRecord;
  etag: string;
}

/** `DELETE` of a claim or a node: the record as it was (post it back to recreate it) and the edges it made. */
export interface EditDeleteResponse {
  sourceId: string;
  id: string;
  record: ClaimRecord | NodeRecord;
  removed: string[];
  etag: string;
}

/** `POST /api/edit/undo`: the write undone. */
export interface EditUndoResponse {
  sourceId: string;
  undone: { action: string; id?: string };
  etag: string;
}

/** `GET /api/edit/problems`: what is wrong with the files on disk; the last good graph is served meanwhile. */
export interface EditProblemsResponse {
  version: number;
  problems: ProblemObject[];
}

/**
 * `GET /api/events` (server-sent events, edit mode): an `event: graph` with this data when the served graph changes
 * (and once on connecting), an `event: problems` when the files on disk stop (or start again) passing the checks.
 */
export interface GraphChangeEvent {
  version: number;
  nodes: number;
  edges: number;
  problems: ProblemObject[];
}
