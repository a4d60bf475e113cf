// The NotFoundError for an unknown node id, with the closest known ids as suggestions.
import { NotFoundError } from "../errors";

/** `node "state:prkk" not found. Did you mean "state:prk"?` (up to three names in the message, every suggestion attached). */
export function nodeNotFound(id: string, suggestions: string[]): NotFoundError {
  const quoted = suggestions.slice(0, 3).map((s) => `"${s}"`);
  const hint =
    quoted.length === 0
      ? ""
      : quoted.length === 1
        ? ` Did you mean ${quoted[0]}?`
        : ` Did you mean ${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}?`;
  return new NotFoundError(`node "${id}" not found.${hint}`, suggestions);
}
