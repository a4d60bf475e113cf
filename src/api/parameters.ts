// Every limit, default, enumeration and pattern of the API's and the CLI's parameters, written once. It imports
// nothing (no Node, no graphology, no Express): the query layer's options modules judge values against it, the
// OpenAPI document and the CLI's help are built from it, and the web reads its defaults from it.

/** A numeric parameter: the smallest and largest values accepted, and the value used when it is not given. */
export interface NumberRule {
  readonly min: number;
  readonly max: number;
  readonly default: number;
}

/** A parameter that takes one name of a fixed list, and the name used when it is not given. */
export interface ChoiceRule<T extends string> {
  readonly values: readonly T[];
  readonly default: T;
}

/** "any" ignores edge direction; "forward" follows edges from `from` towards `to`. */
export const PATH_DIRECTIONS = ["any", "forward"] as const;
export type PathDirection = (typeof PATH_DIRECTIONS)[number];

/**
 * How path answers are ordered: "informative" by the cost PATH_COSTS documents (cheapest first), "hops" by the
 * number of steps alone (shortest first).
 */
export const PATH_RANKS = ["informative", "hops"] as const;
export type PathRank = (typeof PATH_RANKS)[number];

/** Follow edges out of, into, or both ways from each node. */
export const NEIGHBOR_DIRECTIONS = ["out", "in", "both"] as const;
export type NeighborDirection = (typeof NEIGHBOR_DIRECTIONS)[number];

/** `?format=` and `--format`; csv is a zip in the neo4j-admin import layout. */
export const EXPORT_FORMAT_NAMES = ["graphml", "gexf", "json", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMAT_NAMES)[number];

/**
 * Cited paragraphs: a path answer (`GET /api/paths?format=`) or a node's dossier (`GET /api/nodes/:id/dossier`), as
 * Markdown with footnotes or as a print-ready HTML document.
 */
export const CITED_FORMAT_NAMES = ["markdown", "html"] as const;
export type CitedFormat = (typeof CITED_FORMAT_NAMES)[number];

/** `format` of a path answer or a dossier: JSON (paths only) or a cited paragraph. */
export const CITED_RULES = Object.freeze({
  format: { values: CITED_FORMAT_NAMES, default: "markdown" },
} as const satisfies { format: ChoiceRule<CitedFormat> });

/** Most paths one path query answers. */
const MAX_PATHS = 50;

/** Path queries: `GET /api/paths`, path exports and `rightsgraph path`. */
export const PATH_RULES = Object.freeze({
  /** Longest path, in edges. */
  maxHops: { min: 1, max: 8, default: 4 },
  /** How many paths (k shortest). */
  limit: { min: 1, max: MAX_PATHS, default: 5 },
  direction: { values: PATH_DIRECTIONS, default: "any" },
  /** Search time after which the answer so far is returned, marked truncated; 0 keeps only the first path found. */
  timeBudgetMs: { min: 0, max: 5000, default: 1000 },
  /** Adjacency entries examined after which the answer so far is returned; not an HTTP parameter. */
  maxExpansions: { min: 1, max: Number.MAX_SAFE_INTEGER, default: 5_000_000 },
  includeProvenance: { default: false },
  rank: { values: PATH_RANKS, default: "informative" },
  /** Nodes every path must pass through, in any order (names or ids). */
  via: { maxItems: 3 },
  /** Nodes no path may pass through (names or ids). */
  avoid: { maxItems: 20 },
  /** Paths kept by a path export or a cited paragraph of one path (`path=N`, 1-based): at most `limit`. */
  path: { min: 1, max: MAX_PATHS },
} as const satisfies {
  maxHops: NumberRule;
  limit: NumberRule;
  direction: ChoiceRule<PathDirection>;
  timeBudgetMs: NumberRule;
  maxExpansions: NumberRule;
  includeProvenance: { default: boolean };
  rank: ChoiceRule<PathRank>;
  via: { maxItems: number };
  avoid: { maxItems: number };
  path: { min: number; max: number };
});

/**
 * What the informative ranking (rank=informative) charges a path; the cheapest paths come first. A path costs one
 * `hop` per step, plus per step the penalty of its best claim (the cheapest of the claims folded into it), plus
 * `hub` times the natural log of the number of distinct neighbours of every node it passes through (not its ends):
 * a hub links everything to everything, so passing through it says little. A claim's penalty is `weakClaim` when
 * its type is weak (schema `weak: true`, such as `about` and `related-to`, or a provenance type such as `cites`),
 * plus `uncitedClaim` when it has no endnote (nothing to check it against). A claim whose quote already supports
 * the step before counts once: it adds a hop but no evidence, so it costs as much as the weakest claim (both
 * penalties). The type weights are data (schema.yaml), the numbers policy (here), so that a new source can mark a
 * vague relation weak without code, and the API, CLI and documentation quote one set of numbers.
 */
export const PATH_COSTS = Object.freeze({
  hop: 1,
  weakClaim: 1.5,
  uncitedClaim: 0.5,
  hub: 0.5,
} as const);

/** Neighbourhoods: `GET /api/nodes/:id/neighbors` and `rightsgraph neighbors`. */
export const NEIGHBORS_RULES = Object.freeze({
  /** Steps out from the centre. */
  depth: { min: 1, max: 3, default: 1 },
  direction: { values: NEIGHBOR_DIRECTIONS, default: "both" },
  /** Nodes, the centre included. */
  limit: { min: 1, max: 5000, default: 500 },
  /** Edges, the centre's own first: hubs share thousands of parallel edges. */
  edgeLimit: { min: 1, max: 50_000, default: 5000 },
} as const satisfies {
  depth: NumberRule;
  direction: ChoiceRule<NeighborDirection>;
  limit: NumberRule;
  edgeLimit: NumberRule;
});

/** Search: `GET /api/search`, `rightsgraph search` and the names the CLI resolves. */
export const SEARCH_RULES = Object.freeze({
  /** Results. */
  limit: { min: 1, max: 100, default: 10 },
  /** Characters of the search text, once trimmed. */
  q: { maxLength: 200 },
} as const satisfies { limit: NumberRule; q: { maxLength: number } });

/**
 * `include`, on the routes that read the graph (graph, search, nodes, neighbourhoods, paths, dossiers, exports, the
 * Cypher query and its export):
 * `suggested` answers with the records `rightsgraph ingest` suggested too (each with `status: "suggested"`), `none`
 * with the draft and reviewed ones only. Without it, the server's default: `none`, or `suggested` for a server
 * started with `--suggestions` or in edit mode.
 */
export const INCLUDE_RULES = Object.freeze({ name: "include", values: ["none", "suggested"] } as const);

/** What `include` takes. */
export type IncludeValue = (typeof INCLUDE_RULES.values)[number];

/** The drawable graph: `GET /api/graph`, largest-degree nodes first. */
export const GRAPH_VIEW_RULES = Object.freeze({
  /** Nodes sent. */
  limit: { min: 1, max: 200_000, default: 5000 },
} as const satisfies { limit: NumberRule });

/** A large corpus in the explorer: `GET /api/overview` (its communities) and `POST /api/scene` (the nodes drawn). */
export const SCENE_RULES = Object.freeze({
  /** Most nodes a scene holds; a graph with more opens on the overview of its communities. */
  cap: { min: 1, max: 20_000, default: 2000 },
  /** Largest members named for each community in the overview (they are also its first view). */
  topMembers: 8,
  /** Communities the overview lists, largest first; the smaller ones are counted together. */
  communities: 40,
  /** Links between two listed communities the overview sends, the most claims first. */
  links: 300,
} as const);

/** The keys a `POST /api/scene` body may have (SceneRequest in the contract). */
export const SCENE_BODY_KEYS = ["keep", "add", "community", "limit"] as const;

/** Cypher queries: `POST /api/query`, `rightsgraph query` and `runCypher`. */
export const CYPHER_RULES = Object.freeze({
  /** Characters of the query text. */
  query: { maxLength: 20_000 },
  /** Working time after which the answer so far is returned, marked truncated. */
  timeBudgetMs: { min: 0, max: 5000, default: 1000 },
  /** Rows answered; more are cut and the answer is marked truncated. */
  maxRows: { min: 1, max: 10_000, default: 1000 },
  /**
   * Node ids, and as many edge ids, an answer lists to highlight: what the explorer can still draw. Past it the lists
   * hold the first rows' matches and `highlightTruncated` says so.
   */
  highlighted: { max: 10_000 },
} as const satisfies {
  query: { maxLength: number };
  timeBudgetMs: NumberRule;
  maxRows: NumberRule;
  highlighted: { max: number };
});

/** The keys a `POST /api/query` body may have (QueryRequest in the contract). */
export const QUERY_BODY_KEYS = ["query", "params", "timeBudgetMs", "maxRows"] as const;

/** Edit mode: `rightsgraph serve --edit` and `/api/edit/...`. */
export const EDIT_RULES = Object.freeze({
  /** Largest JSON body a write takes, in bytes. */
  maxBodyBytes: 256 * 1024,
  /** Writes kept on disk for `POST /api/edit/undo`; older ones can no longer be undone. */
  undoDepth: 100,
  /** Quiet time after a change to the files before they are checked again (hand edits come in bursts of events). */
  watchDebounceMs: 200,
  /** Interval of the comment lines that keep an idle event stream open through proxies. */
  keepAliveMs: 15_000,
  /** Shortest edit token accepted from RIGHTSGRAPH_EDIT_TOKEN. */
  minTokenLength: 16,
} as const);

/** Exports: `GET /api/export` and `rightsgraph export`. */
export const EXPORT_RULES = Object.freeze({
  format: { values: EXPORT_FORMAT_NAMES, default: "graphml" },
} as const satisfies { format: ChoiceRule<ExportFormat> });

/**
 * A date or date prefix, `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (ISO 8601), as data files, `dateFrom`/`dateTo` and
 * `--date-from`/`--date-to` write it. The groups capture year, month and day; whether the day exists is checked apart.
 */
export const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Longest value any single HTTP query parameter may have; longer ones are refused before any work is done. */
export const MAX_PARAMETER_LENGTH = 1000;
