// Public face of permalinks.
export { decodePermalink, encodePermalink, PERMALINK_VERSION } from "./permalink.js";
export type { PermalinkState } from "./permalink.js";
export { pathToAsk, restorePermalink, samePathQuery, validPermalink } from "./restore-permalink.js";
export { historyStep, syncPermalink } from "./sync.js";
