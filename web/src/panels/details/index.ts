// Public face of the details panel.
export { mountDetails } from "./details-panel.js";
