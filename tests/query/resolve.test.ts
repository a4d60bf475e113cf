// Resolving a typed name or id: found, ambiguous with candidates, none with suggestions.
import { describe, expect, it } from "vitest";
import { ParameterError } from "../../src/errors";
import { createQueryEngine } from "../../src/query";
import { buildDataset } from "../helpers/query-fixture";

const engine = createQueryEngine(
  buildDataset({
    nodes: [
      { id: "state:prk", label: "Democratic People's Republic of Korea", aliases: ["DPRK", "North Korea"] },
      { id: "state:kor", label: "Republic of Korea", aliases: ["ROK", "South Korea"] },
      { id: "person:tomas-ojea-quintana", label: "Tomás Ojea Quintana", aliases: ["Special Rapporteur"] },
      { id: "person:marzuki-darusman", label: "Marzuki Darusman", aliases: ["Special Rapporteur"] },
      { id: "person:antonio-guterres", label: "António Guterres", aliases: ["Secretary-General"] },
    ],
  }),
);

describe("resolve", () => {
  it("rejects an empty name", () => {
    expect(() => engine.resolve("  ")).toThrow(ParameterError);
  });

  it("finds an exact id", () => {
    expect(engine.resolve("state:kor")).toEqual({ type: "found", id: "state:kor" });
  });

  it("finds an exact label or alias, folded", () => {
    expect(engine.resolve("dprk")).toEqual({ type: "found", id: "state:prk" });
    expect(engine.resolve("republic of korea")).toEqual({ type: "found", id: "state:kor" });
    expect(engine.resolve("Tomas Ojea Quintana")).toEqual({ type: "found", id: "person:tomas-ojea-quintana" });
    expect(engine.resolve("secretary general")).toEqual({ type: "found", id: "person:antonio-guterres" });
  });

  it("finds the single search hit for a partial name", () => {
    expect(engine.resolve("guterres")).toEqual({ type: "found", id: "person:antonio-guterres" });
    expect(engine.resolve("quintana")).toEqual({ type: "found", id: "person:tomas-ojea-quintana" });
  });

  it("is ambiguous when an exact alias names several nodes, listing them", () => {
    const result = engine.resolve("special rapporteur");
    expect(result.type).toBe("ambiguous");
    if (result.type !== "ambiguous") return;
    expect(result.candidates.map((c) => c.id).sort()).toEqual([
      "person:marzuki-darusman",
      "person:tomas-ojea-quintana",
    ]);
  });

  it("is ambiguous when several search hits score close together", () => {
    const result = engine.resolve("korea");
    expect(result.type).toBe("ambiguous");
    if (result.type !== "ambiguous") return;
    expect(result.candidates.map((c) => c.id).sort()).toEqual(["state:kor", "state:prk"]);
    expect(result.candidates[0]).toMatchObject({ label: expect.any(String), type: "state" });
  });

  it("finds nothing for an unknown name and suggests close ids", () => {
    expect(engine.resolve("zebra")).toEqual({ type: "none", suggestions: [] });
    const result = engine.resolve("state:prkk");
    expect(result.type).toBe("none");
    if (result.type !== "none") return;
    expect(result.suggestions[0]).toEqual({
      id: "state:prk",
      label: "Democratic People's Republic of Korea",
      type: "state",
      score: 0,
    });
  });
});
