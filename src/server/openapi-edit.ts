// The OpenAPI description of edit mode's routes (`rightsgraph serve --edit`): the write API under /api/edit and the
// event stream. Limits come from src/api/parameters.ts; the shapes are those of src/api/contract.ts.
import { EDIT_RULES } from "../api/parameters";
import { json, objectSchema, pathParam, ref } from "./openapi-builders";

const error = (description: string) => ({ description, ...json(ref("Error")) });

const security = [{ editToken: [] }];
const sourceId = pathParam("sourceId", "Source id (its folder under sources/).");
const claimId = pathParam("claimId", "The claim's edge id, as the read API shows it, URL-encoded.");
const nodeId = pathParam("nodeId", "Node id, URL-encoded.");
const ifMatch = {
  name: "If-Match",
  in: "header",
  required: true,
  description: "The source's current ETag (from GET /api/edit/sources/{sourceId}); a stale one is a 409.",
  schema: { type: "string" },
};
const auth = {
  "401": error("No `Authorization: Bearer` token."),
  "403": error("A wrong token, or a write from another origin."),
};
const read = { ...auth, "404": error("Unknown source, claim or node; or the server is not in edit mode.") };
const write = {
  ...read,
  "400": error("The loader's checks refuse the change (`problems` lists them, each at file and line), or a bad body."),
  "409": error("The source changed since its ETag was read (or, for undo, since the last write)."),
  "413": error(`A body over ${EDIT_RULES.maxBodyBytes} bytes.`),
  "415": error("A body that is not application/json."),
  "428": error("No If-Match."),
};
const body = (schema: object, description: string) => ({ required: true, description, ...json(schema) });
const patch = {
  required: true,
  description: "A JSON merge patch (RFC 7396) of the record: null removes a field.",
  content: {
    "application/merge-patch+json": { schema: { type: "object" } },
    "application/json": { schema: { type: "object" } },
  },
};

function recordRoutes(kind: "claims" | "nodes", one: object, record: string, answer: string) {
  const what = kind === "claims" ? "claim" : "node";
  return {
    [`/api/edit/sources/{sourceId}/${kind}`]: {
      post: {
        summary: `Add a ${what} record to the source's graph.yaml`,
        security,
        parameters: [sourceId, ifMatch],
        requestBody: body(ref(record), `The ${what} record, as graph.yaml holds it.`),
        responses: { "201": { description: "Added", ...json(ref(answer)) }, ...write },
      },
    },
    [`/api/edit/sources/{sourceId}/${kind}/{${kind === "claims" ? "claimId" : "nodeId"}}`]: {
      get: {
        summary: `One ${what}'s record exactly as stored`,
        security,
        parameters: [sourceId, one],
        responses: { "200": { description: "The record", ...json(ref(answer)) }, ...read },
      },
      patch: {
        summary: `Change a ${what} record (accept, reject or edit a suggestion: its status and fields)`,
        security,
        parameters: [sourceId, one, ifMatch],
        requestBody: patch,
        responses: { "200": { description: "Changed", ...json(ref(answer)) }, ...write },
      },
      delete: {
        summary: `Delete a ${what} record`,
        security,
        parameters: [sourceId, one, ifMatch],
        responses: { "200": { description: "Deleted; the record as it was", ...json(ref("EditDeleted")) }, ...write },
      },
    },
  };
}

export const EDIT_PATHS = {
  "/api/edit/sources/{sourceId}": {
    get: {
      summary: "Edit mode: the records of a source's graph.yaml and its version (ETag)",
      security,
      parameters: [sourceId],
      responses: { "200": { description: "The records", ...json(ref("EditSource")) }, ...read },
    },
  },
  ...recordRoutes("claims", claimId, "ClaimRecord", "EditClaim"),
  ...recordRoutes("nodes", nodeId, "NodeRecord", "EditNode"),
  "/api/edit/undo": {
    post: {
      summary: `Undo the last write (the last ${EDIT_RULES.undoDepth} are kept on disk, across restarts)`,
      security,
      responses: {
        "200": { description: "Undone", ...json(ref("EditUndo")) },
        ...auth,
        "400": error("The loader's checks refuse the file as it was."),
        "409": error("Nothing to undo, or the file changed since the write."),
      },
    },
  },
  "/api/edit/problems": {
    get: {
      summary: "What is wrong with the files on disk (the last good graph is served meanwhile)",
      security,
      responses: {
        "200": {
          description: "The problems",
          ...json({
            type: "object",
            required: ["version", "problems"],
            properties: { version: { type: "integer" }, problems: { type: "array", items: ref("Problem") } },
          }),
        },
        ...auth,
      },
    },
  },
  "/api/events": {
    get: {
      summary: "Edit mode: server-sent events `graph` and `problems`, each with GraphChangeEvent data",
      responses: {
        "200": {
          description: "An event stream",
          content: { "text/event-stream": { schema: ref("GraphChangeEvent") } },
        },
      },
    },
  },
} as const;

const recordFields = {
  status: { enum: ["suggested", "draft", "reviewed", "rejected"] },
  date: { type: "string" },
  outside_knowledge: { type: "array", items: { type: "string" } },
};
/** An answer of a write or a record read: the source, its new version (ETag) and what else the route says. */
const versioned = (properties: Record<string, object>, required: readonly string[]) =>
  objectSchema({ sourceId: { type: "string" }, ...properties, etag: { type: "string" } }, [
    "sourceId",
    ...required,
    "etag",
  ]);
const ends = { oneOf: [{ type: "string" }, { type: "array", items: { type: "string" }, minItems: 1 }] };

export const EDIT_SCHEMAS = {
  Problem: objectSchema(
    {
      file: { type: "string" },
      line: { type: "integer" },
      code: { type: "string" },
      message: { type: "string" },
      hint: { type: "string" },
    },
    ["file", "line", "code", "message"],
  ),
  ClaimRecord: {
    type: "object",
    required: ["type", "source", "target", "evidence"],
    properties: {
      id: { type: "string" },
      type: { type: "string" },
      source: ends,
      target: ends,
      label: { type: "string" },
      ...recordFields,
      evidence: {
        type: "object",
        required: ["quote"],
        properties: {
          quote: { type: "string" },
          footnotes: { type: "array", items: { type: "string" } },
          prefix: { type: "string" },
          suffix: { type: "string" },
          start: { type: "integer" },
          end: { type: "integer" },
        },
      },
    },
    additionalProperties: true,
  },
  NodeRecord: {
    type: "object",
    required: ["id", "type", "label"],
    properties: {
      id: { type: "string" },
      type: { type: "string" },
      label: { type: "string" },
      aliases: { type: "array", items: { type: "string" } },
      description: { type: "string" },
      ...recordFields,
    },
    additionalProperties: true,
  },
  EditSource: {
    type: "object",
    required: ["sourceId", "etag", "file", "nodes", "claims"],
    properties: {
      sourceId: { type: "string" },
      etag: { type: "string" },
      file: { type: "string" },
      nodes: {
        type: "array",
        items: {
          type: "object",
          properties: { id: { type: "string" }, line: { type: "integer" }, record: ref("NodeRecord") },
        },
      },
      claims: {
        type: "array",
        items: {
          type: "object",
          properties: {
            ids: { type: "array", items: { type: "string" } },
            line: { type: "integer" },
            record: ref("ClaimRecord"),
          },
        },
      },
    },
  },
  EditClaim: versioned(
    { id: { type: "string" }, ids: { type: "array", items: { type: "string" } }, record: ref("ClaimRecord") },
    ["id", "ids", "record"],
  ),
  EditNode: versioned({ id: { type: "string" }, record: ref("NodeRecord") }, ["id", "record"]),
  EditDeleted: versioned(
    { id: { type: "string" }, record: { type: "object" }, removed: { type: "array", items: { type: "string" } } },
    ["id", "record", "removed"],
  ),
  EditUndo: versioned(
    { undone: { type: "object", properties: { action: { type: "string" }, id: { type: "string" } } } },
    ["undone"],
  ),
  GraphChangeEvent: objectSchema(
    {
      version: { type: "integer" },
      nodes: { type: "integer" },
      edges: { type: "integer" },
      problems: { type: "array", items: ref("Problem") },
    },
    ["version", "nodes", "edges", "problems"],
  ),
} as const;

export const EDIT_SECURITY_SCHEMES = {
  editToken: {
    type: "http",
    scheme: "bearer",
    description: "The edit token: RIGHTSGRAPH_EDIT_TOKEN, or the one `rightsgraph serve --edit` prints at start.",
  },
} as const;
