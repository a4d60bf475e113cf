// The web/server contract end to end, in Node: the explorer's own request builders and path runner against the real
// app on the bundled graph, and the one node size, computed by the server and drawn as sent.
import request from "supertest";
import { describe, expect, it } from "vitest";
import type { GraphResponse, PathsRequest, PathsResponse, SchemaResponse } from "../../src/api/contract";
import { pathParams, runPathQuery } from "../../web/src/actions/index.js";
import { withQuery } from "../../web/src/api/index.js";
import { buildGraph } from "../../web/src/graph/index.js";
import { exportUrl } from "../../web/src/panels/export/export-urls.js";
import { createStore, DEFAULT_FILTERS, DEFAULT_PATH_QUERY, initialState } from "../../web/src/state/index.js";
import type { PathQuery } from "../../web/src/state/index.js";
import { bundledApp } from "../helpers/bundled-app";

const { app, context } = await bundledApp();

/** The explorer's fetch of /api/paths, answered by the app in this process. */
async function fetchPaths(req: PathsRequest): Promise<PathsResponse> {
  const res = await request(app).get(withQuery("/api/paths", req));
  expect(res.status, res.text).toBe(200);
  return res.body;
}

const query = (from: string, to: string, more: Partial<PathQuery> = {}): PathQuery => ({
  ...DEFAULT_PATH_QUERY,
  from,
  to,
  ...more,
});

describe("the node size", () => {
  it("is the server layout's, drawn by the explorer as sent: the size the exports carry too", async () => {
    const graphView: GraphResponse = (await request(app).get("/api/graph")).body;
    const schema: SchemaResponse = (await request(app).get("/api/schema")).body;
    const drawn = buildGraph(graphView, schema);
    expect(drawn.order).toBe(context.dataset.graph.order);
    const sizes = new Set<number>();
    drawn.forEachNode((id, attributes) => {
      expect(attributes.size, id).toBe(context.display.get(id)!.size);
      sizes.add(attributes.size);
    });
    // Hubs and leaves differ: a constant would pass the comparison above only if the layout sent one too.
    expect(sizes.size).toBeGreaterThan(3);
  });
});

describe("path questions asked the explorer's way", () => {
  it("stores the paths found, shortest first", async () => {
    const store = createStore(initialState());
    await runPathQuery(store, query("state:kor", "person:tomas-ojea-quintana"), null, fetchPaths);
    const result = store.get().pathResult;
    if (result.status !== "found") throw new Error(`expected paths, got ${JSON.stringify(result)}`);
    const lengths = result.response.paths.map((p) => p.length);
    expect(lengths[0]).toBe(1);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    expect(store.get().activePath).toBe(0);
  });

  it("stores the server's reason and cause when there is no path, which also sends the shortest length", async () => {
    const asked = query("state:jpn", "person:tomas-ojea-quintana", { maxHops: 1 });
    const answer = await fetchPaths(pathParams(asked));
    expect(answer).toMatchObject({ paths: [], cause: "too-long" });
    expect("shortestLength" in answer && answer.shortestLength).toBeGreaterThan(1);

    const store = createStore(initialState());
    await runPathQuery(store, asked, null, fetchPaths);
    expect(store.get().pathResult).toEqual({
      status: "none",
      reason: (answer as { reason: string }).reason,
      cause: "too-long",
    });
  });
});

describe("export links built by the explorer", () => {
  it("are accepted by the server for the whole graph, a filtered view and a path result", async () => {
    const ctx = {
      filters: { ...DEFAULT_FILTERS, hiddenNodeTypes: ["topic"], hiddenEdgeTypes: ["cites"], dateFrom: "2019-10" },
      pathQuery: query("state:kor", "person:tomas-ojea-quintana", {
        edgeTypes: ["called-on"],
        throughDocuments: false,
      }),
      // The first path highlighted: the path export keeps it alone (path=1).
      activePath: 0,
      nodeTypes: [...context.dataset.schema.nodeTypes.keys()],
      edgeTypes: [...context.dataset.schema.edgeTypes.keys()],
    };
    for (const scope of ["all", "view", "path"] as const) {
      const url = exportUrl("json", scope, ctx)!;
      const res = await request(app).get(url).buffer(true);
      expect(res.status, `${url}: ${res.text.slice(0, 300)}`).toBe(200);
    }
  });
});
