// Actions are pure: each returns a new state (or the same one when nothing changes) and never mutates its input.
// The path runner asks the server and stores its answer through them.
import { afterEach, describe, expect, it } from "vitest";
import {
  askPaths,
  choosePath,
  clearPath,
  clearReading,
  clearSelection,
  escape,
  onlyEdgeType,
  onlyNodeType,
  pathParams,
  runCypherQuery,
  runCypherQueryAgain,
  runPathQuery,
  runPathQueryAgain,
  selectEdge,
  selectNode,
  setDateRange,
  setFilterMode,
  setHideUndated,
  setPathResult,
  showEvidence,
  toggleEdgeType,
  toggleNodeType,
  toggleSource,
} from "../../web/src/actions/index.js";
import { followSuggestionsSwitch } from "../../web/src/api/index.js";
import type {
  FoundPathObject,
  PathsRequest,
  PathsResponse,
  QueryRequest,
  QueryResponse,
} from "../../web/src/api/index.js";
import { DEFAULT_PATH_QUERY, createStore, initialState } from "../../web/src/state/index.js";
import type { AppState, PathQuery } from "../../web/src/state/index.js";

const QUERY: PathQuery = { ...DEFAULT_PATH_QUERY, from: "state:kor", to: "person:q" };
const PATH: FoundPathObject = { nodes: [], edges: [], steps: [], claims: [], length: 1, cost: 1 };

function frozen(state: AppState): AppState {
  return Object.freeze({ ...state, filters: Object.freeze({ ...state.filters }) }) as AppState;
}

describe("selection actions", () => {
  it("returns the same state when selecting what is already selected", () => {
    const state = selectNode("state:kor")(initialState());
    expect(selectNode("state:kor")(state)).toBe(state);
  });

  it("opens the source reader when an edge is selected, and clears both together", () => {
    const state = selectEdge("e:1")(frozen(initialState()));
    expect(state.selection).toEqual({ kind: "edge", id: "e:1" });
    expect(state.reading).toEqual({ edgeId: "e:1" });
    expect(clearSelection()(state)).toMatchObject({ selection: null, reading: null });
  });

  it("closes the source reader and keeps the selection", () => {
    const state = selectEdge("e:1")(frozen(initialState()));
    const closed = clearReading()(state);
    expect(closed).toMatchObject({ selection: { kind: "edge", id: "e:1" }, reading: null });
    expect(clearReading()(closed)).toBe(closed);
  });
});

describe("filter actions", () => {
  it("toggles node and edge types without mutating the previous list", () => {
    const start = frozen(initialState());
    const hidden = toggleNodeType("document")(start);
    expect(hidden.filters.hiddenNodeTypes).toEqual(["document"]);
    expect(start.filters.hiddenNodeTypes).toEqual([]);
    expect(toggleNodeType("document")(hidden).filters.hiddenNodeTypes).toEqual([]);
    expect(toggleNodeType("document", true)(hidden)).toBe(hidden);
    expect(toggleEdgeType("cites")(start).filters.hiddenEdgeTypes).toEqual(["cites"]);
  });

  it("keeps one type alone with Only, for nodes and for relations (whose unlinked nodes go too)", () => {
    const start = frozen(toggleNodeType("person")(initialState()));
    expect(onlyNodeType("state", ["state", "document", "person"])(start).filters.hiddenNodeTypes).toEqual([
      "document",
      "person",
    ]);
    const only = onlyEdgeType("addressed-to", ["cites", "addressed-to", "declined"])(start);
    expect(only.filters).toMatchObject({
      hiddenEdgeTypes: ["cites", "declined"],
      hideUnlinked: true,
      hiddenNodeTypes: ["person"],
    });
  });

  it("switches sources and Hide undated, returning the same state when nothing changes", () => {
    const start = frozen(initialState());
    const hidden = toggleSource("doc:brief")(start);
    expect(hidden.filters.hiddenSources).toEqual(["doc:brief"]);
    expect(toggleSource("doc:brief", true)(hidden)).toBe(hidden);
    const undated = setHideUndated(true)(start);
    expect(undated.filters.hideUndated).toBe(true);
    expect(setHideUndated(true)(undated)).toBe(undated);
  });

  it("orders a reversed date range and ignores a repeated one", () => {
    const state = setDateRange("2020-01", "2019-10")(initialState());
    expect(state.filters).toMatchObject({ dateFrom: "2019-10", dateTo: "2020-01" });
    expect(setDateRange("2019-10", "2020-01")(state)).toBe(state);
  });

  it("switches between hiding and dimming", () => {
    expect(setFilterMode("dim")(initialState()).filters.mode).toBe("dim");
  });
});

describe("path actions", () => {
  it("marks a new question as loading and forgets the old choice", () => {
    const state = askPaths(QUERY)({ ...initialState(), activePath: 2 });
    expect(state).toMatchObject({ pathQuery: QUERY, pathResult: { status: "loading" }, activePath: null });
  });

  it("chooses the first path of an answer, or the restored choice when it exists", () => {
    const asked = askPaths(QUERY)(initialState());
    const response = { paths: [PATH, PATH], rank: "informative" as const, truncated: false };
    expect(setPathResult({ status: "found", response })(asked).activePath).toBe(0);
    expect(setPathResult({ status: "found", response }, 1)(asked).activePath).toBe(1);
    expect(setPathResult({ status: "found", response }, 7)(asked).activePath).toBe(0);
    expect(setPathResult({ status: "none", reason: "disconnected" })(asked).activePath).toBeNull();
  });

  it("refuses to choose a path that does not exist", () => {
    const state = setPathResult({
      status: "found",
      response: { paths: [PATH], rank: "informative" as const, truncated: false },
    })(askPaths(QUERY)(initialState()));
    expect(choosePath(3)(state)).toBe(state);
    expect(choosePath(null)(state).activePath).toBeNull();
    expect(clearPath()(state)).toMatchObject({ pathQuery: null, pathResult: { status: "idle" }, activePath: null });
  });
});

describe("escape", () => {
  it("drops the selection first, then the highlighted path, then does nothing", () => {
    let state = setPathResult({
      status: "found",
      response: { paths: [PATH], rank: "informative" as const, truncated: false },
    })(askPaths(QUERY)(selectNode("state:kor")(initialState())));
    state = escape()(state);
    expect(state.selection).toBeNull();
    expect(state.activePath).toBe(0);
    state = escape()(state);
    expect(state.activePath).toBeNull();
    expect(escape()(state)).toBe(state);
  });
});

describe("createStore", () => {
  it("tells listeners about changes only", () => {
    const store = createStore(initialState());
    const seen: string[] = [];
    store.subscribe((state, previous) => seen.push(`${previous.selection?.id ?? "-"}>${state.selection?.id ?? "-"}`));
    store.dispatch(selectNode("a"));
    store.dispatch(selectNode("a"));
    store.dispatch(clearSelection());
    expect(seen).toEqual(["->a", "a>-"]);
  });
});

describe("runPathQuery", () => {
  const FOUND: PathsResponse = { paths: [PATH, PATH], rank: "informative" as const, truncated: false };
  const NONE: PathsResponse = {
    paths: [],
    reason: "No path within 4 hops.",
    cause: "too-long",
    shortestLength: 6,
    truncated: false,
  };

  /** A server that answers each request when the test says so, and records what it was asked. */
  function server() {
    const asked: PathsRequest[] = [];
    const pending: ((answer: PathsResponse | Error) => void)[] = [];
    const fetchPaths = (request: PathsRequest) => {
      asked.push(request);
      return new Promise<PathsResponse>((resolve, reject) =>
        pending.push((answer) => (answer instanceof Error ? reject(answer) : resolve(answer))),
      );
    };
    return { asked, fetchPaths, answer: (i: number, a: PathsResponse | Error) => pending[i]!(a) };
  }

  it("asks the question's request, shows it loading, then stores the paths with the chosen one", async () => {
    const store = createStore(initialState());
    const { asked, fetchPaths, answer } = server();
    const running = runPathQuery(store, QUERY, 1, fetchPaths);
    expect(asked).toEqual([pathParams(QUERY)]);
    expect(store.get()).toMatchObject({ pathQuery: QUERY, pathResult: { status: "loading" } });
    answer(0, FOUND);
    await running;
    expect(store.get()).toMatchObject({ pathResult: { status: "found", response: FOUND }, activePath: 1 });
  });

  it("stores the reason and cause of no path, and a failure as a message", async () => {
    const store = createStore(initialState());
    const { fetchPaths, answer } = server();
    const none = runPathQuery(store, QUERY, null, fetchPaths);
    answer(0, NONE);
    await none;
    expect(store.get().pathResult).toEqual({ status: "none", reason: "No path within 4 hops.", cause: "too-long" });
    const failed = runPathQuery(store, QUERY, null, fetchPaths);
    answer(1, new Error("The server cannot be reached. Is it running?"));
    await failed;
    expect(store.get().pathResult).toEqual({
      status: "error",
      message: "The server cannot be reached. Is it running?",
    });
  });

  it("drops an answer that arrives after a newer question", async () => {
    const store = createStore(initialState());
    const { fetchPaths, answer } = server();
    const newer = { ...QUERY, maxHops: 2 };
    const first = runPathQuery(store, QUERY, null, fetchPaths);
    const second = runPathQuery(store, newer, null, fetchPaths);
    answer(1, NONE);
    await second;
    answer(0, FOUND);
    await first;
    expect(store.get()).toMatchObject({ pathQuery: newer, pathResult: { status: "none", cause: "too-long" } });
  });

  describe("asked again (the suggestions switch changed the server's answers)", () => {
    afterEach(() => followSuggestionsSwitch(() => false));

    it("asks the same question, keeps the path chosen where the answer has it, and is no new question", async () => {
      const store = createStore(initialState());
      const { asked, fetchPaths, answer } = server();
      const running = runPathQuery(store, QUERY, null, fetchPaths);
      answer(0, FOUND);
      await running;
      store.dispatch(choosePath(1));
      const before = store.get();
      const again = runPathQueryAgain(store, fetchPaths);
      expect(asked).toEqual([pathParams(QUERY), pathParams(QUERY)]);
      expect(store.get()).toMatchObject({
        pathQuery: before.pathQuery,
        pathResult: { status: "loading" },
        activePath: 1,
      });
      answer(1, FOUND);
      await again;
      expect(store.get().pathQuery).toBe(before.pathQuery);
      expect(store.get()).toMatchObject({ pathResult: { status: "found" }, activePath: 1 });
      // Without a question there is nothing to ask.
      store.dispatch(clearPath());
      await runPathQueryAgain(store, fetchPaths);
      expect(asked).toHaveLength(2);
    });

    it("drops an answer asked before the switch last changed: the one asked after it stands", async () => {
      const store = createStore(initialState());
      const { fetchPaths, answer } = server();
      let showing = false;
      followSuggestionsSwitch(() => showing);
      const first = runPathQuery(store, QUERY, null, fetchPaths);
      showing = true;
      const second = runPathQueryAgain(store, fetchPaths);
      answer(1, FOUND);
      await second;
      answer(0, NONE);
      await first;
      expect(store.get().pathResult).toMatchObject({ status: "found", response: FOUND });
    });
  });
});

describe("runCypherQuery", () => {
  const ANSWER = { columns: [], rows: [] } as unknown as QueryResponse;

  it("sends the query, stores the answer, and asks the query on screen again when told", async () => {
    const asked: QueryRequest[] = [];
    const fetchQuery = async (request: QueryRequest) => {
      asked.push(request);
      return ANSWER;
    };
    const store = createStore(initialState());
    await runCypherQueryAgain(store, fetchQuery);
    expect(asked).toEqual([]);
    await runCypherQuery(store, "MATCH (n) RETURN n", fetchQuery);
    expect(store.get().queryResult).toEqual({ status: "answered", response: ANSWER });
    const again = runCypherQueryAgain(store, fetchQuery);
    expect(store.get().queryResult).toEqual({ status: "loading" });
    await again;
    expect(asked).toEqual([{ query: "MATCH (n) RETURN n" }, { query: "MATCH (n) RETURN n" }]);
    expect(store.get()).toMatchObject({ queryText: "MATCH (n) RETURN n", queryResult: { status: "answered" } });
  });

  it("keeps a chosen path chosen when the query is asked again", async () => {
    const store = createStore(
      setPathResult({ status: "found", response: { paths: [PATH], rank: "informative", truncated: false } })(
        askPaths(QUERY)(initialState()),
      ),
    );
    await runCypherQuery(store, "MATCH (n) RETURN n", async () => ANSWER);
    store.dispatch(choosePath(0));
    await runCypherQueryAgain(store, async () => ANSWER);
    expect(store.get().activePath).toBe(0);
  });
});

describe("showEvidence", () => {
  it("asks anew for the quote already open, so a narrow window brings the reader forward again", () => {
    const reading = showEvidence("e1")(initialState());
    const again = showEvidence("e1")(reading);
    expect(again.reading).toEqual({ edgeId: "e1" });
    expect(again).not.toBe(reading);
    expect(again.reading).not.toBe(reading.reading);
  });
});
