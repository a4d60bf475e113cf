// Hostile data through every command of the CLI: labels, aliases, descriptions, quotes, type and field names and
// problem messages full of terminal escapes. Nothing the data holds may act on the terminal: the output holds no
// control character but the CLI's own line feeds and tabs, and shows the data's escaped instead.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { DataError } from "../../src/errors";
import type { Dataset } from "../../src/schema";
import { addEdge, addNode, emptyGraph } from "../helpers/graph-builder";
import { runCli, type CliRun } from "../helpers/run-cli";
import { buildSchema } from "../helpers/schema-builder";
import { byScale, Tally } from "./helpers/tally";

const tally = new Tally("terminal");
const dir = mkdtempSync(path.join(tmpdir(), "rightsgraph-terminal-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  tally.save();
});

/** What may act on a terminal (stated here on its own, not taken from the code under test). */
// eslint-disable-next-line no-control-regex -- finding control characters is this check's whole job
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

const CLEAR = "\u001b[2J\u001b[H";
const OVERWRITE = "\rok: data is valid";
const TITLE = "\u001b]0;pwned\u0007";
const LINK = "\u001b]8;;http://evil.example\u001b\\click\u001b]8;;\u001b\\";
const C1 = "\u009b31m\u009d0;t\u009c";
const BIDI = "\u202eevil\u202c\u2066x\u2069";
const OTHERS = "\u0000\u0008\u007f\u2028\u2029\u0007";
const ALL = [CLEAR, OVERWRITE, TITLE, LINK, C1, BIDI, OTHERS];

/** A small graph whose every text, type name and field name carries terminal escapes. */
function hostileDataset(label: string = `Hostile ${ALL.join(" ")}`): Dataset {
  const type = `thing${CLEAR}`;
  const schema = buildSchema({
    nodeTypes: { [type]: { [`note${TITLE}`]: "text" } },
    edgeTypes: { [`links-to${C1}`]: {}, cites: {} },
  });
  const graph = emptyGraph(`graph ${LINK}`);
  for (const id of ["a", "b", "c"])
    addNode(graph, `thing:${id}`, {
      type,
      label: id === "a" ? label : `${id} ${BIDI}`,
      aliases: [`alias ${OVERWRITE}`, `alias ${LINK}`],
      description: `description ${CLEAR}${OTHERS}`,
      date: "2019",
      props: { [`note${TITLE}`]: `note ${C1}` },
      outsideKnowledge: [`outside ${TITLE}`],
    });
  for (const [id, from, to] of [
    ["ab", "a", "b"],
    ["bc", "b", "c"],
  ])
    addEdge(graph, `edge:${id}`, `thing:${from}`, `thing:${to}`, {
      type: `links-to${C1}`,
      label: `links ${BIDI}`,
      date: "2019-12",
      evidence: { quote: `quote ${ALL.join(" | ")}`, footnotes: [`i${CLEAR}`], sourceDoc: "thing:a" },
    });
  return { dataDir: dir, schema, graph, sources: new Map() };
}

/** Problems of a folder as the loader reports them, with escapes in file names, fields, values and hints. */
const PROBLEMS = new DataError([
  {
    file: `sources/x${CLEAR}/graph.yaml`,
    line: 3,
    code: "unknown-field",
    message: `unknown field "aliasses${OVERWRITE}"`,
    hint: `did you mean "aliases${TITLE}"?`,
  },
  {
    file: "sources/x/graph.yaml",
    line: 9,
    code: "quote-not-found",
    message: `quote not found verbatim: "${LINK}"`,
    hint: `closest passage: "${C1}${BIDI}"`,
  },
]);

const cli = (argv: string[], load: () => Promise<Dataset>): Promise<CliRun> => runCli(argv, { loadDataset: load });

function expectInert(run: CliRun, what: string): void {
  tally.add("outputs checked", 2);
  for (const [stream, text] of [
    ["stdout", run.stdout],
    ["stderr", run.stderr],
  ] as const) {
    const found = ACTIVE.exec(text);
    if (found) tally.add("raw control characters");
    expect(found && `${stream} of ${what}: U+${found[0].charCodeAt(0).toString(16)} at ${found.index}`).toBeNull();
  }
}

const valid = async (): Promise<Dataset> => hostileDataset();
const broken = async (): Promise<Dataset> => {
  throw PROBLEMS;
};

describe("every command, on data full of terminal escapes", () => {
  const runs: [string, string[], () => Promise<Dataset>, RegExp | null][] = [
    ["validate", ["validate", "--data", path.join(dir, `folder${CLEAR}`)], valid, /ok: .*folder\\u001b\[2J/],
    ["validate's problems", ["validate"], broken, /aliasses\\u000dok: data is valid/],
    ["stats", ["stats"], valid, /thing\\u001b\[2J\\u001b\[H +3/],
    ["stats --json", ["stats", "--json"], valid, null],
    ["search", ["search", "Hostile"], valid, /Hostile \\u001b\[2J/],
    ["search --json", ["search", "Hostile", "--json"], valid, null],
    ["show", ["show", "thing:a"], valid, /\\u001b\]8;;http:\/\/evil\.example\\u001b\\click/],
    ["show --json", ["show", "thing:a", "--json"], valid, null],
    ["neighbors", ["neighbors", "thing:b"], valid, /\\u202eevil\\u202c/],
    ["path", ["path", "thing:a", "thing:c", "--include-provenance"], valid, /\\u009b31m\\u009d0;t\\u009c/],
    ["path --json", ["path", "thing:a", "thing:c", "--json"], valid, null],
    [
      "export's message",
      ["export", "--format", "json", "--out", path.join(dir, `out${TITLE}.json`)],
      valid,
      /out\\u001b\]0;pwned\\u0007\.json/,
    ],
    [
      "export's error",
      ["export", "--format", "json", "--out", path.join(dir, `no${CLEAR}`, "x.json")],
      valid,
      /cannot write/,
    ],
    ["an unknown node", ["show", "zzqqxx\u0007\u009b\u001b"], valid, /no node matches "zzqqxx\\u0007\\u009b\\u001b"/],
    ["a usage error", ["stats", `--verbose${TITLE}`], valid, /usage: rightsgraph stats/],
    ["an unknown command", [`frob${OVERWRITE}`], valid, /unknown command "frob\\u000dok/],
    ["a failing load", ["show", "thing:a"], broken, /2 problem\(s\) found/],
  ];

  it.each(runs)("prints %s with every control character escaped", async (what, argv, load, shown) => {
    const run = await cli(argv, load);
    tally.add("commands run");
    expectInert(run, what);
    if (shown) expect(`${run.stdout}${run.stderr}`).toMatch(shown);
    if (argv.includes("--json")) {
      expect(run.code).toBe(0);
      // The escapes are JSON's own: the data reads back unchanged.
      expect(JSON.stringify(JSON.parse(run.stdout))).toContain(JSON.stringify(CLEAR).slice(1, -1));
    }
  });

  it("reads back the data unchanged from --json output", async () => {
    const run = await cli(["show", "thing:a", "--json"], valid);
    const shown = JSON.parse(run.stdout) as { node: { label: string; aliases: string[] }; edges: { label: string }[] };
    expect(shown.node.label).toBe(`Hostile ${ALL.join(" ")}`);
    expect(shown.node.aliases).toEqual([`alias ${OVERWRITE}`, `alias ${LINK}`]);
    expect(shown.edges[0]!.label).toBe(`links ${BIDI}`);
  });
});

describe("any label at all", () => {
  it("never reaches the terminal raw through show, search or path", async () => {
    const units = fc.oneof(
      fc.constantFrom(...ALL, "\t", "\n", "é", "😀"),
      fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: units, minLength: 1, maxLength: 30 }), async (label) => {
        const load = async () => hostileDataset(`Hostile ${label}`);
        for (const argv of [
          ["show", "thing:a"],
          ["search", "Hostile"],
          ["path", "thing:a", "thing:c"],
        ]) {
          tally.add("commands run");
          expectInert(await cli(argv, load), `${argv[0]} of ${JSON.stringify(label)}`);
        }
      }),
      { numRuns: byScale(40, 400), seed: 23 },
    );
  }, 120_000);
});
