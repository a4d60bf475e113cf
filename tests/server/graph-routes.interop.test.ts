// GET /api/export's GraphML read back by other programs' readers: libxml2 against the GraphML XSD, and NetworkX.
import { afterAll, describe, expect, it } from "vitest";
import { bundledApp } from "../helpers/bundled-app";
import { download } from "../helpers/download";
import { validateGraphml } from "../helpers/graphml-validator";
import { readWithNetworkx } from "../helpers/networkx-reader";
import { tempDir } from "../helpers/temp-dir";

const { app, context } = await bundledApp();
const { graph } = context.dataset;
const tmp = tempDir("rightsgraph-export-route");
afterAll(() => tmp.remove());

describe("GET /api/export?format=graphml, read by other tools", () => {
  it("sends the whole graph as GraphML that validates and that NetworkX reads with every node and edge", async () => {
    const res = await download(app, "/api/export?format=graphml");
    expect(res.status).toBe(200);
    const file = tmp.write("whole.graphml", res.body);
    expect(await validateGraphml([file])).toEqual([{ file, valid: true, errors: [] }]);
    const [nx] = readWithNetworkx([file]);
    expect(nx!.nodes.map(([id]) => id).sort()).toEqual(graph.nodes().sort());
    expect(nx!.edges.map(([, , key]) => key).sort()).toEqual(graph.edges().sort());
    const kor = Object.fromEntries(nx!.nodes)["state:kor"]!;
    expect(kor.label).toEqual(["str", "Republic of Korea"]);
    expect(kor.x![0]).toBe("float");
    const declined = nx!.edges.find(([s, , , a]) => s === "state:kor" && a.type![1] === "declined")!;
    expect(declined[3].evidence![1]).toBe(graph.getEdgeAttribute(declined[2]!, "evidence").quote);
  });

  it("sends a filtered view that validates and that NetworkX reads with only the kept nodes and edges", async () => {
    const res = await download(app, "/api/export?format=graphml&nodeTypes=state,person&edgeTypes=called-on,declined");
    const file = tmp.write("view.graphml", res.body);
    expect(await validateGraphml([file])).toEqual([{ file, valid: true, errors: [] }]);
    const [nx] = readWithNetworkx([file]);
    const kept = graph.filterNodes((_, a) => a.type === "state" || a.type === "person");
    expect(nx!.nodes.map(([id]) => id).sort()).toEqual(kept.sort());
    expect(nx!.edges.every(([, , , a]) => ["called-on", "declined"].includes(a.type![1] as string))).toBe(true);
    expect(nx!.edges.length).toBeGreaterThan(3);
  });
});
