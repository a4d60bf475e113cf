// The cited paragraph as a print-ready HTML document, rendered by markdown-it with raw HTML off and links limited to
// http(s): no text from the data is ever written into the page as markup.
import { createHash } from "node:crypto";
import MarkdownIt from "markdown-it";
import footnotePlugin from "markdown-it-footnote";
import { SAFE_LINK } from "./claim-footnotes";

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(footnotePlugin);
markdown.validateLink = (url: string) => SAFE_LINK.test(url);

/** A small stylesheet for screen and paper; inline, and allowed by its hash in the page's own CSP. */
const STYLE = `
body { font: 11pt/1.5 Georgia, "Times New Roman", serif; color: #111; max-width: 42em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.5em; }
a { color: #1d4ed8; overflow-wrap: anywhere; }
.footnotes { font-size: 0.9em; } .footnotes-sep { margin-top: 2em; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } .footnote-backref { display: none; } }
`.trim();
const STYLE_HASH = createHash("sha256").update(STYLE).digest("base64");
/** Nothing loads, runs or submits: the one inline stylesheet is allowed by its hash. */
export const CITED_HTML_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; base-uri 'none'; form-action 'none'`;

/** A complete HTML document of `source` (Markdown, data already escaped as text), titled `title`. */
export function citedHtmlDocument(source: string, title: string): string {
  const escape = markdown.utils.escapeHtml;
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CITED_HTML_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    "<main>",
    markdown.render(source),
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
