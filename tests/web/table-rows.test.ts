// The table's rows: what is in view, filtered by type and text (accents ignored), sorted by a column with ties in
// graph order, and written as CSV with every formula neutralised.
import { describe, expect, it } from "vitest";
import { computeVisibility } from "../../web/src/graph/index.js";
import { ROWS_PER_PAGE, rowKeyTarget } from "../../web/src/panels/table/row-keys.js";
import { queryRows, rowsToCsv, tableRows } from "../../web/src/panels/table/table-rows.js";
import type { TableQuery } from "../../web/src/panels/table/table-rows.js";
import { DEFAULT_FILTERS } from "../../web/src/state/index.js";
import { fixtureGraph } from "./fixture.js";

const label = (_kind: string, type: string): string => type.toUpperCase();
const ALL: Omit<TableQuery, "kind" | "sort"> = { type: "", text: "" };

describe("tableRows", () => {
  it("lists only the nodes in view, with their relations in view counted", () => {
    const graph = fixtureGraph();
    const vis = computeVisibility(graph, { ...DEFAULT_FILTERS, hiddenNodeTypes: ["document"] });
    const rows = tableRows(graph, vis, "nodes", label);
    expect(rows.map((r) => r.id)).toEqual(["state:kor", "state:prk", "person:q"]);
    expect(rows[0]!.cells).toEqual({ name: "Republic of Korea", type: "STATE", date: "", relations: 2 });
  });

  it("lists relations with sentence, quote, endnote, date and source", () => {
    const graph = fixtureGraph();
    const rows = tableRows(graph, computeVisibility(graph, DEFAULT_FILTERS), "relations", label);
    const cites = rows.find((r) => r.id === "e:cites")!;
    expect(cites.cells).toMatchObject({ type: "CITES", quote: "quote of e:cites", endnote: "i", source: "Brief" });
    expect(rows.find((r) => r.id === "e:declined")!.cells.date).toBe("2019-11");
  });
});

describe("queryRows", () => {
  const graph = fixtureGraph();
  const rows = tableRows(graph, computeVisibility(graph, DEFAULT_FILTERS), "nodes", label);

  it("keeps a type, and rows holding every word of the text, ignoring case and accents", () => {
    const sort = { key: "name", descending: false };
    expect(queryRows(rows, { ...ALL, kind: "nodes", type: "state", sort }).map((r) => r.id)).toEqual([
      "state:prk",
      "state:kor",
    ]);
    expect(queryRows(rows, { ...ALL, kind: "nodes", text: "tomas QUINTANA", sort }).map((r) => r.id)).toEqual([
      "person:q",
    ]);
    expect(queryRows(rows, { ...ALL, kind: "nodes", text: "tomas korea", sort })).toEqual([]);
  });

  it("sorts numbers as numbers and either way, ties in graph order", () => {
    const byRelations = queryRows(rows, { ...ALL, kind: "nodes", sort: { key: "relations", descending: true } });
    expect(byRelations.map((r) => [r.id, r.cells.relations])).toEqual([
      ["state:kor", 3],
      ["doc:l26", 2],
      ["person:q", 2],
      ["doc:brief", 1],
      ["state:prk", 0],
    ]);
  });
});

describe("rowsToCsv", () => {
  it("writes the column labels and every text cell quoted and neutralises formulas", () => {
    const graph = fixtureGraph();
    graph.setNodeAttribute("person:q", "fullLabel", '=HYPERLINK("http://evil.example","x")');
    const rows = tableRows(graph, computeVisibility(graph, DEFAULT_FILTERS), "nodes", label).filter(
      (r) => r.id === "person:q",
    );
    expect(rowsToCsv("nodes", rows)).toBe(
      '"Name","Type","Date","Relations shown"\r\n"\'=HYPERLINK(""http://evil.example"",""x"")","PERSON","",2\r\n',
    );
  });
});

describe("rowKeyTarget", () => {
  it("moves nowhere on other keys or without rows", () => {
    expect(rowKeyTarget("Enter", 3, 20)).toBeNull();
    expect(rowKeyTarget("a", 3, 20)).toBeNull();
    expect(rowKeyTarget("ArrowDown", 0, 0)).toBeNull();
  });

  it("steps one row with the arrows and holds at the ends", () => {
    expect(rowKeyTarget("ArrowDown", 3, 20)).toBe(4);
    expect(rowKeyTarget("ArrowUp", 3, 20)).toBe(2);
    expect(rowKeyTarget("ArrowDown", 19, 20)).toBe(19);
    expect(rowKeyTarget("ArrowUp", 0, 20)).toBe(0);
  });

  it("pages by ROWS_PER_PAGE and jumps to the ends with Home and End", () => {
    expect(rowKeyTarget("PageDown", 3, 40)).toBe(3 + ROWS_PER_PAGE);
    expect(rowKeyTarget("PageDown", 35, 40)).toBe(39);
    expect(rowKeyTarget("PageUp", 3, 40)).toBe(0);
    expect(rowKeyTarget("Home", 17, 40)).toBe(0);
    expect(rowKeyTarget("End", 17, 40)).toBe(39);
  });
});
