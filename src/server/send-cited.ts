// Sends a cited paragraph: Markdown as text, or the print-ready HTML document, each as a named download.
import type { Response } from "express";
import type { CitedFormat } from "../api/parameters";
import { citedHtmlDocument } from "../export";

const CONTENT_TYPES: Readonly<Record<CitedFormat, string>> = {
  markdown: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
};
const EXTENSIONS: Readonly<Record<CitedFormat, string>> = { markdown: "md", html: "html" };

/** Answers `markdown` (whose data is escaped as text) in `format`, downloadable as `name` plus the extension. */
export function sendCited(res: Response, format: CitedFormat, name: string, markdown: string, title: string): void {
  res.setHeader("Content-Type", CONTENT_TYPES[format]);
  res.setHeader("Content-Disposition", `attachment; filename="${name}.${EXTENSIONS[format]}"`);
  res.send(format === "html" ? citedHtmlDocument(markdown, title) : markdown);
}
