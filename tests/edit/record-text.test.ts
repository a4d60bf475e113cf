// The record writer's splice on hand-written YAML: a change to one record rewrites only what changed in it, so the
// bundled graph.yaml (folded by hand) keeps its shape, and `review` through the writer is a one-record diff.
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { patchRecord, patchRecords, recordSpans, setTopLevel, type RecordPatch } from "../../src/edit";
import { lineDiff } from "../helpers/line-diff";
import { cli } from "../helpers/run-cli";

const BUNDLED = path.resolve("graph-data");
const GRAPH = "sources/dprk-2020-brief/graph.yaml";

/** Line numbers (1-based) from the record's `-` line to its last line. */
function recordLines(text: string, start: number, end: number): [number, number] {
  const lineOf = (offset: number) => text.slice(0, offset).split("\n").length;
  return [lineOf(start), lineOf(end - 1)];
}

let text: string;
beforeAll(async () => {
  text = await readFile(path.join(BUNDLED, GRAPH), "utf8");
});

describe("patchRecord on the bundled graph.yaml", () => {
  it("adds one line for a status, in records all through the file, and nothing else moves", () => {
    for (const section of ["nodes", "edges"] as const) {
      const spans = recordSpans(text, section);
      expect(spans.length).toBeGreaterThan(10);
      // Every twentieth record and the last (each change reads every record of the file: all would be slow).
      for (const span of spans.filter((_s, i) => i % 20 === 0 || i === spans.length - 1)) {
        const diff = lineDiff(text, patchRecord(text, section, span.index, { status: "rejected" }));
        const [first, last] = recordLines(text, span.start, span.end);
        expect(diff.removed, `${section} ${span.index}`).toEqual([]);
        expect(diff.added, `${section} ${span.index}`).toEqual([`${" ".repeat(span.indent + 2)}status: rejected`]);
        expect(diff.from).toBeGreaterThan(first);
        expect(diff.from).toBeLessThanOrEqual(last + 1);
      }
    }
  });

  it("changes only the lines of the field changed inside evidence, keeping the hand-folded quote above it", () => {
    const spans = recordSpans(text, "edges");
    const span = spans.find((s) => {
      const evidence = s.value.evidence as { quote: string; footnotes: string[] };
      return evidence.quote.length > 120 && evidence.footnotes.length > 0;
    })!;
    const after = patchRecord(text, "edges", span.index, { evidence: { footnotes: ["viii"] } });
    const diff = lineDiff(text, after);
    expect(diff.removed).toHaveLength(1);
    expect(diff.removed[0]).toMatch(/^ +footnotes: \[.*\]$/);
    expect(diff.added).toEqual([diff.removed[0]!.replace(/\[.*\]/, "[viii]")]);
    expect((parse(after) as { edges: { evidence: unknown }[] }).edges[span.index]!.evidence).toEqual({
      ...(span.value.evidence as object),
      footnotes: ["viii"],
    });
  });

  it("writes an id first, a new key last, removes a key with its lines only, and keeps the file valid YAML", () => {
    const yaml =
      "edges:\n  - type: x # why\n    source: a\n    what: >-\n      folded\n      by hand\n    note: n\n\n  - type: y\n";
    const withId = patchRecord(yaml, "edges", 0, { id: "a--x--b", note: null, date: "2019-12" });
    expect(withId).toBe(
      'edges:\n  - id: a--x--b\n    type: x # why\n    source: a\n    what: >-\n      folded\n      by hand\n    date: "2019-12"\n\n  - type: y\n',
    );
  });

  it("sets a top-level key in place or before the endnotes, leaving comments and folding alone", () => {
    const source = "# A comment.\nid: s\ntitle: >-\n  Folded\n  title\nendnotes:\n  - marker: i\n";
    const added = setTopLevel(source, "sha256", "ab".repeat(32), ["endnotes"]);
    expect(lineDiff(source, added).added).toEqual([`sha256: ${"ab".repeat(32)}`]);
    const replaced = setTopLevel(added, "sha256", "cd".repeat(32));
    expect(lineDiff(added, replaced)).toMatchObject({
      removed: [`sha256: ${"ab".repeat(32)}`],
      added: [`sha256: ${"cd".repeat(32)}`],
    });
  });
});

describe("patchRecords on the bundled graph.yaml", () => {
  it("changes records of both sections from one parse exactly as patchRecord does one after another", () => {
    const edges = recordSpans(text, "edges");
    const nodes = recordSpans(text, "nodes");
    const patches: RecordPatch[] = [
      { section: "edges", index: edges.length - 1, patch: { status: "draft", review_note: "check: moved" } },
      { section: "nodes", index: 3, patch: { label: "A label changed" } },
      { section: "edges", index: 0, patch: { evidence: { footnotes: ["viii"] } } },
      ...edges
        .filter((s) => s.index % 40 === 3)
        .map((s) => ({ section: "edges" as const, index: s.index, patch: { id: `e-${s.index}` } })),
      { section: "nodes", index: nodes.length - 1, patch: { status: "rejected" } },
    ];
    const oneByOne = patches.reduce((out, { section, index, patch }) => patchRecord(out, section, index, patch), text);
    expect(oneByOne).not.toBe(text);
    expect(patchRecords(text, patches)).toBe(oneByOne);
    expect(patchRecords(text, [])).toBe(text);
  });

  it("refuses two changes of the same record", () => {
    const twice: RecordPatch[] = [
      { section: "edges", index: 2, patch: { status: "draft" } },
      { section: "edges", index: 2, patch: { review_note: "x" } },
    ];
    expect(() => patchRecords(text, twice)).toThrow("two changes of the same record");
  });
});

describe("review through the record writer on a copy of graph-data", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "rightsgraph-record-text-"));
    await cp(BUNDLED, path.join(root, "data"), { recursive: true, filter: (p) => !p.includes(".rightsgraph-edit") });
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("rejecting one hand-written claim is a one-line diff inside that record", async () => {
    const dir = path.join(root, "data");
    const spans = recordSpans(text, "edges");
    const span = spans[40]!;
    const number = recordSpans(text, "nodes").length + span.index + 1;
    const run = await cli("review", "dprk-2020-brief", "reject", String(number), "--data", dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const diff = lineDiff(text, await readFile(path.join(dir, GRAPH), "utf8"));
    const [first, last] = recordLines(text, span.start, span.end);
    expect(diff.removed).toEqual([]);
    expect(diff.added).toEqual(["    status: rejected"]);
    expect(diff.from).toBeGreaterThan(first);
    expect(diff.from).toBeLessThanOrEqual(last + 1);
  });
});
