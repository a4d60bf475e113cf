// "Copy as cited text" and "Download HTML": a path or a node's dossier as the server writes it, Markdown with
// footnotes for pasting into a briefing note, or a print-ready HTML page.
import { withInclude } from "../../api/index.js";
import type { CitedFormat, PathsTextRequest } from "../../api/index.js";
import { h } from "../../dom/index.js";

/** What a cited paragraph is of: one path of a question, or a node's dossier. */
export type CitedOf = { path: PathsTextRequest } | { node: string };

/**
 * The URL of a cited paragraph of one path of a question, or of a node's dossier, with the suggested claims exactly
 * while the switch shows them (as the path answer and the details on screen were asked).
 */
export function citedUrl(of: CitedOf, format: CitedFormat): string {
  if ("node" in of) return withInclude(`/api/nodes/${encodeURIComponent(of.node)}/dossier`, { format });
  return withInclude("/api/paths", { ...of.path, format });
}

async function copyText(url: string, status: HTMLElement): Promise<void> {
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    await navigator.clipboard.writeText(await response.text());
    status.textContent = "Copied: Markdown with a footnote quoting the source of each claim.";
  } catch (error) {
    status.textContent = `Could not copy: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** The two actions side by side, with a line that says what happened. */
export function citedTextActions(of: CitedOf, fileName: string): HTMLElement {
  const status = h("p", { class: "cited-status", attrs: { "aria-live": "polite" } });
  const copy = h("button", {
    class: "small-button",
    text: "Copy as cited text",
    attrs: { type: "button" },
    on: { click: () => void copyText(citedUrl(of, "markdown"), status) },
  });
  const download = h("a", {
    class: "small-button",
    text: "Download HTML",
    attrs: { href: citedUrl(of, "html"), download: `${fileName}.html` },
  });
  return h("div", { class: "cited-actions" }, h("div", { class: "button-row" }, copy, download), status);
}
