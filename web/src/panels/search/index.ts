// Public face of the search panel.
export { mountSearch } from "./search-panel.js";
