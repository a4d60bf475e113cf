// The explorer's requests carry the "show suggestions" switch: every route that reads the graph says `include` as the
// switch stands, `none` included (edit mode's default would otherwise answer with suggested records the canvas
// hides), while what the canvas is drawn from asks for everything, the switch hiding or showing it on screen.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { api, withInclude } from "../../web/src/api/index.js";
import { stubServer, type StubServer } from "./stub-server.js";

let server: StubServer;

beforeEach(() => {
  server = stubServer({ results: [], sources: [] });
});

afterEach(() => server.restore());

/** Every call of the client that answers a question about the graph. */
async function askEverything(): Promise<void> {
  await api.search({ q: "korea" });
  await api.node("state:kor");
  await api.paths({ from: "state:kor", to: "person:q" });
  await api.query({ query: "MATCH (n) RETURN n" });
  await api.nodeSources("state:kor");
  await api.edgeSources("e1");
}

const included = (): (string | null)[] => server.asked.map((url) => url.searchParams.get("include"));

describe("the API client and the suggestions switch", () => {
  it("says include=none on every answer while the switch is off", async () => {
    await askEverything();
    expect(included()).toEqual(Array(6).fill("none"));
  });

  it("says include=suggested on every answer once the switch is on, with nothing else to set", async () => {
    server.showing = true;
    await askEverything();
    expect(included()).toEqual(Array(6).fill("suggested"));
    expect(`${server.asked[0]!.pathname}${server.asked[0]!.search}`).toBe("/api/search?q=korea&include=suggested");
  });

  it("draws the canvas from every record, whichever way the switch stands", async () => {
    await api.graph();
    await api.overview();
    await api.scene({ add: ["state:kor"] });
    expect(included()).toEqual(["suggested", "suggested", "suggested"]);
  });

  it("lets no call site ask otherwise than the switch: a request's own include gives way", () => {
    expect(withInclude("/api/export", { format: "json", include: "suggested" })).toBe(
      "/api/export?format=json&include=none",
    );
  });
});
