// Checks what can only be checked once every file is read: ids declared once, references to declared nodes of the
// types the schema allows.
import type { Problem } from "../errors";
import { closestIds } from "../schema/closest-ids";
import type { Schema } from "../schema/types";
import type { EdgeDraft, NodeDraft } from "./check-records";
import type { SourceDraft } from "./check-source";

/** Everything read and checked from a data folder, ready for the reference checks and then for the graph. */
export interface Drafts {
  schema: Schema;
  /** The nodes by id, each the first declaration of its id. */
  nodes: ReadonlyMap<string, NodeDraft>;
  sources: readonly SourceDraft[];
  edges: readonly EdgeDraft[];
}

/** The nodes by id; a node declared a second time is a problem that points at the first declaration. */
export function indexNodes(nodes: readonly NodeDraft[], problems: Problem[]): Map<string, NodeDraft> {
  const byId = new Map<string, NodeDraft>();
  for (const node of nodes) {
    const first = byId.get(node.id);
    if (first) {
      problems.push({
        file: node.file,
        line: node.line,
        code: "duplicate-id",
        message: `node "${node.id}" is declared twice`,
        hint: `first declared at ${first.file}:${first.line}`,
      });
    } else byId.set(node.id, node);
  }
  return byId;
}

/** Edge ids given in the data are used once each. */
export function checkEdgeIds(edges: readonly EdgeDraft[], problems: Problem[]): void {
  const seen = new Map<string, EdgeDraft>();
  for (const edge of edges) {
    if (!edge.id) continue;
    const first = seen.get(edge.id);
    if (first)
      problems.push({
        file: edge.file,
        line: edge.line,
        code: "duplicate-id",
        message: `edge id "${edge.id}" is used twice`,
        hint: `first used at ${first.file}:${first.line}`,
      });
    else seen.set(edge.id, edge);
  }
}

function reference(
  id: string,
  byId: ReadonlyMap<string, NodeDraft>,
  at: { file: string; line: number },
  what: string,
  problems: Problem[],
): NodeDraft | null {
  const node = byId.get(id);
  if (node) return node;
  const near = closestIds(byId.keys(), id);
  problems.push({
    file: at.file,
    line: at.line,
    code: "dangling-reference",
    message: `${what} refers to unknown node "${id}"`,
    ...(near.length ? { hint: `did you mean ${near.map((n) => `"${n}"`).join(" or ")}?` } : {}),
  });
  return null;
}

/**
 * Every node a source, an endnote or an edge names exists and has a type its place allows: a source's document and
 * what its endnotes cite are documents (the ends of `cites`), an edge's ends are of its type's endpoint types.
 */
export function checkReferences({ schema, nodes: byId, sources, edges }: Drafts, problems: Problem[]): void {
  const cites = schema.edgeTypes.get("cites")!;
  for (const source of sources) {
    const doc = reference(
      source.document,
      byId,
      { file: source.record.file, line: source.record.lineOf("document") },
      `source "${source.text.id}"`,
      problems,
    );
    if (doc && !cites.sourceTypes.includes(doc.type)) {
      problems.push({
        file: source.record.file,
        line: source.record.lineOf("document"),
        code: "endpoint-type",
        message: `source document "${doc.id}" is a ${doc.type}, not a document`,
      });
    }
    for (const citation of source.citations) {
      const at = { file: citation.record.file, line: citation.record.line };
      const target = reference(citation.document, byId, at, `endnote "${citation.marker}"`, problems);
      if (target && !cites.targetTypes.includes(target.type)) {
        problems.push({
          ...at,
          code: "endpoint-type",
          message: `endnote "${citation.marker}" cites "${target.id}", a ${target.type}; cites needs a document`,
        });
      }
    }
  }
  for (const edge of edges) {
    const spec = schema.edgeTypes.get(edge.type)!;
    checkEnds(edge, "source", spec.sourceTypes, byId, problems);
    checkEnds(edge, "target", spec.targetTypes, byId, problems);
  }
}

/** One end of an edge: every node it names exists and is of a type allowed there. Run for each of a million edges. */
function checkEnds(
  edge: EdgeDraft,
  end: "source" | "target",
  allowed: readonly string[],
  byId: ReadonlyMap<string, NodeDraft>,
  problems: Problem[],
): void {
  for (const id of end === "source" ? edge.sources : edge.targets) {
    const found = byId.get(id);
    if (found && allowed.includes(found.type)) continue;
    const at = { file: edge.file, line: edge.endpointLines[end] };
    const node = found ?? reference(id, byId, at, `edge "${edge.type}" ${end}`, problems);
    if (node) {
      problems.push({
        ...at,
        code: "endpoint-type",
        message: `edge "${edge.type}" cannot have a ${node.type} ("${id}") as its ${end}`,
        hint: `${end} types allowed: ${allowed.join(", ")}`,
      });
    }
  }
}
