// The record writer on YAML with anchors and aliases (`&a1` / `*a1`, as the first ingest wrote shared values, or a
// person writes by hand): a record reads as the loader reads it, a change writes the one record with its aliases
// written out where it must, and a change that would alter another record through an alias is refused with the line.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { deleteRecord, patchRecord, patchRecords, recordSpans } from "../../src/edit";

const FILE = `edges:
  - type: detained
    source: state:vlr
    target: person:ana-mirel
    evidence:
      quote: detained twelve members
      footnotes: &a1 ["1"]
    note: &why Both parties are named in the same sentence.

  - type: member-of
    source: person:ana-mirel
    target: org:veloria-watch
    evidence: {quote: twelve members of Veloria Watch, footnotes: *a1}
    note: *why

  - type: called-on
    source: org:veloria-watch
    target: state:vlr
    evidence:
      quote: Veloria Watch called on the government
      footnotes: *a1
`;

function refusal(change: () => unknown): { message: string; line: number | undefined } {
  try {
    change();
  } catch (error) {
    return { message: (error as Error).message, line: (error as { line?: number }).line };
  }
  throw new Error("the change was not refused");
}

describe("recordSpans on a file with anchors and aliases", () => {
  it("reads each record with its aliases standing for their anchors' values, as the loader reads them", () => {
    const spans = recordSpans(FILE, "edges");
    expect(spans.map((s) => s.value)).toEqual((parse(FILE) as { edges: unknown[] }).edges);
    expect((spans[1]!.value.evidence as { footnotes: unknown }).footnotes).toEqual(["1"]);
    expect(spans[1]!.value.note).toBe("Both parties are named in the same sentence.");
  });

  it("refuses a record that is itself an alias of another, naming its line", () => {
    const text = "edges:\n  - &first\n    type: detained\n    source: a\n    target: b\n  - *first\n";
    const { message, line } = refusal(() => recordSpans(text, "edges"));
    expect(message).toMatch(/record 2 is an alias \(\*first\) of another record/);
    expect(line).toBe(6);
  });
});

describe("patchRecord on a file with anchors and aliases", () => {
  it("writes out an alias inside a pair it rewrites (a flow mapping: the record is written whole)", () => {
    const after = patchRecord(FILE, "edges", 1, { evidence: { quote: "twelve members" } });
    const edges = (parse(after) as { edges: Record<string, unknown>[] }).edges;
    expect(edges[1]).toEqual({
      type: "member-of",
      source: "person:ana-mirel",
      target: "org:veloria-watch",
      evidence: { quote: "twelve members", footnotes: ["1"] },
      note: "Both parties are named in the same sentence.",
    });
    // The other records, and the first record's anchors, are as they were.
    expect(after.slice(0, after.indexOf("  - type: member-of"))).toBe(
      FILE.slice(0, FILE.indexOf("  - type: member-of")),
    );
    expect(after.slice(after.indexOf("  - type: called-on"))).toBe(FILE.slice(FILE.indexOf("  - type: called-on")));
    expect(edges[2]).toEqual((parse(FILE) as { edges: unknown[] }).edges[2]);
  });

  it("keeps an alias it does not rewrite: a status change on an aliasing record is one line", () => {
    const after = patchRecord(FILE, "edges", 2, { status: "reviewed" });
    expect(after).toBe(`${FILE}    status: reviewed\n`);
  });

  it("replaces an aliased value it changes, and leaves the anchor to the other records", () => {
    const after = patchRecord(FILE, "edges", 2, { evidence: { footnotes: ["2"] } });
    const edges = (parse(after) as { edges: { evidence: { footnotes: string[] } }[] }).edges;
    expect(edges.map((e) => e.evidence.footnotes)).toEqual([["1"], ["1"], ["2"]]);
  });

  it("changes the record holding an anchor where the anchored value stays", () => {
    const after = patchRecord(FILE, "edges", 0, { status: "draft", evidence: { quote: "detained twelve" } });
    const edges = (parse(after) as { edges: Record<string, unknown>[] }).edges;
    expect(edges[0]).toMatchObject({ status: "draft", evidence: { quote: "detained twelve", footnotes: ["1"] } });
    expect(after).toContain("footnotes: &a1");
    expect(edges.slice(1)).toEqual((parse(FILE) as { edges: unknown[] }).edges.slice(1));
  });

  it("refuses to change an anchored value that other records use, naming the alias's line and the anchor's", () => {
    const { message, line } = refusal(() => patchRecord(FILE, "edges", 0, { evidence: { footnotes: ["2"] } }));
    expect(message).toContain("the alias *a1 at line 13 stands for the value of the anchor &a1 at line 7");
    expect(message).toContain("in record 1 (line 2)");
    expect(message).toContain("Write that value out in full at line 13");
    expect(line).toBe(13);
    const note = refusal(() => patchRecord(FILE, "edges", 0, { note: null }));
    expect(note.message).toContain("the alias *why at line 14");
  });

  it("refuses to change an anchored map's inside when another record uses the map", () => {
    const text = `edges:
  - type: a
    evidence: &ev
      quote: q
      footnotes: []
  - type: b
    evidence: *ev
`;
    const { message, line } = refusal(() => patchRecord(text, "edges", 0, { evidence: { footnotes: ["1"] } }));
    expect(message).toMatch(/alias \*ev at line 7 .* change its value/);
    expect(line).toBe(7);
    // Through the alias: the map is copied into the record changed, the anchor's record stays.
    const after = patchRecord(text, "edges", 1, { evidence: { footnotes: ["1"] } });
    expect(parse(after)).toEqual({
      edges: [
        { type: "a", evidence: { quote: "q", footnotes: [] } },
        { type: "b", evidence: { quote: "q", footnotes: ["1"] } },
      ],
    });
  });
});

describe("patchRecords on a file with anchors and aliases", () => {
  it("changes the records one after another, as patchRecord does, each held to the aliases", () => {
    const oneByOne = patchRecord(patchRecord(FILE, "edges", 2, { status: "reviewed" }), "edges", 1, {
      evidence: { quote: "twelve members" },
    });
    expect(
      patchRecords(FILE, [
        { section: "edges", index: 2, patch: { status: "reviewed" } },
        { section: "edges", index: 1, patch: { evidence: { quote: "twelve members" } } },
      ]),
    ).toBe(oneByOne);
    const { message } = refusal(() =>
      patchRecords(FILE, [
        { section: "edges", index: 2, patch: { status: "reviewed" } },
        { section: "edges", index: 0, patch: { evidence: { footnotes: ["2"] } } },
      ]),
    );
    expect(message).toContain("the alias *a1 at line 13 stands for the value of the anchor &a1 at line 7");
  });
});

describe("deleteRecord on a file with anchors and aliases", () => {
  it("refuses to delete a record whose anchors other records use", () => {
    const { message, line } = refusal(() => deleteRecord(FILE, "edges", 0));
    expect(message).toMatch(/the alias \*a1 at line 13 .* make it name nothing/);
    expect(line).toBe(13);
  });

  it("deletes a record that only uses aliases, and the others read as before", () => {
    const after = deleteRecord(FILE, "edges", 1);
    const before = (parse(FILE) as { edges: unknown[] }).edges;
    expect((parse(after) as { edges: unknown[] }).edges).toEqual([before[0], before[2]]);
  });
});
