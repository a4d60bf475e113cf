// The OpenAPI 3.1 description of the HTTP API; a test checks it against the routes the app registers. Parameter
// limits, defaults, enumerations and patterns come from src/api/parameters.ts, as the engine's checks do.
import {
  CYPHER_RULES,
  DATE_PATTERN,
  EXPORT_RULES,
  GRAPH_VIEW_RULES,
  INCLUDE_RULES,
  SCENE_RULES,
  NEIGHBORS_RULES,
  CITED_RULES,
  PATH_COSTS,
  PATH_RULES,
  SEARCH_RULES,
  type ChoiceRule,
  type NumberRule,
} from "../api/parameters";
import { LIST_SOURCES } from "../query";
import { json, objectSchema, pathParam, ref } from "./openapi-builders";
import { EDIT_PATHS, EDIT_SCHEMAS, EDIT_SECURITY_SCHEMES } from "./openapi-edit";

const errors = {
  "400": {
    description: "A parameter is missing, malformed or out of range; `parameter` names it.",
    ...json(ref("Error")),
  },
};
const notFound = {
  "404": { description: "Unknown node; `suggestions` holds the closest ids.", ...json(ref("Error")) },
};
const ambiguousOrBad = {
  "400": {
    description:
      "A parameter is missing, malformed or out of range (`parameter` names it), or a name stands for several nodes " +
      "(code `ambiguous-name`; `candidates` lists them with their types).",
    ...json(ref("Error")),
  },
};
const query = (name: string, description: string, schema: object = { type: "string" }, required = false) => ({
  name,
  in: "query",
  required,
  description,
  schema,
});
const integer = (rule: NumberRule) => ({
  type: "integer",
  minimum: rule.min,
  maximum: rule.max,
  default: rule.default,
});
const choice = <T extends string>(rule: ChoiceRule<T>) => ({
  type: "string",
  enum: [...rule.values],
  default: rule.default,
});
const date = { type: "string", pattern: DATE_PATTERN.source };
const list = { type: "string", description: "comma-separated names", examples: ["declined,sponsored"] };
const idParam = pathParam(
  "id",
  "Node id (state:prk), or a name or alias resolved like the search box (DPRK), URL-encoded.",
);

/** `include`: the suggested records too, or not; no default of its own, since it is the server's. */
const includeParameter = query(
  INCLUDE_RULES.name,
  "suggested: answer with the records `rightsgraph ingest` suggested too (each with status suggested); none: the " +
    "draft and reviewed records only. Without it, the server's default: none, or suggested for a server started " +
    "with --suggestions or in edit mode.",
  { type: "string", enum: [...INCLUDE_RULES.values] },
);

const formatParameter = query(
  "format",
  "File format; csv is a zip in the neo4j-admin import layout.",
  choice(EXPORT_RULES.format),
);

/** An export's answer: the file in the format asked for. */
const exportFile = {
  description: "The file, as an attachment",
  content: {
    "application/graphml+xml": { schema: { type: "string" } },
    "application/gexf+xml": { schema: { type: "string" } },
    "application/json": { schema: { type: "object" } },
    "application/zip": { schema: { type: "string", contentEncoding: "binary" } },
  },
};

/** The JSON body of the query routes (QueryRequest in the contract). */
const queryBody = {
  required: true,
  description: "A read-only Cypher query, as JSON with `Content-Type: application/json`; any other key is refused.",
  ...json({
    type: "object",
    required: ["query"],
    additionalProperties: false,
    properties: {
      query: {
        type: "string",
        minLength: 1,
        maxLength: CYPHER_RULES.query.maxLength,
        examples: ["MATCH (s:state {id: $state})-[r:declined]->(d) RETURN d.label, r.quote"],
      },
      params: {
        type: "object",
        description: "Values of the query's $parameters: strings, numbers, booleans, null and lists of these.",
        additionalProperties: true,
        examples: [{ state: "state:kor" }],
      },
      timeBudgetMs: {
        type: "number",
        minimum: CYPHER_RULES.timeBudgetMs.min,
        maximum: CYPHER_RULES.timeBudgetMs.max,
        default: CYPHER_RULES.timeBudgetMs.default,
        description: "Working time after which the rows found so far are answered, marked truncated.",
      },
      maxRows: {
        ...integer(CYPHER_RULES.maxRows),
        description: "At most this many rows; more are cut and the answer is marked truncated.",
      },
    },
  }),
};

const queryErrors = {
  "400": {
    description:
      "The body is not valid JSON or lacks `query`; the query does not parse (`cypher-syntax`, with `line`, `column` and `expected`), uses a construct outside the subset (`cypher-unsupported`, with `line`, `column` and `construct`), names a label, type or property the graph does not have (`cypher-syntax`), or a parameter is missing or malformed (`bad-parameter`, `parameter` names it).",
    ...json(ref("Error")),
  },
  "405": { description: "Only POST is answered.", ...json(ref("Error")) },
  "413": { description: "The body is larger than the server accepts.", ...json(ref("Error")) },
  "415": {
    description: "The body is not sent as `application/json`, or is compressed.",
    ...json(ref("Error")),
  },
};

const nameList = (maxItems: number) => ({
  type: "string",
  description: `comma-separated node ids or names, at most ${maxItems} (a name holding a comma: give its id)`,
  examples: ["state:chn,Quintana"],
});
const pathParameters = [
  query("from", "The first node: an id, or a name or alias resolved like the search box.", { type: "string" }, true),
  query("to", "The last node: an id, or a name or alias.", { type: "string" }, true),
  query(
    "rank",
    `informative: cheapest first under PATH_COSTS (hop ${PATH_COSTS.hop}, weak or provenance claim +${PATH_COSTS.weakClaim}, ` +
      `claim without endnote +${PATH_COSTS.uncitedClaim}, a quote already used by the step before counts once, ` +
      `each node passed through +${PATH_COSTS.hub} ln(its distinct neighbours)); hops: shortest first.`,
    choice(PATH_RULES.rank),
  ),
  query("via", "Every path passes through all of these nodes, in any order.", nameList(PATH_RULES.via.maxItems)),
  query("avoid", "No path passes through any of these nodes.", nameList(PATH_RULES.avoid.maxItems)),
  query("maxHops", "Longest path in steps.", integer(PATH_RULES.maxHops)),
  query("limit", "How many paths (k).", integer(PATH_RULES.limit)),
  query("direction", "any: ignore edge direction; forward: follow it.", choice(PATH_RULES.direction)),
  query("edgeTypes", "Use only these edge types.", list),
  query("excludeEdgeTypes", "Never use these edge types.", list),
  query("excludeNodeTypes", "Never pass through these node types.", list),
  query("includeProvenance", "Also use provenance links (cites) and pass through source documents.", {
    type: "boolean",
    default: PATH_RULES.includeProvenance.default,
  }),
  query("timeBudgetMs", "Stop after this long and answer truncated.", integer(PATH_RULES.timeBudgetMs)),
];

const pathChoice = query("path", "Keep only this path of the answer (1-based).", {
  type: "integer",
  minimum: PATH_RULES.path.min,
  maximum: PATH_RULES.path.max,
});

export const OPENAPI_DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "RightsGraph API",
    version: "0.1.0",
    description:
      "A knowledge graph of human-rights reports. Every edge carries its evidence: a verbatim quote of its source and the endnotes behind it. Errors are JSON with a 4xx status.",
  },
  servers: [{ url: "/" }],
  paths: {
    "/api/health": {
      get: {
        summary: "Liveness and size of the graph",
        responses: {
          "200": {
            description: "OK",
            ...json({
              type: "object",
              required: ["status", "nodes", "edges"],
              properties: {
                status: { const: "ok" },
                nodes: { type: "integer" },
                edges: { type: "integer" },
                edit: { const: true, description: "Present when the server is in edit mode (serve --edit)." },
                version: { type: "integer", description: "Edit mode: the served graph's version." },
                problems: { type: "integer", description: "Edit mode: problems of the files on disk." },
              },
            }),
          },
        },
      },
    },
    "/api/search": {
      get: {
        summary: "Search labels and aliases (case- and accent-insensitive, prefix and typo tolerant)",
        parameters: [
          query(
            "q",
            `The text to look for (at most ${SEARCH_RULES.q.maxLength} characters).`,
            { type: "string", maxLength: SEARCH_RULES.q.maxLength },
            true,
          ),
          query("type", "Only nodes of this type.", { type: "string" }),
          query("limit", "At most this many results.", integer(SEARCH_RULES.limit)),
          includeParameter,
        ],
        responses: {
          "200": {
            description: "Ranked results",
            ...json({ type: "object", properties: { results: { type: "array", items: ref("SearchResult") } } }),
          },
          ...errors,
        },
      },
    },
    "/api/nodes/{id}": {
      get: {
        summary: "A node and every incident edge with its evidence",
        parameters: [idParam, includeParameter],
        responses: {
          "200": {
            description: "The node",
            ...json({
              type: "object",
              properties: { node: ref("Node"), edges: { type: "array", items: ref("Edge") } },
            }),
          },
          ...ambiguousOrBad,
          ...notFound,
        },
      },
    },
    "/api/nodes/{id}/neighbors": {
      get: {
        summary: "The neighbourhood of a node",
        parameters: [
          idParam,
          query("depth", "Steps from the node.", integer(NEIGHBORS_RULES.depth)),
          query("direction", "Which edges to follow.", choice(NEIGHBORS_RULES.direction)),
          query("edgeTypes", "Follow only these edge types.", list),
          query("nodeTypes", "Visit only these node types.", list),
          query("limit", "At most this many nodes, largest degree first.", integer(NEIGHBORS_RULES.limit)),
          query("edgeLimit", "At most this many edges, the centre's own first.", integer(NEIGHBORS_RULES.edgeLimit)),
          includeParameter,
        ],
        responses: {
          "200": { description: "Nodes and edges", ...json(ref("Neighborhood")) },
          ...ambiguousOrBad,
          ...notFound,
        },
      },
    },
    "/api/paths": {
      get: {
        summary:
          "The k most informative (or shortest) simple paths between two nodes, each step with every claim between its nodes and their evidence",
        parameters: [
          ...pathParameters,
          pathChoice,
          includeParameter,
          query(
            "format",
            "json (the default), or a cited paragraph: markdown with footnotes, or html (a complete, print-ready document).",
            { type: "string", enum: ["json", ...CITED_RULES.format.values], default: "json" },
          ),
        ],
        responses: {
          "200": {
            description:
              "Paths in the order of `rank`, or none with the reason; with format=markdown or html, the cited paragraph as a download",
            content: {
              ...json(ref("PathAnswer")).content,
              "text/markdown": { schema: { type: "string" } },
              "text/html": { schema: { type: "string" } },
            },
          },
          ...ambiguousOrBad,
          ...notFound,
        },
      },
    },
    "/api/nodes/{id}/dossier": {
      get: {
        summary:
          "Everything the sources say about a node, as a cited paragraph: each claim a sentence with a footnote quoting its evidence, its source and endnotes",
        parameters: [
          idParam,
          query("format", "markdown, or html (a print-ready document).", choice(CITED_RULES.format)),
          includeParameter,
        ],
        responses: {
          "200": {
            description: "The dossier, as a download",
            content: { "text/markdown": { schema: { type: "string" } }, "text/html": { schema: { type: "string" } } },
          },
          ...ambiguousOrBad,
          ...notFound,
        },
      },
    },
    "/api/export": {
      get: {
        summary:
          "The whole graph, a filtered view (nodeTypes, edgeTypes, dateFrom, dateTo) or a path result (from, to, ...) as a file",
        parameters: [
          formatParameter,
          query("nodeTypes", "View: keep only these node types.", list),
          query("dateFrom", "View: drop elements dated wholly before this day.", date),
          query("dateTo", "View: drop elements dated wholly after this day.", date),
          ...[...pathParameters, pathChoice].map((p) => ({
            ...p,
            required: false,
            description: `${p.description} (path export; edgeTypes also filters a view)`,
          })),
          includeParameter,
        ],
        responses: {
          "200": exportFile,
          ...ambiguousOrBad,
          ...notFound,
          "429": {
            description:
              "Too many exports are being written and waiting; the Retry-After header says when to try again.",
            ...json(ref("Error")),
          },
        },
      },
    },
    "/api/query": {
      post: {
        summary:
          "Run a read-only openCypher query: rows in column order, and the ids of the nodes and edges they were matched on, to highlight",
        parameters: [includeParameter],
        requestBody: queryBody,
        responses: {
          "200": { description: "The answer", ...json(ref("QueryAnswer")) },
          ...queryErrors,
        },
      },
    },
    "/api/query/export": {
      post: {
        summary:
          "The nodes and edges a query matched (its highlight lists) as a file; the `RightsGraph-Truncated` header lists why it may hold less (row-cap, time-budget, length-cap, buffer-cap, highlight-cap)",
        parameters: [formatParameter, includeParameter],
        requestBody: queryBody,
        responses: {
          "200": exportFile,
          ...queryErrors,
        },
      },
    },
    "/api/graph": {
      get: {
        summary: "The graph for drawing: graphology serialisation with a deterministic layout (x, y, size, color)",
        parameters: [
          query("limit", "At most this many nodes, largest degree first.", integer(GRAPH_VIEW_RULES.limit)),
          includeParameter,
        ],
        responses: {
          "200": { description: "Serialised graph with `truncated` and `counts`", ...json({ type: "object" }) },
          ...errors,
        },
      },
    },
    "/api/overview": {
      get: {
        summary:
          "The structure of the whole graph for opening a large corpus: its communities (Louvain, computed at start) with their counts, largest members and centre, and the claims between them",
        parameters: [
          query(
            "cap",
            "Most nodes the asking explorer's scene holds; `large` says whether the graph has more.",
            integer(SCENE_RULES.cap),
          ),
          includeParameter,
        ],
        responses: {
          "200": {
            description: "The overview",
            ...json({
              type: "object",
              required: ["nodes", "edges", "sceneCap", "large", "communityCount", "communities", "links"],
              properties: {
                nodes: { type: "integer" },
                edges: { type: "integer" },
                sceneCap: { type: "integer" },
                large: { type: "boolean" },
                communityCount: { type: "integer" },
                communities: {
                  type: "array",
                  maxItems: SCENE_RULES.communities,
                  items: {
                    type: "object",
                    properties: {
                      id: { type: "integer" },
                      nodes: { type: "integer" },
                      edges: { type: "integer" },
                      top: { type: "array", maxItems: SCENE_RULES.topMembers, items: { type: "object" } },
                      x: { type: "number" },
                      y: { type: "number" },
                      radius: { type: "number" },
                    },
                  },
                },
                links: { type: "array", maxItems: SCENE_RULES.links, items: { type: "object" } },
              },
            }),
          },
          ...errors,
        },
      },
    },
    "/api/scene": {
      post: {
        summary:
          "Bring nodes into the explorer's scene: `add` (ids) then `community`'s members, largest first, leaving out `keep` (the nodes drawn), up to `limit`; answers them as `/api/graph` does, with every claim between one of them and the scene",
        parameters: [includeParameter],
        requestBody: {
          required: true,
          description: "JSON with `Content-Type: application/json`; any other key is refused.",
          ...json({
            type: "object",
            additionalProperties: false,
            properties: {
              keep: { type: "array", maxItems: SCENE_RULES.cap.max, items: { type: "string" } },
              add: { type: "array", maxItems: SCENE_RULES.cap.max, items: { type: "string" } },
              community: { type: "integer", minimum: 0 },
              limit: {
                type: "integer",
                minimum: 0,
                maximum: SCENE_RULES.cap.max,
                description: "Nodes brought in at most; by default as many as the scene has room for.",
              },
            },
          }),
        },
        responses: {
          "200": {
            description:
              "Serialised nodes and edges with `added` (the ids brought in) and `left` (those the limit left out)",
            ...json({ type: "object", required: ["nodes", "edges", "added", "left"] }),
          },
          ...errors,
        },
      },
    },
    "/api/schema": {
      get: {
        summary: "Node and edge types with labels, colours and counts",
        responses: {
          "200": {
            description: "Types",
            ...json({ type: "object", properties: { nodeTypes: { type: "array" }, edgeTypes: { type: "array" } } }),
          },
        },
      },
    },
    "/api/sources": {
      get: {
        summary: "The sources in the graph",
        responses: { "200": { description: "Sources", ...json({ type: "object" }) } },
      },
    },
    "/api/sources/{id}": {
      get: {
        summary: "A source's text and endnotes (evidence offsets index into `text`)",
        parameters: [{ ...idParam, description: "Source id (dprk-2020-brief)." }],
        responses: {
          "200": { description: "The source", ...json({ type: "object" }) },
          "404": { description: "Unknown source", ...json(ref("Error")) },
        },
      },
    },
    "/api/edges/{edgeId}/sources": {
      get: {
        summary:
          "Which sources state a claim (same two nodes, direction and type), each with its edges and quotes, and the claims of other sources that disagree with it (same two nodes and relation family; another type, date, negation or modality)",
        parameters: [
          { ...idParam, name: "edgeId", description: "Edge id, as the read API shows it." },
          includeParameter,
        ],
        responses: {
          "200": {
            description: "The claim's sources",
            ...json({
              type: "object",
              required: ["edge", "support", "disagreements"],
              properties: {
                edge: ref("Edge"),
                support: { type: "array", items: ref("SourceClaims") },
                disagreements: {
                  type: "array",
                  items: {
                    type: "object",
                    required: ["source", "edge", "differs"],
                    properties: {
                      source: ref("SourceSummary"),
                      edge: ref("Edge"),
                      differs: { type: "array", items: { enum: ["type", "date", "negated", "modality"] } },
                    },
                  },
                },
              },
            }),
          },
          ...notFound,
        },
      },
    },
    "/api/nodes/{id}/sources": {
      get: {
        summary:
          "Which sources mention a node (declare it or state a claim about it), with how many of their claims name it",
        parameters: [idParam, includeParameter],
        responses: {
          "200": {
            description: "The node's sources, most claims first",
            ...json({
              type: "object",
              required: ["node", "sources"],
              properties: {
                node: { type: "string" },
                sources: {
                  type: "array",
                  items: {
                    type: "object",
                    required: ["source", "claims"],
                    properties: { source: ref("SourceSummary"), claims: { type: "integer", minimum: 0 } },
                  },
                },
              },
            }),
          },
          ...notFound,
        },
      },
    },
    "/api/openapi.json": {
      get: {
        summary: "This document",
        responses: { "200": { description: "OpenAPI 3.1", ...json({ type: "object" }) } },
      },
    },
    ...EDIT_PATHS,
  },
  components: {
    securitySchemes: EDIT_SECURITY_SCHEMES,
    schemas: {
      ...EDIT_SCHEMAS,
      SourceSummary: objectSchema({ id: { type: "string" }, title: { type: "string" }, document: { type: "string" } }, [
        "id",
        "title",
        "document",
      ]),
      SourceClaims: objectSchema({ source: ref("SourceSummary"), edges: { type: "array", items: ref("Edge") } }, [
        "source",
        "edges",
      ]),
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: {
              code: { type: "string" },
              message: { type: "string" },
              parameter: { type: "string" },
              suggestions: { type: "array", items: { type: "string" } },
              line: { type: "integer", description: "Where in a Cypher query the problem stands, 1-based." },
              column: { type: "integer" },
              expected: {
                type: "array",
                items: { type: "string" },
                description: "What the parser would accept there.",
              },
              construct: { type: "string", description: "The Cypher construct outside the subset." },
              candidates: {
                type: "array",
                items: {
                  type: "object",
                  required: ["id", "label", "type"],
                  properties: { id: { type: "string" }, label: { type: "string" }, type: { type: "string" } },
                },
              },
              problems: { type: "array", items: ref("Problem") },
            },
          },
        },
      },
      SearchResult: objectSchema(
        { id: { type: "string" }, label: { type: "string" }, type: { type: "string" }, score: { type: "number" } },
        ["id", "label", "type", "score"],
      ),
      Node: {
        type: "object",
        required: ["id", "type", "label", "shortLabel", "aliases", "description", "sources", "sourceCount"],
        properties: {
          id: { type: "string" },
          type: { type: "string" },
          label: { type: "string", description: "The full name, for details and hover." },
          shortLabel: {
            type: "string",
            description:
              'The short display name ("DPRK"): what the canvas and sentences write; the label when the data gives none.',
          },
          article: { enum: ["the"], description: 'The article the short name takes in running text ("the DPRK").' },
          plural: { type: "boolean", description: "True when the short name is grammatically plural." },
          aliases: { type: "array", items: { type: "string" } },
          description: { type: "string" },
          date: { type: "string" },
          outsideKnowledge: { type: "array", items: { type: "string" } },
          sources: {
            type: "array",
            items: { type: "string" },
            description: `Sources that mention the node; in paths and neighbourhoods at most the first ${LIST_SOURCES}.`,
          },
          sourceCount: { type: "integer", description: "How many sources mention the node." },
        },
        additionalProperties: true,
      },
      Evidence: objectSchema(
        {
          quote: { type: "string" },
          footnotes: { type: "array", items: { type: "string" } },
          sourceDoc: { type: "string" },
          start: { type: "integer" },
          end: { type: "integer" },
        },
        ["quote", "footnotes", "sourceDoc"],
      ),
      Edge: {
        type: "object",
        required: ["id", "type", "source", "target", "label", "sentence", "claim", "evidence"],
        properties: {
          id: { type: "string" },
          type: { type: "string" },
          source: { type: "string" },
          target: { type: "string" },
          label: { type: "string", description: 'The short verb phrase ("declined to co-sponsor").' },
          sentence: {
            type: "string",
            description: "The claim of this edge alone as an English sentence, written once at load from its reading.",
          },
          claim: {
            type: "string",
            description: "The claim (data record) the edge comes from: the edges of one joint claim share it.",
          },
          claimSentence: {
            type: "string",
            description:
              "On the edges of a claim of several edges: the whole claim as one sentence, for where all are shown.",
          },
          claimSize: { type: "integer", minimum: 2, description: "How many edges the claim has, when more than one." },
          date: { type: "string" },
          evidence: ref("Evidence"),
        },
        additionalProperties: true,
      },
      Neighborhood: {
        type: "object",
        properties: {
          nodes: { type: "array", items: ref("Node") },
          edges: { type: "array", items: ref("Edge") },
          truncated: { type: "boolean" },
          counts: { type: "object" },
        },
      },
      QueryAnswer: {
        type: "object",
        required: ["columns", "rows", "truncated", "truncatedBy", "nodes", "edges", "highlightTruncated"],
        properties: {
          columns: { type: "array", items: { type: "string" } },
          rows: {
            type: "array",
            items: { type: "array" },
            description: "One array per row, in column order; nodes, relationships and paths as the API's objects.",
          },
          truncated: { type: "boolean" },
          truncatedBy: {
            type: "array",
            items: { enum: ["row-cap", "time-budget", "length-cap", "buffer-cap"] },
          },
          nodes: {
            type: "array",
            items: { type: "string" },
            maxItems: CYPHER_RULES.highlighted.max,
            description: "Ids of the matched nodes, to highlight; past the cap, those of the first rows.",
          },
          edges: {
            type: "array",
            items: { type: "string" },
            maxItems: CYPHER_RULES.highlighted.max,
            description: "Ids of the matched edges, to highlight; past the cap, those of the first rows.",
          },
          highlightTruncated: {
            type: "boolean",
            description:
              `The highlight is capped: the rows were matched on more than ${CYPHER_RULES.highlighted.max} nodes ` +
              "or edges, and the lists hold the first rows' matches.",
          },
        },
      },
      PathAnswer: {
        type: "object",
        required: ["paths", "truncated"],
        properties: {
          paths: {
            type: "array",
            items: {
              type: "object",
              properties: {
                nodes: { type: "array", items: ref("Node") },
                edges: {
                  type: "array",
                  items: {
                    allOf: [
                      ref("Edge"),
                      { type: "object", properties: { direction: { enum: ["forward", "backward"] } } },
                    ],
                  },
                },
                steps: {
                  type: "array",
                  description: "steps[i] joins nodes[i] and nodes[i + 1]; `edges` lists every claim between them.",
                  items: {
                    type: "object",
                    required: ["from", "to", "direction", "edges"],
                    properties: {
                      from: { type: "string" },
                      to: { type: "string" },
                      direction: { enum: ["forward", "backward", "both"] },
                      edges: { type: "array", items: { type: "string" } },
                    },
                  },
                },
                claims: {
                  type: "array",
                  description:
                    "The path as sentences: one per claim, the edges of one claim in consecutive steps read as one.",
                  items: {
                    type: "object",
                    required: ["sentence", "edges", "steps"],
                    properties: {
                      sentence: { type: "string" },
                      edges: { type: "array", items: { type: "string" } },
                      steps: { type: "array", items: { type: "integer" } },
                    },
                  },
                },
                length: { type: "integer" },
                cost: { type: "number", description: "The path's cost under the informative ranking." },
              },
            },
          },
          rank: choice(PATH_RULES.rank),
          truncated: { type: "boolean" },
          reason: { type: "string" },
          cause: { enum: ["same-node", "disconnected", "too-long", "via", "filtered"] },
          shortestLength: { type: "integer" },
        },
      },
    },
  },
} as const;
