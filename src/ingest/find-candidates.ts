// Names a corpus does not know yet, each with a guessed type: UN member states (from the bundled list), UN bodies,
// offices and mandates, people named with a title, organisations by their head word, and other capitalised names.
import { NameMatcher } from "./name-matcher";
import { UN_MEMBER_STATES, type MemberState } from "./un-member-states";

/** A name found with its guessed type, and the rule that guessed it. */
export interface CandidateSpan {
  start: number;
  end: number;
  /** A node type of the schema: state, un-body, un-office, court, igo, organisation, person, event. */
  type: string;
  rule: string;
  /** A state's ISO 3166-1 alpha-3 code, when the name is a UN member state's. */
  iso3?: string;
  /** The title printed before a person's name ("President"), or the mandate before it. */
  role?: string;
}

const STATES = new NameMatcher<MemberState>(
  UN_MEMBER_STATES.flatMap((state) => state.names.map((name) => ({ name, value: state }))),
);

// A capitalised word of a name: a capital, then letters, apostrophes, hyphens, full stops (initials).
const WORD = String.raw`[\p{Lu}][\p{L}\p{M}'’.-]*`;
// Short words that may stand inside a name ("Office of the High Commissioner for Human Rights").
const JOINER = String.raw`(?:of|the|for|on|and|de|del|la|le|van|von|bin|al|da|dos|das|du)`;
const NAME_RUN = new RegExp(String.raw`${WORD}(?:\s(?:${JOINER}\s)*${WORD})*`, "gu");

// UN bodies, offices and courts named the way reports name them, with or without "UN" or "United Nations" before.
// "the" is left out: it is not part of the name, and with it a candidate would outgrow a known name ("the UN
// Security Council" over "UN Security Council").
const UN_PREFIX = String.raw`(?:(?:UN|United Nations)\s)?`;
const INSTITUTIONS: { pattern: RegExp; type: string }[] = [
  {
    pattern: new RegExp(
      String.raw`${UN_PREFIX}(?:General Assembly|Security Council|Human Rights Council|Economic and Social Council|(?:First|Second|Third|Fourth|Fifth|Sixth) Committee|Peacebuilding Commission)`,
      "g",
    ),
    type: "un-body",
  },
  {
    pattern:
      /\b(?:International Court of Justice|International Criminal Court|European Court of Human Rights|Inter-American Court of Human Rights|African Court on Human and Peoples' Rights)\b/g,
    type: "court",
  },
  {
    pattern: new RegExp(
      String.raw`${UN_PREFIX}(?:Office of the (?:UN |United Nations )?High Commissioner for (?:Human Rights|Refugees)|High Commissioner for (?:Human Rights|Refugees)|OHCHR|UNHCR|UNICEF|UNDP|WFP|UNFPA|OCHA|UNESCO|UN Women|Committee against Torture|Human Rights Committee|Committee on the Rights of the Child)\b`,
      "g",
    ),
    type: "un-office",
  },
  {
    pattern:
      /\b(?:European Union|African Union|Association of Southeast Asian Nations|ASEAN|League of Arab States|Organization of American States|Organisation of Islamic Cooperation)\b/g,
    type: "igo",
  },
];

// A mandate's title and what it is on: "Special Rapporteur on the situation of human rights in Myanmar", up to the
// end of the place or theme it names (a comma, a full stop, a bracket, or a verb).
const MANDATE = new RegExp(
  String.raw`${UN_PREFIX}(?:Special Rapporteur|Independent Expert|Working Group|Special Representative of the Secretary-General|Special Representative|Special Envoy|Special Adviser|Commission of Inquiry|Independent International Commission of Inquiry|Fact-Finding Mission|Panel of Experts) (?:on|for|of|in) (?:[\p{L}'’-]+ ){0,10}?(?:in|on|for|of) (?:the )?${WORD}(?:\s(?:${JOINER}\s)*${WORD})*`,
  "gu",
);

// A title before a person's name: "President Moon Jae-in", "Assistant UN Secretary-General Mohamed Khaled Khari".
const TITLE = String.raw`(?:President|Vice-President|Prime Minister|Foreign Minister|Minister|(?:Assistant |Deputy )?(?:UN |United Nations )?(?:Under-)?Secretary-General|High Commissioner|Ambassador|Special Rapporteur|Special Envoy|Chairman|Chairperson|Supreme Leader|Judge|Justice|Prosecutor|General|Colonel|Senator|King|Queen|Emir|Sheikh|Dr\.?|Mr\.?|Ms\.?|Mrs\.?)`;
const TITLED_PERSON = new RegExp(String.raw`\b(${TITLE})\s(${WORD}(?:\s${WORD}){0,3})`, "gu");

// Head words that say what a capitalised name is.
const ORGANISATION_HEAD =
  /\b(?:Watch|International|Amnesty|Agency|Foundation|Institute|Centre|Center|Network|Coalition|Association|Alliance|Federation|Movement|Party|Front|Army|Forces|Police|Ministry|Bank|Fund|Society|Group|News|Times|Post|Press|Radio|Television|Trust|Initiative|Project|Campaign|Organisation|Organization|Council|Committee|Commission|Union)\b/;
const EVENT_HEAD =
  /\b(?:Summit|Conference|Talks|Meeting|Session|Forum|Dialogue|Congress|Election|Elections|Referendum)\b/;
// Capitalised words that open a sentence or a heading without naming anything.
const NOT_A_NAME_START =
  /^(?:The|A|An|In|On|At|As|By|For|From|To|Of|And|But|Or|If|Yet|So|This|That|These|Those|Its|Their|His|Her|Our|Although|While|Whereas|However|Furthermore|Moreover|Similarly|Meanwhile|Even|Against|After|Before|During|Since|Until|Despite|Recommendations|Notes|Risk|See|Also|Ensure|Raise|Monitor|Recognise|Recognize|Immediately|Cease|Engage|Establish|Investigate|Release|Allow|Grant|Urge|Call|Adopt|Continue)$/;
const MONTH_OR_DAY =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

function* matches(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    yield m;
    if (m[0].length === 0) pattern.lastIndex++;
  }
}

/**
 * Names of kinds that can be told by their form (states of the bundled list, UN bodies and offices, mandates, courts,
 * people with a title): these compete with the corpus's own names, longest first.
 */
export function findSpecificCandidates(text: string): CandidateSpan[] {
  const found: CandidateSpan[] = [];
  for (const m of STATES.findAll(text))
    found.push({ start: m.start, end: m.end, type: "state", rule: "un-member-state", iso3: m.values[0]!.iso3 });
  for (const { pattern, type } of INSTITUTIONS)
    for (const m of matches(pattern, text))
      found.push({ start: m.index, end: m.index + m[0].length, type, rule: `institution:${type}` });
  for (const m of matches(MANDATE, text))
    found.push({ start: m.index, end: m.index + m[0].length, type: "un-office", rule: "mandate-title" });
  for (const m of matches(TITLED_PERSON, text)) {
    const name = m[2]!.replace(/[.’']+$/, "");
    const start = m.index + m[0].length - m[2]!.length;
    found.push({ start, end: start + name.length, type: "person", rule: "title-and-name", role: m[1]! });
  }
  return found;
}

/** Splits a capitalised run into names: a word that cannot start a name is dropped from its start. */
function trimRun(run: string): { offset: number; name: string } | undefined {
  const words = run.split(/\s/);
  let offset = 0;
  while (words.length > 0 && (NOT_A_NAME_START.test(words[0]!) || MONTH_OR_DAY.test(words[0]!))) {
    offset += words.shift()!.length + 1;
  }
  while (words.length > 0 && /^(?:of|the|for|on|and)$/.test(words[words.length - 1]!)) words.pop();
  const name = words
    .join(" ")
    .replace(/[.’']+$/, "")
    .replace(/['’]s$/, "");
  if (words.filter((w) => /^\p{Lu}/u.test(w)).length < 2) return undefined;
  return { offset, name };
}

/**
 * Other capitalised names of two words or more, found only in `gaps` (the stretches no known or specific name
 * covers), typed by their head word (an organisation, an event) or else taken for a person when short.
 */
export function findOtherCandidates(text: string, gaps: [number, number][]): CandidateSpan[] {
  const found: CandidateSpan[] = [];
  for (const [from, to] of gaps) {
    const stretch = text.slice(from, to);
    for (const m of matches(NAME_RUN, stretch)) {
      const trimmed = trimRun(m[0]);
      if (!trimmed) continue;
      const start = from + m.index + trimmed.offset;
      const end = start + trimmed.name.length;
      const name = trimmed.name;
      const words = name.split(/\s/);
      let type: string | undefined;
      if (ORGANISATION_HEAD.test(name)) type = "organisation";
      else if (EVENT_HEAD.test(name)) type = "event";
      else if (words.length <= 4 && !words.some((w) => /^(?:of|the|for|on|and)$/.test(w))) type = "person";
      if (type) found.push({ start, end, type, rule: `capitalised-name:${type}` });
    }
  }
  return found;
}
