// Public face of the table panel.
export { mountTable } from "./table-panel.js";
