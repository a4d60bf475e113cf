// Every claim of the bundled graph as the sentence it reads as, checked in (tests/data/bundled-sentences.txt) so that
// a change to a reading, a short name or an attribute shows up as a changed line that someone has to read.
// Regenerate after a deliberate change: npx vitest run tests/data/bundled-sentences.test.ts -u
import { describe, expect, it } from "vitest";
import { bundledDataset } from "../helpers/bundled-dataset";
import { groupByClaim } from "../../src/api/claim-groups";
import { toEdgeObject } from "../../src/query/to-edge-object";

const { graph } = await bundledDataset();
const edges = graph.mapEdges((id) => toEdgeObject(graph, id));

/** One line per edge, then one line per claim of several edges: the sentence, then the edge or claim id. */
function rendering(): string {
  const lines = [
    "# Every claim of the bundled graph as a sentence (tests/data/bundled-sentences.test.ts).",
    "# Regenerate: npx vitest run tests/data/bundled-sentences.test.ts -u",
    "",
    "## Each edge alone",
    ...edges.map((edge) => `${edge.sentence}  [${edge.id}]`),
    "",
    "## Claims of several edges, read together",
    ...groupByClaim(edges)
      .filter((group) => group.edges.length > 1)
      .map((group) => `${group.sentence}  [${group.edges[0]!.claim}, ${group.edges.length} edges]`),
  ];
  return `${lines.join("\n")}\n`;
}

describe("the bundled graph's sentences", () => {
  it("match the checked-in rendering, line by line", async () => {
    await expect(rendering()).toMatchFileSnapshot("bundled-sentences.txt");
  });

  it("are each one sentence: a capital first letter, no slot left, single spaces, a final full stop", () => {
    const sentences = [...edges.map((e) => e.sentence), ...edges.flatMap((e) => e.claimSentence ?? [])];
    const wrong = sentences.filter(
      (s) => !/^[“"‘(]?[A-Z0-9]/.test(s) || /[{}[\]]/.test(s) || /\s{2}|\s[,.]/.test(s) || !/[.?!]$/.test(s),
    );
    expect(wrong).toEqual([]);
  });

  it("give every edge of a joint record the same claim, and read the claim with all its parties", () => {
    const sponsors = edges.filter(
      (e) => e.type === "sponsored" && e.target === "doc:un:draft-sc-resolution-dprk-sanctions-2019-12",
    );
    expect(sponsors.map((e) => e.source)).toEqual(["state:chn", "state:rus"]);
    expect(new Set(sponsors.map((e) => e.claim)).size).toBe(1);
    expect(sponsors.map((e) => e.sentence)).toEqual([
      "China jointly sponsored the China–Russia sanctions draft.",
      "Russia jointly sponsored the China–Russia sanctions draft.",
    ]);
    expect(groupByClaim(sponsors).map((g) => g.sentence)).toEqual([
      "China and Russia jointly sponsored the China–Russia sanctions draft.",
    ]);
  });

  it("read every negated claim as what did not happen", () => {
    const negated = edges.filter((e) => e.negated === true);
    expect(negated.length).toBeGreaterThan(0);
    for (const edge of negated) expect(edge.sentence, edge.id).toMatch(/\b(did not|not|never|no)\b/);
  });

  it("agree the verb with a plural subject: several parties, or a name that is plural", () => {
    const byId = new Map(edges.map((e) => [e.id, e]));
    const opposed = byId.get("state:chn--opposed--event:unsc-dprk-human-rights-debate-2019")!;
    expect(opposed.sentence).toMatch(/^China steadfastly opposes /);
    expect(opposed.claimSentence).toMatch(/^China and Russia steadfastly oppose /);
    expect(
      byId.get("event:us-rok-decisions-to-refrain--about--topic:human-rights-on-diplomatic-agenda")?.sentence,
    ).toBe("The US and ROK decisions are about human rights on the agenda.");
    expect(byId.get("doc:brief:dprk-2020--about--state:prk")?.sentence).toBe(
      "The DPRK brief (2020) is about the DPRK.",
    );
  });

  it("name every node by a short name of its own, without its article, so no two nodes show alike", () => {
    const names = graph.mapNodes((id, a) => [id, a.shortLabel ?? a.label] as const);
    const byName = new Map<string, string[]>();
    for (const [id, name] of names) byName.set(name, [...(byName.get(name) ?? []), id]);
    expect([...byName.entries()].filter(([, ids]) => ids.length > 1)).toEqual([]);
    expect(names.filter(([, name]) => /^the /i.test(name))).toEqual([]);
    expect(graph.getNodeAttribute("state:prk", "shortLabel")).toBe("DPRK");
    expect(graph.getNodeAttribute("doc:brief:dprk-2020", "shortLabel")).toBe("DPRK brief (2020)");
  });

  it("give loader-made cites edges a sentence with their endnote and page, asserted", () => {
    const cites = edges.find((e) => e.id === "doc:brief:dprk-2020--cites--doc:un:s-pv.8682--ii")!;
    expect(cites.sentence).toBe("The DPRK brief (2020) cites S/PV.8682 (endnote ii, p.5).");
    expect(cites.modality).toBe("asserted");
  });
});
