// Readings (sentence templates): their syntax, what they are checked for, and the sentences they write.
import { describe, expect, it } from "vitest";
import {
  dateInWords,
  finishSentence,
  parseSentenceTemplate,
  renderSentence,
  templateAttributeProblems,
  templateAttributes,
  TemplateProblem,
  type NodeName,
  type SentenceTemplate,
} from "../../src/schema";
import { parseReading } from "../helpers/parse-reading";

const problem = (text: string): string => {
  const parsed = parseSentenceTemplate(text);
  if (!(parsed instanceof TemplateProblem)) throw new Error(`"${text}" parsed`);
  return parsed.message;
};

const dprk: NodeName = { name: "DPRK", article: "the" };
const china: NodeName = { name: "China" };
const russia: NodeName = { name: "Russia" };
const procedures: NodeName = { name: "special procedures", article: "the", plural: true };
const draft: NodeName = { name: "China–Russia sanctions draft", article: "the" };

const write = (
  template: SentenceTemplate,
  source: NodeName[],
  target: NodeName[],
  values: Record<string, string | number> = {},
) => renderSentence(template, { source, target }, values);

describe("parseSentenceTemplate", () => {
  it("refuses a reading without both ends, an unclosed or stray bracket, and a slot it cannot read", () => {
    expect(problem("{source} declined")).toBe("the reading has no {target}");
    expect(problem("declined {target}")).toBe("the reading has no {source}");
    expect(problem("{source} declined {what {target}")).toBe('"{" at character 19 is not closed');
    expect(problem("{source} declined} {target}")).toBe('"}" at character 18 closes no slot');
    expect(problem("{source} declined {target}[, for the {precedent}")).toBe('"[" at character 27 is not closed');
    expect(problem("{source} declined {target}]")).toBe('"]" at character 27 closes no optional part');
    expect(problem("{source} declined {What} {target}")).toBe('"{What}" at character 19 is not a slot');
    expect(problem("{source} {is|are|be} {target}")).toBe('"{is|are|be}" at character 10 is not an agreement form');
  });

  it("refuses an end inside an optional part, a nested optional part and one that names no attribute", () => {
    expect(problem("{source} met[ {target}]")).toBe("{target} at character 15 stands in an optional part");
    expect(problem("{source} met {target}[ in [{place}]]")).toBe(
      '"[" at character 27 opens an optional part inside another',
    );
    expect(problem("{source} met {target}[ in Geneva]")).toBe("the optional part at character 22 names no attribute");
  });

  it("lists the attributes a reading needs, and those only its optional parts name", () => {
    const template = parseReading("{source} declined {what} {target}[, for the {precedent}][ ({what})]");
    expect(templateAttributes(template)).toEqual({ required: ["what"], optional: ["precedent"] });
  });

  it("reports an attribute the type does not declare, and a boolean one, which a sentence cannot write", () => {
    const template = parseReading("{source} declined {what} {target}[ ({negated})]");
    const declared = new Map([["negated", { kind: "boolean" }]]);
    expect(templateAttributeProblems(template, declared).map((p) => p.message)).toEqual([
      "{what} names an attribute the type does not declare",
      "{negated} names a boolean attribute, which a sentence cannot write",
    ]);
  });
});

describe("renderSentence", () => {
  const sponsored = parseReading("{source} sponsored {target}");
  const addressed = parseReading("{source} {is|are} addressed to {target}");
  const declined = parseReading("{source} declined {what} {target}[, for the {precedent}]");

  it("names the ends by their short names with their articles, capitalises the first word and ends with a full stop", () => {
    expect(write(sponsored, [dprk], [draft])).toBe("The DPRK sponsored the China–Russia sanctions draft.");
  });

  it("lists the parties of a joint claim, and agrees the verb with them", () => {
    expect(write(sponsored, [china, russia], [draft])).toBe(
      "China and Russia sponsored the China–Russia sanctions draft.",
    );
    expect(write(addressed, [draft], [china])).toBe("The China–Russia sanctions draft is addressed to China.");
    expect(write(addressed, [china, russia, dprk], [draft])).toBe(
      "China, Russia and the DPRK are addressed to the China–Russia sanctions draft.",
    );
  });

  it("agrees with a name that is plural, and with the nearest end written before the form", () => {
    expect(write(addressed, [procedures], [dprk])).toBe("The special procedures are addressed to the DPRK.");
    const afterTarget = parseReading("{source} said that {target} {was|were} late");
    expect(write(afterTarget, [dprk], [china, russia])).toBe("The DPRK said that China and Russia were late.");
  });

  it("writes an optional part only when its attributes have values", () => {
    expect(write(declined, [dprk], [draft], { what: "to co-sponsor" })).toBe(
      "The DPRK declined to co-sponsor the China–Russia sanctions draft.",
    );
    expect(write(declined, [dprk], [draft], { what: "to co-sponsor", precedent: "first time since 2008" })).toBe(
      "The DPRK declined to co-sponsor the China–Russia sanctions draft, for the first time since 2008.",
    );
  });

  it("writes dates in words and a recorded vote as the UN reports it", () => {
    const kinds = (name: string) => (name === "deadline" ? "date" : "string");
    const deadline = parseReading("{source} set {target} a deadline[ of {deadline}]");
    expect(renderSentence(deadline, { source: [china], target: [dprk] }, { deadline: "2019-12-31" }, kinds)).toBe(
      "China set the DPRK a deadline of 31 December 2019.",
    );
    const adopted = parseReading("{source} adopted {target}[ {vote}]");
    expect(write(adopted, [dprk], [draft], { vote: "123-19-41" })).toBe(
      "The DPRK adopted the China–Russia sanctions draft by a recorded vote of 123 to 19, with 41 abstentions.",
    );
    expect(dateInWords("2019-07/2019-12")).toBe("July 2019 to December 2019");
  });

  it("keeps a closing quote after the full stop it already has, and capitalises after an opening quote", () => {
    expect(finishSentence("“very high” risk.”")).toBe("“Very high” risk.”");
    expect(finishSentence("the risk is “Very high/Ongoing”")).toBe("The risk is “Very high/Ongoing”.");
  });

  it("writes every run of white space as one space, and none at the ends", () => {
    expect(finishSentence("the  DPRK declined   the draft")).toBe("The DPRK declined the draft.");
    expect(finishSentence("the DPRK declined\tthe\u00a0draft\n")).toBe("The DPRK declined the draft.");
    expect(finishSentence(" the DPRK declined the draft ")).toBe("The DPRK declined the draft.");
    expect(finishSentence("the DPRK declined the draft")).toBe("The DPRK declined the draft.");
  });
});
