// Public face of the query panel.
export { EXAMPLE_QUERIES, mountQueryPanel } from "./query-panel.js";
