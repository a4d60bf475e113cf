// The export formats the server and the CLI offer: what each is called, its content type and file extension.
import type { ExportFormat } from "../api/contract";

export interface ExportFormatSpec {
  /** Value of the HTTP Content-Type header. */
  contentType: string;
  /** File name extension, without the dot. */
  extension: string;
}

/** Every export format by name (`?format=` and `--format` take these names). */
export const EXPORT_FORMATS = Object.freeze({
  graphml: { contentType: "application/graphml+xml; charset=utf-8", extension: "graphml" },
  gexf: { contentType: "application/gexf+xml; charset=utf-8", extension: "gexf" },
  json: { contentType: "application/json; charset=utf-8", extension: "json" },
  csv: { contentType: "application/zip", extension: "zip" },
} satisfies Record<ExportFormat, ExportFormatSpec>);

export type { ExportFormat };

/** True when `name` is one of `EXPORT_FORMATS`' names. */
export function isExportFormat(name: string): name is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, name);
}
