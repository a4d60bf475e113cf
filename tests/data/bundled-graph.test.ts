// The bundled graph holds the DPRK brief faithfully: every quote verbatim, and the brief's claims answerable.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/data";

const { graph, sources } = await loadDataset();
const brief = sources.get("dprk-2020-brief")!;
const seed = readFileSync("graph-data/sources/dprk-2020-brief/source.txt", "utf8");

/** Every edge of a type as [source, target, attributes]. */
function edges(type: string) {
  return graph
    .filterEdges((_, a) => a.type === type)
    .map((e) => [graph.source(e), graph.target(e), graph.getEdgeAttributes(e)] as const);
}
function edge(type: string, source: string, target: string) {
  const found = edges(type).filter(([s, t]) => s === source && t === target);
  expect(found, `${source} ${type} ${target}`).toHaveLength(1);
  return found[0]![2];
}

describe("the bundled source", () => {
  it("is the brief's text, unchanged", () => {
    expect(brief.text).toBe(seed);
    expect(brief.text).toContain("Mohamed Khaled Khari");
  });
});

describe("every claim of the bundled graph", () => {
  it("quotes its source verbatim, at the offsets it gives", () => {
    let checked = 0;
    graph.forEachEdge((id, a) => {
      const text = [...sources.values()].find((s) => s.document === a.evidence.sourceDoc)!.text;
      expect(a.evidence.quote.length, id).toBeGreaterThan(0);
      expect(text.includes(a.evidence.quote), id).toBe(true);
      expect(text.slice(a.evidence.start, a.evidence.end), id).toBe(a.evidence.quote);
      checked++;
    });
    expect(checked).toBe(graph.size);
  });

  it("cites only endnotes the brief has, and the brief's endnotes are all there", () => {
    expect([...brief.endnotes.keys()]).toEqual(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"]);
    graph.forEachEdge((id, a) => {
      for (const note of a.evidence.footnotes) expect(brief.endnotes.has(note), id).toBe(true);
    });
  });

  it("gives every node a label, a type, a description and its aliases as printed", () => {
    graph.forEachNode((id, a) => {
      expect(a.label.trim(), id).not.toBe("");
      expect(a.description.trim(), id).not.toBe("");
      for (const alias of a.aliases) expect(seed.includes(alias) || alias === a.label, `${id}: ${alias}`).toBe(true);
    });
  });
});

describe("who declined what, and when", () => {
  it("the ROK declined to co-sponsor the resolution's draft, reported by endnote iii (not ii)", () => {
    const a = edge("declined", "state:kor", "doc:un:a-c.3-74-l.26");
    expect(a.evidence.footnotes).toEqual(["iii"]);
    expect(a.props.what).toMatch(/co-sponsor/);
    expect(a.evidence.quote).toContain("the Republic of Korea (ROK) declined to co-sponsor the resolution");
  });

  it("the US refused to endorse a Security Council debate in December 2019, and so blocked it", () => {
    const a = edge("declined", "state:usa", "event:unsc-dprk-human-rights-debate-2019");
    expect(a.date).toBe("2019-12");
    expect(a.props.what).toMatch(/endorse/);
    edge("blocked", "state:usa", "event:unsc-dprk-human-rights-debate-2019");
  });

  it("Japan decided in March 2019 not to join the EU's sponsorship, which the EU kept", () => {
    expect(edge("declined", "state:jpn", "doc:un:draft-hrc-resolution-dprk-2019").date).toBe("2019-03");
    edge("sponsored", "igo:eu", "doc:un:draft-hrc-resolution-dprk-2019");
  });

  it("the DPRK refuses to engage with the Special Rapporteur", () => {
    edge("declined", "state:prk", "unoffice:sr-dprk");
  });
});

describe("who sponsored, proposed, adopted", () => {
  it("China and Russia jointly proposed the draft on sanctions: one edge each", () => {
    const proposals = edges("proposed").filter(([, t]) => t === "doc:un:draft-sc-resolution-dprk-sanctions-2019-12");
    expect(proposals.map(([s]) => s).sort()).toEqual(["state:chn", "state:rus"]);
  });

  it("the General Assembly passed the resolution on 18 December 2019 by consensus", () => {
    const adopted = edges("adopted").filter(([s]) => s === "un:general-assembly");
    expect(adopted.map(([, , a]) => a.date)).toEqual(["2019-12-18", "2019-12-18"]);
    expect(adopted.some(([, , a]) => a.props.vote === "by consensus without a vote")).toBe(true);
  });
});

describe("whom each recommendation is addressed to", () => {
  it("addresses each of the five recommendations to each of its addressees, with its verbatim text", () => {
    const recommendations = graph.filterNodes(
      (_, a) => a.type === "recommendation" && !a.label.startsWith("Longstanding"),
    );
    expect(recommendations).toHaveLength(5);
    const addressees = Object.fromEntries(
      recommendations.map((r) => [
        r,
        graph
          .outNeighbors(r)
          .filter((t) => graph.edges(r, t).some((e) => graph.getEdgeAttribute(e, "type") === "addressed-to"))
          .sort(),
      ]),
    );
    expect(addressees).toEqual({
      "rec:dprk-2020-brief:dprk-government-1": ["state:prk"],
      "rec:dprk-2020-brief:us-rok-1": ["state:kor", "state:usa"],
      "rec:dprk-2020-brief:unsc-1": ["un:security-council"],
      "rec:dprk-2020-brief:china-rok-1": ["state:chn", "state:kor"],
      "rec:dprk-2020-brief:ohchr-1": ["unoffice:ohchr"],
    });
    for (const r of recommendations) expect(seed).toContain(graph.getNodeAttribute(r, "props").text);
  });

  it("keeps the cut-off Security Council recommendation as printed and marks it incomplete", () => {
    const props = graph.getNodeAttribute("rec:dprk-2020-brief:unsc-1", "props");
    expect(props.incomplete).toBe(true);
    expect(props.text).toBe(
      "Ensure that human rights concerns are integrated into any proposal for sanctions relief, including conditioning sanctions relief on DPRK authorities",
    );
    expect(props.heading).toBe("The UN Security Council should:");
  });
});

describe("the longstanding recommendation on sanctions relief", () => {
  it("keeps both numbered conditions verbatim, and names the UN country team the text names", () => {
    const [first, second] = ["rec:dprk-2020-brief:longstanding-1", "rec:dprk-2020-brief:longstanding-2"].map((id) =>
      graph.getNodeAttribute(id, "props"),
    );
    expect([first!.number, second!.number]).toEqual([1, 2]);
    expect(first!.text).toContain("Pyongyang allowing the UN country team free and unimpeded access");
    expect(second!.text).toContain("accepting the UN Special Rapporteur's request for a country visit");
    expect(graph.getNodeAttribute("unoffice:un-country-team", "aliases")).toEqual(["UN country team"]);
    edge("about", "rec:dprk-2020-brief:longstanding-1", "unoffice:un-country-team");
  });
});

describe("who briefed, warned or called on whom", () => {
  it("Khiari (printed Khari) briefed the Security Council, per endnote v", () => {
    const khiari = graph.getNodeAttributes("person:mohamed-khaled-khiari");
    expect(khiari.label).toBe("Mohamed Khaled Khiari");
    expect(khiari.aliases).toContain("Mohamed Khaled Khari");
    expect(khiari.outsideKnowledge?.join(" ")).toMatch(/Khiari/);
    expect(edge("briefed", "person:mohamed-khaled-khiari", "un:security-council").evidence.footnotes).toEqual(["v"]);
  });

  it("the DPRK warned the UN, per endnote iv", () => {
    expect(edge("warned", "state:prk", "un:united-nations").evidence.footnotes).toEqual(["iv"]);
  });

  it("Quintana calls on the ROK, the US, Russia and China, per endnote viii", () => {
    const called = edges("called-on").filter(([s]) => s === "person:tomas-ojea-quintana");
    expect(called.map(([, t]) => t).sort()).toEqual(["state:chn", "state:kor", "state:rus", "state:usa"]);
    for (const [, , a] of called) expect(a.evidence.footnotes).toEqual(["viii"]);
  });
});

describe("the brief's endnotes and publisher", () => {
  it("cites every document of every endnote, with page locators kept", () => {
    const cites = edges("cites").filter(([s]) => s === "doc:brief:dprk-2020");
    expect(cites).toHaveLength(10);
    const spv = cites.filter(([, t]) => t === "doc:un:s-pv.8682").map(([, , a]) => [a.props.endnote, a.props.locator]);
    expect(spv.sort()).toEqual([
      ["ii", "p.5"],
      ["v", "p.3"],
    ]);
  });

  it("records the publisher as unverified", () => {
    expect(graph.getNodeAttribute("doc:brief:dprk-2020", "props").publisher_verified).toBe(false);
    expect(brief.meta.publisher_verified).toBe(false);
  });
});
