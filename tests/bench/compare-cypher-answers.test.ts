// The benchmark's comparison of Cypher answers with NetworkX: row by row, naming what differs, and never comparing an
// answer the engine cut short as if it were complete.
import { describe, expect, it } from "vitest";
import {
  compareCypherAnswers,
  describeCypherComparison,
  type CypherBenchRow,
  type OurAnchoredAnswer,
} from "../../src/bench/compare-cypher-answers";

const QUERY = "MATCH (s:state {id: $state})-[r:sponsored]->(d:document) RETURN d.id, r.date";

function complete(state: string, rows: CypherBenchRow[]): OurAnchoredAnswer {
  return { state, rows, truncatedBy: [], fullCount: null };
}

describe("compareCypherAnswers", () => {
  it("names an answer that differs, with both counts and the rows each side lacks", () => {
    const ours = [
      complete("state:a", [
        ["document:1", "2019"],
        ["document:2", null],
      ]),
      complete("state:b", [["document:3", "2020"]]),
    ];
    const networkx: CypherBenchRow[][] = [
      [
        ["document:1", "2019"],
        ["document:1", "2019"],
        ["document:4", null],
      ],
      [["document:3", "2020"]],
    ];
    const compared = compareCypherAnswers(ours, networkx, { ours: 4, networkx: 4 });
    expect(compared.agreeing).toBe(1);
    expect(compared.differing).toEqual([
      {
        state: "state:a",
        ours: 2,
        networkx: 3,
        onlyOurs: [["document:2", null]],
        onlyNetworkx: [
          ["document:1", "2019"],
          ["document:4", null],
        ],
      },
    ]);
    expect(describeCypherComparison(compared, QUERY)).toEqual([
      `Cypher answer differs from NetworkX: ${QUERY} with $state = state:a: 2 rows here, 3 in NetworkX; ` +
        'only here: ["document:2",null]; only in NetworkX: ["document:1","2019"], ["document:4",null]',
    ]);
  });

  it("compares the rows, not only their number: same count, another document, is a difference", () => {
    const compared = compareCypherAnswers([complete("state:a", [["document:1", "2019"]])], [[["document:1", "2018"]]], {
      ours: 1,
      networkx: 1,
    });
    expect(compared.agreeing).toBe(0);
    expect(compared.differing[0]).toMatchObject({ ours: 1, networkx: 1 });
  });

  it("reports an answer cut by the row cap as truncated, checked by its full count, never as a mismatch", () => {
    const capped: OurAnchoredAnswer = {
      state: "state:hub",
      rows: [["document:1", null]],
      truncatedBy: ["row-cap"],
      fullCount: 3,
    };
    const networkx: CypherBenchRow[][] = [
      [
        ["document:1", null],
        ["document:2", null],
        ["document:3", null],
      ],
    ];
    const compared = compareCypherAnswers([capped, capped], [networkx[0]!, networkx[0]!], { ours: 3, networkx: 3 });
    expect(compared.differing).toEqual([]);
    expect(compared.agreeing).toBe(0);
    expect(compared.truncatedCountsDiffering).toBe(0);
    expect(compared.truncated).toEqual([
      { state: "state:hub", truncatedBy: ["row-cap"], rows: 1, fullCount: 3, networkx: 3 },
      { state: "state:hub", truncatedBy: ["row-cap"], rows: 1, fullCount: 3, networkx: 3 },
    ]);
    // The same state drawn twice is one note.
    expect(describeCypherComparison(compared, QUERY)).toEqual([
      "Cypher answer truncated (row-cap), not compared row by row: $state = state:hub: 1 rows returned, " +
        "count(*) 3, NetworkX 3: the full counts agree",
    ]);
  });

  it("counts a truncated answer whose full count differs, or could not be had, as a disagreement", () => {
    const rows: CypherBenchRow[] = [["document:1", null]];
    const compared = compareCypherAnswers(
      [
        { state: "state:a", rows, truncatedBy: ["row-cap"], fullCount: 2 },
        { state: "state:b", rows, truncatedBy: ["time-budget"], fullCount: null },
      ],
      [
        [...rows, ...rows, ...rows],
        [...rows, ...rows],
      ],
      { ours: 5, networkx: 5 },
    );
    expect(compared.truncatedCountsDiffering).toBe(2);
    expect(describeCypherComparison(compared, QUERY)).toEqual([
      expect.stringMatching(/state:a: 1 rows returned, count\(\*\) 2, NetworkX 3: the full counts DIFFER$/),
      expect.stringMatching(/state:b: .*its count\(\*\) was cut short too, NetworkX 2: the full counts DIFFER$/),
    ]);
  });

  it("never compares a truncated scan, and names a scan count that differs", () => {
    const cut = compareCypherAnswers([], [], { ours: null, networkx: 7 });
    expect(cut.scan.agree).toBe(false);
    expect(describeCypherComparison(cut, QUERY)).toEqual(["Cypher scan truncated, not compared: NetworkX counts 7"]);
    const differs = compareCypherAnswers([], [], { ours: 6, networkx: 7 });
    expect(describeCypherComparison(differs, QUERY)).toEqual([
      "Cypher scan count differs from NetworkX: 6 here, 7 in NetworkX",
    ]);
    expect(describeCypherComparison(compareCypherAnswers([], [], { ours: 7, networkx: 7 }), QUERY)).toEqual([]);
  });
});
