// A seeded synthetic corpus in the project's own data format, shaped like UN human-rights data, for benchmarks.
import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_DATA_DIR } from "../data";
import { ParameterError } from "../errors";
import { graphFileText, sourceFileText, type CorpusFormat, type DataRecord } from "./corpus-records";
import * as words from "./corpus-vocabulary";
import { SILENT_PROGRESS, type Progress } from "./progress";
import { SeededRandom } from "../common";
import { ZipfSampler } from "./zipf-sampler";

export type CorpusSize = "small" | "medium" | "large";

/** Target edge counts: small ~10^4, medium ~10^5, large ~10^6. */
export const CORPUS_EDGES: Readonly<Record<CorpusSize, number>> = Object.freeze({
  small: 10_000,
  medium: 100_000,
  large: 1_000_000,
});

export interface CorpusOptions {
  size: CorpusSize;
  seed: number;
  /** The folder to write; it is emptied first. */
  out: string;
  /** graph.yaml files, or graph.jsonl files (the bulk format, much faster to load at 10^6 edges). */
  format: CorpusFormat;
  /** Overrides the size's edge count (tests use a few hundred). */
  edges?: number;
  /** Claims per source, about: the corpus is many sources of modest size. */
  edgesPerSource: number;
}

export const DEFAULT_CORPUS_OPTIONS: Readonly<Omit<CorpusOptions, "out">> = Object.freeze({
  size: "small",
  seed: 1,
  format: "jsonl",
  edgesPerSource: 250,
});

/** Fills in defaults and checks every option; ParameterError names the bad one. */
export function resolveCorpusOptions(options: Partial<CorpusOptions> & { out: string }): CorpusOptions {
  const resolved: CorpusOptions = { ...DEFAULT_CORPUS_OPTIONS, ...options };
  if (!Object.hasOwn(CORPUS_EDGES, resolved.size))
    throw new ParameterError("size", `bench:gen: size must be small, medium or large, got "${resolved.size}"`);
  if (!Number.isInteger(resolved.seed))
    throw new ParameterError("seed", `bench:gen: seed must be an integer, got ${resolved.seed}`);
  if (resolved.format !== "yaml" && resolved.format !== "jsonl")
    throw new ParameterError("format", `bench:gen: format must be yaml or jsonl, got "${resolved.format}"`);
  if (resolved.edges !== undefined && (!Number.isInteger(resolved.edges) || resolved.edges < 100))
    throw new ParameterError("edges", `bench:gen: edges must be an integer >= 100, got ${resolved.edges}`);
  if (!Number.isInteger(resolved.edgesPerSource) || resolved.edgesPerSource < 20)
    throw new ParameterError("edgesPerSource", `bench:gen: edgesPerSource must be an integer >= 20`);
  if (typeof resolved.out !== "string" || resolved.out === "")
    throw new ParameterError("out", "bench:gen: out must name a folder");
  return resolved;
}

export interface CorpusSummary {
  dir: string;
  nodes: number;
  edges: number;
  sources: number;
}

interface GenNode {
  id: string;
  label: string;
  record: DataRecord;
}

/** Nodes of one kind, drawn with a power law: the first is the hub. */
class Pool {
  readonly nodes: GenNode[] = [];
  private sampler: ZipfSampler | null = null;

  constructor(private readonly exponent: number) {}

  add(node: GenNode): GenNode {
    this.nodes.push(node);
    this.sampler = null;
    return node;
  }

  draw(random: SeededRandom): GenNode {
    this.sampler ??= new ZipfSampler(this.nodes.length, this.exponent);
    return this.nodes[this.sampler.draw(random)]!;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function listing(names: string[]): string {
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** The shared entities: states, UN bodies and offices, organisations, people, events, topics and documents. */
class Entities {
  readonly states = new Pool(1);
  readonly igos = new Pool(1);
  readonly unBodies = new Pool(1.1);
  readonly unOffices = new Pool(0.9);
  readonly organisations = new Pool(0.9);
  readonly people = new Pool(0.8);
  readonly events = new Pool(0.8);
  readonly topics = new Pool(0.9);
  readonly drafts = new Pool(0.9);
  readonly resolutions = new Pool(0.9);
  readonly reports = new Pool(0.8);
  readonly articles = new Pool(0.7);
  /** Every document, for citations: resolutions and reports are cited most. */
  readonly citable = new Pool(0.8);

  constructor(
    private readonly random: SeededRandom,
    edges: number,
  ) {
    this.makeStates();
    for (let i = 0; i < 20; i++) {
      const name = `${this.placeName()} ${random.pick(["Union", "League", "Community", "Organisation"])}`;
      this.igos.add(this.node(`igo:g${i + 1}`, "igo", name, `An intergovernmental organisation (${name}).`, "the"));
    }
    for (let i = 0; i < 60; i++) {
      const [code, name] = words.UN_BODY_NAMES[i] ?? [`wg-${i + 1}`, `Working Group ${i + 1} on ${this.topicWord()}`];
      this.unBodies.add(this.node(`un:${code}`, "un-body", name, `A UN body: the ${name}.`, "the"));
    }
    for (let i = 0; i < 150; i++) {
      const qualifier = i < words.TOPIC_WORDS.length ? "" : random.pick(words.TOPIC_QUALIFIERS);
      const name = `${qualifier}${words.TOPIC_WORDS[i % words.TOPIC_WORDS.length]}${i >= 60 ? ` (${i})` : ""}`;
      this.topics.add(this.node(`topic:t${i + 1}`, "topic", name, `A subject the reports discuss: ${name}.`));
    }
    const scaled = (share: number, min: number): number => Math.max(min, Math.round(edges * share));
    for (let i = 0; i < scaled(0.0002, 20); i++) {
      const title = `${random.pick(words.OFFICE_TITLES)} ${this.topicWord()}`;
      this.unOffices.add(this.node(`unoffice:o${i + 1}`, "un-office", title, `A UN mandate: the ${title}.`, "the"));
    }
    for (let i = 0; i < scaled(0.006, 40); i++) {
      const name = `${capitalise(this.placeName())} ${random.pick(words.ORGANISATION_WORDS)}`;
      const record = this.node(`org:o${i + 1}`, "organisation", name, `An organisation: ${name}.`);
      record.record.kind = random.pick(words.ORGANISATION_KINDS);
      this.organisations.add(record);
    }
    for (let i = 0; i < scaled(0.02, 100); i++) {
      const name = `${random.pick(words.FIRST_NAMES)} ${random.pick(words.LAST_NAMES)}`;
      this.people.add(this.node(`person:${slug(name)}-${i + 1}`, "person", name, `A person named in the reports.`));
    }
    for (let i = 0; i < scaled(0.005, 30); i++) {
      const year = random.int(2000, 2023);
      const name = `${capitalise(random.pick(words.EVENT_KINDS))} in ${random.pick(words.CITIES)}, ${year}`;
      const event = this.node(`event:e${i + 1}`, "event", name, `An event: ${name}.`, "the");
      event.record.date = String(year);
      this.events.add(event);
    }
    for (let i = 0; i < scaled(0.03, 150); i++) this.makeDocument(i + 1);
  }

  /** A node record; `article` is the one its name takes in running text, so that its claims read "the ..." */
  private node(id: string, type: string, label: string, description: string, article?: "the"): GenNode {
    return { id, label, record: { id, type, label, ...(article ? { article } : {}), aliases: [], description } };
  }

  private placeName(): string {
    const count = this.random.int(2, 3);
    let name = "";
    for (let i = 0; i < count; i++) name += this.random.pick(words.SYLLABLES);
    return capitalise(name);
  }

  private topicWord(): string {
    return this.random.pick(words.TOPIC_WORDS);
  }

  private makeStates(): void {
    const taken = new Set<string>();
    while (this.states.nodes.length < 200) {
      const place = this.placeName();
      const code = (place.slice(0, 2) + String.fromCharCode(97 + this.random.int(0, 25))).toLowerCase();
      if (taken.has(code) || !/^[a-z]{3}$/.test(code)) continue;
      taken.add(code);
      const name = `${this.random.pick(words.STATE_FORMS)}${place}`;
      const state = this.node(`state:${code}`, "state", name, `A state: ${name}.`, name === place ? undefined : "the");
      state.record.aliases = name === place ? [] : [place];
      state.record.iso3 = code.toUpperCase();
      this.states.add(state);
    }
  }

  private makeDocument(n: number): void {
    const random = this.random;
    const session = random.int(40, 78);
    const year = Math.min(2023, 2000 + Math.floor((session - 40) / 2));
    const date = `${year}-${String(random.int(1, 12)).padStart(2, "0")}`;
    const roll = random.next();
    let node: GenNode;
    if (roll < 0.35) {
      const symbol = `A/HRC/${session}/L.${n}`;
      node = this.node(`doc:un:a-hrc-${session}-l.${n}`, "document", symbol, `A draft resolution, ${symbol}.`);
      Object.assign(node.record, { kind: "draft-resolution", symbol });
      this.drafts.add(node);
    } else if (roll < 0.6) {
      const symbol = `A/RES/${session}/${n}`;
      node = this.node(`doc:un:a-res-${session}-${n}`, "document", symbol, `A resolution, ${symbol}.`);
      Object.assign(node.record, { kind: "resolution", symbol });
      this.resolutions.add(node);
    } else if (roll < 0.85) {
      const symbol = `A/HRC/${session}/${n}`;
      node = this.node(`doc:un:a-hrc-${session}-${n}`, "document", symbol, `A report, ${symbol}.`);
      Object.assign(node.record, { kind: "report", symbol });
      this.reports.add(node);
    } else {
      const title = `${capitalise(this.topicWord())} in ${this.placeName()}`;
      node = this.node(`doc:article:a${n}`, "document", `“${title}”`, `A news article, “${title}”.`);
      Object.assign(node.record, { kind: "article", title });
      this.articles.add(node);
    }
    node.record.date = date;
    this.citable.add(node);
  }

  all(): [file: string, pool: Pool][] {
    return [
      ["states", this.states],
      ["igos", this.igos],
      ["un-bodies", this.unBodies],
      ["un-offices", this.unOffices],
      ["organisations", this.organisations],
      ["people", this.people],
      ["events", this.events],
      ["topics", this.topics],
      ["documents", this.citable],
    ];
  }

  /** Any actor: states most often, then UN bodies, offices, organisations and people. */
  actor(): GenNode {
    const roll = this.random.next();
    if (roll < 0.35) return this.states.draw(this.random);
    if (roll < 0.5) return this.unBodies.draw(this.random);
    if (roll < 0.6) return this.unOffices.draw(this.random);
    if (roll < 0.8) return this.organisations.draw(this.random);
    return this.people.draw(this.random);
  }
}

/** One source being written: its text grows sentence by sentence, its claims edge by edge. */
class SourceDraft {
  readonly sentences: string[] = [];
  readonly nodes: DataRecord[] = [];
  readonly edges: DataRecord[] = [];
  readonly endnotes: { marker: string; citations: { document: string; locator: string; quote: string }[] }[] = [];
  readonly recommendations = new Map<string, string[]>();
  edgeCount = 0;

  constructor(
    readonly id: string,
    readonly document: string,
    readonly title: string,
  ) {}
}

function dateIn(random: SeededRandom): string {
  const year = random.int(2005, 2023);
  const month = String(random.int(1, 12)).padStart(2, "0");
  return random.chance(0.5) ? `${year}-${month}` : `${year}-${month}-${String(random.int(1, 28)).padStart(2, "0")}`;
}

/** Adds one claim (a sentence and its edge records) to the source, counting the edges it makes. */
function addClaim(source: SourceDraft, e: Entities, random: SeededRandom): void {
  const claim = (sentence: string, record: Omit<DataRecord, "evidence">, edges: number): void => {
    const marker = source.endnotes.length > 0 && random.chance(0.5) ? random.pick(source.endnotes).marker : undefined;
    source.sentences.push(marker ? `${sentence}^{${marker}}` : sentence);
    const withDate: DataRecord = random.chance(0.6) ? { date: dateIn(random) } : {};
    source.edges.push({ ...record, ...withDate, evidence: { quote: sentence, footnotes: marker ? [marker] : [] } });
    source.edgeCount += edges;
  };
  const roll = random.next();
  if (roll < 0.16) {
    const draft = e.drafts.draw(random);
    const count = 1 + Math.floor(14 * Math.pow(random.next(), 3));
    const sponsors = new Map<string, GenNode>();
    for (let i = 0; i < count; i++) {
      const sponsor = random.chance(0.95) ? e.states.draw(random) : e.igos.draw(random);
      sponsors.set(sponsor.id, sponsor);
    }
    const list = [...sponsors.values()];
    const sentence = `The draft resolution ${draft.label} was sponsored by ${listing(list.map((s) => s.label))}.`;
    claim(sentence, { type: "sponsored", source: list.map((s) => s.id), target: draft.id }, list.length);
  } else if (roll < 0.2) {
    const state = e.states.draw(random);
    const draft = e.drafts.draw(random);
    const sentence = `${state.label} declined to co-sponsor ${draft.label}.`;
    claim(sentence, { type: "declined", source: state.id, target: draft.id, what: "to co-sponsor" }, 1);
  } else if (roll < 0.26) {
    const body = e.unBodies.draw(random);
    const resolution = e.resolutions.draw(random);
    const vote = random.pick(words.VOTES);
    const sentence = `The ${body.label} adopted resolution ${resolution.label} ${vote}.`;
    claim(sentence, { type: "adopted", source: body.id, target: resolution.id, vote }, 1);
  } else if (roll < 0.29) {
    const draft = e.drafts.draw(random);
    const body = e.unBodies.draw(random);
    claim(
      `${draft.label} was put before the ${body.label}.`,
      { type: "submitted-to", source: draft.id, target: body.id },
      1,
    );
  } else if (roll < 0.38) {
    const document = random.chance(0.5) ? e.reports.draw(random) : e.citable.draw(random);
    const subject = random.chance(0.7) ? e.topics.draw(random) : e.states.draw(random);
    claim(
      `${document.label} concerns ${subject.label}.`,
      { type: "about", source: document.id, target: subject.id },
      1,
    );
  } else if (roll < 0.41) {
    const resolution = e.resolutions.draw(random);
    const state = e.states.draw(random);
    const what = `violations of ${random.pick(words.TOPIC_WORDS)}`;
    const sentence = `Resolution ${resolution.label} condemned ${what} in ${state.label}.`;
    claim(sentence, { type: "condemned", source: resolution.id, target: state.id, what }, 1);
  } else if (roll < 0.47) {
    const actor = e.actor();
    const subject = random.chance(0.8) ? e.topics.draw(random) : e.states.draw(random);
    const sentence = `${actor.label} expressed concern over ${subject.label}.`;
    claim(sentence, { type: "expressed-concern", source: actor.id, target: subject.id }, 1);
  } else if (roll < 0.55) {
    const actor = e.actor();
    let target = random.chance(0.7) ? e.states.draw(random) : e.actor();
    if (target.id === actor.id) target = e.unBodies.draw(random);
    if (target.id === actor.id) return;
    const what = random.pick(words.ACTIONS);
    claim(
      `${actor.label} called on ${target.label} to ${what}.`,
      { type: "called-on", source: actor.id, target: target.id, what },
      1,
    );
  } else if (roll < 0.59) {
    const speaker = random.chance(0.6) ? e.people.draw(random) : e.unOffices.draw(random);
    const body = e.unBodies.draw(random);
    claim(`${speaker.label} briefed the ${body.label}.`, { type: "briefed", source: speaker.id, target: body.id }, 1);
  } else if (roll < 0.65) {
    const event = e.events.draw(random);
    const parties = new Map<string, GenNode>();
    const count = random.int(1, 5);
    for (let i = 0; i < count; i++) {
      const party = random.chance(0.6) ? e.states.draw(random) : e.actor();
      parties.set(party.id, party);
    }
    const list = [...parties.values()];
    const sentence = `${listing(list.map((p) => p.label))} took part in the ${event.label}.`;
    claim(sentence, { type: "participated-in", source: list.map((p) => p.id), target: event.id }, list.length);
  } else if (roll < 0.68) {
    const person = e.people.draw(random);
    const place = random.chance(0.5)
      ? e.unOffices.draw(random)
      : random.chance(0.5)
        ? e.states.draw(random)
        : e.organisations.draw(random);
    const role = random.pick(words.ROLES);
    const sentence = `${person.label}, ${role} of ${place.label}, spoke for it.`;
    claim(sentence, { type: "holds-position", source: person.id, target: place.id, role }, 1);
  } else if (roll < 0.71) {
    const member = random.chance(0.5) ? e.states.draw(random) : e.organisations.draw(random);
    let group = random.chance(0.5) ? e.igos.draw(random) : e.organisations.draw(random);
    if (group.id === member.id) group = e.igos.draw(random);
    claim(
      `${member.label} is a member of ${group.label}.`,
      { type: "member-of", source: member.id, target: group.id },
      1,
    );
  } else if (roll < 0.75) {
    const author = random.chance(0.6) ? e.people.draw(random) : e.organisations.draw(random);
    const document = random.chance(0.5) ? e.articles.draw(random) : e.reports.draw(random);
    claim(
      `${document.label} was written by ${author.label}.`,
      { type: "authored", source: author.id, target: document.id },
      1,
    );
  } else if (roll < 0.78) {
    const actor = e.actor();
    let target = random.chance(0.6) ? e.states.draw(random) : e.actor();
    if (target.id.startsWith("unoffice:")) target = e.states.draw(random);
    if (target.id === actor.id) target = e.unBodies.draw(random);
    if (target.id === actor.id) return;
    claim(`${actor.label} criticised ${target.label}.`, { type: "criticised", source: actor.id, target: target.id }, 1);
  } else if (roll < 0.8) {
    const actor = e.actor();
    const subject = random.chance(0.5) ? e.drafts.draw(random) : e.topics.draw(random);
    claim(`${actor.label} proposed ${subject.label}.`, { type: "proposed", source: actor.id, target: subject.id }, 1);
  } else {
    addRecommendation(source, e, random);
  }
}

/** A recommendation node of the source with its verbatim text, addressed to one to three actors, about a topic. */
function addRecommendation(source: SourceDraft, e: Entities, random: SeededRandom): void {
  const addressee = random.chance(0.6)
    ? e.states.draw(random)
    : random.chance(0.6)
      ? e.unBodies.draw(random)
      : e.unOffices.draw(random);
  const heading = `The ${addressee.label} should:`;
  const items = source.recommendations.get(heading) ?? [];
  source.recommendations.set(heading, items);
  const topic = e.topics.draw(random);
  const text = `${capitalise(random.pick(words.ACTIONS))} and report on ${topic.label} (recommendation ${source.id}/${source.nodes.length + 1}).`;
  items.push(text);
  const id = `rec:${source.id}-${source.nodes.length + 1}`;
  source.nodes.push({
    id,
    type: "recommendation",
    label: `${source.title}, recommendation to ${addressee.label} ${items.length}`,
    aliases: [],
    description: `A recommendation of ${source.title}.`,
    text,
    heading,
    number: items.length,
  });
  const targets = [addressee.id];
  if (random.chance(0.3)) {
    const also = random.chance(0.5) ? e.unOffices.draw(random) : e.organisations.draw(random);
    if (!targets.includes(also.id)) targets.push(also.id);
  }
  source.edges.push({ type: "addressed-to", source: id, target: targets, evidence: { quote: text, footnotes: [] } });
  source.edges.push({ type: "about", source: id, target: topic.id, evidence: { quote: text, footnotes: [] } });
  source.edgeCount += targets.length + 1;
}

function sourceText(source: SourceDraft, subject: string): string {
  const parts = [`${source.title}\nRisk: ${subject}\n`];
  for (let i = 0; i < source.sentences.length; i += 6) parts.push(source.sentences.slice(i, i + 6).join(" "));
  for (const [heading, items] of source.recommendations)
    parts.push(`${heading}\n${items.map((text, i) => `${i + 1}. ${text}`).join("\n")}`);
  if (source.endnotes.length > 0) {
    const lines = source.endnotes.flatMap((note) => note.citations.map((c) => `${note.marker}. ${c.quote}`));
    parts.push(`Endnotes\n${lines.join("\n")}`);
  }
  return `${parts.join("\n\n")}\n`;
}

/**
 * Writes a synthetic corpus to `options.out` (emptied first): the project's schema.yaml, shared entities and many
 * sources, each with source.txt, source.yaml and graph.yaml or graph.jsonl. Every quote and verbatim attribute is
 * a substring of its source text, every edge respects the schema's endpoint types, degrees follow power laws with
 * hubs (the General Assembly, the first states and drafts), and the same options always give the same bytes.
 *
 * @returns the counts of what was written (edges as the loader will count them, cites included).
 */
export async function generateCorpus(
  options: Partial<CorpusOptions> & { out: string },
  progress: Progress = SILENT_PROGRESS,
): Promise<CorpusSummary> {
  const settings = resolveCorpusOptions(options);
  const target = settings.edges ?? CORPUS_EDGES[settings.size];
  const random = new SeededRandom(settings.seed);
  const out = path.resolve(settings.out);
  await rm(out, { recursive: true, force: true });
  await mkdir(path.join(out, "entities"), { recursive: true });
  await copyFile(path.join(DEFAULT_DATA_DIR, "schema.yaml"), path.join(out, "schema.yaml"));

  progress.start("entities");
  const entities = new Entities(random, target);
  const extension = settings.format === "jsonl" ? "jsonl" : "yaml";
  let nodes = 0;
  for (const [file, pool] of entities.all()) {
    const records = pool.nodes.map((n) => n.record);
    nodes += records.length;
    const text = graphFileText(settings.format, `Shared entities: ${file}.`, records, []);
    await writeFile(path.join(out, "entities", `${file}.${extension}`), text);
  }
  progress.done(`${nodes.toLocaleString("en")} nodes`);

  const sourceCount = Math.max(2, Math.round(target / settings.edgesPerSource));
  const perSource = target / sourceCount;
  let edges = 0;
  progress.start("sources", sourceCount);
  for (let s = 0; s < sourceCount; s++) {
    const id = `report-${String(s + 1).padStart(5, "0")}`;
    const subject = entities.states.draw(random);
    const title = `Situation report ${s + 1}: ${subject.label}`;
    const source = new SourceDraft(id, `doc:report:${id}`, title);
    const date = dateIn(random);
    source.nodes.push({
      id: source.document,
      type: "document",
      label: title,
      aliases: [],
      description: `A synthetic situation report on ${subject.label}.`,
      kind: "brief",
      title,
      date,
    });
    // Endnotes first, so claims can carry their markers; each citation becomes a cites edge.
    const noteCount = Math.max(1, Math.round(perSource * 0.04));
    for (let n = 1; n <= noteCount; n++) {
      const marker = words.toRoman(n);
      const cited = new Map<string, GenNode>();
      const citations = random.chance(0.3) ? 2 : 1;
      for (let c = 0; c < citations; c++) {
        const document = entities.citable.draw(random);
        cited.set(document.id, document);
      }
      source.endnotes.push({
        marker,
        citations: [...cited.values()].map((document) => {
          const locator = `p.${random.int(1, 40)}`;
          const quote = `${document.label}, United Nations, ${String(document.record.date)}, ${locator}`;
          return { document: document.id, locator, quote };
        }),
      });
      source.edgeCount += cited.size;
    }
    while (source.edgeCount < perSource) addClaim(source, entities, random);

    const dir = path.join(out, "sources", id);
    await mkdir(dir, { recursive: true });
    const graphText = graphFileText(settings.format, `Claims of ${title}.`, source.nodes, source.edges);
    await writeFile(path.join(dir, "source.txt"), sourceText(source, subject.label));
    await writeFile(
      path.join(dir, "source.yaml"),
      sourceFileText(
        { id, document: source.document, title, date, publisher: "RightsGraph benchmark generator" },
        source.endnotes,
      ),
    );
    await writeFile(path.join(dir, `graph.${extension}`), graphText);
    nodes += source.nodes.length;
    edges += source.edgeCount;
    progress.update(s + 1);
  }
  progress.done(`${sourceCount.toLocaleString("en")} sources, ${edges.toLocaleString("en")} edges`);
  return { dir: out, nodes, edges, sources: sourceCount };
}
