// The text of a PDF report, read with Mozilla's pdf.js: text items gathered into lines by their baseline, raised
// small items (endnote markers) written `^{3}`, paragraphs told by the gap between lines, words hyphenated at a line
// break joined, and the page headers and footers that repeat on most pages (running titles, page numbers) dropped.

import { restoreBuiltins, snapshotBuiltins } from "../common";

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Line {
  y: number;
  height: number;
  text: string;
}

/** The items of one page gathered into lines, top to bottom; a raised, smaller item is a superscript. */
function linesOf(items: Item[]): Line[] {
  const sorted = items.filter((i) => i.str.trim() !== "" || i.str === " ").sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Item[][] = [];
  for (const item of sorted) {
    const group = groups.find((g) => {
      const base = g[0]!;
      // Same line: the baselines are within half the taller item's height (a superscript sits a little higher).
      return Math.abs(base.y - item.y) < Math.max(base.height, item.height) * 0.5;
    });
    if (group) group.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => {
    const body = group.reduce((a, b) => (b.height > a.height ? b : a));
    group.sort((a, b) => a.x - b.x);
    let text = "";
    let lastEnd: number | undefined;
    for (const item of group) {
      const raised = item.height < body.height * 0.8 && item.y > body.y + body.height * 0.15;
      const gap = lastEnd === undefined ? 0 : item.x - lastEnd;
      if (
        lastEnd !== undefined &&
        gap > body.height * 0.2 &&
        !raised &&
        !text.endsWith(" ") &&
        !item.str.startsWith(" ")
      )
        text += " ";
      text += raised && /^\s*[\divxlcdm]{1,4}\s*$/.test(item.str) ? `^{${item.str.trim()}}` : item.str;
      lastEnd = item.x + item.width;
    }
    return { y: body.y, height: body.height, text: text.replace(/\s+/g, " ").trim() };
  });
}

/** A line as compared across pages: digits stand for any number (page numbers change). */
const shape = (line: string): string => line.replace(/\d+/g, "#").toLowerCase();

/** The lines that stand first or last on at least half the pages (and on two or more): running headers, footers. */
function repeatedEdges(pages: Line[][]): Set<string> {
  if (pages.length < 2) return new Set();
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edges = new Set([...lines.slice(0, 2), ...lines.slice(-2)].map((l) => shape(l.text)));
    for (const edge of edges) counts.set(edge, (counts.get(edge) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= Math.max(2, pages.length / 2)).map(([s]) => s));
}

/** Joins a page's lines into paragraphs: a gap well over the line spacing, or a short line, ends one. */
function paragraphsOf(lines: Line[]): string[] {
  const paragraphs: string[][] = [];
  let previous: Line | undefined;
  const width = Math.max(...lines.map((l) => l.text.length), 1);
  for (const line of lines) {
    const gap = previous ? previous.y - line.y : 0;
    const breaks =
      !previous ||
      gap > previous.height * 1.8 ||
      previous.text.length < width * 0.6 ||
      /^(?:\d{1,3}[.)]|[•▪-])\s/.test(line.text);
    if (breaks) paragraphs.push([line.text]);
    else paragraphs[paragraphs.length - 1]!.push(line.text);
    previous = line;
  }
  return paragraphs.map((p) =>
    p.reduce((text, line) =>
      // A word hyphenated at the end of a line ("recom-" + "mendations") is one word again.
      /\p{Ll}-$/u.test(text) && /^\p{Ll}/u.test(line) ? text.slice(0, -1) + line : `${text} ${line}`,
    ),
  );
}

/** The text of a PDF (see the file's banner), paragraphs separated by blank lines. */
export async function pdfToText(data: Uint8Array): Promise<string> {
  // pdf.js's legacy build (for Node 20) replaces built-ins of the whole process with slower polyfills when it loads.
  const builtins = snapshotBuiltins();
  try {
    return await readPdf(data);
  } finally {
    restoreBuiltins(builtins);
  }
}

async function readPdf(data: Uint8Array): Promise<string> {
  // pdf.js is large: loaded only when a PDF is read, so that every other command starts as fast as before.
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const pdf = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: Line[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const item of content.items)
        if ("str" in item)
          items.push({
            str: item.str,
            x: item.transform[4] as number,
            y: item.transform[5] as number,
            width: item.width,
            height: item.height || Math.abs(item.transform[3] as number),
          });
      pages.push(linesOf(items));
      page.cleanup();
    }
    const repeated = repeatedEdges(pages);
    const kept = pages.map((lines) => {
      const isEdge = (i: number) => i < 2 || i >= lines.length - 2;
      return lines.filter((l, i) => !(isEdge(i) && repeated.has(shape(l.text))));
    });
    // A paragraph may run on from one page to the next: pages are joined before paragraphs are told apart.
    return paragraphsOf(kept.flat()).join("\n\n");
  } finally {
    await pdf.destroy();
  }
}
