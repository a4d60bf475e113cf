// Writes a reading out as a sentence: the ends' short names with their articles, the attributes' values, the verb
// forms that agree with their subject, a capital first letter and a full stop.
import type { SentenceTemplate, TemplatePart } from "./sentence-template";
import type { PropValue } from "./types";

/** A node as a sentence names it. */
export interface NodeName {
  /** The short name ("DPRK"). */
  name: string;
  /** The article it takes in running text ("the"), if any. */
  article?: string;
  /** True when the name is grammatically plural ("the special procedures"). */
  plural?: boolean;
}

/** The nodes at each end of the claim: one each for one edge, several for a joint claim. */
export interface SentenceEnds {
  source: readonly NodeName[];
  target: readonly NodeName[];
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "A", "A and B", "A, B and C": the serial list of running British English, without the Oxford comma. */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function datePrefixInWords(prefix: string): string {
  const [year, month, day] = prefix.split("-");
  if (month === undefined) return year!;
  const monthName = MONTHS[Number(month) - 1]!;
  return day === undefined ? `${monthName} ${year}` : `${Number(day)} ${monthName} ${year}`;
}

/** A valid date or interval as running text: "31 December 2019", "December 2019", "July 2019 to December 2019". */
export function dateInWords(value: string): string {
  return value.split("/").map(datePrefixInWords).join(" to ");
}

/** A recorded vote "in favour-against-abstentions", as the UN reports it. */
const RECORDED_VOTE = /^(\d+)-(\d+)-(\d+)$/;

/**
 * An attribute's value as a sentence writes it: dates in words, lists as a serial list, a recorded `vote`
 * ("123-19-41") as "by a recorded vote of 123 to 19, with 41 abstentions"; anything else as written.
 */
export function attributeInWords(name: string, kind: string | undefined, value: PropValue): string {
  if (Array.isArray(value)) return listInWords(value);
  if (typeof value !== "string") return String(value);
  if (kind === "date") return dateInWords(value);
  const vote = name === "vote" ? RECORDED_VOTE.exec(value) : null;
  if (vote) {
    const abstentions = Number(vote[3]);
    const tail = abstentions === 1 ? ", with 1 abstention" : `, with ${abstentions} abstentions`;
    return `by a recorded vote of ${vote[1]} to ${vote[2]}${tail}`;
  }
  return value;
}

function namesInWords(names: readonly NodeName[]): string {
  return listInWords(names.map((n) => (n.article ? `${n.article} ${n.name}` : n.name)));
}

function isPlural(names: readonly NodeName[]): boolean {
  return names.length > 1 || names[0]?.plural === true;
}

function hasValue(values: Readonly<Record<string, PropValue>>, name: string): boolean {
  if (!Object.hasOwn(values, name)) return false;
  const value = values[name];
  return !(value === "" || (Array.isArray(value) && value.length === 0));
}

/** Whitespace that is not one plain space: a run, or a tab, line break or other space character. */
const UNEVEN_SPACE = /\s\s|[^\S ]/;

/** Capital first letter (after any opening quote or bracket), and a full stop unless the sentence ends in one. */
export function finishSentence(text: string): string {
  const sentence = (UNEVEN_SPACE.test(text) ? text.replace(/\s+/g, " ") : text).trim();
  const first = sentence.search(/\p{L}/u);
  const opened =
    first < 0 || !/^[“"‘'(]*$/.test(sentence.slice(0, first))
      ? sentence
      : sentence.slice(0, first) + sentence[first]!.toUpperCase() + sentence.slice(first + 1);
  return /[.!?…][”"’')\]]*$/.test(opened) ? opened : `${opened}.`;
}

/** What writing one sentence needs as it goes: the ends, the values, and the end the next form agrees with. */
interface Writing {
  ends: SentenceEnds;
  values: Readonly<Record<string, PropValue>>;
  kindOf: (attribute: string) => string | undefined;
  subject: readonly NodeName[];
}

// A function of the module rather than a closure made at each call: the loader writes a million sentences.
function writePart(part: TemplatePart, w: Writing): string {
  switch (part.kind) {
    case "text":
      return part.text;
    case "end":
      w.subject = w.ends[part.end];
      return namesInWords(w.subject);
    case "attribute":
      return hasValue(w.values, part.name)
        ? attributeInWords(part.name, w.kindOf(part.name), w.values[part.name]!)
        : "";
    case "form":
      return isPlural(w.subject) ? part.plural : part.singular;
    case "optional":
      return part.parts.every((p) => p.kind !== "attribute" || hasValue(w.values, p.name))
        ? writeParts(part.parts, w)
        : "";
  }
}

function writeParts(parts: readonly TemplatePart[], w: Writing): string {
  let text = "";
  for (const part of parts) text += writePart(part, w);
  return text;
}

/**
 * The sentence a reading makes of a claim: `ends` fill {source} and {target}, `values` the attribute slots
 * (`kindOf` says which are dates). The caller has checked that every attribute outside an optional part has a value.
 */
export function renderSentence(
  template: SentenceTemplate,
  ends: SentenceEnds,
  values: Readonly<Record<string, PropValue>>,
  kindOf: (attribute: string) => string | undefined = () => undefined,
): string {
  // Agreement follows the nearest end written before the form, the source when none is.
  return finishSentence(writeParts(template.parts, { ends, values, kindOf, subject: ends.source }));
}
