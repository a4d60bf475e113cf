// Recommendation sections: a heading "X should:" followed by a numbered list. Each item becomes a recommendation
// with its verbatim text, its heading and its number, addressed to every actor the heading names.
import type { Mention } from "./find-mentions";

export interface RecommendationFound {
  heading: string;
  headingStart: number;
  headingEnd: number;
  number: number;
  /** The item's words, without its number: an exact slice of the report's text. */
  text: string;
  start: number;
  end: number;
  /** The mentions of the heading, in order: who the recommendation is addressed to. */
  addressees: Mention[];
}

const HEADING = /^[^\n]{2,160}? should:[ \t]*$/gm;
const ITEM = /^(\d{1,2})[.)][ \t]+(\S[^\n]*)$/;

/** Every numbered item under an "X should:" heading, until the next heading, a line of prose or `until`. */
export function findRecommendations(text: string, mentions: Mention[], until: number): RecommendationFound[] {
  const found: RecommendationFound[] = [];
  for (const heading of text.slice(0, until).matchAll(HEADING)) {
    const headingStart = heading.index;
    const headingEnd = heading.index + heading[0].trimEnd().length;
    const addressees = mentions.filter((m) => m.start >= headingStart && m.end <= headingEnd);
    let at = headingEnd + 1;
    while (at < until) {
      const lineEnd = text.indexOf("\n", at) === -1 ? text.length : text.indexOf("\n", at);
      const line = text.slice(at, lineEnd);
      if (line.trim() === "") {
        at = lineEnd + 1;
        continue;
      }
      const item = ITEM.exec(line);
      if (!item) break;
      const start = at + line.indexOf(item[2]!);
      const end = at + line.trimEnd().length;
      found.push({
        heading: heading[0].trimEnd(),
        headingStart,
        headingEnd,
        number: Number(item[1]),
        text: text.slice(start, end),
        start,
        end,
        addressees,
      });
      at = lineEnd + 1;
    }
  }
  return found;
}
