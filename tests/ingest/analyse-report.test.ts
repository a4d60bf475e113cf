// The analysis of the bundled brief's raw text: endnotes and markers, UN symbols, mentions, candidates, claims.
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data";
import { analyseReport, type Analysis } from "../../src/ingest/analyse-report";
import { corpusContext } from "../../src/ingest/corpus-context";
import { normaliseText } from "../../src/ingest/normalise-text";
import { BRIEF_TEXT, corpus, removeCorpora } from "./corpora";

let withEntities: Analysis;
let empty: Analysis;

beforeAll(async () => {
  const text = normaliseText(await readFile(BRIEF_TEXT, "utf8"));
  for (const kind of ["entities", "empty"] as const) {
    const dataset = await loadDataset(await corpus(kind), { allowNoSources: true, suggestions: true });
    const analysis = analyseReport(text, await corpusContext(dataset, "2020"));
    if (kind === "entities") withEntities = analysis;
    else empty = analysis;
  }
});
afterAll(removeCorpora);

describe("analyseReport on the bundled brief", () => {
  it("finds the 8 endnotes and a marker for each, in both encodings, with nothing unpaired", () => {
    expect(withEntities.endnotes.notes.map((n) => n.marker)).toEqual([
      "i",
      "ii",
      "iii",
      "iv",
      "v",
      "vi",
      "vii",
      "viii",
    ]);
    expect(new Set(withEntities.endnotes.markers.map((m) => m.marker))).toEqual(
      new Set(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"]),
    );
    const text = withEntities.text;
    const iv = withEntities.endnotes.markers.find((m) => m.marker === "iv")!;
    expect(text.slice(iv.start, iv.end)).toBe("^{iv}");
    expect(withEntities.endnotes.problems).toEqual([]);
  });

  it("reads the citations' symbols, URLs and locators", () => {
    const ii = withEntities.citations.get("ii")!;
    expect(ii.map((c) => c.symbol ?? null)).toEqual(["S/PV.8682", null]);
    expect(ii[0]!.locator).toBe("p.5");
    expect(ii[1]!.publisher).toBe("Reuters");
    expect(withEntities.citations.get("i")![0]!.url).toBe("https://undocs.org/A/C.3/74/L.26");
    expect(withEntities.citations.get("iii")![0]!.author).toBe("Colum Lynch");
    // The symbol inside the undocs.org link is part of the URL, not a mention of its own.
    expect(withEntities.symbols.map((s) => s.symbol)).toEqual(["A/C.3/74/L.26", "S/PV.8682", "S/PV.8682"]);
  });

  it("links names of shared entities, longest first: the Seoul field office is not Seoul", () => {
    const byText = new Map(withEntities.mentions.map((m) => [m.text, m.node]));
    expect(byText.get("OHCHR field office in Seoul")).toBe("unoffice:ohchr-seoul");
    expect(byText.get("UN Security Council")).toBe("un:security-council");
    expect(byText.get("the UN Security Council")).toBeUndefined();
    expect(byText.get("Tomás Ojea Quintana")).toBe("person:tomas-ojea-quintana");
  });

  it("proposes candidates with a guessed type in an empty corpus", () => {
    const byLabel = new Map(empty.candidates.map((c) => [c.label, c]));
    expect(byLabel.get("China")).toMatchObject({ id: "state:chn", type: "state", rule: "un-member-state" });
    expect(byLabel.get("Security Council")?.type ?? byLabel.get("UN Security Council")?.type).toBe("un-body");
    expect([...byLabel.values()].find((c) => c.label.includes("Quintana"))?.type).toBe("person");
  });

  it("suggests the ROK's refusal from the Foreign Policy headline, backed by endnote iii", () => {
    const declined = withEntities.claims.find((c) => c.type === "declined" && c.source === "state:kor")!;
    expect(declined.footnotes).toEqual(["iii"]);
    expect(withEntities.text.slice(declined.start, declined.end)).toBe(declined.quote);
  });

  it("finds the five recommendation headings and their addressees", () => {
    const headings = [...new Set(withEntities.recommendations.map((r) => r.heading))];
    expect(headings).toHaveLength(5);
    const usKor = withEntities.recommendations.find((r) => r.heading.startsWith("The US and Republic of Korea"))!;
    expect(usKor.addressees.map((m) => m.node)).toEqual(["state:usa", "state:kor"]);
  });
});
