// The rightsgraph command line, run in-process: exit codes (0 ok, 1 data/no result, 2 usage), outputs, files written.
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { MultiDirectedGraph } from "graphology";
import { parse } from "graphology-graphml";
import { afterAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/commands";
import { cli } from "../helpers/run-cli";
import { parseCsv } from "../helpers/parse-csv";

const temporary: string[] = [];
afterAll(async () => {
  await Promise.all(temporary.map((d) => rm(d, { recursive: true, force: true })));
});

describe("rightsgraph usage errors", () => {
  it("exits 2 with the command list when no command or an unknown one is given", async () => {
    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("usage: rightsgraph <command>");
    const unknown = await cli("frobnicate");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"\n');
  });

  it("suggests the nearest command for a mistyped one, exit 2", async () => {
    const run = await cli("pth", "China", "DPRK");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown command "pth"; did you mean path?');
    expect((await cli("neighbours", "China")).stderr).toContain("did you mean neighbors?");
  });

  it("exits 2 with the command's usage for an unknown option, a missing argument or a bad number", async () => {
    for (const argv of [
      ["stats", "--verbose"],
      ["path", "Korea"],
      ["path", "a", "b", "--max-hops", "0"],
      ["search"],
      ["export"],
      ["export", "--format", "xlsx"],
      ["neighbors", "x", "--depth", "9"],
    ]) {
      const run = await cli(...argv);
      expect(run.code, argv.join(" ")).toBe(2);
      expect(run.stderr).toContain(`usage: rightsgraph ${argv[0]}`);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("names the flag when the query layer refuses a value, with the range from the one list of limits", async () => {
    for (const [argv, message] of [
      [["path", "a", "b", "--max-hops", "9"], "--max-hops must be an integer from 1 to 8, got 9"],
      [["path", "a", "b", "--direction", "sideways"], '--direction must be one of "any", "forward"'],
      [["neighbors", "x", "--edge-limit", "50001"], "--edge-limit must be an integer from 1 to 50000"],
      [["search", "korea", "--limit", "0"], "--limit must be an integer from 1 to 100, got 0"],
      [["export", "--format", "json", "--date-from", "2019-13"], '--date-from: "2019-13" has month 13'],
      [["path", "a", "b", "--limit", "many"], '--limit must be a whole number, got "many"'],
    ] as const) {
      const run = await cli(...argv);
      expect(run.code, argv.join(" ")).toBe(2);
      expect(run.stderr).toContain(`rightsgraph ${argv[0]}: ${message}`);
      expect(run.stderr).toContain(`usage: rightsgraph ${argv[0]}`);
    }
  });

  it("answers --help for every command with exit 0, from the module its entry in the list loads", async () => {
    for (const entry of COMMANDS) {
      const run = await cli(entry.name, "--help");
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`usage: rightsgraph ${entry.name}`);
      expect(run.stdout).toContain(entry.summary);
      expect((await entry.load()).name).toBe(entry.name);
    }
  });
});

describe("rightsgraph validate", () => {
  it("exits 1 listing every problem of broken data as file:line", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "rightsgraph-cli-broken-"));
    temporary.push(root);
    await cp("tests/fixtures/data/good", path.join(root, "data"), { recursive: true });
    await cp("tests/fixtures/data/broken/dangling-reference", path.join(root, "data"), { recursive: true });
    const run = await cli("validate", "--data", path.join(root, "data"));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'data/sources/alpha/graph.yaml:43: edge "met" target refers to unknown node "person:anna" (did you mean "person:ana"?)',
    );
    expect(run.stderr).toContain("nothing was loaded");
  });

  it("passes on the bundled data", async () => {
    const run = await cli("validate");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/is valid: \d+ nodes, \d+ edges, 1 source/);
  });
});

describe("rightsgraph stats, search and show", () => {
  it("counts nodes and edges by type", async () => {
    const run = await cli("stats", "--json");
    const stats = JSON.parse(run.stdout);
    expect(Object.values(stats.nodeTypes as Record<string, number>).reduce((a, b) => a + b)).toBe(stats.nodes);
    expect(stats.edgeTypes.cites).toBe(10);
    expect(stats.edgeTypes.declined).toBeGreaterThanOrEqual(4);
  });

  it("finds a person by an unaccented prefix and exits 1 when nothing matches", async () => {
    expect((await cli("search", "tomas")).stdout).toMatch(/^person:tomas-ojea-quintana\tTomás Ojea Quintana\tperson/);
    const none = await cli("search", "zzzzqqq");
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('nothing matches "zzzzqqq"');
  });

  it("lists the candidates of an ambiguous name and exits 1", async () => {
    const run = await cli("show", "Korea");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("is ambiguous");
    expect(run.stderr).toContain("state:kor");
    expect(run.stderr).toContain("state:prk");
  });

  it("shows a node's claims as sentences with their quotes and endnotes", async () => {
    const run = await cli("show", "Khari");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Mohamed Khaled Khiari  [person:mohamed-khaled-khiari, person]");
    expect(run.stdout).toContain("short name: Khiari");
    expect(run.stdout).toContain("- Khiari briefed the Security Council.  (2019-12-11; briefed)");
    expect(run.stdout).toContain("[endnote v]");
  });

  it("reads a joint claim whose every party is shown as one sentence, with its quote once", async () => {
    const run = await cli("show", "doc:un:draft-sc-resolution-dprk-sanctions-2019-12");
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    const at = lines.indexOf(
      "- China and Russia jointly sponsored the China–Russia sanctions draft.  (2019-12; sponsored)",
    );
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(
      /^ {2}“in December China and Russia jointly proposed a draft UN Security Council resolution/,
    );
    expect(run.stdout).not.toContain("- China jointly sponsored");
    expect(run.stdout).not.toContain("- Russia jointly sponsored");
  });
});

describe("rightsgraph path", () => {
  it("prints the paths from the Republic of Korea to Quintana as cited sentences", async () => {
    const run = await cli("path", "Republic of Korea", "Quintana");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Path 1 (1 hop): Republic of Korea ← Tomás Ojea Quintana");
    expect(run.stdout).toContain(
      "1. Ojea Quintana continues to call on the Republic of Korea to stop sidelining human rights concerns from " +
        "denuclearization, sanctions relief and peace talks, and start clearly sending the message that improving the " +
        "human rights situation is integral to headway on these issues.  (2019-10-24)",
    );
    expect(run.stdout).toContain("“Quintana continues to call on the ROK and US (as well as Russia and China)");
    expect(run.stdout).toContain("[endnote viii]");
  });

  it("exits 1 with the reason when there is no path", async () => {
    const run = await cli("path", "Japan", "Quintana", "--max-hops", "1");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("raise maxHops to 3");
  });

  it("answers the United States to the Security Council first with the debate the US refused to endorse", async () => {
    const run = await cli("path", "United States", "Security Council");
    expect(run.code).toBe(0);
    const first = run.stdout.slice(0, run.stdout.indexOf("\n\nPath 2"));
    const debate = "UN Security Council debate on human rights in the DPRK (December 2019, not held)";
    expect(first.split("\n").filter((line) => !line.startsWith("     "))).toEqual([
      `Path 1 (2 hops): United States of America → ${debate} ← United Nations Security Council`,
      "  1. The United States refused to endorse the 2019 Council debate on DPRK human rights, for the second consecutive year.  (2019-12)",
      "  2. The Security Council did not hold the 2019 Council debate on DPRK human rights.  (2019-12)",
    ]);
    expect(first).toContain("“For the second consecutive year, in early December the US government refused to endorse");
    // The step folds both claims the brief makes from the US to the debate: one number, two sentences.
    expect(first).toContain(
      "\n     The United States effectively blocked the 2019 Council debate on DPRK human rights.  (2019-12)\n",
    );
  });

  it("answers China to the DPRK first with the sanctions draft, and by hop count alone with --rank hops", async () => {
    const draft = "China–Russia draft Security Council resolution on DPRK sanctions (December 2019)";
    for (const rank of ["informative", "hops"]) {
      const run = await cli("path", "China", "DPRK", "--rank", rank, "--limit", "3");
      expect(run.code).toBe(0);
      expect(run.stdout.split("\n")[0]).toBe(
        `Path 1 (2 hops): People's Republic of China → ${draft} → Democratic People's Republic of Korea`,
      );
    }
    const informative = (await cli("path", "China", "DPRK", "--limit", "5")).stdout;
    const hops = (await cli("path", "China", "DPRK", "--limit", "5", "--rank", "hops")).stdout;
    // The Special Rapporteur's mandate is three steps away, but says more than the US's refusal, also three.
    expect(informative).toContain(
      "Path 3 (3 hops): People's Republic of China ← Tomás Ojea Quintana → Special Rapporteur",
    );
    expect(hops).not.toContain(
      "Path 3 (3 hops): People's Republic of China ← Tomás Ojea Quintana → Special Rapporteur",
    );
  });

  it("passes through --via and around --avoid, naming them when no path is left", async () => {
    const run = await cli(
      "path",
      "China",
      "DPRK",
      "--via",
      "Quintana",
      "--avoid",
      "Special Rapporteur",
      "--limit",
      "1",
    );
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toMatch(
      /^Path 1 \(4 hops\): People's Republic of China ← Tomás Ojea Quintana → /,
    );
    expect(run.stdout.split("\n")[0]).not.toContain("Special Rapporteur");
    const none = await cli("path", "China", "DPRK", "--via", "Quintana", "--max-hops", "2");
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("passes through Tomás Ojea Quintana within 2 steps");
  });

  it("numbers one sentence of the source used by two steps once, for both steps", async () => {
    const run = await cli("path", "US", "China", "--rank", "hops", "--limit", "50");
    expect(run.stdout).toContain(
      "Path 2 (2 hops): United States of America ← Tomás Ojea Quintana → People's Republic of China\n" +
        "  1-2. Ojea Quintana continues to call on the United States and China to stop sidelining",
    );
  });

  it("refuses an unknown rank with exit 2, naming --rank", async () => {
    const run = await cli("path", "China", "DPRK", "--rank", "best");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--rank must be one of "informative", "hops", got "best"');
  });
});

describe("rightsgraph path and show --format markdown|html", () => {
  it("writes one chosen path as a cited paragraph, its footnotes quoting exactly", async () => {
    const json = JSON.parse((await cli("path", "US", "UNSC", "--path", "1", "--json")).stdout);
    const run = await cli("path", "US", "UNSC", "--path", "1", "--format", "markdown");
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("# How United States of America is connected to United Nations Security Council");
    expect(lines[2]).toMatch(
      /^## Path 1 \(2 steps\): United States of America → .* ← United Nations Security Council$/,
    );
    const footnotes = lines.filter((line) => /^\[\^\d+\]: /.test(line));
    expect(footnotes).toHaveLength(json.paths[0].edges.length);
    expect(footnotes[0]).toContain(`“${json.paths[0].edges[0].evidence.quote}” — source: `);
  });

  it("writes a node's dossier as an HTML document", async () => {
    const run = await cli("show", "ROK", "--format", "html");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^<!doctype html>/);
    expect(run.stdout).toContain("<h1>Republic of Korea</h1>");
    expect(run.stdout).toContain("Content-Security-Policy");
  });

  it("refuses an unknown format, --format with --json, and a path beyond the answer, with exit 2", async () => {
    for (const argv of [
      ["show", "ROK", "--format", "pdf"],
      ["show", "ROK", "--format", "html", "--json"],
      ["path", "US", "UNSC", "--path", "9"],
    ]) {
      const run = await cli(...argv);
      expect(run.code, argv.join(" ")).toBe(2);
      expect(run.stderr).toContain("usage: rightsgraph");
    }
  });
});

describe("rightsgraph export", () => {
  it("exits 2 for --format age without --out, with a bad --graph, or --graph with another format", async () => {
    for (const [argv, message] of [
      [["export", "--format", "age"], "--format age needs --out DIR"],
      [["export", "--format", "age", "--out", "x", "--graph", "g"], '--graph name "g" must be 3 to 63'],
      [["export", "--format", "age", "--out", "x", "--graph", "a-b-c"], "must be 3 to 63 letters, digits or"],
      [["export", "--format", "graphml", "--graph", "rights"], "--graph and --files-at go with --format age"],
      [["export", "--format", "xml"], "--format must be one of graphml, gexf, json, csv, age"],
    ] as const) {
      const run = await cli(...argv);
      expect(run.code, argv.join(" ")).toBe(2);
      expect(run.stderr).toContain(message);
    }
  });

  it("writes an AGE folder: a CSV per label with agtype values, edges by label and number, and load.sql", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "rightsgraph-cli-age-"));
    temporary.push(root);
    const run = await cli("export", "--format", "age", "--out", root);
    expect(run.code, run.stderr).toBe(0);
    const states = parseCsv(await readFile(path.join(root, "nodes", "state.csv"), "utf8"));
    const columns = states[0]!;
    expect(columns.slice(0, 2)).toEqual(["id", "label"]);
    const kor = states.findIndex((row) => row[0] === '"state:kor"');
    expect(JSON.parse(states[kor]![columns.indexOf("aliases")]!)).toContain("South Korea");
    const declined = parseCsv(await readFile(path.join(root, "edges", "declined.csv"), "utf8"));
    expect(declined[0]!.slice(0, 5)).toEqual(["start_id", "start_vertex_type", "end_id", "end_vertex_type", "id"]);
    const row = declined.find((r) => r[4] === '"state:kor--declined--doc:un:a-c.3-74-l.26"')!;
    // The vertex's number is its row in its label's file (the header is row 0).
    expect(row.slice(0, 2)).toEqual([String(kor), "state"]);
    const sql = await readFile(path.join(root, "load.sql"), "utf8");
    expect(sql).toContain(
      `SELECT load_labels_from_file('rightsgraph', 'state', '${root}/nodes/state.csv', false, true);`,
    );
  });

  it("writes GraphML to the --out file with the node and edge counts stats prints", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "rightsgraph-cli-export-"));
    temporary.push(root);
    const file = path.join(root, "g.graphml");
    const run = await cli("export", "--format", "graphml", "--out", file);
    expect(run.code).toBe(0);
    const parsed = parse(MultiDirectedGraph, await readFile(file, "utf8"));
    const stats = JSON.parse((await cli("stats", "--json")).stdout);
    expect([parsed.order, parsed.size]).toEqual([stats.nodes, stats.edges]);
    expect(stats.nodes).toBeGreaterThan(50);
  });

  it("writes a path result to stdout", async () => {
    const run = await cli("export", "--format", "json", "--from", "ROK", "--to", "Quintana", "--limit", "1");
    const exported = JSON.parse(run.stdout);
    expect(exported.nodes.map((n: { key: string }) => n.key).sort()).toEqual([
      "person:tomas-ojea-quintana",
      "state:kor",
    ]);
  });

  it("exits 1 with a clear message when the file cannot be written", async () => {
    const run = await cli("export", "--format", "graphml", "--out", "/no/such/dir/g.graphml");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("cannot write /no/such/dir/g.graphml");
  });
});
