// Public face of the API client.
export { api, ApiError, errorMessage, getJson, withQuery } from "./client.js";
export type * from "./types.js";
