// Public face of the DOM helpers.
export { append, h, replaceChildren, safeUrl, uid } from "./h.js";
export type { Props } from "./h.js";
