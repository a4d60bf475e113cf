// The explorer's only door to the server: typed fetches of the JSON API, errors turned into readable messages.
import type {
  ClaimSourcesResponse,
  ErrorBody,
  GraphRequest,
  GraphResponse,
  HealthResponse,
  IncludeValue,
  NodeResponse,
  NodeSourcesResponse,
  OverviewRequest,
  OverviewResponse,
  PathsRequest,
  PathsResponse,
  QueryRequest,
  QueryResponse,
  QueryUrlRequest,
  SceneRequest,
  SceneResponse,
  SchemaResponse,
  SearchRequest,
  SearchResponse,
  SourceResponse,
  SourcesResponse,
} from "../../../src/api/contract.js";

/** A failed API call, with the server's error code when it sent one ("not-found"), or "network". */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    /** The server's whole error (a Cypher error's line, column and expected tokens), when it sent one. */
    readonly detail?: ErrorBody["error"],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === "object" &&
    value !== null &&
    "error" in value &&
    typeof (value as ErrorBody).error === "object" &&
    typeof (value as ErrorBody).error?.message === "string"
  );
}

/** GET a JSON document from the API; throws ApiError with a sentence a user can read. */
export function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return fetchJson<T>(path, { headers: { accept: "application/json" }, signal });
}

/** POST a JSON body (the query routes, the only ones that take one) and read the JSON answer. */
export function postJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return fetchJson<T>(path, {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify(body),
    signal,
  });
}

/** Fetch and read a JSON answer; any failure becomes an ApiError with the server's message. */
export async function fetchJson<T>(path: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError("The server cannot be reached. Is it running?", "network", 0);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The server answered ${response.status} without JSON.`, "bad-response", response.status);
  }
  if (!response.ok) {
    if (isErrorBody(body)) throw new ApiError(body.error.message, body.error.code, response.status, body.error);
    throw new ApiError(`The server answered ${response.status}.`, "http", response.status);
  }
  return body as T;
}

/** A parameter value before it travels: lists are joined by commas, empty values are left out. */
type ParameterValue = string | number | boolean | readonly string[] | undefined | null;
type RequestParameters<T> = { [K in keyof T]: ParameterValue };

function query<T extends RequestParameters<T>>(params: T): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params) as [string, ParameterValue][]) {
    const text = Array.isArray(value) ? value.join(",") : value;
    if (text === undefined || text === null || text === "") continue;
    search.set(key, String(text));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/**
 * Whether the explorer's searches, details and paths ask for suggested records: while its "show suggestions" switch
 * is on; off, the server's default (none, or suggested in edit mode, where reviewing them is the point). A link that
 * must read as such an answer did (a path's export or cited text) asks the same way.
 */
export function answerInclude(showSuggestions: boolean): IncludeValue | undefined {
  return showSuggestions ? "suggested" : undefined;
}

/** What the searches, details and paths ask with now (answerInclude of the switch). */
let include: IncludeValue | undefined;

/** Follows the "show suggestions" switch: the server answers either way (`include`), no restart needed. */
export function includeSuggestions(on: boolean): void {
  include = answerInclude(on);
}

/**
 * The `include` of what stands for the view (its exports, Cypher answers, the picked nodes' export): exactly what the
 * switch shows, said even when off, since the server's default (suggested in edit mode) may differ from the screen.
 */
export function viewInclude(showSuggestions: boolean): IncludeValue {
  return showSuggestions ? "suggested" : "none";
}

/** One typed call per route the explorer reads: requests and answers are the contract's shapes. */
export const api = {
  health: (signal?: AbortSignal) => getJson<HealthResponse>("/api/health", signal),
  // The canvas gets every record, suggested ones marked, and the switch hides or shows them without a fetch.
  graph: (request: GraphRequest = {}, signal?: AbortSignal) =>
    getJson<GraphResponse>(withQuery("/api/graph", { include: "suggested", ...request }), signal),
  schema: (signal?: AbortSignal) => getJson<SchemaResponse>("/api/schema", signal),
  search: async (request: SearchRequest, signal?: AbortSignal) =>
    (await getJson<SearchResponse>(withQuery("/api/search", { include, ...request }), signal)).results,
  node: (id: string, signal?: AbortSignal) =>
    getJson<NodeResponse>(withQuery(`/api/nodes/${encodeURIComponent(id)}`, { include }), signal),
  paths: (request: PathsRequest, signal?: AbortSignal) =>
    getJson<PathsResponse>(withQuery("/api/paths", { include, ...request }), signal),
  query: (request: QueryRequest, url: QueryUrlRequest = {}, signal?: AbortSignal) =>
    postJson<QueryResponse>(withQuery("/api/query", url), request, signal),
  overview: (request: OverviewRequest = {}, signal?: AbortSignal) =>
    getJson<OverviewResponse>(withQuery("/api/overview", request), signal),
  scene: (request: SceneRequest, signal?: AbortSignal) => postJson<SceneResponse>("/api/scene", request, signal),
  sources: async (signal?: AbortSignal) => (await getJson<SourcesResponse>("/api/sources", signal)).sources,
  source: (id: string, signal?: AbortSignal) =>
    getJson<SourceResponse>(`/api/sources/${encodeURIComponent(id)}`, signal),
  edgeSources: (id: string, signal?: AbortSignal) =>
    getJson<ClaimSourcesResponse>(withQuery(`/api/edges/${encodeURIComponent(id)}/sources`, { include }), signal),
  nodeSources: (id: string, signal?: AbortSignal) =>
    getJson<NodeSourcesResponse>(withQuery(`/api/nodes/${encodeURIComponent(id)}/sources`, { include }), signal),
};

/** A short message for any error thrown by the API helpers. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Builds a URL from a route and a request of the contract, leaving out empty values. */
export function withQuery<T extends RequestParameters<T>>(path: string, request: T): string {
  return `${path}${query(request)}`;
}
