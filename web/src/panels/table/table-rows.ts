// The table's rows: the nodes or relations in view, filtered by type and text, sorted by a column, and the same rows
// as CSV. Pure, so the panel only draws them.
import { csvTextCell } from "../../api/index.js";
import type { DisplayGraph, Visibility } from "../../graph/index.js";

export type TableKind = "nodes" | "relations";

export interface Column {
  key: string;
  label: string;
}

export const COLUMNS: Record<TableKind, Column[]> = {
  nodes: [
    { key: "name", label: "Name" },
    { key: "type", label: "Type" },
    { key: "date", label: "Date" },
    { key: "relations", label: "Relations shown" },
  ],
  relations: [
    { key: "sentence", label: "Sentence" },
    { key: "type", label: "Type" },
    { key: "quote", label: "Quote" },
    { key: "endnote", label: "Endnote" },
    { key: "date", label: "Date" },
    { key: "source", label: "Source" },
  ],
};

export interface Row {
  /** The node or edge key. */
  id: string;
  /** The schema type's name, for the type filter. */
  type: string;
  cells: Record<string, string | number>;
}

export interface TableQuery {
  kind: TableKind;
  /** A node or relation type, or "" for all. */
  type: string;
  /** Words every row shown must contain (in any cell, ignoring case and accents). */
  text: string;
  sort: { key: string; descending: boolean };
}

const fold = (value: string): string => value.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** Every row of a kind among the elements in view, unsorted. `typeLabel` names a type as the legend does. */
export function tableRows(
  graph: DisplayGraph,
  visibility: Visibility,
  kind: TableKind,
  typeLabel: (kind: TableKind, type: string) => string,
): Row[] {
  const rows: Row[] = [];
  if (kind === "nodes") {
    graph.forEachNode((id, a) => {
      if (!visibility.nodes.has(id)) return;
      let relations = 0;
      graph.forEachEdge(id, (edge) => {
        if (visibility.edges.has(edge)) relations += 1;
      });
      rows.push({
        id,
        type: a.nodeType,
        cells: { name: a.fullLabel, type: typeLabel(kind, a.nodeType), date: a.date ?? "", relations },
      });
    });
  } else {
    graph.forEachEdge((id, a) => {
      if (!visibility.edges.has(id)) return;
      const source = a.evidence.sourceDoc;
      rows.push({
        id,
        type: a.relType,
        cells: {
          sentence: a.sentence,
          type: typeLabel(kind, a.relType),
          quote: a.evidence.quote,
          endnote: a.evidence.footnotes.join(", "),
          date: a.date ?? "",
          source: graph.hasNode(source) ? graph.getNodeAttribute(source, "label") : source,
        },
      });
    });
  }
  return rows;
}

/** The rows the query keeps, in its order (ties keep the graph's order). */
export function queryRows(rows: Row[], query: TableQuery): Row[] {
  const words = fold(query.text).split(/\s+/).filter(Boolean);
  const kept = rows.filter((row) => {
    if (query.type && row.type !== query.type) return false;
    if (words.length === 0) return true;
    const haystack = fold(Object.values(row.cells).join(" "));
    return words.every((word) => haystack.includes(word));
  });
  const { key, descending } = query.sort;
  const sign = descending ? -1 : 1;
  return kept
    .map((row, index) => ({ row, index }))
    .sort((x, y) => {
      const a = x.row.cells[key] ?? "";
      const b = y.row.cells[key] ?? "";
      const order = typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b), "en");
      return order !== 0 ? sign * order : x.index - y.index;
    })
    .map(({ row }) => row);
}

/** The rows as CSV: a header of the column labels, then one line per row, every cell quoted, formulas neutralised. */
export function rowsToCsv(kind: TableKind, rows: Row[]): string {
  const columns = COLUMNS[kind];
  const line = (cells: (string | number)[]): string =>
    cells.map((c) => (typeof c === "number" ? String(c) : csvTextCell(c))).join(",");
  return [line(columns.map((c) => c.label)), ...rows.map((row) => line(columns.map((c) => row.cells[c.key] ?? "")))]
    .map((l) => `${l}\r\n`)
    .join("");
}
