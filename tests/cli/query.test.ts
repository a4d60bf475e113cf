// `rightsgraph query` run in-process on the bundled graph: the brief's questions answered as a table, JSON and CSV;
// parameters; syntax errors with a caret (exit 2); no rows (exit 0); the plan; the matched subgraph exported.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { MultiDirectedGraph } from "graphology";
import { parse } from "graphology-graphml";
import { afterAll, describe, expect, it } from "vitest";
import { textTable, wrapText } from "../../src/cli/text-table";
import { cli } from "../helpers/run-cli";
import { parseCsv } from "../helpers/parse-csv";
import { tempDir } from "../helpers/temp-dir";

const DECLINED =
  "MATCH (who)-[r:declined]->(what) RETURN who.label AS who, r.what AS declined, what.label AS what, r.footnotes AS endnotes ORDER BY who";
const BY_ADDRESSEE =
  "MATCH (r:recommendation)-[:`addressed-to`]->(a) RETURN a.label AS addressee, count(r) AS recommendations ORDER BY recommendations DESC, addressee";
const CITES_SPV =
  "MATCH (d:document)-[c:cites]->(v:document {symbol: 'S/PV.8682'}) RETURN d.label AS document, c.footnotes AS endnote, c.locator AS page ORDER BY page";

const folder = tempDir("rightsgraph-query");
afterAll(() => folder.remove());

describe("rightsgraph query: bad usage and bad queries", () => {
  it("exits 2 with the line, the column and a caret under the query for a query that does not parse", async () => {
    const run = await cli("query", "MATCH (n:state)\nWHERE n.id = 'state:kor'\nRETURN n LIMIT");
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("expected an expression, got the end of the query (line 3, column 15)");
    expect(run.stderr).toContain("  RETURN n LIMIT\n                ^\n");
  });

  it("exits 2 naming an unsupported construct and where it stands", async () => {
    const run = await cli("query", "MATCH (n) SET n.label = 'x' RETURN n");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("SET is not supported (line 1, column 11)");
    expect(run.stderr).toContain("  MATCH (n) SET n.label = 'x' RETURN n\n            ^\n");
  });

  it("exits 2 for a label the graph does not have, suggesting the one meant", async () => {
    const run = await cli("query", "MATCH (n:State) RETURN n");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown label `State`");
    expect(run.stderr).toContain("did you mean `state`?");
  });

  it("names the flag for a missing parameter, a bad --param, a bad --limit or --time-budget, and a bad format", async () => {
    for (const [argv, message] of [
      [["query", "MATCH (s {id: $state}) RETURN s"], "--param: the query uses $state, but no value was given for it"],
      [["query", "MATCH (s) RETURN s", "--param", "state"], '--param takes name=text or name:=JSON, got "state"'],
      [["query", "MATCH (s) RETURN s", "--param", "a b=1"], '--param: "a b" is not a parameter name'],
      [["query", "MATCH (s) RETURN s", "--param", "n:=[1,"], "--param n:= takes a JSON value, got [1,"],
      [
        ["query", "MATCH (s {id: $s}) RETURN s", "--param", 's:={"a":1}'],
        "--param: parameter $s must be a string, a number",
      ],
      [["query", "MATCH (s) RETURN s", "--limit", "10001"], "--limit must be an integer from 1 to 10000, got 10001"],
      [["query", "MATCH (s) RETURN s", "--time-budget", "9000"], "--time-budget must be a number from 0 to 5000"],
      [["query", "MATCH (s) RETURN s", "--format", "xml"], "--format must be one of table, json, csv"],
      [["query", "MATCH (s) RETURN s", "--export", "xlsx"], "--export must be one of graphml, gexf, json, csv"],
      [["query", "MATCH (s) RETURN s", "--explain", "--format", "json"], "--explain prints the plan only"],
      [["query"], "query takes 1 argument(s), got 0"],
    ] as const) {
      const run = await cli(...argv);
      expect(run.code, argv.join(" ")).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr).toContain("usage: rightsgraph query");
    }
  });

  it("exits 2 for a params file that cannot be read or is not a JSON object", async () => {
    const notObject = folder.write("list.json", "[1, 2]");
    const broken = folder.write("broken.json", "{");
    for (const file of [notObject, broken, path.join(folder.path, "missing.json")]) {
      const run = await cli("query", "MATCH (s) RETURN s", "--params-file", file);
      expect(run.code, file).toBe(2);
      expect(run.stderr).toContain(`--params-file ${file}`);
    }
  });

  it("exits 1 for a value of the wrong type met while running", async () => {
    const run = await cli("query", "MATCH (n:state) WHERE 'x' IN n.label RETURN n");
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("rightsgraph query: cypher: IN needs a list on its right, got a string\n");
  });
});

describe("rightsgraph query: answers", () => {
  it("answers who declined what as a table, every row with its endnotes", async () => {
    const run = await cli("query", DECLINED);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(/^who +\| declined +\| what +\| endnotes$/);
    expect(lines[1]).toMatch(/^-+\+-+\+-+\+-+$/);
    expect(run.stdout).toMatch(/Republic of Korea +\| to co-sponsor +\| A\/C\.3\/74\/L\.26 +\| \["iii"\]/);
    expect(run.stdout).toContain("Japan");
    expect(lines.at(-2)).toBe("(4 rows)");
  });

  it("counts recommendations by addressee, largest first", async () => {
    const run = await cli("query", BY_ADDRESSEE, "--format", "json");
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout);
    expect(answer.columns).toEqual(["addressee", "recommendations"]);
    expect(answer.rows.slice(0, 2)).toEqual([
      ["People's Republic of China", 2],
      ["Republic of Korea", 2],
    ]);
    expect(answer.rows.map((row: unknown[]) => row[1]).reduce((a: number, b: number) => a + b, 0)).toBe(8);
    expect(answer.truncated).toBe(false);
    expect(answer.edges.length).toBe(8);
  });

  it("writes what cites S/PV.8682 as CSV, with the endnote and the page", async () => {
    const run = await cli("query", CITES_SPV, "--format", "csv");
    expect(run.code).toBe(0);
    expect(run.stdout.endsWith("\r\n")).toBe(true);
    expect(parseCsv(run.stdout)).toEqual([
      ["document", "endnote", "page"],
      ["Democratic People's Republic of Korea (country brief, 2020)", '["v"]', "p.3"],
      ["Democratic People's Republic of Korea (country brief, 2020)", '["ii"]', "p.5"],
    ]);
  });

  it("neutralises formulas in CSV text cells and leaves numbers and nulls as they are", async () => {
    const run = await cli(
      "query",
      "MATCH (n:state {id: 'state:kor'}) RETURN '=1+1' AS formula, 3 AS n, null AS nothing, n AS state",
      "--format",
      "csv",
    );
    expect(run.code).toBe(0);
    expect(run.stdout.split("\r\n")[1]).toBe(`"'=1+1",3,,"Republic of Korea (state:kor)"`);
  });

  it("takes parameters as text, as JSON, and from a file, a later --param winning", async () => {
    const query =
      "MATCH (s:state)-[r:declined]->(d) WHERE s.id = $state AND size(r.footnotes) >= $notes RETURN d.label";
    const file = folder.write("params.json", JSON.stringify({ state: "state:usa", notes: 1 }));
    const run = await cli("query", query, "--params-file", file, "--param", "state=state:kor", "--format", "json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).rows).toEqual([["A/C.3/74/L.26"]]);
    const typed = await cli("query", query, "--param", "state=state:kor", "--param", "notes:=2", "--format", "json");
    expect(JSON.parse(typed.stdout).rows).toEqual([]);
    // Text stays text: "1" is not the number 1, so the comparison is null and nothing matches.
    const text = await cli("query", query, "--param", "state=state:kor", "--param", "notes=1", "--format", "json");
    expect(JSON.parse(text.stdout).rows).toEqual([]);
  });

  it("shows nodes by label and id, relationships and paths as arrows, in the table", async () => {
    const run = await cli("query", "MATCH p = (s:state {id: 'state:kor'})-[r:declined]->(d) RETURN s, r, p");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Republic of Korea (state:kor)");
    // The 120-character table wraps the arrows: read the cells back whole.
    const [, rule, ...body] = run.stdout.trimEnd().split("\n");
    const widths = rule!.split("-+-").map((dashes) => dashes.length);
    const cells = widths.map((_, column) =>
      body
        .slice(0, -1)
        .map((line) => line.padEnd(widths.reduce((a, b) => a + b + 3, 0)))
        .map((line) => line.slice(widths.slice(0, column).reduce((a, b) => a + b + 3, 0)).slice(0, widths[column]))
        .map((part) => part.trim())
        .join(" ")
        .trim(),
    );
    expect(cells).toEqual([
      "Republic of Korea (state:kor)",
      "Republic of Korea -[declined]-> A/C.3/74/L.26",
      "Republic of Korea -[declined]-> A/C.3/74/L.26",
    ]);
    expect(body.at(-1)).toBe("(1 row)");
  });

  it("answers no rows with exit 0: a query that matches nothing is an answer", async () => {
    const run = await cli("query", "MATCH (s:state {id: 'state:kor'})-[:sponsored]->(d) RETURN d.label");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("d.label\n-------\n(no rows)\n");
  });

  it("says on stderr when the answer was cut by --limit", async () => {
    const run = await cli("query", "MATCH (n) RETURN n.id ORDER BY n.id", "--limit", "3", "--format", "json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ truncated: true, truncatedBy: ["row-cap"] });
    expect(JSON.parse(run.stdout).rows).toHaveLength(3);
    expect(run.stderr).toBe("truncated: more rows than --limit allows\n");
  });

  it("prints the plan with --explain and runs nothing", async () => {
    const run = await cli("query", "MATCH (s:state {id: $state})-[r:declined]->(d) RETURN d.label", "--explain");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Plan for: MATCH (s:state {id: $state})");
    expect(run.stdout).toContain("start at (s:state {id: $state}) by id = $state");
    expect(run.stdout).toContain("Parameters: $state");
  });

  it("writes the answer to --out in the chosen format", async () => {
    const file = path.join(folder.path, "declined.json");
    const run = await cli("query", DECLINED, "--format", "json", "--out", file);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`wrote ${file}: 4 rows (json)\n`);
    expect(JSON.parse(await readFile(file, "utf8")).rows).toHaveLength(4);
  });
});

describe("rightsgraph query --export", () => {
  it("writes the nodes and edges the query matched as GraphML that graphology-graphml reads back", async () => {
    const file = path.join(folder.path, "matched.graphml");
    const run = await cli("query", BY_ADDRESSEE, "--export", "graphml", "--out", file);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^wrote .*matched\.graphml: \d+ nodes, 8 edges \(graphml\)\n$/);
    const graph = parse(MultiDirectedGraph, await readFile(file, "utf8"));
    expect(graph.size).toBe(8);
    graph.forEachEdge((_edge, attributes) => expect(attributes.type).toBe("addressed-to"));
    const types = new Set(graph.mapNodes((_node, attributes) => attributes.type));
    expect(types.has("recommendation")).toBe(true);
    expect(graph.order).toBe(new Set(graph.mapEdges((_e, _a, s, t) => [s, t]).flat()).size);
  });

  it("writes JSON to stdout when no --out is given", async () => {
    const run = await cli("query", CITES_SPV, "--export", "json");
    expect(run.code).toBe(0);
    const exported = JSON.parse(run.stdout);
    expect(exported.edges).toHaveLength(2);
    expect(exported.edges.every((e: { attributes: { type: string } }) => e.attributes.type === "cites")).toBe(true);
  });
});

describe("the CLI's text table", () => {
  it("leaves a table that fits as it is and wraps the widest columns of one that does not", () => {
    expect(textTable(["a", "b"], [["x", "yy"]], 80)).toEqual(["a | b", "--+---", "x | yy"]);
    const lines = textTable(["quote", "n"], [["one two three four five six seven eight nine ten", "1"]], 24);
    expect(lines.every((line) => line.length <= 24)).toBe(true);
    expect(lines.slice(2).map((line) => line.split(" | ")[0]!.trim())).toEqual([
      "one two three four",
      "five six seven eight",
      "nine ten",
    ]);
  });

  it("breaks a word longer than the column and keeps the text's own line breaks", () => {
    expect(wrapText("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
    expect(wrapText("a b\nc", 10)).toEqual(["a b", "c"]);
  });
});
