// The query routes on the bundled graph: bad input first, then real answers with their evidence.
import request from "supertest";
import { describe, expect, it, vi } from "vitest";
import { bundledApp } from "../helpers/bundled-app";
import type { FoundPathObject } from "../../src/api/contract";

const { app, context, unexpected } = await bundledApp();
const get = (url: string) => request(app).get(url);

function expectParameterError(res: request.Response, parameter: string) {
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe("bad-parameter");
  expect(res.body.error.parameter).toBe(parameter);
  expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
}

describe("GET /api/health", () => {
  it("rejects parameters it does not take", async () => {
    expectParameterError(await get("/api/health?verbose=1"), "verbose");
  });

  it("counts the bundled graph's nodes and edges", async () => {
    const res = await get("/api/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok", nodes: context.dataset.graph.order, edges: context.dataset.graph.size });
    expect(res.body.nodes).toBeGreaterThan(60);
  });
});

describe("GET /api/search", () => {
  it("rejects a missing, repeated, over-long or out-of-range parameter, naming it", async () => {
    expectParameterError(await get("/api/search"), "q");
    expectParameterError(await get("/api/search?q=%20%20"), "q");
    expectParameterError(await get("/api/search?q=a&q=b"), "q");
    expectParameterError(await get(`/api/search?q=${"x".repeat(10_000)}`), "q");
    expectParameterError(await get(`/api/search?q=${"x".repeat(201)}`), "q");
    expectParameterError(await get("/api/search?q=korea&limit=-1"), "limit");
    expectParameterError(await get("/api/search?q=korea&limit=ten"), "limit");
    expectParameterError(await get("/api/search?q=korea&type=country"), "type");
    expectParameterError(await get("/api/search?q=korea&sort=asc"), "sort");
  });

  it("finds Tomás Ojea Quintana without the accent, by prefix and with a typo", async () => {
    for (const q of ["Tomas", "tomás", "Quint", "Quintanna"]) {
      const res = await get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(res.body.results[0]).toMatchObject({
        id: "person:tomas-ojea-quintana",
        label: "Tomás Ojea Quintana",
        type: "person",
      });
    }
  });

  it("finds a state by any alias the brief uses, and filters by type", async () => {
    const dprk = await get("/api/search?q=DPRK&type=state");
    expect(dprk.body.results[0].id).toBe("state:prk");
    expect(dprk.body.results.every((r: { type: string }) => r.type === "state")).toBe(true);
    const rok = await get("/api/search?q=ROK&limit=1");
    expect(rok.body.results).toEqual([expect.objectContaining({ id: "state:kor" })]);
    const khari = await get("/api/search?q=Khari");
    expect(khari.body.results[0].id).toBe("person:mohamed-khaled-khiari");
  });
});

describe("GET /api/nodes/:id", () => {
  it("answers 404 with the closest ids for an unknown node", async () => {
    const res = await get("/api/nodes/state%3Aprkk");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not-found");
    expect(res.body.error.suggestions[0]).toBe("state:prk");
  });

  it("answers 400 for a path that is not validly percent-encoded", async () => {
    expectParameterError(await get("/api/nodes/%E0%A4%A"), undefined as unknown as string);
  });

  it("returns the node and every incident edge with a verbatim quote and its offsets", async () => {
    const res = await get(`/api/nodes/${encodeURIComponent("state:kor")}`);
    expect(res.status).toBe(200);
    expect(res.body.node).toMatchObject({ id: "state:kor", label: "Republic of Korea", type: "state" });
    expect(res.body.node.aliases).toEqual(expect.arrayContaining(["ROK", "Republic of Korea"]));
    const text = context.dataset.sources.get("dprk-2020-brief")!.text;
    expect(res.body.edges.length).toBe(context.dataset.graph.degree("state:kor"));
    for (const edge of res.body.edges) {
      expect(text.slice(edge.evidence.start, edge.evidence.end)).toBe(edge.evidence.quote);
    }
    const declined = res.body.edges.find((e: { type: string }) => e.type === "declined");
    expect(declined).toMatchObject({
      source: "state:kor",
      target: "doc:un:a-c.3-74-l.26",
      evidence: { footnotes: ["iii"] },
    });
    expect(declined.evidence.quote).toContain("the Republic of Korea (ROK) declined to co-sponsor the resolution");
  });
});

describe("GET /api/nodes/:id/neighbors", () => {
  it("rejects depth 0 or 4, a bad direction and unknown types", async () => {
    expectParameterError(await get("/api/nodes/state%3Aprk/neighbors?depth=0"), "depth");
    expectParameterError(await get("/api/nodes/state%3Aprk/neighbors?depth=4"), "depth");
    expectParameterError(await get("/api/nodes/state%3Aprk/neighbors?direction=up"), "direction");
    expectParameterError(await get("/api/nodes/state%3Aprk/neighbors?edgeTypes=likes"), "edgeTypes");
    expectParameterError(await get("/api/nodes/state%3Aprk/neighbors?nodeTypes=planet"), "nodeTypes");
    expectParameterError(await get("/api/nodes/state%3Aprk/neighbors?edgeLimit=0"), "edgeLimit");
    expect((await get("/api/nodes/state%3Axyz/neighbors")).status).toBe(404);
  });

  it("returns the Security Council's direct neighbours, incoming only when asked", async () => {
    const both = await get("/api/nodes/un%3Asecurity-council/neighbors");
    const graph = context.dataset.graph;
    expect(both.body.nodes.map((n: { id: string }) => n.id).sort()).toEqual(
      [...new Set(["un:security-council", ...graph.neighbors("un:security-council")])].sort(),
    );
    const incoming = await get("/api/nodes/un%3Asecurity-council/neighbors?direction=in&edgeTypes=addressed-to");
    expect(incoming.body.edges.map((e: { source: string }) => e.source)).toEqual(["rec:dprk-2020-brief:unsc-1"]);
  });

  it("streams the engine's answer whole, as JSON", async () => {
    const res = await get("/api/nodes/un%3Asecurity-council/neighbors?depth=2");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(res.body).toEqual(JSON.parse(JSON.stringify(context.engine.neighbors("un:security-council", { depth: 2 }))));
  });

  it("answers JSON.stringify's very text of the engine's answer, its nodes and edges copied from the texts kept", async () => {
    for (const [url, answer] of [
      ["/api/nodes/state%3Aprk/neighbors?depth=2", () => context.engine.neighbors("state:prk", { depth: 2 })],
      ["/api/nodes/state%3Aprk", () => context.engine.node("state:prk")],
      ["/api/nodes/person%3Atomas-ojea-quintana", () => context.engine.node("person:tomas-ojea-quintana")],
    ] as const) {
      // Twice: the first answer writes the texts, the second copies them.
      for (let round = 0; round < 2; round++) {
        const res = await get(url);
        expect(res.status, url).toBe(200);
        expect(res.text, url).toBe(JSON.stringify(answer()));
      }
    }
  });

  it("reaches further at depth 2", async () => {
    const one = await get("/api/nodes/un%3Asecurity-council/neighbors?depth=1");
    const two = await get("/api/nodes/un%3Asecurity-council/neighbors?depth=2");
    expect(two.body.nodes.length).toBeGreaterThan(one.body.nodes.length);
  });
});

describe("GET /api/paths", () => {
  it("rejects maxHops 0 or 100, limit -1, unknown types and missing ends", async () => {
    const base = "/api/paths?from=state%3Akor&to=person%3Atomas-ojea-quintana";
    expectParameterError(await get(`${base}&maxHops=0`), "maxHops");
    expectParameterError(await get(`${base}&maxHops=100`), "maxHops");
    expectParameterError(await get(`${base}&limit=-1`), "limit");
    expectParameterError(await get(`${base}&edgeTypes=likes`), "edgeTypes");
    expectParameterError(await get(`${base}&excludeNodeTypes=planet`), "excludeNodeTypes");
    expectParameterError(await get(`${base}&direction=sideways`), "direction");
    expectParameterError(await get(`${base}&includeProvenance=maybe`), "includeProvenance");
    expectParameterError(await get("/api/paths?from=state%3Akor"), "to");
    const unknown = await get("/api/paths?from=state%3Akorr&to=person%3Atomas-ojea-quintana");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.suggestions).toContain("state:kor");
  });

  it("connects the Republic of Korea to Tomás Ojea Quintana by his call on it, quoted", async () => {
    const res = await get("/api/paths?from=state%3Akor&to=person%3Atomas-ojea-quintana");
    expect(res.status).toBe(200);
    const [first] = res.body.paths;
    expect(first.length).toBe(1);
    expect(first.edges[0]).toMatchObject({
      type: "called-on",
      source: "person:tomas-ojea-quintana",
      target: "state:kor",
      direction: "backward",
    });
    expect(first.edges[0].evidence.quote).toContain("Quintana continues to call on the ROK and US");
    expect(first.edges[0].evidence.footnotes).toEqual(["viii"]);
  });

  it("with rank=hops, returns up to k simple paths, shortest first, each within maxHops, each step's claims joining its nodes", async () => {
    const res = await get("/api/paths?from=state%3Akor&to=person%3Atomas-ojea-quintana&limit=5&maxHops=3&rank=hops");
    expect(res.body).toMatchObject({ rank: "hops", truncated: false });
    expect(res.body.paths).toHaveLength(5);
    const lengths = res.body.paths.map((p: FoundPathObject) => p.length);
    expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
    for (const path of res.body.paths as FoundPathObject[]) {
      expect(path.length).toBeLessThanOrEqual(3);
      expect(path.steps).toHaveLength(path.length);
      expect(new Set(path.nodes.map((n) => n.id)).size).toBe(path.nodes.length);
      const edges = new Map(path.edges.map((edge) => [edge.id, edge]));
      path.steps.forEach((step, i) => {
        expect([step.from, step.to]).toEqual([path.nodes[i]!.id, path.nodes[i + 1]!.id]);
        for (const id of step.edges) {
          const edge = edges.get(id)!;
          const [a, b] = edge.direction === "forward" ? [edge.source, edge.target] : [edge.target, edge.source];
          expect([a, b]).toEqual([step.from, step.to]);
        }
      });
    }
  });

  it("connects China to the OHCHR through the recommendations and Quintana's calls", async () => {
    const res = await get("/api/paths?from=state%3Achn&to=unoffice%3Aohchr");
    expect(res.body.paths.length).toBeGreaterThan(0);
    const first = res.body.paths[0];
    expect(first.nodes[0].id).toBe("state:chn");
    expect(first.nodes.at(-1).id).toBe("unoffice:ohchr");
    for (const edge of first.edges)
      expect(context.dataset.sources.get("dprk-2020-brief")!.text).toContain(edge.evidence.quote);
  });

  it("connects the United States to Kim Jong-un first by his deadline, then by longer cited paths", async () => {
    const res = await get("/api/paths?from=state%3Ausa&to=person%3Akim-jong-un");
    const first = res.body.paths[0];
    expect(first.length).toBe(1);
    expect(first.edges[0]).toMatchObject({ type: "demanded", source: "person:kim-jong-un", target: "state:usa" });
    expect(first.edges[0].evidence.quote).toBe(
      "the end-of-year deadline Kim Jong-un set for the US to soften its demands on denuclearization",
    );
    expect(res.body.paths.length).toBeGreaterThan(1);
    for (const path of res.body.paths.slice(1)) expect(path.length).toBeGreaterThanOrEqual(2);
  });

  it("does not pass through the brief or its citations unless asked", async () => {
    // Reuters and Al Jazeera are linked only through the brief that cites them both.
    const res = await get("/api/paths?from=org%3Areuters&to=org%3Aal-jazeera&maxHops=4");
    expect(res.body.paths).toEqual([]);
    expect(res.body.cause).toBe("filtered");
    const withProvenance = await get(
      "/api/paths?from=org%3Areuters&to=org%3Aal-jazeera&maxHops=4&includeProvenance=true",
    );
    const [path] = withProvenance.body.paths;
    expect(path.edges.some((e: { type: string }) => e.type === "cites")).toBe(true);
    expect(path.nodes.map((n: { id: string }) => n.id)).toContain("doc:brief:dprk-2020");
  });

  it("says why there is no path: too long for maxHops, with the shortest length", async () => {
    const res = await get("/api/paths?from=state%3Ajpn&to=person%3Atomas-ojea-quintana&maxHops=1");
    expect(res.status).toBe(200);
    expect(res.body.paths).toEqual([]);
    expect(res.body.cause).toBe("too-long");
    expect(res.body.shortestLength).toBeGreaterThan(1);
    expect(res.body.reason).toMatch(/maxHops/);
  });

  it("says when only provenance links (citations) connect two nodes", async () => {
    const res = await get("/api/paths?from=state%3Ajpn&to=person%3Ajacob-fromer");
    expect(res.body.cause).toBe("filtered");
    const withCitations = await get(
      "/api/paths?from=state%3Ajpn&to=person%3Ajacob-fromer&includeProvenance=true&maxHops=8",
    );
    expect(withCitations.body.paths[0].edges.some((e: { type: string }) => e.type === "cites")).toBe(true);
  });

  it("says when the filters cut every connection", async () => {
    const res = await get("/api/paths?from=state%3Akor&to=person%3Atomas-ojea-quintana&edgeTypes=sponsored");
    expect(res.body.paths).toEqual([]);
    expect(res.body.cause).toBe("filtered");
  });

  it("sends a long answer in pieces, with the event loop free between them, not as one JSON text", async () => {
    // Fifty paths of up to 8 steps: 380 KB of JSON here, megabytes on a large graph. The clock advances 5 ms at every
    // look, so the answer outlasts its first slice and is streamed; made as one text, it would go with its length.
    const url = "/api/paths?from=China&to=DPRK&limit=50&maxHops=8&includeProvenance=true&timeBudgetMs=5000";
    const whole = await get(url);
    let now = 0;
    const clock = vi.spyOn(performance, "now").mockImplementation(() => (now += 5));
    try {
      // The same query with its parameters in another order: the first answer is not copied from the answer cache.
      const streamed = await get(url.replace("limit=50&maxHops=8", "maxHops=8&limit=50"));
      expect(streamed.headers["transfer-encoding"]).toBe("chunked");
      expect(streamed.body).toEqual(whole.body);
      expect(streamed.body.paths).toHaveLength(50);
    } finally {
      clock.mockRestore();
    }
  });
});

/** A path answer's paths as their node labels joined by their steps' arrows (→ ← ↔). */
function headers(body: { paths: FoundPathObject[] }): string[] {
  const arrow = { forward: "→", backward: "←", both: "↔" } as const;
  return body.paths.map((path) =>
    path.nodes
      .map((node, i) => (i === 0 ? node.label : `${arrow[path.steps[i - 1]!.direction]} ${node.label}`))
      .join(" "),
  );
}

describe("GET /api/paths: the informative ranking, folded steps, names, via and avoid", () => {
  const DEBATE = "UN Security Council debate on human rights in the DPRK (December 2019, not held)";
  const DRAFT = "China–Russia draft Security Council resolution on DPRK sanctions (December 2019)";

  it("rejects an unknown rank, and via or avoid naming an end, naming the parameter", async () => {
    expectParameterError(await get("/api/paths?from=China&to=DPRK&rank=best"), "rank");
    expectParameterError(await get("/api/paths?from=China&to=DPRK&via=DPRK"), "via");
    expectParameterError(await get("/api/paths?from=China&to=DPRK&avoid=China"), "avoid");
    expectParameterError(
      await get("/api/paths?from=China&to=DPRK&via=Quintana&avoid=person%3Atomas-ojea-quintana"),
      "avoid",
    );
  });

  it("answers an ambiguous name with a 400 listing the candidates with their types", async () => {
    const res = await get("/api/paths?from=Moon&to=DPRK");
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "ambiguous-name", parameter: "from" });
    expect(res.body.error.candidates).toEqual([
      { id: "person:moon-jae-in", label: "Moon Jae-in", type: "person" },
      {
        id: "doc:letter:hrw-2019-12-16-letter-to-president-moon",
        label: "Letter to President Moon Jae-in Re: ROK’s stance on human rights in North Korea",
        type: "document",
      },
    ]);
    const via = await get("/api/paths?from=China&to=DPRK&via=draft");
    expect(via.status).toBe(400);
    expect(via.body.error).toMatchObject({ code: "ambiguous-name", parameter: "via" });
    expect(via.body.error.candidates.map((c: { type: string }) => c.type)).toEqual(["document", "document"]);
  });

  it("answers an unknown name with a 404 and the closest ids", async () => {
    const res = await get("/api/paths?from=state%3Achnn&to=DPRK");
    expect(res.status).toBe(404);
    expect(res.body.error.suggestions).toContain("state:chn");
  });

  it("answers the United States to the Security Council first with the debate the US refused to endorse", async () => {
    for (const [from, to] of [
      ["state%3Ausa", "un%3Asecurity-council"],
      ["US", "Security%20Council"],
      ["USA", "UNSC"],
    ]) {
      const res = await get(`/api/paths?from=${from}&to=${to}`);
      expect(res.status).toBe(200);
      expect(res.body.rank).toBe("informative");
      expect(headers(res.body)[0]).toBe(`United States of America → ${DEBATE} ← United Nations Security Council`);
      const [first] = res.body.paths as FoundPathObject[];
      // Both claims between the US and the debate fold into the first step, the refusal (with its own quote) first.
      expect(first!.steps[0]!.edges).toHaveLength(2);
      expect(first!.edges[0]!.evidence.quote).toContain(
        "the US government refused to endorse a formal UN Security Council",
      );
    }
  });

  it("answers China and Russia to the DPRK first with the sanctions draft they sponsored", async () => {
    for (const [from, name] of [
      ["China", "People's Republic of China"],
      ["Russia", "Russian Federation"],
    ]) {
      const res = await get(`/api/paths?from=${from}&to=DPRK`);
      expect(headers(res.body)[0]).toBe(`${name} → ${DRAFT} → Democratic People's Republic of Korea`);
      const [first] = res.body.paths as FoundPathObject[];
      const typeOf = new Map(first!.edges.map((edge) => [edge.id, edge.type]));
      expect(first!.steps.map((step) => typeOf.get(step.edges[0]!))).toEqual(["sponsored", "about"]);
    }
  });

  it("ranks the Special Rapporteur's mandate above a path through the Rapporteur's one sentence naming four states", async () => {
    const informative = headers((await get("/api/paths?from=China&to=DPRK&limit=5")).body);
    const hops = headers((await get("/api/paths?from=China&to=DPRK&limit=5&rank=hops")).body);
    const mandate = informative.findIndex((h) =>
      h.startsWith("People's Republic of China ← Tomás Ojea Quintana → Special"),
    );
    expect(mandate).toBe(2);
    // Quintana's call on China and on the US is one quote: that path is last by cost, and in the hop ranking's five.
    const sameQuote =
      "People's Republic of China ← Tomás Ojea Quintana → United States of America ← Democratic People's Republic of Korea";
    expect(informative).not.toContain(sameQuote);
    expect(hops).toContain(sameQuote);
  });

  it("never lists the same sequence of nodes twice, in either ranking", async () => {
    for (const rank of ["informative", "hops"]) {
      for (const [from, to] of [
        ["China", "DPRK"],
        ["HRW", "Quintana"],
        ["US", "UNSC"],
      ]) {
        const res = await get(`/api/paths?from=${from}&to=${to}&limit=50&maxHops=5&rank=${rank}`);
        const sequences = (res.body.paths as FoundPathObject[]).map((p) => p.nodes.map((n) => n.id).join(" "));
        expect(sequences.length).toBeGreaterThan(3);
        expect(new Set(sequences).size).toBe(sequences.length);
      }
    }
  });

  it("shows a step with claims both ways as ↔", async () => {
    const res = await get("/api/paths?from=Quintana&to=DPRK&limit=5");
    const both = (res.body.paths as FoundPathObject[]).flatMap((p) => p.steps).filter((s) => s.direction === "both");
    expect(both.length).toBeGreaterThan(0);
    for (const step of both) expect(step.edges.length).toBeGreaterThan(1);
  });

  it("passes through via and around avoid, by name, and explains when nothing is left", async () => {
    const through = await get("/api/paths?from=China&to=DPRK&via=Quintana&limit=3");
    for (const path of through.body.paths as FoundPathObject[]) {
      expect(path.nodes.map((n) => n.id)).toContain("person:tomas-ojea-quintana");
    }
    const around = await get(
      `/api/paths?from=China&to=DPRK&avoid=${encodeURIComponent(`${DRAFT},state:usa`)}&limit=10`,
    );
    expect(around.status).toBe(200);
    for (const path of around.body.paths as FoundPathObject[]) {
      const ids = path.nodes.map((n) => n.id);
      expect(ids).not.toContain("state:usa");
      expect(ids).not.toContain("doc:un:draft-sc-resolution-dprk-sanctions-2019-12");
    }
    const none = await get("/api/paths?from=China&to=DPRK&via=Quintana&maxHops=2");
    expect(none.body).toMatchObject({ paths: [], cause: "via" });
    expect(none.body.reason).toContain("passes through Tomás Ojea Quintana within 2 steps");
  });
});

describe("GET /api/nodes/:id by name", () => {
  it("accepts a name or alias as well as an id, and answers an ambiguous one with its candidates", async () => {
    const byName = await get("/api/nodes/UNSC");
    expect(byName.status).toBe(200);
    expect(byName.body.node.id).toBe("un:security-council");
    const neighbors = await get("/api/nodes/HRW/neighbors");
    expect(neighbors.status).toBe(200);
    expect(neighbors.body.nodes.map((n: { id: string }) => n.id)).toContain("org:hrw");
    const ambiguous = await get("/api/nodes/Korea/neighbors");
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.error.code).toBe("ambiguous-name");
    expect(ambiguous.body.error.candidates.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining(["state:kor", "state:prk"]),
    );
  });
});

describe("the query routes", () => {
  it("never reported an unexpected error while these tests ran", () => {
    expect(unexpected).toEqual([]);
  });
});
