// The bundled graph holds the DPRK brief faithfully: every quote verbatim, and the brief's claims answerable.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { bundledDataset } from "../helpers/bundled-dataset";

const { graph, sources } = await bundledDataset();
const brief = sources.get("dprk-2020-brief")!;
const seed = readFileSync("graph-data/sources/dprk-2020-brief/source.txt", "utf8");
const SOURCES = "graph-data/sources";

/**
 * How many edges graph-data/ declares, counted from the files without the loader: an edge record with a list of
 * sources or targets is one edge per pair, and each endnote citation is a cites edge.
 */
function declaredEdgeCount(): number {
  const parties = (value: unknown) => (Array.isArray(value) ? value.length : 1);
  let count = 0;
  for (const id of readdirSync(SOURCES)) {
    const folder = path.join(SOURCES, id);
    const records: { source: unknown; target: unknown }[] = [];
    if (existsSync(path.join(folder, "graph.yaml")))
      records.push(...((parse(readFileSync(path.join(folder, "graph.yaml"), "utf8")) ?? {}).edges ?? []));
    if (existsSync(path.join(folder, "graph.jsonl")))
      for (const line of readFileSync(path.join(folder, "graph.jsonl"), "utf8").split("\n").filter(Boolean)) {
        const record = JSON.parse(line) as { edge?: { source: unknown; target: unknown } };
        if (record.edge) records.push(record.edge);
      }
    for (const edge of records) count += parties(edge.source) * parties(edge.target);
    const meta = parse(readFileSync(path.join(folder, "source.yaml"), "utf8")) as {
      endnotes?: { citations?: unknown[] }[];
    };
    for (const note of meta.endnotes ?? []) count += note.citations?.length ?? 0;
  }
  return count;
}

/** The brief's body: where its prose ends and its recommendations begin. */
const recommendationsAt = seed.indexOf("\nRecommendations\n");

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
  it("is in the graph: one edge per party of every edge record, and one cites edge per citation", () => {
    expect(graph.size).toBe(declaredEdgeCount());
    expect(graph.size).toBeGreaterThan(100);
  });

  it("quotes its source verbatim, at the offsets it gives", () => {
    const texts = new Map([...sources.values()].map((s) => [s.document, s.text]));
    graph.forEachEdge((id, a) => {
      const text = texts.get(a.evidence.sourceDoc);
      expect(text, `${id}: source document ${a.evidence.sourceDoc}`).toBeDefined();
      expect(a.evidence.quote.length, id).toBeGreaterThan(0);
      expect(text!.includes(a.evidence.quote), id).toBe(true);
      expect(text!.slice(a.evidence.start, a.evidence.end), id).toBe(a.evidence.quote);
    });
  });

  it("cites only endnotes the brief has, and the brief's endnotes are all there", () => {
    expect([...brief.endnotes.keys()]).toEqual(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"]);
    graph.forEachEdge((id, a) => {
      for (const note of a.evidence.footnotes) expect(brief.endnotes.has(note), id).toBe(true);
    });
  });

  it("gives every node a label, a type, a description and its aliases as printed, or explained where typed", () => {
    graph.forEachNode((id, a) => {
      expect(a.label.trim(), id).not.toBe("");
      expect(a.description.trim(), id).not.toBe("");
      for (const alias of a.aliases) {
        const printed = seed.includes(alias) || alias === a.label;
        const explained = (a.outsideKnowledge ?? []).some((note) => note.includes(`"${alias}"`));
        expect(printed || explained, `${id}: ${alias}`).toBe(true);
      }
    });
  });

  it("gives no two nodes the same alias, so a name never captures another node", () => {
    const owners = new Map<string, string>();
    graph.forEachNode((id, a) => {
      for (const alias of a.aliases) {
        const key = alias.toLowerCase();
        expect(owners.get(key), `"${alias}" of ${id}`).toBeUndefined();
        owners.set(key, id);
      }
    });
    expect(owners.get("seoul")).toBe("state:kor");
    expect(owners.get("ohchr field office in seoul")).toBe("unoffice:ohchr-seoul");
    expect(owners.get("north korea's leadership")).toBe("group:dprk-leadership");
  });

  it("knows the spellings users type", () => {
    const aliases = (id: string) => graph.getNodeAttribute(id, "aliases");
    expect(aliases("person:tomas-ojea-quintana")).toEqual(
      expect.arrayContaining(["Tomas Ojea Quintana", "Ojea Quintana"]),
    );
    expect(aliases("person:kim-jong-un")).toContain("Kim Jong Un");
    expect(aliases("state:usa")).toContain("USA");
    expect(aliases("un:security-council")).toContain("UNSC");
    expect(aliases("org:hrw")).toContain("HRW");
    expect(aliases("topic:crimes-against-humanity")).not.toContain("atrocity crimes");
  });

  it("says whose voice every claim is in: asserted, attributed or hedged, and a link the brief does not make says so", () => {
    graph.forEachEdge((id, a) => {
      if (a.type === "cites") return;
      const modality = a.props.modality;
      if (modality === undefined) expect(a.outsideKnowledge?.length, `${id} has neither`).toBeGreaterThan(0);
      else expect(["asserted", "attributed", "hedged"], id).toContain(modality);
      // A hedge is printed in the quote, and only hedged claims carry one.
      expect(a.props.qualifier !== undefined, id).toBe(modality === "hedged");
      if (modality === "hedged") expect(a.evidence.quote, id).toContain(a.props.qualifier);
    });
    const hedges = graph
      .filterEdges((_, a) => a.props.modality === "hedged")
      .map((e) => graph.getEdgeAttribute(e, "props").qualifier);
    expect(hedges.sort()).toEqual(["appeared to", "could help", "may amount to", "may amount to"]);
  });

  it("says why a claim of the brief's prose has no endnote", () => {
    graph.forEachEdge((id, a) => {
      if (a.evidence.footnotes.length > 0 || a.evidence.start > recommendationsAt) return;
      const why = typeof a.props.note === "string" || (a.outsideKnowledge?.length ?? 0) > 0;
      expect(why, `${id}: ${a.evidence.quote}`).toBe(true);
    });
  });
});

describe("who declined what, and when", () => {
  it("the ROK declined to co-sponsor the resolution's draft for the first time since 2008, reported by endnote iii", () => {
    const a = edge("declined", "state:kor", "doc:un:a-c.3-74-l.26");
    expect(a.evidence.footnotes).toEqual(["iii"]);
    expect(a.props).toMatchObject({ what: "to co-sponsor", role: "co-sponsor", precedent: "first time since 2008" });
    expect(a.evidence.quote).toContain("the Republic of Korea (ROK) declined to co-sponsor the resolution");
    // Dated by when it happened: after the draft was issued, before Foreign Policy reported it.
    expect(a.date).toBe("2019-10-31/2019-11-15");
    expect(a.props.note).toMatch(/31 October 2019.*15 November 2019/s);
  });

  it("the US refused, for the second consecutive year, to endorse a Security Council debate, which no endnote backs", () => {
    const a = edge("declined", "state:usa", "event:unsc-dprk-human-rights-debate-2019");
    expect(a.date).toBe("2019-12");
    expect(a.props).toMatchObject({ what: "to endorse", precedent: "second consecutive year", modality: "asserted" });
    expect(a.evidence.footnotes).toEqual([]);
    expect(a.props.note).toMatch(/ii/);
    expect(edge("blocked", "state:usa", "event:unsc-dprk-human-rights-debate-2019").evidence.footnotes).toEqual([]);
  });

  it("the debate is the Security Council's, and it was not held", () => {
    const a = edge("held", "un:security-council", "event:unsc-dprk-human-rights-debate-2019");
    expect(a.props.negated).toBe(true);
    expect(a.label).toBe("did not hold");
    expect(edge("held", "un:security-council", "event:unsc-meeting-2019-12-11").props.negated).toBeUndefined();
  });

  it("China and Russia oppose the Council's discussion of human rights in the DPRK, not the Council", () => {
    const opposed = edges("opposed").filter(([s]) => s === "state:chn" || s === "state:rus");
    expect(opposed.map(([s, t]) => [s, t])).toEqual([
      ["state:chn", "event:unsc-dprk-human-rights-debate-2019"],
      ["state:rus", "event:unsc-dprk-human-rights-debate-2019"],
    ]);
    for (const [, , a] of opposed) expect(a.props.what).toMatch(/^using the UN Security Council as a forum/);
  });

  it("Japan decided in March 2019, for the first time in 11 years, not to join the EU's sponsorship, which the EU kept", () => {
    const a = edge("declined", "state:jpn", "doc:un:draft-hrc-resolution-dprk-2019");
    expect(a.date).toBe("2019-03");
    expect(a.props).toMatchObject({ role: "co-sponsor", precedent: "first time in 11 years" });
    edge("sponsored", "igo:eu", "doc:un:draft-hrc-resolution-dprk-2019");
  });

  it("the DPRK refuses to engage with the Special Rapporteur and denies access to the special procedures", () => {
    edge("declined", "state:prk", "unoffice:sr-dprk");
    edge("denied-access", "state:prk", "unoffice:special-mandate-holders");
    edge("requested-visit", "unoffice:sr-dprk", "state:prk");
    expect(graph.getNodeAttribute("unoffice:special-mandate-holders", "aliases")).toEqual(["special mandate holders"]);
  });
});

describe("who sponsored, proposed, adopted", () => {
  it("China and Russia jointly sponsored the sanctions draft: one sponsored edge each, as co-sponsors", () => {
    const draft = "doc:un:draft-sc-resolution-dprk-sanctions-2019-12";
    const sponsors = edges("sponsored").filter(([, t]) => t === draft);
    expect(sponsors.map(([s]) => s).sort()).toEqual(["state:chn", "state:rus"]);
    for (const [, , a] of sponsors) {
      expect(a.props.role).toBe("co-sponsor");
      expect(a.label).toBe("jointly sponsored");
      expect(a.evidence.footnotes).toEqual(["ii"]);
    }
    expect(edges("proposed").filter(([, t]) => t === draft)).toEqual([]);
    edge("about", draft, "state:prk");
    edge("called-for", draft, "topic:sanctions-relief");
    edge("submitted-to", draft, "un:security-council");
  });

  it("China framed the draft at the Security Council meeting of 11 December 2019 (endnote ii: S/PV.8682, p.5)", () => {
    const framing = edge("spoke-on", "state:chn", "doc:un:draft-sc-resolution-dprk-sanctions-2019-12");
    expect(framing.props.modality).toBe("attributed");
    expect(framing.evidence).toMatchObject({ footnotes: ["ii"] });
    expect(framing.evidence.quote).toContain("as China framed it, a “favourable environment for dialogue”");
    expect(framing.date).toBe("2019-12-11");
    expect(edge("participated-in", "state:chn", "event:unsc-meeting-2019-12-11").date).toBe("2019-12-11");
    const spv = edges("cites")
      .filter(([, t]) => t === "doc:un:s-pv.8682")
      .map(([, , a]) => a.props);
    expect(spv).toContainEqual({ endnote: "ii", locator: "p.5", modality: "asserted" });
  });

  it("the General Assembly adopted the resolution once, on 18 December 2019, without a vote", () => {
    const [adopted, ...more] = edges("adopted").filter(([s]) => s === "un:general-assembly");
    expect(more).toEqual([]);
    expect(adopted![2]).toMatchObject({ date: "2019-12-18", props: { vote: "without a vote" } });
    expect(adopted![2].evidence.quote).toContain("passed by consensus without a vote");
    // No cited document reports the adoption: endnote i is the draft of 31 October, ii and iii predate it.
    expect(adopted![2].evidence.footnotes).toEqual([]);
    expect(adopted![2].props.note).toMatch(/On 18 December 2019/);
  });

  it("the draft A/C.3/74/L.26 was adopted as the resolution, marked as outside knowledge", () => {
    const a = edge("adopted-as", "doc:un:a-c.3-74-l.26", "doc:un:a-res-74-166");
    expect(a.outsideKnowledge?.join(" ")).toMatch(/Third Committee draft/);
    expect(edges("related-to").filter(([s]) => s === "doc:un:a-c.3-74-l.26")).toEqual([]);
  });
});

describe("the DPRK's warning, threats and demands, and what they shaped", () => {
  it("the DPRK's warning, reported on 5 December 2019, appeared to shape the US and ROK decisions", () => {
    const warning = "event:dprk-warning-2019-12";
    const decisions = "event:us-rok-decisions-to-refrain";
    expect(graph.getNodeAttribute(warning, "date")).toBe("2019-12-05");
    expect(edge("issued", "state:prk", warning).evidence.footnotes).toEqual(["iv"]);
    const shaped = edge("influenced", warning, decisions);
    expect(shaped.props).toMatchObject({ modality: "hedged", qualifier: "appeared to" });
    // Endnote iv reports the warning, not its effect.
    expect(shaped.evidence.footnotes).toEqual([]);
    expect(edges("influenced").filter(([s]) => s === "state:prk")).toEqual([]);
    expect(edge("decided", "state:usa", decisions).evidence.quote).toBe(
      "US and ROK decisions to refrain from raising human rights concerns",
    );
    edge("decided", "state:kor", decisions);
  });

  it("the DPRK threatens to cut ties and demands that human rights stay off the agenda", () => {
    const agenda = "topic:human-rights-on-diplomatic-agenda";
    expect(edge("threatened", "state:prk", agenda).props.what).toBe("to cut diplomatic ties");
    expect(edge("opposed", "state:prk", agenda).evidence.quote).toBe(
      "Pyongyang's demands that human rights remain off the diplomatic agenda if nuclear talks are to resume",
    );
    const bargained = edges("negotiated-with").filter(([s]) => s === "state:prk");
    expect(bargained.map(([, t]) => t).sort()).toEqual(["state:jpn", "state:kor", "state:usa"]);
  });

  it("Kim Jong-un set the US an end-of-year deadline; no US demand is read into it", () => {
    const a = edge("demanded", "person:kim-jong-un", "state:usa");
    expect(a.props).toMatchObject({ deadline: "2019-12-31", what: "soften its demands on denuclearization" });
    expect(edges("demanded").filter(([s]) => s === "state:usa")).toEqual([]);
  });

  it("the DPRK conducted thirteen missile tests in the second half of 2019, a count no cited document can back", () => {
    const a = edge("conducted", "state:prk", "event:dprk-missile-tests-2019-h2");
    expect(a.props.count).toBe(13);
    expect(a.date).toBe("2019-07/2019-12");
    expect(a.evidence.footnotes).toEqual([]);
  });

  it("dates the freeze and the stall as intervals, and links Trump, Kim and the Hanoi summit to their states", () => {
    expect(graph.getNodeAttribute("event:us-dprk-diplomacy-freeze-2019", "date")).toBe("2019-10/2020-01");
    expect(graph.getNodeAttribute("event:intra-korean-engagement-stall-2019", "date")).toBe("2019-10/2020-01");
    expect(edge("holds-position", "person:donald-trump", "state:usa").props.role).toBe("President");
    expect(edge("holds-position", "person:kim-jong-un", "state:prk").outsideKnowledge?.length).toBeGreaterThan(0);
    const summit = edges("participated-in").filter(([, t]) => t === "event:hanoi-summit-2019");
    expect(summit.map(([s]) => s).sort()).toEqual([
      "person:donald-trump",
      "person:kim-jong-un",
      "state:prk",
      "state:usa",
    ]);
  });
});

describe("the brief's topics, each one thing", () => {
  it("keeps China and Russia's push for sanctions relief, the US and ROK decisions, the letter's concern and Quintana's call apart", () => {
    expect(graph.hasNode("topic:conciliatory-approach")).toBe(false);
    expect(
      edges("called-for")
        .filter(([, t]) => t === "topic:sanctions-relief")
        .map(([s]) => s),
    ).toEqual(expect.arrayContaining(["state:chn", "state:rus"]));
    edge("expressed-concern", "org:coalition-67-letter-to-moon-2019", "topic:refraining-from-public-criticism");
    const emboldens = edge("influenced", "topic:refraining-from-public-criticism", "group:dprk-leadership");
    expect(emboldens.props.modality).toBe("attributed");
    const spoke = edges("spoke-on").filter(([s]) => s === "person:tomas-ojea-quintana");
    expect(spoke.map(([, t]) => t).sort()).toEqual([
      "topic:denuclearization",
      "topic:peace-talks",
      "topic:sanctions-relief",
    ]);
  });
});

describe("whom each recommendation is addressed to", () => {
  it("addresses each of the six recommendations to each of its addressees, with its verbatim text", () => {
    const recommendations = graph.filterNodes(
      (_, a) => a.type === "recommendation" && !a.label.startsWith("Longstanding"),
    );
    expect(recommendations).toHaveLength(6);
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
      "rec:dprk-2020-brief:china-1": ["state:chn"],
      "rec:dprk-2020-brief:ohchr-1": ["unoffice:ohchr"],
    });
    for (const r of recommendations) expect(seed).toContain(graph.getNodeAttribute(r, "props").text);
  });

  it("splits the China and ROK item: its second sentence is addressed to China alone", () => {
    const [joint, china] = ["rec:dprk-2020-brief:china-rok-1", "rec:dprk-2020-brief:china-1"].map((id) =>
      graph.getNodeAttribute(id, "props"),
    );
    expect([joint!.number, joint!.part, china!.number, china!.part]).toEqual([1, 1, 1, 2]);
    expect(`${joint!.text} ${china!.text}`).toBe(
      "Recognise DPRK citizens as refugees *sur place* and respect the principle of non-refoulement. China should adopt measures to protect the rights of DPRK citizens residing in or transiting through China, particularly women and girls who are systematically subjected to sexual violence, exploitation and abuse.",
    );
    edge("about", "rec:dprk-2020-brief:china-1", "group:dprk-citizens-in-china");
  });

  it("keeps the cut-off Security Council recommendation as printed and marks it incomplete", () => {
    const props = graph.getNodeAttribute("rec:dprk-2020-brief:unsc-1", "props");
    expect(props.incomplete).toBe(true);
    expect(props.text).toBe(
      "Ensure that human rights concerns are integrated into any proposal for sanctions relief, including conditioning sanctions relief on DPRK authorities",
    );
    expect(props.heading).toBe("The UN Security Council should:");
    // The cut-off words "conditioning sanctions relief on DPRK authorities" are how the longstanding condition begins.
    const link = edge("reiterates", "rec:dprk-2020-brief:unsc-1", "rec:dprk-2020-brief:longstanding-2");
    expect(link.outsideKnowledge?.length).toBeGreaterThan(0);
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
  it("Khiari (printed Khari) briefed the Security Council, per endnote v: one edge for one briefing", () => {
    const khiari = graph.getNodeAttributes("person:mohamed-khaled-khiari");
    expect(khiari.label).toBe("Mohamed Khaled Khiari");
    expect(khiari.aliases).toContain("Mohamed Khaled Khari");
    expect(khiari.outsideKnowledge?.join(" ")).toMatch(/Khiari/);
    expect(edge("briefed", "person:mohamed-khaled-khiari", "un:security-council").evidence.footnotes).toEqual(["v"]);
    expect(
      graph
        .outEdges("person:mohamed-khaled-khiari")
        .map((e) => graph.getEdgeAttribute(e, "type"))
        .sort(),
    ).toEqual(["briefed", "holds-position"]);
  });

  it("the DPRK warned the UN, per endnote iv, on the date of the report", () => {
    const a = edge("warned", "state:prk", "igo:united-nations");
    expect(a.evidence.footnotes).toEqual(["iv"]);
    expect(a.date).toBe("2019-12-05");
  });

  it("Quintana calls on the ROK, the US, Russia and China, per endnote viii, attested on 24 October 2019", () => {
    const called = edges("called-on").filter(([s]) => s === "person:tomas-ojea-quintana");
    expect(called.map(([, t]) => t).sort()).toEqual(["state:chn", "state:kor", "state:rus", "state:usa"]);
    for (const [, , a] of called) expect([a.evidence.footnotes, a.date]).toEqual([["viii"], "2019-10-24"]);
  });

  it("Quintana signed the letter to President Moon with the 67, who signed it once", () => {
    const letter = "doc:letter:hrw-2019-12-16-letter-to-president-moon";
    expect(edge("signed", "person:tomas-ojea-quintana", letter).evidence.footnotes).toEqual(["vii"]);
    expect(edges("member-of").filter(([s]) => s === "person:tomas-ojea-quintana")).toEqual([]);
    const coalition = "org:coalition-67-letter-to-moon-2019";
    expect(graph.edges(coalition, letter).map((e) => graph.getEdgeAttribute(e, "type"))).toEqual(["signed"]);
    expect(edge("signed", coalition, letter).props.count).toBe(67);
  });
});

describe("the UN's structure", () => {
  it("puts the General Assembly, the Security Council and the Human Rights Council in the United Nations", () => {
    for (const body of ["un:general-assembly", "un:security-council", "un:human-rights-council"])
      edge("part-of", body, "igo:united-nations");
    expect(edge("part-of", "un:human-rights-council", "igo:united-nations").outsideKnowledge?.length).toBeGreaterThan(
      0,
    );
    expect(graph.getNodeAttribute("igo:united-nations", "outsideKnowledge")).toBeUndefined();
  });

  it("puts the Special Rapporteur's mandate in the special procedures", () => {
    edge("part-of", "unoffice:sr-dprk", "unoffice:special-mandate-holders");
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

  it("records the brief's risk rating as printed", () => {
    expect(edge("rated", "doc:brief:dprk-2020", "state:prk").props.rating).toBe("Very high/Ongoing");
  });

  it("records the publisher as unverified", () => {
    expect(graph.getNodeAttribute("doc:brief:dprk-2020", "props").publisher_verified).toBe(false);
    expect(brief.meta.publisher_verified).toBe(false);
  });
});
