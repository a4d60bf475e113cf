// Permalinks: the shareable state survives encode -> decode; broken or hostile hashes decode to safe defaults; a
// restored link keeps only what names things in the graph, and one action puts it in the state.
import { describe, expect, it } from "vitest";
import {
  askPaths,
  choosePath,
  selectNode,
  setCamera,
  setPathResult,
  toggleNodeType,
} from "../../web/src/actions/index.js";
import type { FoundPathObject } from "../../web/src/api/index.js";
import {
  decodePermalink,
  encodePermalink,
  historyStep,
  pathToAsk,
  restorePermalink,
  samePathQuery,
  validPermalink,
} from "../../web/src/permalink/index.js";
import type { PermalinkState } from "../../web/src/permalink/index.js";
import { DEFAULT_FILTERS, DEFAULT_PATH_QUERY, initialState } from "../../web/src/state/index.js";
import { fixtureGraph } from "./fixture.js";

const PATH: FoundPathObject = { nodes: [], edges: [], steps: [], claims: [], length: 1, cost: 1 };

const FULL: PermalinkState = {
  selection: { kind: "node", id: "person:tomas-ojea-quintana" },
  filters: {
    hiddenNodeTypes: ["document", "topic"],
    hiddenEdgeTypes: ["cites"],
    hiddenSources: ["document:other-brief"],
    dateFrom: "2019-10",
    dateTo: "2019-12",
    hideUndated: true,
    hideUnlinked: true,
    mode: "dim",
    showSuggestions: true,
    showBibliography: true,
  },
  pathQuery: {
    from: "state:kor",
    to: "person:tomas-ojea-quintana",
    rank: "hops",
    via: ["doc:brief", "state:prk"],
    avoid: ["doc:l26"],
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

describe("validPermalink", () => {
  const graph = fixtureGraph();

  it("keeps what names things in the graph", () => {
    const link = {
      ...FULL,
      selection: { kind: "edge", id: "e:declined" } as const,
      reading: { edgeId: "e:declined" },
      pathQuery: { ...DEFAULT_PATH_QUERY, from: "state:kor", to: "person:q" },
    };
    expect(validPermalink(graph, link)).toEqual({ state: link, problems: [] });
  });

  it("drops a missing selection or path end with a sentence each, and a missing quote silently", () => {
    const { state, problems } = validPermalink(graph, {
      ...FULL,
      selection: { kind: "node", id: "state:nowhere" },
      reading: { edgeId: "e:gone" },
      pathQuery: { ...DEFAULT_PATH_QUERY, from: "state:kor", to: "person:gone" },
      activePath: 1,
    });
    expect(state).toMatchObject({ selection: null, reading: null, pathQuery: null, activePath: null });
    expect(state.filters).toEqual(FULL.filters);
    expect(problems).toEqual([
      "The linked node “state:nowhere” is not in this graph.",
      "The linked path names a node that is not in this graph.",
    ]);
  });

  it("drops a path whose via or avoided node is not in this graph", () => {
    for (const missing of [{ via: ["state:gone"] }, { avoid: ["state:prk", "state:gone"] }]) {
      const pathQuery = { ...DEFAULT_PATH_QUERY, from: "state:kor", to: "person:q", ...missing };
      const { state, problems } = validPermalink(graph, { ...FULL, selection: null, pathQuery });
      expect(state.pathQuery).toBeNull();
      expect(problems).toEqual(["The linked path names a node that is not in this graph."]);
    }
  });
});

describe("restorePermalink", () => {
  const QUESTION = { ...DEFAULT_PATH_QUERY, from: "state:kor", to: "person:q" };
  const PATHS = { paths: [PATH, PATH, PATH], rank: "informative" as const, truncated: false };
  const answered = setPathResult({ status: "found", response: PATHS })(askPaths(QUESTION)(initialState()));

  it("restores selection, quote, filters and camera, keeping the camera when the link has none", () => {
    const link = { ...FULL, pathQuery: null, activePath: null };
    const moved = { ...initialState(), camera: { x: 1, y: 1, ratio: 1, angle: 0 } };
    expect(restorePermalink(link)(moved)).toMatchObject({
      selection: FULL.selection,
      reading: FULL.reading,
      filters: FULL.filters,
      camera: FULL.camera,
    });
    expect(restorePermalink({ ...link, camera: null })(moved).camera).toEqual(moved.camera);
  });

  it("keeps the answer to the same question and takes the link's choice of path", () => {
    const link = { ...FULL, pathQuery: { ...QUESTION }, activePath: 2 };
    const next = restorePermalink(link)(answered);
    expect(next).toMatchObject({ pathQuery: QUESTION, pathResult: answered.pathResult, activePath: 2 });
    expect(pathToAsk(link, next)).toBeNull();
  });

  it("clears the path when the link has none", () => {
    const next = restorePermalink({ ...FULL, pathQuery: null, activePath: null })(answered);
    expect(next).toMatchObject({ pathQuery: null, pathResult: { status: "idle" }, activePath: null });
  });

  it("leaves a new question to the path runner, which it names", () => {
    const link = { ...FULL, pathQuery: { ...QUESTION, maxHops: 2 }, activePath: 1 };
    const next = restorePermalink(link)(answered);
    expect(next).toMatchObject({ pathQuery: QUESTION, pathResult: answered.pathResult, activePath: 0 });
    expect(pathToAsk(link, next)).toBe(link.pathQuery);
    expect(pathToAsk(link, initialState())).toBe(link.pathQuery);
  });
});

describe("samePathQuery", () => {
  it("compares every option, relation types as a list", () => {
    const q = { ...DEFAULT_PATH_QUERY, from: "a", to: "b", edgeTypes: ["x", "y"] };
    expect(samePathQuery(q, { ...q, edgeTypes: ["x", "y"] })).toBe(true);
    expect(samePathQuery(q, { ...q, edgeTypes: ["x"] })).toBe(false);
    expect(samePathQuery(q, { ...q, includeProvenance: !q.includeProvenance })).toBe(false);
    expect(samePathQuery(q, null)).toBe(false);
    expect(samePathQuery(null, null)).toBe(true);
  });
});

describe("historyStep", () => {
  it("pushes a history entry for a selection, a path question and a path the user chooses", () => {
    const start = initialState();
    const selected = selectNode("state:kor")(start);
    expect(historyStep(selected, start)).toBe("push");
    const asked = askPaths({ ...DEFAULT_PATH_QUERY, from: "state:kor", to: "person:q" })(selected);
    expect(historyStep(asked, selected)).toBe("push");
    const answered = setPathResult({
      status: "found",
      response: { paths: [PATH, PATH], rank: "informative", truncated: false },
    })(asked);
    // The answer's first path is chosen for the user: the same step as the question.
    expect(historyStep(answered, asked)).toBe("replace");
    expect(historyStep(choosePath(1)(answered), answered)).toBe("push");
  });

  it("rewrites the entry for filters and the camera, and leaves it alone for hovering", () => {
    const start = initialState();
    expect(historyStep(toggleNodeType("document")(start), start)).toBe("replace");
    expect(historyStep(setCamera({ x: 0, y: 0, ratio: 1, angle: 0 })(start), start)).toBe("replace");
    expect(historyStep({ ...start, hoveredNode: "state:kor" }, start)).toBeNull();
  });
});
