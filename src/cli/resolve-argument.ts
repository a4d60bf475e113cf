// Turns a CLI argument (an id or a name typed like in the search box) into one node id, or explains why not.
import type { QueryEngine } from "../query";
import { NoResultError } from "./cli-context";

/** The node id an argument stands for; an ambiguous name lists its candidates, an unknown one its suggestions. */
export function resolveArgument(engine: QueryEngine, argument: string): string {
  const result = engine.resolve(argument);
  if (result.type === "found") return result.id;
  const list = (items: { id: string; label: string; type: string }[]) =>
    items.map((c) => `  ${c.id}  ${c.label} (${c.type})`).join("\n");
  if (result.type === "ambiguous") {
    throw new NoResultError(
      `"${argument}" is ambiguous; it could be:\n${list(result.candidates)}\nGive the id or a fuller name.`,
    );
  }
  const hint = result.suggestions.length > 0 ? `; did you mean:\n${list(result.suggestions)}` : "";
  throw new NoResultError(`no node matches "${argument}"${hint}`);
}
