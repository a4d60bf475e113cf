// Mentions: every name in a report of a node the corpus knows (by label and alias), and of candidates it does not
// know yet, chosen longest first in one pass so a longer name is never read as a shorter one inside it.
import { foldName } from "./folded-text";
import { findOtherCandidates, findSpecificCandidates, type CandidateSpan } from "./find-candidates";
import { longestFirst, NameMatcher } from "./name-matcher";

/** A node of the corpus as the matcher needs it: its id, its type and every name it goes by. */
export interface KnownNode {
  id: string;
  type: string;
  names: string[];
}

/** A node ingest proposes for a name the corpus does not know. */
export interface Candidate {
  id: string;
  type: string;
  /** The name as first printed. */
  label: string;
  /** Every other way the report prints it. */
  aliases: string[];
  rule: string;
  role?: string;
  /** How often the report names it. */
  mentions: number;
}

export interface Mention {
  text: string;
  start: number;
  end: number;
  /** The known node named, or null for a candidate or a name that stands for several nodes. */
  node: string | null;
  type?: string;
  /** The candidate the name stands for, when it is one. */
  candidate?: Candidate;
  /** The other nodes a name stands for, when the corpus gives it to several (it is then linked to none). */
  ambiguous?: string[];
}

export interface MentionContext {
  known: KnownNode[];
  /** Every id the corpus has taken, hidden records' included: a candidate never takes one. */
  takenIds: ReadonlySet<string>;
  /** Each node type's id prefix (`un-office` -> `unoffice`). */
  idPrefix: (type: string) => string | undefined;
  /** Where the notes section starts: capitalised names after it are not candidates (publications, titles). */
  notesStart: number;
}

/** A name as an id's last part: accents dropped, lower case, anything else a hyphen. */
export function slugOf(name: string): string {
  return (
    foldName(name)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "unnamed"
  );
}

type Span = { start: number; end: number; rank: number } & (
  { kind: "known"; nodes: KnownNode[] } | { kind: "candidate"; candidate: CandidateSpan }
);

/** The stretches of [from, to) that no span covers. */
function gapsBetween(spans: { start: number; end: number }[], from: number, to: number): [number, number][] {
  const gaps: [number, number][] = [];
  let at = from;
  for (const span of spans) {
    if (span.start > at) gaps.push([at, Math.min(span.start, to)]);
    at = Math.max(at, span.end);
  }
  if (at < to) gaps.push([at, to]);
  return gaps.filter(([a, b]) => b > a);
}

/**
 * Every mention in `text`, in order: known names and names of a telling form compete longest first (a known name
 * wins a tie); other capitalised names are looked for only where neither stands, and only before the notes.
 */
export function findMentions(text: string, ctx: MentionContext): { mentions: Mention[]; candidates: Candidate[] } {
  const matcher = new NameMatcher(ctx.known.flatMap((node) => node.names.map((name) => ({ name, value: node }))));
  const byId = new Map(ctx.known.map((n) => [n.id, n]));
  const spans: Span[] = matcher
    .findAll(text)
    .map((m) => ({ start: m.start, end: m.end, rank: 0, kind: "known" as const, nodes: m.values }));
  for (const candidate of findSpecificCandidates(text)) {
    // A member state the corpus holds under its ISO code is that node, whatever the name printed.
    const known = candidate.iso3 ? byId.get(`state:${candidate.iso3.toLowerCase()}`) : undefined;
    if (known) spans.push({ start: candidate.start, end: candidate.end, rank: 0, kind: "known", nodes: [known] });
    else spans.push({ start: candidate.start, end: candidate.end, rank: 1, kind: "candidate", candidate });
  }
  const chosen = longestFirst(spans);
  const others = findOtherCandidates(text, gapsBetween(chosen, 0, ctx.notesStart)).map((candidate): Span => ({
    start: candidate.start,
    end: candidate.end,
    rank: 2,
    kind: "candidate",
    candidate,
  }));
  const all = [...chosen, ...others].sort((a, b) => a.start - b.start);

  const candidates = new Map<string, Candidate>();
  const taken = new Set(ctx.takenIds);
  const mentions: Mention[] = [];
  for (const span of all) {
    const printed = text.slice(span.start, span.end);
    if (span.kind === "known") {
      const [first, ...more] = span.nodes;
      mentions.push({
        text: printed,
        start: span.start,
        end: span.end,
        node: more.length === 0 ? first!.id : null,
        ...(more.length === 0 ? { type: first!.type } : { ambiguous: span.nodes.map((n) => n.id).sort() }),
      });
      continue;
    }
    const candidate = candidateFor(span.candidate, printed, candidates, taken, ctx);
    if (!candidate) continue;
    mentions.push({ text: printed, start: span.start, end: span.end, node: null, type: candidate.type, candidate });
  }
  return { mentions, candidates: [...candidates.values()] };
}

/** The candidate a name stands for: one per folded name (and per state), made on its first mention. */
function candidateFor(
  span: CandidateSpan,
  printed: string,
  byKey: Map<string, Candidate>,
  taken: Set<string>,
  ctx: MentionContext,
): Candidate | undefined {
  const key = span.iso3 ? `state:${span.iso3}` : `${span.type}:${foldName(printed)}`;
  const existing = byKey.get(key);
  if (existing) {
    existing.mentions++;
    if (existing.label !== printed && !existing.aliases.includes(printed)) existing.aliases.push(printed);
    return existing;
  }
  const prefix = ctx.idPrefix(span.type);
  if (!prefix) return undefined;
  const base = span.iso3 ? `${prefix}:${span.iso3.toLowerCase()}` : `${prefix}:${slugOf(printed)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  const candidate: Candidate = {
    id,
    type: span.type,
    label: printed,
    aliases: [],
    rule: span.rule,
    ...(span.role ? { role: span.role } : {}),
    mentions: 1,
  };
  byKey.set(key, candidate);
  return candidate;
}
