// Cited paragraphs: data text never becomes markup (Markdown or HTML), footnotes quote exactly, and the HTML is a
// complete, print-ready document whose only permissions are its own stylesheet.
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import footnotePlugin from "markdown-it-footnote";
import { describe, expect, it } from "vitest";
import { CITED_HTML_CSP, citedHtmlDocument, citedPathMarkdown, dossierMarkdown, markdownText } from "../../src/export";
import { createQueryEngine } from "../../src/query";
import { buildDataset } from "../helpers/query-fixture";

const reader = new MarkdownIt({ html: false, linkify: false }).use(footnotePlugin);

/** The text a reader of the rendered Markdown sees in one line of it. */
function plainText(line: string): string {
  const [inline] = reader.parseInline(line, {});
  return (inline?.children ?? [])
    .map((token) => (token.type === "text" || token.type === "code_inline" ? token.content : token.type))
    .join("");
}

const HOSTILE = [
  `<script>window.__pwned = 1</script>`,
  `<img src=x onerror="window.__pwned=1">`,
  `[click](javascript:alert(1))`,
  `](javascript:alert(1)) and [^1] inside`,
  `*bold* _em_ \`code\` ~~gone~~ &lt;b&gt; &amp; | a | b |`,
  `# heading`,
  `1. a list`,
  `- item`,
  `> quote`,
  `<https://evil.example>`,
  `\\[escaped\\]`,
];

describe("markdownText", () => {
  it("renders back to exactly the text it was given, for hostile and random text", () => {
    for (const text of HOSTILE) expect(plainText(markdownText(text))).toBe(text);
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."ab <>[]()!*_`~&|#-+=.1^\\:/;\"'{}".split("")), maxLength: 40 }),
        (raw) => {
          const text = raw.trim();
          expect(plainText(markdownText(text))).toBe(text);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("writes a line break as a space, so a quote stays one paragraph", () => {
    expect(markdownText("one\n# two")).toBe("one # two");
  });
});

// A state, a person and a document whose labels and quotes are all hostile.
const dataset = buildDataset({
  nodes: [
    { id: "state:s", label: HOSTILE[0]! },
    { id: "person:p", label: HOSTILE[1]! },
    {
      id: "doc:d",
      label: HOSTILE[2]!,
      props: { title: HOSTILE[3]!, publisher: HOSTILE[4]!, url: "javascript:alert(1)" },
    },
  ],
  edges: [
    { source: "state:s", target: "person:p", type: "declined", quote: HOSTILE[3]! },
    { source: "person:p", target: "doc:d", type: "sponsored", quote: HOSTILE.join(" "), footnotes: [] },
  ],
});
const engine = createQueryEngine(dataset);
const answer = engine.paths("state:s", "doc:d");
if (answer.type !== "found") throw new Error("the fixture has a path");
const markdown = citedPathMarkdown(dataset, answer.paths, { from: HOSTILE[0]!, to: HOSTILE[2]! });
const html = citedHtmlDocument(markdown, HOSTILE[0]!);

describe("citedPathMarkdown", () => {
  it("reads the path as a heading with each step's arrow, then each claim followed by its footnote", () => {
    const lines = markdown.split("\n");
    expect(plainText(lines[0]!.replace(/^# /, ""))).toBe(`How ${HOSTILE[0]} is connected to ${HOSTILE[2]}`);
    expect(plainText(lines[2]!.replace(/^## /, ""))).toBe(
      `Path 1 (2 steps): ${HOSTILE[0]} → ${HOSTILE[1]} → ${HOSTILE[2]}`,
    );
    expect(lines[4]).toMatch(/\[\^1\] .*\[\^2\]$/);
  });

  it("quotes each claim's evidence exactly in its footnote, with its source and endnote", () => {
    const tokens = reader.parse(markdown, {});
    const footnotes = tokens.filter((t) => t.type === "inline" && t.map && t.map[0] >= 6).map((t) => t.content);
    expect(footnotes).toHaveLength(2);
    const [first, second] = footnotes.map(plainText);
    expect(first).toBe(`“${HOSTILE[3]}” — source: doc:fixture; endnote i: no citation recorded.`);
    expect(second).toBe(`“${HOSTILE.join(" ")}” — source: doc:fixture; no endnote.`);
  });
});

describe("dossierMarkdown", () => {
  it("says everything the corpus says about a node, each claim cited", () => {
    const dossier = dossierMarkdown(dataset, engine.node("person:p"));
    const lines = dossier.split("\n");
    expect(plainText(lines[0]!.replace(/^# /, ""))).toBe(HOSTILE[1]);
    expect(dossier).toContain("## What the sources say");
    expect(dossier.match(/^\[\^\d+\]: /gm)).toHaveLength(2);
  });
});

describe("citedHtmlDocument", () => {
  it("is a complete document with a strict CSP and a print stylesheet", () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CITED_HTML_CSP}">`);
    expect(CITED_HTML_CSP).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; /);
    expect(html).toContain("@media print");
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
  });

  it("shows every hostile label and quote as text: no tag, handler or script link from the data is live", () => {
    expect(html).not.toMatch(/<script|<img|<[^>]*\son[a-z]+=|href="javascript:|<a href="https:\/\/evil/i);
    expect(html).toContain("&lt;script&gt;window.__pwned = 1&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;");
    expect(html).toContain("[click](javascript:alert(1))");
    // The only links are the footnote references and back-references the renderer makes.
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.every((href) => /^#fn(ref)?\d+(:\d+)?$/.test(href!))).toBe(true);
    // The document's own url is javascript:, so it is left out rather than linked.
    expect(markdown).not.toContain("<javascript:");
  });

  it("links a document's http(s) url in its footnote", () => {
    const linked = buildDataset({
      nodes: ["state:s", { id: "doc:d", props: { url: "https://undocs.org/A/C.3/74/L.26", publisher: "UN" } }],
      edges: [{ source: "state:s", target: "doc:d", type: "sponsored" }],
      sources: { brief: "doc:d" },
    });
    linked.sources.get("brief")!.endnotes.set("i", {
      marker: "i",
      citations: [{ document: "doc:d", quote: "A/C.3/74/L.26, United Nations General Assembly, 31 October 2019" }],
    });
    const result = createQueryEngine(linked).paths("state:s", "doc:d");
    if (result.type !== "found") throw new Error("expected a path");
    const page = citedHtmlDocument(citedPathMarkdown(linked, result.paths, { from: "s", to: "d" }), "s to d");
    expect(page).toContain('<a href="https://undocs.org/A/C.3/74/L.26">https://undocs.org/A/C.3/74/L.26</a>');
    expect(page).toContain("endnote i: A/C.3/74/L.26, United Nations General Assembly, 31 October 2019 (doc:d, UN, ");
  });
});
