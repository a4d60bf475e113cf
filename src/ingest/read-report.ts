// A report file's text by its format: .txt and .md as they are, .html and .htm through an HTML parser, .pdf through
// pdf.js. The text is normalised afterwards (normalise-text.ts), whatever its format.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { RightsGraphError } from "../errors";
import { htmlToText } from "./read-html";
import { pdfToText } from "./read-pdf";

export const REPORT_FORMATS = [".txt", ".md", ".html", ".htm", ".pdf"] as const;

/** A report ingest cannot read: an unknown format, a file that is not text or not a PDF. */
export class ReportReadError extends RightsGraphError {
  constructor(message: string) {
    super("bad-report", message);
  }
}

/** The raw text of the report at `file`. */
export async function readReport(file: string): Promise<string> {
  const ext = path.extname(file).toLowerCase();
  if (!(REPORT_FORMATS as readonly string[]).includes(ext))
    throw new ReportReadError(`ingest: cannot read "${path.basename(file)}": use ${REPORT_FORMATS.join(", ")}`);
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new ReportReadError(`ingest: cannot read "${file}": ${error.code ?? error.message}`);
  });
  if (ext === ".pdf") {
    if (bytes.subarray(0, 5).toString("latin1") !== "%PDF-")
      throw new ReportReadError(`ingest: "${file}" is not a PDF`);
    return pdfToText(new Uint8Array(bytes));
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ReportReadError(`ingest: "${file}" is not UTF-8 text`);
  }
  return ext === ".html" || ext === ".htm" ? htmlToText(text) : text;
}
