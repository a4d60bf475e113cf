// The records a synthetic corpus is made of, and how they are written: block YAML or one JSON object per line.

/** A value of a record field as the data format allows it. */
export type FieldValue = string | number | boolean | string[] | { quote: string; footnotes: string[] };

/** A node or edge as written in a data file (the same fields in YAML and JSONL). */
export type DataRecord = Record<string, FieldValue>;

/** The two ways a corpus can be written: graph.yaml/entities/*.yaml, or graph.jsonl/entities/*.jsonl. */
export type CorpusFormat = "yaml" | "jsonl";

// JSON strings are valid YAML double-quoted scalars, and JSON arrays valid flow sequences: nothing can be misread.
function yamlValue(value: FieldValue): string {
  if (typeof value === "string" || Array.isArray(value)) return JSON.stringify(value);
  return String(value);
}

function yamlItem(record: DataRecord): string {
  let out = "";
  let first = true;
  for (const [key, value] of Object.entries(record)) {
    const lead = first ? "  - " : "    ";
    first = false;
    if (typeof value === "object" && !Array.isArray(value)) {
      out += `${lead}${key}:\n      quote: ${JSON.stringify(value.quote)}\n`;
      out += `      footnotes: ${JSON.stringify(value.footnotes)}\n`;
    } else out += `${lead}${key}: ${yamlValue(value)}\n`;
  }
  return out;
}

/**
 * A graph file in `format`: a YAML document with `nodes:` and `edges:` lists, or JSON Lines with one
 * `{"node": {...}}` or `{"edge": {...}}` object per line.
 */
export function graphFileText(format: CorpusFormat, comment: string, nodes: DataRecord[], edges: DataRecord[]): string {
  if (format === "jsonl") {
    const lines: string[] = [];
    for (const node of nodes) lines.push(JSON.stringify({ node }));
    for (const edge of edges) lines.push(JSON.stringify({ edge }));
    return lines.length > 0 ? `${lines.join("\n")}\n` : "";
  }
  const parts = [`# ${comment}\n`];
  if (nodes.length > 0) parts.push("nodes:\n", ...nodes.map(yamlItem));
  if (edges.length > 0) parts.push("edges:\n", ...edges.map(yamlItem));
  return parts.join("");
}

/** A source.yaml: the source's metadata and its endnotes, each with its citations. */
export function sourceFileText(
  meta: { id: string; document: string; title: string; date: string; publisher: string },
  endnotes: { marker: string; citations: { document: string; locator: string; quote: string }[] }[],
): string {
  let out = `# A synthetic source of the benchmark corpus.\nid: ${JSON.stringify(meta.id)}\ntext: source.txt\n`;
  out += `document: ${JSON.stringify(meta.document)}\ntitle: ${JSON.stringify(meta.title)}\n`;
  out += `date: ${JSON.stringify(meta.date)}\npublisher: ${JSON.stringify(meta.publisher)}\n`;
  if (endnotes.length === 0) return out;
  out += "endnotes:\n";
  for (const note of endnotes) {
    out += `  - marker: ${note.marker}\n    citations:\n`;
    for (const c of note.citations) {
      out += `      - document: ${JSON.stringify(c.document)}\n        locator: ${JSON.stringify(c.locator)}\n`;
      out += `        quote: ${JSON.stringify(c.quote)}\n`;
    }
  }
  return out;
}
