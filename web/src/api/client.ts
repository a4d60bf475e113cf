// The explorer's only door to the server: typed fetches of the JSON API, errors turned into readable messages.
import type {
  ApiErrorBody,
  GraphResponse,
  HealthResponse,
  NodeResponse,
  PathsResponse,
  SchemaResponse,
  SearchResult,
  SourceResponse,
  SourceSummary,
} from "./types.js";

/** A failed API call, with the server's error code when it sent one ("not-found"), or "network". */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === "object" &&
    value !== null &&
    "error" in value &&
    typeof (value as ApiErrorBody).error === "object" &&
    typeof (value as ApiErrorBody).error?.message === "string"
  );
}

/** GET a JSON document from the API; throws ApiError with a sentence a user can read. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: "application/json" }, signal });
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
    if (isErrorBody(body)) throw new ApiError(body.error.message, body.error.code, response.status);
    throw new ApiError(`The server answered ${response.status}.`, "http", response.status);
  }
  return body as T;
}

function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export const api = {
  health: (signal?: AbortSignal) => getJson<HealthResponse>("/api/health", signal),
  graph: (signal?: AbortSignal) => getJson<GraphResponse>("/api/graph", signal),
  schema: (signal?: AbortSignal) => getJson<SchemaResponse>("/api/schema", signal),
  search: async (q: string, limit = 8, signal?: AbortSignal) =>
    (await getJson<{ results: SearchResult[] }>(`/api/search${query({ q, limit })}`, signal)).results,
  node: (id: string, signal?: AbortSignal) => getJson<NodeResponse>(`/api/nodes/${encodeURIComponent(id)}`, signal),
  paths: (params: Record<string, string>, signal?: AbortSignal) =>
    getJson<PathsResponse>(`/api/paths${query(params)}`, signal),
  sources: async (signal?: AbortSignal) =>
    (await getJson<{ sources: SourceSummary[] }>("/api/sources", signal)).sources,
  source: (id: string, signal?: AbortSignal) =>
    getJson<SourceResponse>(`/api/sources/${encodeURIComponent(id)}`, signal),
};

/** A short message for any error thrown by the API helpers. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Builds a URL with query parameters, leaving out empty values. */
export function withQuery(path: string, params: Record<string, string | number | boolean | undefined | null>): string {
  return `${path}${query(params)}`;
}
