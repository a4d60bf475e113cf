// Checks one attribute value against its schema declaration and returns it in its typed form.
import { dateProblem } from "../schema/dates";
import type { AttributeSpec, PropValue } from "../schema/types";

/** An absolute http or https URL: what a link in the web app may open (never `javascript:` or `data:`). */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/\S+$/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** The checked value, or a message saying what is wrong with it. */
export type AttributeCheck =
  { ok: true; value: PropValue } | { ok: false; message: string; code: "bad-value" | "bad-date" };

function badValue(spec: AttributeSpec, raw: unknown, expected: string): AttributeCheck {
  return { ok: false, code: "bad-value", message: `"${spec.name}" must be ${expected}, found ${JSON.stringify(raw)}` };
}

/** Checks a raw YAML value against an attribute declaration (kind and allowed values). */
export function checkAttribute(spec: AttributeSpec, raw: unknown): AttributeCheck {
  switch (spec.kind) {
    case "string":
    case "text":
    case "url": {
      if (typeof raw !== "string" || raw.trim() === "") return badValue(spec, raw, "a non-empty string");
      if (spec.kind === "url" && !isHttpUrl(raw)) return badValue(spec, raw, "an http(s) URL");
      if (spec.values && !spec.values.includes(raw)) return badValue(spec, raw, `one of ${spec.values.join(", ")}`);
      return { ok: true, value: raw };
    }
    case "date": {
      if (typeof raw !== "string") return badValue(spec, raw, 'a quoted ISO 8601 date ("2019-12-18")');
      const problem = dateProblem(raw);
      return problem
        ? { ok: false, code: "bad-date", message: `"${spec.name}": ${problem}` }
        : { ok: true, value: raw };
    }
    case "integer":
      return typeof raw === "number" && Number.isInteger(raw)
        ? { ok: true, value: raw }
        : badValue(spec, raw, "an integer");
    case "number":
      return typeof raw === "number" && Number.isFinite(raw)
        ? { ok: true, value: raw }
        : badValue(spec, raw, "a number");
    case "boolean":
      return typeof raw === "boolean" ? { ok: true, value: raw } : badValue(spec, raw, "true or false");
    case "string-list":
      return Array.isArray(raw) && raw.every((v) => typeof v === "string")
        ? { ok: true, value: raw }
        : badValue(spec, raw, "a list of strings");
  }
}
