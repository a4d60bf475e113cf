// GEXF files read back by NetworkX (python3): every node and edge, the quote intact, positions as viz data.
import { afterAll, describe, expect, it } from "vitest";
import { gexfString } from "../../src/export";
import { computeLayout } from "../../src/layout";
import { readWithNetworkx } from "../helpers/networkx-reader";
import { tempDir } from "../helpers/temp-dir";
import { TRICKY_QUOTE, tinyGraph, tinySchema } from "../helpers/tiny-fixture";

describe("gexfString read by NetworkX", () => {
  const dir = tempDir("gexf-export");
  afterAll(() => dir.remove());

  it("loads with every node and edge, the quote intact", () => {
    const file = dir.write("tiny.gexf", gexfString(tinyGraph(), tinySchema(), { display: computeLayout(tinyGraph()) }));
    const [read] = readWithNetworkx([file]);
    expect(read.nodes.map(([id]) => id).sort()).toEqual(tinyGraph().nodes().sort());
    expect(read.edges).toHaveLength(6);
    const declined = read.edges.find(([, , , attributes]) => attributes.type?.[1] === "declined")!;
    expect(declined[3].evidence).toEqual(["str", TRICKY_QUOTE]);
    const prk = Object.fromEntries(read.nodes)["state:prk"];
    expect(prk.label).toEqual(["str", "Democratic People's Republic of Korea"]);
    expect(prk.viz[0]).toBe("dict");
  });
});
