// Sentence templates ("readings"): how a claim of an edge type is written as an English sentence.
//
// A reading is text with slots, written once per edge type in schema.yaml (or on one edge record):
//   {source} {target}   the two ends: each node's short name with its article ("the DPRK"); several ends of a
//                       joint claim are listed ("China and Russia")
//   {what}, {role}...   the edge's attribute of that name
//   {is|are}            a verb form that agrees in number with the nearest {source} or {target} before it (or with
//                       {source} when none stands before it): the first alternative for one node, the second for
//                       several nodes or a node whose short name is plural
//   [, for the {precedent}]  an optional part, written only when every attribute it names has a value
// Optional parts hold no {source} or {target}, do not nest, and name at least one attribute. `{`, `}`, `[` and `]`
// are the syntax: a reading holds no others.

/** One piece of a reading. */
export type TemplatePart =
  | { kind: "text"; text: string }
  | { kind: "end"; end: "source" | "target" }
  | { kind: "attribute"; name: string }
  | { kind: "form"; singular: string; plural: string }
  | { kind: "optional"; parts: TemplatePart[] };

/** A parsed reading: its parts in order, and the text it was parsed from. */
export interface SentenceTemplate {
  text: string;
  parts: TemplatePart[];
}

/** What a slot may be called: the two ends, or an attribute name (see ATTRIBUTE_NAME_PATTERN). */
const SLOT_NAME = /^[a-z][a-z0-9_]*$/;
/** The words of an agreement form: letters, apostrophes, hyphens and spaces (one may be empty: `{s|}`). */
const FORM_WORDS = /^[\p{L}' -]*$/u;

/** A reading that cannot be parsed or checked: the message says what is wrong and where in the text. */
export class TemplateProblem {
  constructor(
    readonly message: string,
    readonly hint?: string,
  ) {}
}

function slot(body: string, at: number): TemplatePart | TemplateProblem {
  if (body.includes("|")) {
    const alternatives = body.split("|");
    if (alternatives.length !== 2 || !alternatives.every((a) => FORM_WORDS.test(a)))
      return new TemplateProblem(
        `"{${body}}" at character ${at + 1} is not an agreement form`,
        "write the singular and the plural form, e.g. {is|are} or {has|have}",
      );
    return { kind: "form", singular: alternatives[0]!, plural: alternatives[1]! };
  }
  if (body === "source" || body === "target") return { kind: "end", end: body };
  if (!SLOT_NAME.test(body))
    return new TemplateProblem(
      `"{${body}}" at character ${at + 1} is not a slot`,
      "slots are {source}, {target}, an attribute such as {what}, or a form such as {is|are}",
    );
  return { kind: "attribute", name: body };
}

/** Parses a reading; a TemplateProblem says what is wrong with its syntax. */
export function parseSentenceTemplate(text: string): SentenceTemplate | TemplateProblem {
  const top: TemplatePart[] = [];
  let parts = top;
  let optionalAt = -1;
  let literal = "";
  const flush = (): void => {
    if (literal !== "") parts.push({ kind: "text", text: literal });
    literal = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "{") {
      const close = text.indexOf("}", i);
      const nextOpen = text.indexOf("{", i + 1);
      if (close < 0 || (nextOpen >= 0 && nextOpen < close))
        return new TemplateProblem(`"{" at character ${i + 1} is not closed`, "close every slot with }");
      const part = slot(text.slice(i + 1, close), i);
      if (part instanceof TemplateProblem) return part;
      if (part.kind === "end" && parts !== top)
        return new TemplateProblem(
          `{${part.end}} at character ${i + 1} stands in an optional part`,
          "the ends are always written: keep {source} and {target} outside [ ]",
        );
      flush();
      parts.push(part);
      i = close;
    } else if (ch === "[") {
      if (parts !== top)
        return new TemplateProblem(
          `"[" at character ${i + 1} opens an optional part inside another`,
          "do not nest [ ]",
        );
      flush();
      parts = [];
      optionalAt = i;
    } else if (ch === "]") {
      if (parts === top) return new TemplateProblem(`"]" at character ${i + 1} closes no optional part`);
      flush();
      if (!parts.some((p) => p.kind === "attribute"))
        return new TemplateProblem(
          `the optional part at character ${optionalAt + 1} names no attribute`,
          "an optional part is written when its attributes have values: name one, e.g. [, for the {precedent}]",
        );
      top.push({ kind: "optional", parts });
      parts = top;
    } else if (ch === "}") {
      return new TemplateProblem(`"}" at character ${i + 1} closes no slot`);
    } else literal += ch;
  }
  if (parts !== top)
    return new TemplateProblem(`"[" at character ${optionalAt + 1} is not closed`, "close every optional part with ]");
  flush();
  for (const end of ["source", "target"] as const) {
    if (!top.some((p) => p.kind === "end" && p.end === end))
      return new TemplateProblem(
        `the reading has no {${end}}`,
        "a claim names both its ends: write {source} and {target}",
      );
  }
  return { text, parts: top };
}

/** The attributes a reading names. */
export interface TemplateAttributes {
  /** Named outside optional parts. */
  readonly required: readonly string[];
  /** Named only inside optional parts. */
  readonly optional: readonly string[];
}

// The loader asks this of every claim, and most claims share their type's reading.
const attributesOf = new WeakMap<SentenceTemplate, TemplateAttributes>();

/** The attributes a reading names: `required` outside optional parts, `optional` inside them. */
export function templateAttributes(template: SentenceTemplate): TemplateAttributes {
  let found = attributesOf.get(template);
  if (found) return found;
  const required = new Set<string>();
  const optional = new Set<string>();
  for (const part of template.parts) {
    if (part.kind === "attribute") required.add(part.name);
    else if (part.kind === "optional")
      for (const inner of part.parts) if (inner.kind === "attribute") optional.add(inner.name);
  }
  found = { required: [...required], optional: [...optional].filter((name) => !required.has(name)) };
  attributesOf.set(template, found);
  return found;
}

/**
 * What is wrong with the attributes a reading names, given the attributes its edge type declares (with their kinds):
 * an undeclared attribute, or a boolean one (true or false cannot be written into a sentence). Empty when it is fine.
 */
export function templateAttributeProblems(
  template: SentenceTemplate,
  declared: ReadonlyMap<string, { kind: string }>,
): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const { required, optional } = templateAttributes(template);
  for (const name of [...required, ...optional]) {
    const spec = declared.get(name);
    if (!spec)
      problems.push(
        new TemplateProblem(
          `{${name}} names an attribute the type does not declare`,
          declared.size > 0 ? `declared: ${[...declared.keys()].join(", ")}` : "the type declares no attributes",
        ),
      );
    else if (spec.kind === "boolean")
      problems.push(new TemplateProblem(`{${name}} names a boolean attribute, which a sentence cannot write`));
  }
  return problems;
}
