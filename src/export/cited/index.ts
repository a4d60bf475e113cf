// Public face of the cited paragraphs: path answers and node dossiers as Markdown with footnotes, and as HTML.
export { citedPathMarkdown, dossierMarkdown, noPathMarkdown } from "./cited-markdown";
export { citedHtmlDocument, CITED_HTML_CSP } from "./cited-html";
export { markdownText } from "./markdown-text";
