// Who holds which position, read from how a report names people: a title between a state and a name ("ROK
// President Moon Jae-in"), or an office beside a name ("UN Special Rapporteur on ..., Tomás Ojea Quintana",
// "Assistant UN Secretary-General Mohamed Khaled Khari, Departments of ...").
import type { ClaimContext, SuggestedClaim } from "./suggest-claims";
import type { Mention } from "./find-mentions";
import type { Sentence } from "./split-sentences";

const TITLES =
  "(?:President|Vice-President|Prime Minister|Foreign Minister|Minister|(?:Assistant |Deputy )?(?:UN |United Nations )?(?:Under-)?Secretary-General|High Commissioner|Ambassador|Chairman|Chairperson|Supreme Leader|Judge|Prosecutor|Special Rapporteur|Special Envoy)";
// A title just before a name, and a title the corpus keeps as part of a name ("President Moon Jae-in").
const TITLE_BEFORE = new RegExp(`\\b${TITLES}\\s+$`);
const TITLE_WITHIN = new RegExp(`^${TITLES}\\b`);
const OFFICE_TYPES = new Set(["state", "igo", "un-body", "un-office", "organisation", "court"]);

const nodeOf = (m: Mention): string | undefined => m.node ?? m.candidate?.id;

/** The title printed right before a person's name, or at the start of the name as the corpus knows it. */
function titleOf(
  text: string,
  person: Mention,
  before: Mention | undefined,
): { title: string; start: number } | undefined {
  const from = Math.max(before?.end ?? 0, person.start - 60);
  const m = TITLE_BEFORE.exec(text.slice(from, person.start));
  if (m) return { title: m[0].trim(), start: from + m.index };
  const own = TITLE_WITHIN.exec(person.text);
  return own ? { title: own[0], start: person.start } : undefined;
}

/** holds-position suggestions of one sentence. */
export function suggestPositions(ctx: ClaimContext, sentence: Sentence): SuggestedClaim[] {
  const { text } = ctx;
  const inside = ctx.mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end && nodeOf(m));
  const claims: SuggestedClaim[] = [];
  const footnotes = ctx.markers
    .filter((m) => m.start >= sentence.start && m.start < sentence.outerEnd)
    .map((m) => m.marker)
    .filter((m, i, all) => all.indexOf(m) === i);
  const add = (person: Mention, office: Mention, role: string, rule: string) => {
    const [source, target] = [nodeOf(person)!, nodeOf(office)!];
    if (source === target || claims.some((c) => c.source === source && c.target === target)) return;
    claims.push({
      type: "holds-position",
      source,
      target,
      quote: text.slice(sentence.start, sentence.end),
      start: sentence.start,
      end: sentence.end,
      footnotes,
      attributes: { role },
      rule,
    });
  };
  inside.forEach((person, i) => {
    if (person.type !== "person") return;
    const previous = inside[i - 1];
    const next = inside[i + 1];
    const title = titleOf(text, person, previous);
    // "ROK President Moon Jae-in": the state, then the title, then the name.
    if (
      title &&
      previous &&
      OFFICE_TYPES.has(previous.type ?? "") &&
      /^\s*$/.test(text.slice(previous.end, title.start))
    )
      add(person, previous, title.title, "title:state-title-name");
    // "Assistant UN Secretary-General Mohamed Khaled Khari, Departments of ...": the office after the name.
    if (title && next && OFFICE_TYPES.has(next.type ?? "") && /^,\s*$/.test(text.slice(person.end, next.start)))
      add(person, next, title.title, "title:title-name-office");
    // "UN Special Rapporteur on ..., Tomás Ojea Quintana": the office, a comma, the name.
    if (previous && previous.type === "un-office" && /^,\s*$/.test(text.slice(previous.end, person.start)))
      add(person, previous, previous.text, "title:office-name");
  });
  return claims;
}
