// Suggested claims: in each sentence, a phrase of the verb lexicon with an actor before it and an actor after it, of
// the types its edge type allows, becomes a suggested edge quoting the sentence, with its endnotes and its date.
import type { Schema } from "../schema/types";
import type { DateFound } from "./find-dates";
import type { MarkerFound } from "./find-endnotes";
import type { Mention } from "./find-mentions";
import { NameMatcher } from "./name-matcher";
import type { Sentence } from "./split-sentences";
import type { VerbEntry } from "./verb-lexicon";

export interface SuggestedClaim {
  type: string;
  source: string;
  target: string;
  /** The sentence (or the clause) that states it: an exact slice of the report's text. */
  quote: string;
  start: number;
  end: number;
  footnotes: string[];
  date?: string;
  /** The attributes the type requires, as read from the sentence (`what`, `role`). */
  attributes: Record<string, string>;
  /** What made the suggestion: `verb:<phrase>`, `title:<title>`, `headline:verb:<phrase>`. */
  rule: string;
}

export interface ClaimContext {
  text: string;
  schema: Schema;
  lexicon: VerbEntry[];
  mentions: Mention[];
  markers: MarkerFound[];
  dates: DateFound[];
}

/** The node a mention stands for: a known node or a candidate; none for an ambiguous name. */
function nodeOf(m: Mention): string | undefined {
  return m.node ?? m.candidate?.id;
}

// Between two actors of one group: a comma, "and", "or", "as well as", an opening bracket.
const COORDINATION = /^(?:\s*(?:,|\(|\)|and|or|as well as|along with|together with|the)\s*)+$/i;
// Words that deny what follows in the clause ("refusal to ... grant access to").
const NEGATION = /\b(?:not|never|no|refus\w*|den(?:y|ied|ies)|without|fail\w*)\b/i;
// Farthest an actor may stand from its verb, in characters: beyond it the sentence is probably about something else.
const MAX_GAP = 100;

/** The members of the group of actors that ends (or starts) at `index`, joined by commas and "and". */
function group(mentions: Mention[], index: number, step: -1 | 1, text: string): Mention[] {
  const members = [mentions[index]!];
  for (let i = index + step; i >= 0 && i < mentions.length; i += step) {
    const [a, b] =
      step === 1 ? [members[members.length - 1]!, mentions[i]!] : [mentions[i]!, members[members.length - 1]!];
    if (!COORDINATION.test(text.slice(a.end, b.start))) break;
    members.push(mentions[i]!);
  }
  return members;
}

/** Text between a verb and the next clause end: `to`-infinitive, up to a comma, a semicolon or the sentence's end. */
function infinitiveAt(text: string, from: number, to: number): string | undefined {
  const rest = text.slice(from, to);
  const m = /^\s*(?:\)\s*)?(to\s+[^,;:()“”"]+?)\s*(?:[,;:(]|$)/.exec(rest);
  return m?.[1]?.trim();
}

/**
 * The claims of one sentence: for each lexicon phrase, the nearest group of actors before it that its type allows as
 * source, and the nearest group after it allowed as target; one suggestion for each pair.
 */
function claimsOf(
  ctx: ClaimContext,
  verbs: NameMatcher<VerbEntry>,
  sentence: Sentence,
  rulePrefix: string,
): SuggestedClaim[] {
  const { text, schema } = ctx;
  const inside = ctx.mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end && nodeOf(m));
  const quote = text.slice(sentence.start, sentence.end);
  const claims: SuggestedClaim[] = [];
  const footnotes = ctx.markers
    .filter((m) => m.start >= sentence.start && m.start < sentence.outerEnd)
    .map((m) => m.marker)
    .filter((m, i, all) => all.indexOf(m) === i);
  const date = ctx.dates.find((d) => d.start >= sentence.start && d.end <= sentence.end)?.value;
  const found = verbs
    .findAll(quote)
    .map((v) => ({ ...v, start: v.start + sentence.start, end: v.end + sentence.start }));
  // Of two phrases at one place the longer is the one meant ("jointly proposed", not "proposed").
  const phrases = found.filter(
    (v) => !found.some((w) => w !== v && w.start <= v.start && w.end >= v.end && w.end - w.start > v.end - v.start),
  );
  for (const verb of phrases) {
    for (const entry of verb.values) {
      const clauseStart = Math.max(sentence.start, text.lastIndexOf(";", verb.start) + 1);
      const negated = entry.negated !== undefined && NEGATION.test(text.slice(clauseStart, verb.start));
      const type = negated ? entry.negated! : entry.type;
      const spec = schema.edgeTypes.get(type);
      if (!spec) continue;
      const fits = (m: Mention, types: string[]) => types.includes(m.type ?? "");
      const beforeIndex = inside.findLastIndex(
        (m) => m.end <= verb.start && verb.start - m.end <= MAX_GAP && fits(m, spec.sourceTypes),
      );
      const afterIndex = inside.findIndex(
        (m) => m.start >= verb.end && m.start - verb.end <= MAX_GAP && fits(m, spec.targetTypes),
      );
      if (beforeIndex < 0 || afterIndex < 0) continue;
      // Nothing but words may stand between the subject and its verb: no other clause (";") and no other verb.
      if (/;/.test(text.slice(inside[beforeIndex]!.end, verb.start))) continue;
      const subjects = group(inside, beforeIndex, -1, text).filter((m) => fits(m, spec.sourceTypes));
      const objects = group(inside, afterIndex, 1, text).filter((m) => fits(m, spec.targetTypes));
      const attributes: Record<string, string> = {};
      if (spec.attributes.get("what")?.required || entry.what) {
        const lastObject = objects[objects.length - 1]!;
        const what =
          entry.what === "after-target"
            ? infinitiveAt(text, lastObject.end, sentence.end)?.replace(/^to\s+/, "")
            : text
                .slice(verb.end, objects[0]!.start)
                .trim()
                .replace(/\s+(?:the|a|an|its|their)$/i, "") || undefined;
        if (what) attributes.what = what;
        else if (spec.attributes.get("what")?.required) continue;
      }
      for (const s of subjects)
        for (const o of objects) {
          const [source, target] = [nodeOf(s)!, nodeOf(o)!];
          if (source === target) continue;
          if (claims.some((c) => c.type === type && c.source === source && c.target === target)) continue;
          claims.push({
            type,
            source,
            target,
            quote,
            start: sentence.start,
            end: sentence.end,
            footnotes,
            ...(date ? { date } : {}),
            attributes,
            rule: `${rulePrefix}verb:${text.slice(verb.start, verb.end).toLowerCase()}`,
          });
        }
    }
  }
  return claims;
}

/**
 * Suggested claims of every sentence in `sentences` (the report's prose) and `headlines` (the titles its notes
 * cite, which often state an act: "Human Rights Watch urges Seoul to speak up"), a headline's claims backed by the
 * note that cites it.
 */
export function suggestClaims(
  ctx: ClaimContext,
  sentences: Sentence[],
  headlines: { sentence: Sentence; marker: string }[],
): SuggestedClaim[] {
  const verbs = new NameMatcher(ctx.lexicon.flatMap((entry) => entry.phrases.map((name) => ({ name, value: entry }))));
  const claims = sentences.flatMap((s) => claimsOf(ctx, verbs, s, ""));
  for (const { sentence, marker } of headlines)
    for (const claim of claimsOf(ctx, verbs, sentence, "headline:")) claims.push({ ...claim, footnotes: [marker] });
  return claims;
}
