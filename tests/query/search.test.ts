// Search over labels and aliases: folding, prefixes, typos, ranking, type filter and limits.
import { describe, expect, it } from "vitest";
import { ParameterError } from "../../src/errors";
import { createQueryEngine } from "../../src/query";
import { buildDataset } from "../helpers/query-fixture";

const engine = createQueryEngine(
  buildDataset({
    nodes: [
      {
        id: "person:tomas-ojea-quintana",
        label: "Tomás Ojea Quintana",
        aliases: ["Special Rapporteur", "Ojea Quintana"],
      },
      { id: "state:prk", label: "Democratic People's Republic of Korea", aliases: ["DPRK", "North Korea"] },
      { id: "state:kor", label: "Republic of Korea", aliases: ["ROK", "South Korea"] },
      { id: "state:chn", label: "China", aliases: ["People’s Republic of China"] },
      { id: "person:mohamed-khaled-khiari", label: "Mohamed Khaled Khiari", aliases: ["Mohamed Khaled Khari"] },
      { id: "doc:letter-khiari", label: "Letter of 5 December", aliases: ["Khiari letter"] },
      { id: "person:antonio-guterres", label: "António Guterres", aliases: ["UN Secretary-General"] },
      { id: "person:kim-jong-un", label: "Kim Jong-un", aliases: ["Kim Jong Un"] },
      { id: "topic:sanctions-relief", label: "Sanctions relief" },
      { id: "doc:brief:annual", label: "Annual situation outlook (2020)", shortLabel: "Zephyr brief" },
    ],
  }),
);

function ids(q: string, options?: { type?: string; limit?: number }): string[] {
  return engine.search(q, options).map((hit) => hit.id);
}

function parameterOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(ParameterError);
    expect((error as ParameterError).code).toBe("bad-parameter");
    return (error as ParameterError).parameter;
  }
  throw new Error("expected a ParameterError");
}

describe("search: bad input", () => {
  it("rejects an empty or blank query, naming q", () => {
    expect(parameterOf(() => engine.search(""))).toBe("q");
    expect(parameterOf(() => engine.search("   "))).toBe("q");
  });

  it("rejects a query longer than 200 characters, naming q", () => {
    expect(parameterOf(() => engine.search("a".repeat(201)))).toBe("q");
    expect(engine.search("a".repeat(200))).toEqual([]);
  });

  it("rejects a limit outside 1..100 or not an integer, naming limit", () => {
    expect(parameterOf(() => engine.search("korea", { limit: 0 }))).toBe("limit");
    expect(parameterOf(() => engine.search("korea", { limit: 101 }))).toBe("limit");
    expect(parameterOf(() => engine.search("korea", { limit: 2.5 }))).toBe("limit");
  });

  it("rejects a type the schema does not have, naming type", () => {
    expect(parameterOf(() => engine.search("korea", { type: "sate" }))).toBe("type");
  });
});

describe("search: matching", () => {
  it("finds a name whatever its accents and case", () => {
    expect(ids("Tomas")[0]).toBe("person:tomas-ojea-quintana");
    expect(ids("TOMÁS")[0]).toBe("person:tomas-ojea-quintana");
    expect(ids("antonio guterres")[0]).toBe("person:antonio-guterres");
  });

  it("treats every term as a prefix", () => {
    expect(ids("quint")).toEqual(["person:tomas-ojea-quintana"]);
    expect(ids("sanc rel")).toEqual(["topic:sanctions-relief"]);
  });

  it("tolerates a typo in terms of four or more characters", () => {
    expect(ids("Guteres")).toEqual(["person:antonio-guterres"]);
    expect(ids("Quitnana")).toEqual(["person:tomas-ojea-quintana"]);
    expect(ids("kor")).not.toContain("state:chn");
    expect(ids("Qintana")).toEqual(["person:tomas-ojea-quintana"]);
  });

  it("folds apostrophes (straight and curly) and hyphens", () => {
    expect(ids("peoples republic").sort()).toEqual(["state:chn", "state:prk"]);
    expect(ids("People's Republic of China")[0]).toBe("state:chn");
    expect(ids("secretary general")).toEqual(["person:antonio-guterres"]);
  });

  it("returns nothing when no term matches", () => {
    expect(engine.search("zebra")).toEqual([]);
  });
});

describe("search: ranking", () => {
  it("ranks an exact full name first, even when a longer name contains every term", () => {
    expect(ids("Republic of Korea")).toEqual(["state:kor", "state:prk"]);
    expect(ids("kim jong un")[0]).toBe("person:kim-jong-un");
  });

  it("ranks an exact alias first", () => {
    expect(ids("DPRK")[0]).toBe("state:prk");
    expect(ids("north korea")[0]).toBe("state:prk");
  });

  it("finds a node by its short display name, and ranks an exact one first", () => {
    expect(ids("zephyr")).toEqual(["doc:brief:annual"]);
    expect(ids("Zephyr brief")[0]).toBe("doc:brief:annual");
    expect(engine.search("zephyr")[0]!.label).toBe("Annual situation outlook (2020)");
  });

  it("ranks label matches above alias matches", () => {
    expect(ids("khiari")).toEqual(["person:mohamed-khaled-khiari", "doc:letter-khiari"]);
  });

  it("puts an exact id first", () => {
    const hits = engine.search("state:kor");
    expect(hits[0]).toMatchObject({ id: "state:kor", label: "Republic of Korea", type: "state" });
  });

  it("returns id, label, type and score, scores descending", () => {
    const hits = engine.search("korea");
    expect(hits.map((hit) => hit.id).sort()).toEqual(["state:kor", "state:prk"]);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score);
    expect(Object.keys(hits[0]!).sort()).toEqual(["id", "label", "score", "type"]);
  });
});

describe("search: type and limit", () => {
  it("keeps only nodes of the requested type", () => {
    expect(ids("korea", { type: "person" })).toEqual([]);
    expect(ids("khiari", { type: "document" })).toEqual(["doc:letter-khiari"]);
  });

  it("returns at most limit results", () => {
    expect(ids("korea", { limit: 1 })).toHaveLength(1);
    expect(ids("re")).toHaveLength(4);
    expect(ids("re", { limit: 3 })).toHaveLength(3);
  });
});
