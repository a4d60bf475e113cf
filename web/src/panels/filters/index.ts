// Public face of the filters panel (legend, relation types, timeline).
export { mountFilters } from "./filters-panel.js";
