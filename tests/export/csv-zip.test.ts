import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  csvHeaderCell,
  csvTextCell,
  csvZip,
  csvZipChunks,
  neo4jLabel,
  neo4jRelationshipType,
  neutraliseFormula,
} from "../../src/export";
import { computeLayout, type NodeDisplay } from "../../src/layout";
import { addNode, emptyGraph } from "../helpers/graph-builder";
import { parseCsv, parseCsvFields, parseCsvObjects } from "../helpers/parse-csv";
import { buildSchema } from "../helpers/schema-builder";
import { TRICKY_QUOTE, tinyGraph, tinySchema } from "../helpers/tiny-fixture";

function unzip(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

describe("the test CSV parser", () => {
  it("rejects a stray quote and an unterminated quoted field", () => {
    expect(() => parseCsv('a,b"c\r\n')).toThrow(/quote inside an unquoted field/);
    expect(() => parseCsv('"abc')).toThrow(/unterminated/);
  });

  it("reads doubled quotes, embedded line breaks and tells quoted empty fields from empty ones", () => {
    expect(parseCsv('"a ""b""","c\r\nd",e\r\n,""\r\n')).toEqual([
      ['a "b"', "c\r\nd", "e"],
      ["", ""],
    ]);
    expect(
      parseCsvFields(',""')
        .at(0)!
        .map((field) => field.quoted),
    ).toEqual([false, true]);
  });
});

describe("neutraliseFormula", () => {
  it("puts an apostrophe before cells starting with = + - @ tab or CR", () => {
    for (const text of ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx"])
      expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it("neutralises cells starting with NUL, a line feed or any other control character", () => {
    for (const text of ["\u0000=1+1", "\u0000x", "\n=1+1", "\nx", "\u001b[2J", "\u007fx", "\u009b=1"])
      expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it("neutralises a formula after leading whitespace, which spreadsheets skip", () => {
    for (const text of [" =1+1", "  +cmd", "\u00a0-2+3", "\u3000@SUM(A1)", " \t=x", "\u2028=x", "\ufeff=x"])
      expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it("neutralises the full-width = + - @, alone or after whitespace", () => {
    for (const text of ["\uff1d1+1", "\uff0bcmd", "\uff0d2+3", "\uff20SUM(A1)", " \uff1dx"])
      expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it("leaves other text alone, including formulas that do not start the cell", () => {
    for (const text of ["", "a=b", " x=1", "x =1", "'quoted", "2019-12", "\uff21=1", "北=1"])
      expect(neutraliseFormula(text)).toBe(text);
  });
});

describe("csvHeaderCell", () => {
  it("neutralises a column name like a text cell, whatever the schema lets through", () => {
    for (const name of ["=HYPERLINK(1)", "-2_3:int", "@x", " =x", "\u0000x", "\uff1dx:string[]"])
      expect(csvHeaderCell(name)).toBe(`'${name}`);
  });

  it("quotes a name only when RFC 4180 needs it", () => {
    expect(csvHeaderCell("id:ID")).toBe("id:ID");
    expect(csvHeaderCell(":LABEL")).toBe(":LABEL");
    expect(csvHeaderCell('a,"b"')).toBe('"a,""b"""');
    expect(csvHeaderCell("=a\nb")).toBe(`"'=a\nb"`);
  });
});

describe("csvTextCell", () => {
  it("quotes every cell and doubles inner quotes", () => {
    expect(csvTextCell('say "no", twice\n')).toBe('"say ""no"", twice\n"');
    expect(csvTextCell("")).toBe('""');
    expect(csvTextCell("=HYPERLINK()")).toBe(`"'=HYPERLINK()"`);
  });
});

describe("neo4j names", () => {
  it("turns node types into PascalCase labels and edge types into UPPER_SNAKE relationship types", () => {
    expect(neo4jLabel("un-body")).toBe("UnBody");
    expect(neo4jLabel("state")).toBe("State");
    expect(neo4jLabel("un-office")).toBe("UnOffice");
    expect(neo4jLabel("--")).toBe("Node");
    expect(neo4jRelationshipType("addressed-to")).toBe("ADDRESSED_TO");
    expect(neo4jRelationshipType("expressed-concern")).toBe("EXPRESSED_CONCERN");
    expect(neo4jRelationshipType("")).toBe("RELATED");
  });
});

describe("csvZipChunks", () => {
  it("hands on the archive in pieces while the rows are written, never as one block at the end", async () => {
    const graph = emptyGraph();
    // Text that does not compress well, so the archive is large.
    let seed = 7;
    const noise = () => (seed = (seed * 48271) % 2147483647).toString(36);
    for (let i = 0; i < 3000; i++)
      addNode(graph, `thing:${i}`, { type: "thing", description: Array.from({ length: 20 }, noise).join(" ") });
    const schema = buildSchema({ nodeTypes: { thing: {} }, edgeTypes: {} });
    const chunks: Uint8Array[] = [];
    for await (const chunk of csvZipChunks(graph, schema)) if (chunk !== "") chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(5);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(128 * 1024);
    const whole = Buffer.concat(chunks);
    // Buffer.equals compares the bytes natively; toEqual walks a large array element by element.
    expect(whole.equals(await csvZip(graph, schema)), "the pieces joined are the archive csvZip gives").toBe(true);
    expect(parseCsv(unzip(whole)["nodes.csv"])).toHaveLength(3001);
  });
});

describe("csvZip", () => {
  it("rejects a display option that is not a Map", async () => {
    await expect(
      csvZip(tinyGraph(), tinySchema(), { display: 1 as unknown as Map<string, NodeDisplay> }),
    ).rejects.toMatchObject({ code: "bad-parameter" });
  });

  it("neutralises formulas in text cells but never in numeric columns", async () => {
    const files = unzip(await csvZip(tinyGraph(), tinySchema(), { display: computeLayout(tinyGraph()) }));
    const nodes = Object.fromEntries(parseCsvObjects(files["nodes.csv"]).map((row) => [row["id:ID(Node)"].text, row]));
    const event = nodes["event:tests-2019"];
    expect(event.label.text).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(event.description.text).toBe("'-2+3 missile tests, @dawn");
    expect(event.place.text).toBe("'+Sea of Japan");
    const negative = Object.values(nodes).find((row) => row["x:double"].text.startsWith("-"));
    expect(negative).toBeDefined();
    expect(Number(negative!["x:double"].text)).toBeLessThan(0);
  });

  it("holds nodes.csv, relationships.csv, their Neptune forms and a README with both import commands", async () => {
    const files = unzip(await csvZip(tinyGraph(), tinySchema()));
    expect(Object.keys(files).sort()).toEqual([
      "README.txt",
      "neptune/nodes.csv",
      "neptune/relationships.csv",
      "nodes.csv",
      "relationships.csv",
    ]);
    expect(files["README.txt"]).toContain(
      'neo4j-admin database import full neo4j --nodes=nodes.csv --relationships=relationships.csv --array-delimiter=";" --multiline-fields=true',
    );
    expect(files["README.txt"]).toContain('"format": "opencypher"');
  });

  it("writes the node header in neo4j-admin's layout", async () => {
    const [header] = parseCsv(unzip(await csvZip(tinyGraph(), tinySchema()))["nodes.csv"]);
    expect(header.slice(0, 6)).toEqual(["id:ID(Node)", ":LABEL", "label", "aliases:string[]", "description", "date"]);
    expect(header).toEqual(
      expect.arrayContaining(["type", "sources:string[]", "outside_knowledge:string[]", "iso3", "number:int"]),
    );
    expect(header).toEqual(
      expect.arrayContaining(["incomplete:boolean", "casualties:double", "publisher_verified:boolean"]),
    );
  });

  it("writes the relationship header in neo4j-admin's layout", async () => {
    const [header] = parseCsv(unzip(await csvZip(tinyGraph(), tinySchema()))["relationships.csv"]);
    expect(header.slice(0, 11)).toEqual([
      ":START_ID(Node)",
      ":END_ID(Node)",
      ":TYPE",
      "id",
      "label",
      "evidence",
      "footnotes:string[]",
      "source_doc",
      "date",
      "evidence_start:int",
      "evidence_end:int",
    ]);
    expect(header).toEqual(expect.arrayContaining(["what", "qualifier", "endnote", "locator", "vote"]));
  });

  it("writes one row per node with labels, lists and values intact", async () => {
    const rows = parseCsvObjects(unzip(await csvZip(tinyGraph(), tinySchema()))["nodes.csv"]);
    expect(rows).toHaveLength(7);
    const prk = rows.find((row) => row["id:ID(Node)"].text === "state:prk")!;
    expect(prk[":LABEL"].text).toBe("State");
    expect(prk["aliases:string[]"].text).toBe('DPRK;North Korea;the "Hermit Kingdom"');
    expect(prk.iso3.text).toBe("PRK");
    expect(prk.date).toEqual({ text: "", quoted: false });
    const ga = rows.find((row) => row["id:ID(Node)"].text === "un:ga")!;
    expect(ga[":LABEL"].text).toBe("UnBody");
    expect(ga.description).toEqual({ text: "", quoted: true });
    expect(ga["aliases:string[]"]).toEqual({ text: "", quoted: false });
    const rec = rows.find((row) => row["id:ID(Node)"].text === "rec:sc-1")!;
    expect(rec["number:int"]).toEqual({ text: "1", quoted: false });
    expect(rec["incomplete:boolean"]).toEqual({ text: "true", quoted: false });
    expect(rec.text.text).toBe("Refer the situation\nto the ICC and");
  });

  it("writes one row per edge with the verbatim quote, footnotes and offsets", async () => {
    const rows = parseCsvObjects(unzip(await csvZip(tinyGraph(), tinySchema()))["relationships.csv"]);
    expect(rows.map((row) => row.id.text)).toEqual(tinyGraph().edges());
    const declined = rows.find((row) => row.id.text === "state:kor--declined--doc:un:a-c.3-74-l.26")!;
    expect(declined[":START_ID(Node)"].text).toBe("state:kor");
    expect(declined[":END_ID(Node)"].text).toBe("doc:un:a-c.3-74-l.26");
    expect(declined[":TYPE"].text).toBe("DECLINED");
    expect(declined.evidence.text).toBe(TRICKY_QUOTE);
    expect(declined["footnotes:string[]"].text).toBe("iii");
    expect(declined["evidence_start:int"].text).toBe("1204");
    expect(declined.what.text).toBe("co-sponsorship");
    const twoNotes = rows.find((row) => row.id.text === "state:prk--sponsored--doc:un:a-c.3-74-l.26")!;
    expect(twoNotes["footnotes:string[]"].text).toBe("i;ii");
    expect(rows.find((row) => row[":TYPE"].text === "ADDRESSED_TO")).toBeDefined();
  });

  it("writes Neptune's headers: an id space, relationship ids and its type names on every column", async () => {
    const files = unzip(await csvZip(tinyGraph(), tinySchema()));
    const [nodeHeader] = parseCsv(files["neptune/nodes.csv"]);
    const [edgeHeader] = parseCsv(files["neptune/relationships.csv"]);
    expect(nodeHeader.slice(0, 4)).toEqual([":ID(Node)", ":LABEL", "id:String", "label:String"]);
    expect(nodeHeader).toEqual(
      expect.arrayContaining(["aliases:String[]", "number:Int", "incomplete:Bool", "casualties:Double"]),
    );
    expect(edgeHeader.slice(0, 6)).toEqual([
      ":ID",
      ":START_ID(Node)",
      ":END_ID(Node)",
      ":TYPE",
      "id:String",
      "label:String",
    ]);
    // Every property column is typed, with a type Neptune knows; system columns are the ones above.
    for (const name of [...nodeHeader, ...edgeHeader].filter((n) => !n.startsWith(":")))
      expect(name, name).toMatch(/^[a-z0-9_]+:(String|Int|Long|Double|Bool)(\[\])?$/);
  });

  it("writes Neptune's rows with the same values, each relationship's :ID unique, typed cells as their types", async () => {
    const files = unzip(await csvZip(tinyGraph(), tinySchema()));
    const neo4jNodes = parseCsv(files["nodes.csv"]).slice(1);
    const nodes = parseCsvObjects(files["neptune/nodes.csv"]);
    expect(nodes.map((row) => row[":ID(Node)"].text)).toEqual(neo4jNodes.map((row) => row[0]));
    expect(nodes.every((row) => row["id:String"].text === row[":ID(Node)"].text)).toBe(true);
    const rec = nodes.find((row) => row[":ID(Node)"].text === "rec:sc-1")!;
    expect(rec["number:Int"]).toEqual({ text: "1", quoted: false });
    expect(rec["incomplete:Bool"]).toEqual({ text: "true", quoted: false });
    // A multi-line value stays one quoted field.
    expect(rec["text:String"].text).toBe("Refer the situation\nto the ICC and");
    const edges = parseCsvObjects(files["neptune/relationships.csv"]);
    expect(edges.map((row) => row[":ID"].text)).toEqual(tinyGraph().edges());
    expect(new Set(edges.map((row) => row[":ID"].text)).size).toBe(edges.length);
    const declined = edges.find((row) => row[":ID"].text === "state:kor--declined--doc:un:a-c.3-74-l.26")!;
    expect(declined[":START_ID(Node)"].text).toBe("state:kor");
    expect(declined["evidence:String"].text).toBe(TRICKY_QUOTE);
    expect(declined["footnotes:String[]"].text).toBe("iii");
    for (const row of [...nodes, ...edges])
      for (const [name, field] of Object.entries(row)) {
        if (field.text === "") continue;
        if (name.endsWith(":Int")) expect(field.text, name).toMatch(/^-?\d+$/);
        if (name.endsWith(":Bool")) expect(field.text, name).toMatch(/^(true|false)$/);
        if (name.endsWith(":Double")) expect(Number.isFinite(Number(field.text)), name).toBe(true);
      }
  });

  it("gives the same bytes for the same graph", async () => {
    expect(await csvZip(tinyGraph(), tinySchema())).toEqual(await csvZip(tinyGraph(), tinySchema()));
  });

  it("writes header-only files for an empty graph", async () => {
    const files = unzip(await csvZip(emptyGraph(), buildSchema({ nodeTypes: {}, edgeTypes: {} })));
    expect(parseCsv(files["nodes.csv"])).toHaveLength(1);
    expect(parseCsv(files["relationships.csv"])).toHaveLength(1);
  });

  it("neutralises header cells built from attribute names", async () => {
    const graph = emptyGraph();
    addNode(graph, "thing:1", { type: "thing", props: { "-2+3": "x", "+cmd": 1 } });
    const schema = buildSchema({ nodeTypes: { thing: {} }, edgeTypes: {} });
    const [header] = parseCsv(unzip(await csvZip(graph, schema))["nodes.csv"]);
    expect(header).toContain("'-2_3");
    expect(header).toContain("_cmd:int");
    expect(header.filter((name) => /^[\s]*[=+\-@]/.test(name))).toEqual([]);
  });

  it("writes a filtered view like a copy of that view", async () => {
    const graph = tinyGraph();
    const only = {
      node: (id: string) => id !== "un:ga",
      edge: (_id: string, attributes: { type: string }) => attributes.type !== "cites",
    };
    const copy = tinyGraph();
    copy.dropNode("un:ga");
    for (const edge of copy.filterEdges((_id, attributes) => attributes.type === "cites")) copy.dropEdge(edge);
    expect(unzip(await csvZip(graph, tinySchema(), { only }))).toEqual(unzip(await csvZip(copy, tinySchema())));
  });

  it("keeps non-ASCII text as UTF-8", async () => {
    const graph = emptyGraph();
    addNode(graph, "person:1", { type: "person", label: "조선 — Khiari «Khari» 😀" });
    const [, row] = parseCsv(
      unzip(await csvZip(graph, buildSchema({ nodeTypes: { person: {} }, edgeTypes: {} })))["nodes.csv"],
    );
    expect(row[2]).toBe("조선 — Khiari «Khari» 😀");
  });
});
