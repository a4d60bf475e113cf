// Several sources on one graph: the bundled brief and a fictional second source that repeats one of its claims
// (the General Assembly adopted resolution 74/166), contradicts another (the ROK declined to co-sponsor the draft;
// the second says it co-sponsored it) and dates a third otherwise (the US refusal: December 2019, November).
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClaimSourcesResponse, NodeSourcesResponse } from "../../src/api/contract";
import { loadDataset } from "../../src/data";
import { createApp, createServerContext, DEFAULT_WEB_DIR } from "../../src/server";
import type { Express } from "express";
import { addSecondSource, SECOND_SOURCE } from "../fixtures/second-source/add-second-source";
import { copyBundledData } from "../helpers/edit-server";

const BRIEF = "dprk-2020-brief";
const ADOPTED = "un:general-assembly--adopted--doc:un:a-res-74-166";
const DECLINED = "state:kor--declined--doc:un:a-c.3-74-l.26";
const SPONSORED = "state:kor--sponsored--doc:un:a-c.3-74-l.26";
const REFUSED = "state:usa--declined--event:unsc-dprk-human-rights-debate-2019";

let app: Express;
let remove: () => void;
const unexpected: unknown[] = [];
const get = (url: string) => request(app).get(url);

beforeAll(async () => {
  const copy = copyBundledData("rightsgraph-two-sources");
  remove = copy.remove;
  addSecondSource(copy.dataDir);
  const dataset = await loadDataset(copy.dataDir);
  app = createApp(createServerContext(dataset), {
    webDir: DEFAULT_WEB_DIR,
    onUnexpectedError: (e) => unexpected.push(e),
  });
});
afterAll(() => remove());

describe("GET /api/edges/:id/sources", () => {
  it("answers 404 for an edge that does not exist", async () => {
    const res = await get(`/api/edges/${encodeURIComponent("state:kor--declined--nothing")}/sources`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not-found");
  });

  it("refuses an unknown parameter", async () => {
    const res = await get(`/api/edges/${encodeURIComponent(ADOPTED)}/sources?depth=2`);
    expect(res.status).toBe(400);
  });

  it("lists both sources that state one claim, each with its own quote, the edge's own source first", async () => {
    const res = await get(`/api/edges/${encodeURIComponent(ADOPTED)}/sources`);
    expect(res.status).toBe(200);
    const body = res.body as ClaimSourcesResponse;
    expect(body.edge.id).toBe(ADOPTED);
    expect(body.support.map((s) => s.source.id)).toEqual([BRIEF, SECOND_SOURCE]);
    expect(body.support.map((s) => s.edges.map((e) => e.evidence.quote))).toEqual([
      [
        "the UN General Assembly resolution condemning DPRK's systematic abuse and repression passed by consensus without a vote",
      ],
      [
        "On 18 December 2019 the UN General Assembly adopted resolution 74/166 on the human rights situation in the DPRK without a vote",
      ],
    ]);
    expect(body.support[1]!.source).toEqual({
      id: SECOND_SOURCE,
      title: "A second report on the DPRK (fictional test fixture)",
      document: "doc:test:dprk-2020-second-report",
    });
    expect(body.disagreements).toEqual([]);
  });

  it("shows a claim of another source with another type of the same family (sponsored, declined) as a disagreement", async () => {
    const body = (await get(`/api/edges/${encodeURIComponent(DECLINED)}/sources`)).body as ClaimSourcesResponse;
    expect(body.support.map((s) => [s.source.id, s.edges.map((e) => e.id)])).toEqual([[BRIEF, [DECLINED]]]);
    expect(body.disagreements).toHaveLength(1);
    const [d] = body.disagreements;
    expect(d!.source.id).toBe(SECOND_SOURCE);
    expect(d!.edge.id).toBe(SPONSORED);
    expect(d!.edge.evidence.quote).toBe(
      "The Republic of Korea co-sponsored the draft resolution A/C.3/74/L.26 in November 2019",
    );
    // The brief dates the decision 2019-10-31/2019-11-15, which "2019-11" is no prefix of.
    expect(d!.differs).toEqual(["type", "date"]);
    // And the other way round.
    const back = (await get(`/api/edges/${encodeURIComponent(SPONSORED)}/sources`)).body as ClaimSourcesResponse;
    expect(back.disagreements.map((x) => [x.source.id, x.edge.id, x.differs])).toEqual([
      [BRIEF, DECLINED, ["type", "date"]],
    ]);
  });

  it("shows the same relation with another date as a disagreement, not as support", async () => {
    const body = (await get(`/api/edges/${encodeURIComponent(REFUSED)}/sources`)).body as ClaimSourcesResponse;
    expect(body.edge.date).toBe("2019-12");
    expect(body.support.map((s) => s.source.id)).toEqual([BRIEF]);
    const second = body.disagreements.filter((d) => d.source.id === SECOND_SOURCE);
    expect(second.map((d) => [d.edge.type, d.edge.date, d.differs])).toEqual([["declined", "2019-11", ["date"]]]);
    // The brief's own other claim about the US and the debate (effectively blocked) is its own, never a disagreement.
    expect(body.disagreements.every((d) => d.source.id !== BRIEF)).toBe(true);
  });
});

describe("GET /api/nodes/:id/sources", () => {
  it("answers 404 for a node that does not exist", async () => {
    const res = await get("/api/nodes/state:nowhere/sources");
    expect(res.status).toBe(404);
  });

  it("counts each source's claims naming the node, most first", async () => {
    const kor = (await get("/api/nodes/state:kor/sources")).body as NodeSourcesResponse;
    const edges = (await get("/api/nodes/state:kor")).body.edges as { evidence: { sourceDoc: string } }[];
    const fromBrief = edges.filter((e) => e.evidence.sourceDoc === "doc:brief:dprk-2020").length;
    expect(fromBrief).toBeGreaterThan(1);
    expect(kor.node).toBe("state:kor");
    expect(kor.sources.map((s) => [s.source.id, s.claims])).toEqual([
      [BRIEF, fromBrief],
      [SECOND_SOURCE, 1],
    ]);
    const prk = (await get("/api/nodes/state:prk/sources")).body as NodeSourcesResponse;
    expect(prk.sources.map((s) => s.source.id)).toEqual([BRIEF]);
    expect(unexpected).toEqual([]);
  });
});
