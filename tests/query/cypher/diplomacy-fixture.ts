// A small graph shaped like the brief's diplomacy, for the TCK-style scenarios: who sponsored and who declined a
// draft, recommendations and their addressees, a brief citing a verbatim record twice, a self-loop.
import { cypherFixture } from "./cypher-fixture";

export const diplomacy = () =>
  cypherFixture({
    nodes: [
      { id: "state:kor", label: "Republic of Korea", aliases: ["ROK", "South Korea"], props: { iso3: "KOR" } },
      { id: "state:prk", label: "Democratic People's Republic of Korea", aliases: ["DPRK"], props: { iso3: "PRK" } },
      { id: "state:usa", label: "United States of America", aliases: ["US"], props: { iso3: "USA" } },
      { id: "state:jpn", label: "Japan", props: { iso3: "JPN" }, date: "1952" },
      {
        id: "doc:l26",
        label: "A/C.3/74/L.26",
        date: "2019-10-31",
        props: { kind: "draft-resolution", symbol: "A/C.3/74/L.26" },
      },
      {
        id: "doc:pv8682",
        label: "S/PV.8682",
        date: "2019-12-11",
        props: { kind: "verbatim-record", symbol: "S/PV.8682" },
      },
      { id: "doc:brief", label: "DPRK brief", props: { kind: "brief" } },
      { id: "person:quintana", label: "Tomás Ojea Quintana" },
      { id: "rec:1", label: "Recommendation 1", props: { number: 1 } },
      { id: "rec:2", label: "Recommendation 2", props: { number: 2 } },
      { id: "topic:sanctions", label: "sanctions relief" },
    ],
    edges: [
      {
        id: "kor-declined-l26",
        source: "state:kor",
        target: "doc:l26",
        type: "declined",
        date: "2019-11",
        props: { what: "co-sponsorship" },
      },
      { id: "jpn-sponsored-l26", source: "state:jpn", target: "doc:l26", type: "sponsored", date: "2019-10" },
      { id: "usa-sponsored-l26", source: "state:usa", target: "doc:l26", type: "sponsored" },
      {
        id: "usa-declined-sanctions",
        source: "state:usa",
        target: "topic:sanctions",
        type: "declined",
        props: { what: "relief" },
      },
      { id: "brief-cites-pv-ii", source: "doc:brief", target: "doc:pv8682", type: "cites", props: { locator: "p.5" } },
      { id: "brief-cites-pv-v", source: "doc:brief", target: "doc:pv8682", type: "cites", props: { locator: "p.3" } },
      { id: "brief-cites-l26", source: "doc:brief", target: "doc:l26", type: "cites" },
      { id: "rec1-to-kor", source: "rec:1", target: "state:kor", type: "addressed-to" },
      { id: "rec2-to-kor", source: "rec:2", target: "state:kor", type: "addressed-to" },
      { id: "rec2-to-prk", source: "rec:2", target: "state:prk", type: "addressed-to" },
      { id: "quintana-on-kor", source: "person:quintana", target: "state:kor", type: "called-on" },
      { id: "quintana-on-prk", source: "person:quintana", target: "state:prk", type: "called-on" },
      { id: "prk-loop", source: "state:prk", target: "state:prk", type: "about" },
    ],
    sources: { brief: "doc:brief" },
  });
