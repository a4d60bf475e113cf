// Public face of permalinks.
export { decodePermalink, encodePermalink, PERMALINK_VERSION } from "./permalink.js";
export type { PermalinkState } from "./permalink.js";
export { syncPermalink } from "./sync.js";
