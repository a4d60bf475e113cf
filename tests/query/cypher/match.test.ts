// MATCH: node and relationship patterns, fixed and variable length, named paths, OPTIONAL MATCH, and MATCH after
// other clauses; scenarios written for this graph after the openCypher TCK features named in each describe.
import { describe, expect, it } from "vitest";
import { cypherFixture } from "./cypher-fixture";
import { diplomacy } from "./diplomacy-fixture";

const g = diplomacy();

/** t0 -> t1 -> ... -> t10, one `about` edge each, ids "topic:tI--about--topic:tJ". */
const chain = cypherFixture({
  nodes: Array.from({ length: 11 }, (_, i) => `topic:t${i}`),
  edges: Array.from({ length: 10 }, (_, i): [string, string, string] => [`topic:t${i}`, `topic:t${i + 1}`, "about"]),
});
const hop = (i: number) => `[topic:t${i}--about--topic:t${i + 1}]`;

/** a -> b -> c -> a. */
const triangle = cypherFixture({
  nodes: ["topic:a", "topic:b", "topic:c"],
  edges: [
    ["topic:a", "topic:b", "about"],
    ["topic:b", "topic:c", "about"],
    ["topic:c", "topic:a", "about"],
  ],
});

describe("Match1: match nodes", () => {
  it("matches every node", () => {
    expect(g.rows("MATCH (n) RETURN count(*)")).toEqual([[11]]);
  });

  it("matches nodes by label, the node type", () => {
    expect(g.anyOrder("MATCH (n:state) RETURN n.id")).toEqual([
      ["state:jpn"],
      ["state:kor"],
      ["state:prk"],
      ["state:usa"],
    ]);
  });

  it("matches nodes by a property map", () => {
    expect(g.rows("MATCH (n:state {iso3: 'KOR'}) RETURN n")).toEqual([["(state:kor)"]]);
    expect(g.rows("MATCH (n {id: 'doc:l26', kind: 'draft-resolution'}) RETURN n.label")).toEqual([["A/C.3/74/L.26"]]);
  });

  it("matches nothing for two different labels, since a node has one type", () => {
    expect(g.rows("MATCH (n:state:document) RETURN n")).toEqual([]);
    expect(g.rows("MATCH (n:state:state) RETURN count(n)")).toEqual([[4]]);
  });

  it("never matches a property map value of null", () => {
    expect(g.rows("MATCH (n:state {iso3: null}) RETURN n")).toEqual([]);
  });
});

describe("Match2: match relationships", () => {
  it("matches a typed directed relationship", () => {
    expect(g.anyOrder("MATCH (a)-[r:declined]->(b) RETURN a.id, r, b.id")).toEqual([
      ["state:kor", "[kor-declined-l26]", "doc:l26"],
      ["state:usa", "[usa-declined-sanctions]", "topic:sanctions"],
    ]);
  });

  it("matches a relationship written right to left", () => {
    expect(g.anyOrder("MATCH (d)<-[:sponsored]-(s) RETURN s.id, d.id")).toEqual([
      ["state:jpn", "doc:l26"],
      ["state:usa", "doc:l26"],
    ]);
  });

  it("matches an undirected relationship once in each orientation", () => {
    expect(g.anyOrder("MATCH (a)-[:sponsored]-(b) RETURN a.id, b.id")).toEqual([
      ["doc:l26", "state:jpn"],
      ["doc:l26", "state:usa"],
      ["state:jpn", "doc:l26"],
      ["state:usa", "doc:l26"],
    ]);
    expect(g.anyOrder("MATCH (a:person)--(b) RETURN b.id")).toEqual([["state:kor"], ["state:prk"]]);
  });

  it("matches a self-loop once, directed or not (<--> is undirected too)", () => {
    expect(g.rows("MATCH (a)-[r:about]->(b) RETURN a.id, r, b.id")).toEqual([["state:prk", "[prk-loop]", "state:prk"]]);
    expect(g.rows("MATCH (a)-[r:about]-(b) RETURN a.id, b.id")).toEqual([["state:prk", "state:prk"]]);
    expect(g.rows("MATCH (a)<-[r:about]->(a) RETURN r")).toEqual([["[prk-loop]"]]);
  });

  it("matches any of several relationship types", () => {
    expect(g.anyOrder("MATCH (a:state)-[r:sponsored|declined]->(d:document) RETURN a.id, type(r)")).toEqual([
      ["state:jpn", "sponsored"],
      ["state:kor", "declined"],
      ["state:usa", "sponsored"],
    ]);
    expect(g.anyOrder("MATCH (a)-[r:sponsored|:declined]->(:document) RETURN a.id")).toHaveLength(3);
  });

  it("matches relationships by a property map", () => {
    expect(g.rows("MATCH (a)-[:declined {what: 'co-sponsorship'}]->(b) RETURN a.id, b.id")).toEqual([
      ["state:kor", "doc:l26"],
    ]);
  });

  it("matches each of two parallel relationships", () => {
    expect(
      g.anyOrder("MATCH (:document {kind: 'brief'})-[c:cites]->(:document {symbol: 'S/PV.8682'}) RETURN c.locator"),
    ).toEqual([["p.3"], ["p.5"]]);
  });

  it("matches every relationship with anonymous ends", () => {
    expect(g.rows("MATCH ()-[r]->() RETURN count(r)")).toEqual([[13]]);
    expect(g.rows("MATCH (:recommendation)-->(b) RETURN count(DISTINCT b)")).toEqual([[2]]);
  });
});

describe("Match3: fixed-length patterns", () => {
  it("matches a chain of two relationships", () => {
    expect(
      g.anyOrder(
        "MATCH (r:recommendation)-[:`addressed-to`]->(s:state)<-[:`called-on`]-(p:person) RETURN r.id, s.id, p.id",
      ),
    ).toEqual([
      ["rec:1", "state:kor", "person:quintana"],
      ["rec:2", "state:kor", "person:quintana"],
      ["rec:2", "state:prk", "person:quintana"],
    ]);
  });

  it("never uses one relationship twice in a match", () => {
    expect(g.anyOrder("MATCH (a)-[:sponsored]->(d)<-[:sponsored]-(b) RETURN a.id, b.id")).toEqual([
      ["state:jpn", "state:usa"],
      ["state:usa", "state:jpn"],
    ]);
    expect(g.anyOrder("MATCH (a)-[r1:cites]->(b), (a)-[r2:cites]->(b) RETURN r1.locator, r2.locator")).toEqual([
      ["p.3", "p.5"],
      ["p.5", "p.3"],
    ]);
  });

  it("joins comma-separated patterns on a shared variable", () => {
    expect(g.anyOrder("MATCH (r:recommendation)-->(s), (p:person)-->(s) RETURN r.id, s.id")).toEqual([
      ["rec:1", "state:kor"],
      ["rec:2", "state:kor"],
      ["rec:2", "state:prk"],
    ]);
  });

  it("returns the product of patterns that share nothing", () => {
    expect(g.rows("MATCH (a:state), (b:recommendation) RETURN count(*)")).toEqual([[8]]);
  });

  it("closes a cycle through a variable used twice", () => {
    expect(triangle.anyOrder("MATCH (a)-->(b)-->(c)-->(a) RETURN a.id")).toEqual([
      ["topic:a"],
      ["topic:b"],
      ["topic:c"],
    ]);
  });

  it("refuses a relationship variable used twice and a variable used as node and relationship", () => {
    expect(g.error("MATCH (a)-[r]->(b), (b)-[r]->(c) RETURN a").code).toBe("cypher-syntax");
    expect(g.error("MATCH (a)-[a]->(b) RETURN a").message).toContain("already a node");
    expect(g.error("MATCH (a) MATCH ()-[a]->() RETURN a").message).toContain("already a node");
  });
});

describe("Match4 and Match5: variable-length patterns", () => {
  const from = (range: string) => chain.rows(`MATCH (a {id: 'topic:t0'})-[${range}]->(b) RETURN b.id`).map((r) => r[0]);

  it("follows 1 to 3 hops", () => {
    expect(from("*1..3")).toEqual(["topic:t1", "topic:t2", "topic:t3"]);
  });

  it("reads *2 as exactly two, *..2 as one or two, *0..1 as none or one", () => {
    expect(from("*2")).toEqual(["topic:t2"]);
    expect(from("*..2")).toEqual(["topic:t1", "topic:t2"]);
    expect(from("*0..1")).toEqual(["topic:t0", "topic:t1"]);
  });

  it("stops * at 8 hops and says the answer may be cut when the walk could go on", () => {
    const result = chain.run("MATCH (a {id: 'topic:t0'})-[*]->(b) RETURN b.id");
    expect(result.rows.map((r) => r[0])).toEqual(Array.from({ length: 8 }, (_, i) => `topic:t${i + 1}`));
    expect(result.truncated).toBe(true);
    expect(result.truncatedBy).toEqual(["length-cap"]);
  });

  it("does not mark * cut when every walk ended before the cap", () => {
    const result = triangle.run("MATCH (a {id: 'topic:a'})-[*]->(b) RETURN b.id");
    expect(result.rows).toEqual([["topic:b"], ["topic:c"], ["topic:a"]]);
    expect(result.truncated).toBe(false);
  });

  it("refuses an upper bound above 8 hops", () => {
    const error = chain.error("MATCH (a)-[*1..9]->(b) RETURN b");
    expect(error.code).toBe("cypher-unsupported");
    expect(error.message).toContain("The most is 8");
  });

  it("walks against the arrow and without direction", () => {
    expect(chain.rows("MATCH (a {id: 'topic:t3'})<-[*1..2]-(b) RETURN b.id")).toEqual([["topic:t2"], ["topic:t1"]]);
    expect(chain.anyOrder("MATCH (a {id: 'topic:t5'})-[*1..2]-(b) RETURN b.id")).toEqual([
      ["topic:t3"],
      ["topic:t4"],
      ["topic:t6"],
      ["topic:t7"],
    ]);
  });

  it("binds the relationships as a list in the order written, whichever end the match starts from", () => {
    expect(chain.rows("MATCH (a {id: 'topic:t0'})-[rs*2]->(b) RETURN rs")).toEqual([[[hop(0), hop(1)]]]);
    expect(chain.rows("MATCH (a)-[rs*2]->(b {id: 'topic:t2'}) RETURN a.id, rs")).toEqual([
      ["topic:t0", [hop(0), hop(1)]],
    ]);
    expect(chain.rows("MATCH (b {id: 'topic:t2'})<-[rs*2]-(a) RETURN rs")).toEqual([[[hop(1), hop(0)]]]);
  });

  it("follows only the given types", () => {
    expect(g.anyOrder("MATCH (p:person)-[:`called-on`|`addressed-to`*1..2]-(x) RETURN DISTINCT x.id")).toEqual([
      ["rec:1"],
      ["rec:2"],
      ["state:kor"],
      ["state:prk"],
    ]);
  });

  it("joins two bound ends", () => {
    expect(
      chain.rows("MATCH (a {id: 'topic:t0'}), (b {id: 'topic:t3'}) MATCH (a)-[rs*1..5]->(b) RETURN size(rs)"),
    ).toEqual([[3]]);
  });

  it("applies a property map to every relationship of the walk", () => {
    const typed = cypherFixture({
      nodes: ["topic:a", "topic:b", "topic:c"],
      edges: [
        { source: "topic:a", target: "topic:b", props: { weight: 1 } },
        { source: "topic:b", target: "topic:c", props: { weight: 2 } },
      ],
    });
    expect(typed.rows("MATCH (a {id: 'topic:a'})-[*1..2 {weight: 1}]->(b) RETURN b.id")).toEqual([["topic:b"]]);
  });
});

describe("Match6: named paths", () => {
  it("names a path of one node", () => {
    expect(g.rows("MATCH p = (a {id: 'state:kor'}) RETURN p, length(p)")).toEqual([["<(state:kor)>", 0]]);
  });

  it("names a path with relationships in both directions", () => {
    expect(
      g.rows(
        "MATCH p = (r:recommendation {number: 1})-[:`addressed-to`]->(s)<-[:`called-on`]-(q) RETURN p, length(p), nodes(p), relationships(p)",
      ),
    ).toEqual([
      [
        "<(rec:1)-[rec1-to-kor]->(state:kor)<-[quintana-on-kor]-(person:quintana)>",
        2,
        ["(rec:1)", "(state:kor)", "(person:quintana)"],
        ["[rec1-to-kor]", "[quintana-on-kor]"],
      ],
    ]);
  });

  it("names a variable-length path in the order written, whichever end the match starts from", () => {
    const expected = [[`<(topic:t0)-${hop(0)}->(topic:t1)-${hop(1)}->(topic:t2)>`]];
    expect(chain.rows("MATCH p = (a {id: 'topic:t0'})-[*2]->(b) RETURN p")).toEqual(expected);
    expect(chain.rows("MATCH p = (a)-[*2]->(b {id: 'topic:t2'}) RETURN p")).toEqual(expected);
  });

  it("refuses a path name already in use", () => {
    expect(g.error("MATCH (p) MATCH p = (a)-->(b) RETURN p").message).toContain("already defined");
  });
});

describe("Match7: OPTIONAL MATCH", () => {
  it("gives null where nothing matches", () => {
    expect(g.anyOrder("MATCH (s:state) OPTIONAL MATCH (s)-[:declined]->(x) RETURN s.id, x.id")).toEqual([
      ["state:jpn", null],
      ["state:kor", "doc:l26"],
      ["state:prk", null],
      ["state:usa", "topic:sanctions"],
    ]);
  });

  it("gives one row of nulls when it stands alone and matches nothing", () => {
    expect(g.rows("OPTIONAL MATCH (n:topic {label: 'nothing'}) RETURN n")).toEqual([[null]]);
    expect(g.rows("OPTIONAL MATCH p = (n:topic {label: 'nothing'})-->() RETURN p")).toEqual([[null]]);
  });

  it("applies its WHERE inside the optional part", () => {
    expect(
      g.anyOrder("MATCH (s:state) OPTIONAL MATCH (s)-[r:sponsored]->(d) WHERE r.date = '2019-10' RETURN s.id, d.id"),
    ).toEqual([
      ["state:jpn", "doc:l26"],
      ["state:kor", null],
      ["state:prk", null],
      ["state:usa", null],
    ]);
  });

  it("counts zero for the rows it could not extend", () => {
    expect(
      g.rows(
        "MATCH (s:state) OPTIONAL MATCH (s)<-[:`addressed-to`]-(r) RETURN s.id, count(r) AS n ORDER BY n DESC, s.id",
      ),
    ).toEqual([
      ["state:kor", 2],
      ["state:prk", 1],
      ["state:jpn", 0],
      ["state:usa", 0],
    ]);
  });

  it("lets a later MATCH on its null variable match nothing", () => {
    expect(g.rows("OPTIONAL MATCH (n:topic {label: 'nothing'}) MATCH (n)-->(m) RETURN m")).toEqual([]);
  });
});

describe("Match8: MATCH with other clauses", () => {
  it("continues from variables passed by WITH", () => {
    expect(g.anyOrder("MATCH (a:state) WITH a MATCH (a)-[:declined]->(b) RETURN a.id, b.id")).toEqual([
      ["state:kor", "doc:l26"],
      ["state:usa", "topic:sanctions"],
    ]);
  });

  it("lets separate MATCH clauses use one relationship twice", () => {
    expect(g.rows("MATCH (a)-[:cites]->(b) MATCH (a)-[:cites]->(b) RETURN count(*)")).toEqual([[5]]);
    expect(g.rows("MATCH (a)-[:cites]->(b), (a)-[:cites]->(b) RETURN count(*)")).toEqual([[2]]);
  });

  it("matches a relationship bound by an earlier clause, in the direction written", () => {
    expect(g.anyOrder("MATCH ()-[r:declined]->() WITH r MATCH (a)-[r]->(b) RETURN a.id, b.id")).toEqual([
      ["state:kor", "doc:l26"],
      ["state:usa", "topic:sanctions"],
    ]);
    expect(g.anyOrder("MATCH ()-[r:declined]->() WITH r MATCH (a)<-[r]-(b) RETURN a.id")).toEqual([
      ["doc:l26"],
      ["topic:sanctions"],
    ]);
    expect(g.rows("MATCH ()-[r:declined]->() WITH r MATCH (a:person)-[r]->(b) RETURN a")).toEqual([]);
  });
});
