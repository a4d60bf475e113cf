// Public face of the source reader.
export { mountSourceReader } from "./source-reader.js";
export { locateQuote } from "./highlight.js";
export type { Span } from "./highlight.js";
