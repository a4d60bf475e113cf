// Variables in scope while a query is compiled: each name has a slot in the row and what kind of value it holds.
import { closestIds } from "../../schema/closest-ids";
import { CypherSyntaxError, type TextPosition } from "./cypher-errors";

/** What a variable holds, as far as the pattern that bound it says. */
export type VariableKind = "node" | "relationship" | "relationship-list" | "path" | "value";

export interface ScopeEntry {
  slot: number;
  kind: VariableKind;
}

/** Names -> slots of one stretch of the query (between two projections); rows are arrays indexed by slot. */
export class Scope {
  private readonly entries = new Map<string, ScopeEntry>();

  /** How many slots a row of this scope has. */
  get width(): number {
    let width = 0;
    for (const entry of this.entries.values()) width = Math.max(width, entry.slot + 1);
    return width;
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  get(name: string): ScopeEntry | undefined {
    return this.entries.get(name);
  }

  /** Adds a new variable at the next slot. */
  add(name: string, kind: VariableKind): ScopeEntry {
    const entry = { slot: this.width, kind };
    this.entries.set(name, entry);
    return entry;
  }

  /** Adds a variable at a given slot (for a scope that reads two rows laid end to end). */
  place(name: string, kind: VariableKind, slot: number): void {
    this.entries.set(name, { slot, kind });
  }

  /** A copy, to extend without changing this one. */
  copy(): Scope {
    const scope = new Scope();
    for (const [name, entry] of this.entries) scope.entries.set(name, { ...entry });
    return scope;
  }

  /** The entry of `name`, or a CypherSyntaxError saying it is not defined (with the closest names in scope). */
  resolve(name: string, position: TextPosition, note = ""): ScopeEntry {
    const entry = this.entries.get(name);
    if (entry) return entry;
    const close = closestIds(this.entries.keys(), name);
    const suggestion = close.length > 0 ? `; did you mean ${close.map((c) => `\`${c}\``).join(" or ")}?` : "";
    throw new CypherSyntaxError(`variable \`${name}\` is not defined${note}${suggestion}`, position, [
      ...this.entries.keys(),
    ]);
  }
}
