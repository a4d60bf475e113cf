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
 * The `include` the explorer asks with: exactly what its "show suggestions" switch shows, said even when off, since
 * the server's default (suggested, in edit mode, where reviewing them is the point) may differ from the screen.
 */
export function includeFor(showSuggestions: boolean): IncludeValue {
  return showSuggestions ? "suggested" : "none";
}

/** Where the switch is read: the explorer's state, once it has started (followSuggestionsSwitch). */
let showingSuggestions: () => boolean = () => false;

/** Let every request that reads the graph follow the switch as `read` says it stands: set once, at start. */
export function followSuggestionsSwitch(read: () => boolean): void {
  showingSuggestions = read;
}

/** The `include` every request that reads the graph carries now (includeFor the switch as it stands). */
export function currentInclude(): IncludeValue {
  return includeFor(showingSuggestions());
}

/**
 * The URL of a route that reads the graph (a search, details, paths, a dossier, an export, a Cypher query), asking
 * for the suggested records exactly as the switch stands: the one place the explorer's requests get `include`.
 */
export function withInclude<T extends RequestParameters<T>>(path: string, request: T): string {
  return withQuery(path, { ...request, include: currentInclude() });
}

/**
 * What the canvas itself is drawn from (the graph, a large corpus's overview and scene): every record, suggested ones
 * marked, so the switch hides or shows them without a fetch.
 */
const CANVAS_INCLUDE: IncludeValue = "suggested";

/** One typed call per route the explorer reads: requests and answers are the contract's shapes. */
export const api = {
  health: (signal?: AbortSignal) => getJson<HealthResponse>("/api/health", signal),
  graph: (request: GraphRequest = {}, signal?: AbortSignal) =>
    getJson<GraphResponse>(withQuery("/api/graph", { include: CANVAS_INCLUDE, ...request }), signal),
  schema: (signal?: AbortSignal) => getJson<SchemaResponse>("/api/schema", signal),
  search: async (request: SearchRequest, signal?: AbortSignal) =>
    (await getJson<SearchResponse>(withInclude("/api/search", request), signal)).results,
  // A record asked for by its id may say otherwise (a suggested claim under review is read whatever the switch).
  node: (id: string, signal?: AbortSignal, include: IncludeValue = currentInclude()) =>
    getJson<NodeResponse>(withQuery(`/api/nodes/${encodeURIComponent(id)}`, { include }), signal),
  paths: (request: PathsRequest, signal?: AbortSignal) =>
    getJson<PathsResponse>(withInclude("/api/paths", request), signal),
  query: (request: QueryRequest, signal?: AbortSignal) =>
    postJson<QueryResponse>(withInclude("/api/query", {}), request, signal),
  overview: (request: OverviewRequest = {}, signal?: AbortSignal) =>
    getJson<OverviewResponse>(withQuery("/api/overview", { include: CANVAS_INCLUDE, ...request }), signal),
  scene: (request: SceneRequest, signal?: AbortSignal) =>
    postJson<SceneResponse>(withQuery("/api/scene", { include: CANVAS_INCLUDE }), request, signal),
  sources: async (signal?: AbortSignal) => (await getJson<SourcesResponse>("/api/sources", signal)).sources,
  source: (id: string, signal?: AbortSignal) =>
    getJson<SourceResponse>(`/api/sources/${encodeURIComponent(id)}`, signal),
  edgeSources: (id: string, signal?: AbortSignal) =>
    getJson<ClaimSourcesResponse>(withInclude(`/api/edges/${encodeURIComponent(id)}/sources`, {}), signal),
  nodeSources: (id: string, signal?: AbortSignal) =>
    getJson<NodeSourcesResponse>(withInclude(`/api/nodes/${encodeURIComponent(id)}/sources`, {}), signal),
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
