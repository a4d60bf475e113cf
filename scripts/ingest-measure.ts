// `npm run ingest:measure`: ingests the bundled brief's raw text into an empty corpus and into the corpus without
// its own source, and the FICTIONAL test reports (Markdown, HTML, PDF) into a corpus of their entities, and prints
// the figures as the README's table (Markdown), each report compared with what was curated for it.
import path from "node:path";
import { BRIEF_ID, curatedBrief, curatedFictional, FIXTURES } from "./ingest-measure/curated";
import { makeCorpus, measureIngest, removeCorpus, type Figures } from "./ingest-measure/measure-ingest";
import { loadDataset } from "../src/data";

const BRIEF = path.resolve("graph-data/sources", BRIEF_ID, "source.txt");
const pct = (a: number, b: number) => (b === 0 ? "n/a" : `${Math.round((100 * a) / b)}%`);

function row(name: string, corpus: string, f: Figures): string {
  const { endnotes: e, symbols: s, urls: u, mentions: m, claims: c } = f;
  return [
    name,
    corpus,
    `${e.found}/${e.expected}${e.exact ? "" : " (not exact)"}, ${e.withMarkers} with markers`,
    `${s.found}/${s.expected}`,
    `${u.found}/${u.expected}`,
    `${m.found}/${m.expected} (${pct(m.found, m.expected)})`,
    String(m.wrong.length),
    `${c.covered}/${c.expected} (${pct(c.covered, c.expected)})`,
    `${c.overlapping}/${c.suggested} (${pct(c.overlapping, c.suggested)})`,
    f.loads ? "yes" : "no",
  ].join(" | ");
}

const rows: string[] = [];
const details: string[] = [];
const note = (name: string, f: Figures) => {
  const parts = [
    f.symbols.missing.length ? `symbols missed: ${f.symbols.missing.join(", ")}` : "",
    f.urls.missing.length ? `URLs missed: ${f.urls.missing.join(", ")}` : "",
    f.mentions.missing.length ? `nodes not found: ${f.mentions.missing.join(", ")}` : "",
    f.mentions.wrong.length ? `wrong links: ${f.mentions.wrong.join("; ")}` : "",
    f.claims.missed.length ? `claims missed: ${f.claims.missed.join("; ")}` : "",
  ].filter(Boolean);
  if (parts.length) details.push(`- ${name}: ${parts.join(". ")}`);
};

for (const kind of ["empty", "entities"] as const) {
  const corpus = await makeCorpus(kind === "entities" ? [path.resolve("graph-data/entities")] : []);
  try {
    const known =
      kind === "entities" ? new Set((await loadDataset(corpus, { allowNoSources: true })).graph.nodes()) : undefined;
    const curated = await curatedBrief(known);
    const { figures } = await measureIngest(BRIEF, corpus, "brief", curated, "2020");
    const label = kind === "empty" ? "schema only" : "shared entities, not its own source";
    rows.push(row("bundled brief (.txt)", label, figures));
    note(`bundled brief, ${label}`, figures);
  } finally {
    await removeCorpus(corpus);
  }
}
const entities = [path.resolve("graph-data/entities"), path.join(FIXTURES, "corpus/entities")];
for (const [name, { file, curated }] of await curatedFictional(await makeCorpus(entities))) {
  const corpus = await makeCorpus(entities);
  try {
    const { figures } = await measureIngest(file, corpus, name, curated);
    rows.push(row(`${name} (${path.extname(file)}, fictional)`, "shared + fictional entities", figures));
    note(name, figures);
  } finally {
    await removeCorpus(corpus);
  }
}
const table = [
  "| report | corpus | endnotes | UN symbols | citation URLs | curated nodes found | wrong links | curated claims covered | suggestions on a curated claim | loads |",
  "|---|---|---|---|---|---|---|---|---|---|",
  ...rows.map((r) => `| ${r} |`),
];
process.stdout.write(`${table.join("\n")}\n${details.length ? `\n${details.join("\n")}\n` : ""}`);
