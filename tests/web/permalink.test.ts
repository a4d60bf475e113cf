// Permalinks: the shareable state survives encode -> decode; broken or hostile hashes decode to safe defaults.
import { describe, expect, it } from "vitest";
import { decodePermalink, encodePermalink } from "../../web/src/permalink/index.js";
import type { PermalinkState } from "../../web/src/permalink/index.js";
import { DEFAULT_FILTERS, DEFAULT_PATH_QUERY } from "../../web/src/state/index.js";

const FULL: PermalinkState = {
  selection: { kind: "node", id: "person:tomas-ojea-quintana" },
  filters: {
    hiddenNodeTypes: ["document", "topic"],
    hiddenEdgeTypes: ["cites"],
    dateFrom: "2019-10",
    dateTo: "2019-12",
    mode: "dim",
  },
  pathQuery: {
    from: "state:kor",
    to: "person:tomas-ojea-quintana",
    maxHops: 5,
    limit: 3,
    direction: "forward",
    edgeTypes: ["called-on", "declined"],
    throughDocuments: false,
    includeProvenance: true,
  },
  activePath: 2,
  reading: { edgeId: "a--declined--b" },
  camera: { x: 0.5, y: 0.25, ratio: 0.7, angle: 0 },
};

describe("decodePermalink", () => {
  it("reads an empty or foreign hash as the default view", () => {
    for (const hash of ["", "#", "#foo=bar", "#s=x:oops&m=loud&df=2019-13&c=1,2,-3,0&ph=abc"]) {
      const state = decodePermalink(hash);
      expect(state.selection).toBeNull();
      expect(state.filters).toEqual(DEFAULT_FILTERS);
      expect(state.pathQuery).toBeNull();
      expect(state.camera).toBeNull();
    }
  });

  it("clamps hop and result counts to what the API accepts", () => {
    const state = decodePermalink("#pf=a&pt=b&ph=99&pl=0");
    expect(state.pathQuery).toMatchObject({ maxHops: 8, limit: 1 });
  });

  it("keeps a path query only when both ends are given", () => {
    expect(decodePermalink("#pf=a").pathQuery).toBeNull();
  });

  it("orders a reversed date range", () => {
    expect(decodePermalink("#df=2020-01&dt=2019-01").filters).toMatchObject({ dateFrom: "2019-01", dateTo: "2020-01" });
  });

  it("opens the source reader on a selected edge", () => {
    expect(decodePermalink("#s=e:a--declined--b").reading).toEqual({ edgeId: "a--declined--b" });
  });
});

describe("encodePermalink", () => {
  it("round-trips selection, filters, path query, chosen path, reading and camera", () => {
    expect(decodePermalink(encodePermalink(FULL))).toEqual(FULL);
  });

  it("writes only a version for the default view", () => {
    const hash = encodePermalink({
      selection: null,
      filters: DEFAULT_FILTERS,
      pathQuery: null,
      activePath: null,
      reading: null,
      camera: null,
    });
    expect(hash).toBe("v=1");
  });

  it("leaves default path options out and survives ids with reserved characters", () => {
    const hash = encodePermalink({
      ...FULL,
      selection: { kind: "node", id: "doc:un:a-c.3-74-l.26&x=1#y" },
      pathQuery: { ...DEFAULT_PATH_QUERY, from: "a", to: "b" },
      activePath: 0,
    });
    expect(hash).not.toMatch(/ph=|pl=|pd=|pdoc=|pprov=/);
    expect(decodePermalink(`#${hash}`).selection).toEqual({ kind: "node", id: "doc:un:a-c.3-74-l.26&x=1#y" });
    expect(decodePermalink(`#${hash}`).activePath).toBe(0);
  });
});
