// The explorer's cache of fetched details follows the suggestions switch: a node's details are fetched once per
// position of the switch (its generation changes with it, so panels redraw), and a suggested claim asked for by its
// id (the review queue reading it) is read with the suggestions whatever the switch.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDataCache } from "../../web/src/app/data-cache.js";
import { fixtureGraph } from "./fixture.js";
import { stubServer, type StubServer } from "./stub-server.js";

let server: StubServer;

beforeEach(() => {
  server = stubServer({ node: { id: "state:kor" }, edges: [{ id: "e:declined" }, { id: "e:call-kor" }] });
});

afterEach(() => server.restore());

describe("the data cache and the suggestions switch", () => {
  it("fetches a node's details once per position of the switch, and says so in its generation", async () => {
    const cache = createDataCache(fixtureGraph(), []);
    const off = cache.generation;
    await cache.node("state:kor");
    await cache.node("state:kor");
    server.showing = true;
    expect(cache.generation).not.toBe(off);
    await cache.node("state:kor");
    expect(server.asked.map((u) => u.searchParams.get("include"))).toEqual(["none", "suggested"]);
  });

  it("reads a suggested claim asked for by its id with the suggestions, while the switch hides them", async () => {
    const graph = fixtureGraph();
    graph.setEdgeAttribute("e:declined", "status", "suggested");
    const cache = createDataCache(graph, []);
    expect((await cache.edge("e:declined"))?.id).toBe("e:declined");
    expect((await cache.edge("e:call-kor"))?.id).toBe("e:call-kor");
    expect(server.asked.map((u) => [u.pathname, u.searchParams.get("include")])).toEqual([
      ["/api/nodes/state%3Akor", "suggested"],
      ["/api/nodes/person%3Aq", "none"],
    ]);
  });
});
