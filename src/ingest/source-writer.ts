// The record writer as the `review` and `check` commands use it: the edit layer's store (the one edit mode writes
// through), opened on a data folder, so a command's change is checked by the loader, spliced into the file record by
// record, logged in `.rightsgraph-edit/edits.jsonl` and undone by the same undo as the edit API's.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "yaml";
import { EDIT_RULES } from "../api/parameters";
import { EditStore, type EditAuthor } from "../edit";
import { SourceEditError } from "./review-source";

/** Who wrote, for the edit log: a command run on this machine (edit mode logs a token's fingerprint instead). */
export function commandAuthor(command: string): EditAuthor {
  return { token: "cli", remote: `rightsgraph ${command}` };
}

/** The writer of the data folder `dataDir` for a command (nothing else is told of the graphs it checks). */
export function openWriter(dataDir: string): EditStore {
  return EditStore.openFolder(dataDir, {
    load: { suggestions: true },
    undoDepth: EDIT_RULES.undoDepth,
    onDataset: () => {},
    onProblems: () => {},
  });
}

/** A source's files as review needs them: graph.yaml's text, the id of the source's document, and its text. */
export async function readSourceFiles(
  dataDir: string,
  sourceId: string,
): Promise<{ graphText: string; documentId: string; sourceText: string; file: string }> {
  const folder = path.join(dataDir, "sources", sourceId);
  const read = (name: string) =>
    readFile(path.join(folder, name), "utf8").catch(() => {
      throw new SourceEditError(`no sources/${sourceId}/${name} in ${dataDir}`);
    });
  const source = parseDocument(await read("source.yaml"));
  if (source.errors.length > 0)
    throw new SourceEditError(`sources/${sourceId}/source.yaml does not parse: ${source.errors[0]!.message}`);
  const textName = path.basename(String(source.get("text") ?? "source.txt"));
  return {
    graphText: await read("graph.yaml"),
    documentId: String(source.get("document")),
    sourceText: (await read(textName)).replace(/\r\n/g, "\n"),
    file: `sources/${sourceId}/graph.yaml`,
  };
}
