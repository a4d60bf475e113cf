// The explorer's state, typed once: what is selected, hovered, filtered, asked and shown.
import type { NoPathCause, PathDirection, PathRank, PathsFoundResponse, QueryResponse } from "../api/index.js";

/** What the details panel shows: a node, an edge, or nothing. */
export type Selection = { kind: "node"; id: string } | { kind: "edge"; id: string } | null;

/** Filtered-out elements are either hidden from the canvas or drawn faintly. */
export type FilterMode = "hide" | "dim";

export interface Filters {
  /** Node types switched off (legend and filter panel). */
  hiddenNodeTypes: string[];
  /** Edge (relation) types switched off. */
  hiddenEdgeTypes: string[];
  /** Sources (document ids) whose claims are switched off. */
  hiddenSources: string[];
  /** First month kept ("YYYY-MM"), or null for no lower bound. Undated elements are kept unless `hideUndated`. */
  dateFrom: string | null;
  /** Last month kept ("YYYY-MM"), or null for no upper bound. */
  dateTo: string | null;
  /** Drop undated claims; an undated node stays only while a claim shown touches it. */
  hideUndated: boolean;
  /** Drop nodes no shown relation touches ("Only this" on a relation type turns it on). */
  hideUnlinked: boolean;
  mode: FilterMode;
  /** Whether records a program suggested and no person has reviewed yet are drawn (when the server sends them). */
  showSuggestions: boolean;
  /** Whether the bibliography (cited articles, news outlets, journalists) is drawn, or folded into what cites it. */
  showBibliography: boolean;
}

/** A question for GET /api/paths, as the path finder asks it. */
export interface PathQuery {
  from: string;
  to: string;
  /** Most informative first, or shortest first. */
  rank: PathRank;
  /** Ids of the nodes every path passes through (in any order), and of those none passes through. */
  via: string[];
  avoid: string[];
  maxHops: number;
  limit: number;
  direction: PathDirection;
  /** Only these relation types, or every type when empty. */
  edgeTypes: string[];
  /** False excludes document nodes from the middle of a path. */
  throughDocuments: boolean;
  /** True lets paths use provenance links (cites). */
  includeProvenance: boolean;
}

/** The answer to the current path query, as a tagged union. */
export type PathResult =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "found"; response: PathsFoundResponse }
  | { status: "none"; reason: string; cause?: NoPathCause }
  | { status: "error"; message: string };

/** The answer to the query panel's Cypher query. */
export type QueryResult =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "answered"; response: QueryResponse }
  | { status: "error"; message: string; line?: number; column?: number };

export interface CameraView {
  x: number;
  y: number;
  ratio: number;
  angle: number;
}

/** Which quote the source reader shows: an edge of the graph. */
export interface Reading {
  edgeId: string;
  /**
   * The sentence to title the reader with when the quote supports a claim read as one sentence across several edges
   * (a joint claim, or one quote shared by two steps of a path): the edge's own sentence would name only one party.
   */
  sentence?: string;
}

/** A node's position where the analyst dropped it, in graph coordinates. */
export interface Pin {
  x: number;
  y: number;
}

/**
 * What the analyst changed in the scene by hand (web/src/scene/): undone and redone with the filters. Node ids are
 * sorted lists so that equal scenes compare equal.
 */
export interface SceneState {
  /** The nodes of the scene, or null for every node loaded (a graph small enough to show whole). */
  members: string[] | null;
  /** Nodes hidden by hand ("Hide selection", "Show only selection", collapsing). */
  hidden: string[];
  /** Nodes expanded by a double-click, each with the neighbours its expansion brought into view. */
  expanded: Record<string, string[]>;
  /** Nodes dragged and dropped: they stay where they were put. */
  pins: Record<string, Pin>;
  /**
   * A large corpus's overview: nodes whose claims to the other groups are summed up by the lines between their groups
   * rather than drawn one by one (the first scene's), until their group is opened or they are expanded.
   */
  summarised: string[];
}

export interface AppState {
  selection: Selection;
  hoveredNode: string | null;
  hoveredEdge: string | null;
  filters: Filters;
  pathQuery: PathQuery | null;
  pathResult: PathResult;
  /** Index of the chosen path in pathResult, highlighted on the canvas. */
  activePath: number | null;
  reading: Reading | null;
  camera: CameraView | null;
  /** The query panel's last query as sent, and its answer, whose matched subgraph is highlighted. */
  queryText: string | null;
  queryResult: QueryResult;
  scene: SceneState;
  /** Nodes picked for a group action (shift-click, shift-drag box), beside the one selection the details show. */
  picked: string[];
}
