// One multi-pattern matcher (Aho–Corasick) over a whole text for many names at once: accents and case folded, except
// for acronyms ("US" must not match the word "us"), each match at word boundaries, with its original offsets.
import AhoCorasick from "modern-ahocorasick";
import { foldName, foldWithOrigin, isWordChar, originalRange } from "./folded-text";
import { alphabetOf, searchAll } from "./search-all";

/** A name to look for and what it stands for. */
export interface NameEntry<T> {
  name: string;
  value: T;
}

/** A name found: its original offsets and every value its folded form stands for. */
export interface NameMatch<T> {
  start: number;
  end: number;
  values: T[];
}

/** An acronym or abbreviation (no lower-case letter: "US", "DPRK", "U.S.", "OHCHR"): matched with its case. */
function isAcronym(name: string): boolean {
  return !/\p{Ll}/u.test(name) && /\p{Lu}/u.test(name);
}

/** A matcher of folded names, and the characters outside ASCII they hold. */
interface Compiled<T> {
  matcher: AhoCorasick<T[]>;
  alphabet: ReadonlySet<string>;
}

/** Folded names, each with the values of every entry that folds to it. */
function compile<T>(entries: NameEntry<T>[], keepCase: boolean): Compiled<T> | undefined {
  const byName = new Map<string, T[]>();
  for (const { name, value } of entries) {
    const folded = foldName(name, keepCase);
    if (folded.length < 2) continue;
    const values = byName.get(folded) ?? [];
    if (!values.includes(value)) values.push(value);
    byName.set(folded, values);
  }
  if (byName.size === 0) return undefined;
  return {
    matcher: new AhoCorasick([...byName].map(([pattern, data]) => ({ pattern, data }))),
    alphabet: alphabetOf(byName.keys()),
  };
}

/** Names compiled once, searched in any number of texts. */
export class NameMatcher<T> {
  private readonly folded: Compiled<T> | undefined;
  private readonly cased: Compiled<T> | undefined;

  constructor(entries: NameEntry<T>[]) {
    this.folded = compile(
      entries.filter((e) => !isAcronym(e.name)),
      false,
    );
    this.cased = compile(
      entries.filter((e) => isAcronym(e.name)),
      true,
    );
  }

  /** Every match in `text` at word boundaries, overlapping ones included, in no particular order. */
  findAll(text: string): NameMatch<T>[] {
    const found: NameMatch<T>[] = [];
    for (const [compiled, keepCase] of [
      [this.folded, false],
      [this.cased, true],
    ] as const) {
      if (!compiled) continue;
      const folded = foldWithOrigin(text, keepCase);
      for (const m of searchAll(compiled.matcher, compiled.alphabet, folded.text)) {
        const { start, end } = originalRange(folded, m.start, m.end);
        const last = text[end - 1]!;
        // A name ending in a full stop ("U.S.") may stand before any character.
        if (isWordChar(text[start - 1]) || (isWordChar(last) && isWordChar(text[end]))) continue;
        found.push({ start, end, values: m.data ?? [] });
      }
    }
    return found;
  }
}

/**
 * The longest matches first: of overlapping spans the longest wins (earlier on a tie, then the lower `rank`), so
 * "Special Rapporteur on the situation of human rights in Myanmar" is never read as "Special Rapporteur".
 */
export function longestFirst<S extends { start: number; end: number; rank?: number }>(spans: S[]): S[] {
  const sorted = [...spans].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || (a.rank ?? 0) - (b.rank ?? 0),
  );
  const kept: S[] = [];
  for (const span of sorted) if (kept.every((k) => span.end <= k.start || span.start >= k.end)) kept.push(span);
  return kept.sort((a, b) => a.start - b.start);
}
