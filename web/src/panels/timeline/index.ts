// Public face of the timeline panel.
export { mountTimeline } from "./timeline-panel.js";
