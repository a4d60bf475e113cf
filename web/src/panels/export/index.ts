// Public face of the export panel.
export { mountExport } from "./export-panel.js";
export { EXPORT_FORMATS, exportUrl, screenOnlyFilters, viewParams } from "./export-urls.js";
export type { ExportContext, ExportScope } from "./export-urls.js";
