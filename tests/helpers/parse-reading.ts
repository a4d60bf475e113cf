// A reading parsed for a test's schema, failing loudly when a test writes one that does not parse.
import { parseSentenceTemplate, TemplateProblem, type SentenceTemplate } from "../../src/schema";

export function parseReading(text: string): SentenceTemplate {
  const parsed = parseSentenceTemplate(text);
  if (parsed instanceof TemplateProblem) throw new Error(`test reading "${text}": ${parsed.message}`);
  return parsed;
}
