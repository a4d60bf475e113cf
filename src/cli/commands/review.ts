// `rightsgraph review SOURCE_ID [accept|reject|mark-reviewed|edit ID...]`: a source's suggestions, reviewed from the
// terminal. Without an action it lists them; each action is checked by the loader before the file is written.
import { loadDataset } from "../../data";
import { RightsGraphError } from "../../errors";
import {
  applyPatches,
  editPatch,
  findRecords,
  recordsOf,
  reviewItems,
  reviewPatches,
  type ClaimEdit,
  type RecordPatches,
  type ReviewAction,
} from "../../ingest/review-source";
import { commandAuthor, openWriter, readSourceFiles } from "../../ingest/source-writer";
import { DATA_OPTION, listOption, UsageError, type Command } from "../cli-context";

const ACTIONS = ["accept", "reject", "mark-reviewed", "edit"];

export const reviewCommand: Command = {
  name: "review",
  usage: [
    "rightsgraph review SOURCE_ID [--all] [--json] [--data DIR]",
    "       rightsgraph review SOURCE_ID accept|reject|mark-reviewed ID-OR-NUMBER... [--data DIR]",
    "       rightsgraph review SOURCE_ID edit ID-OR-NUMBER [--type T] [--source ID] [--target ID] [--quote Q]",
    "                          [--footnotes a,b] [--date D] [--data DIR]",
  ].join("\n"),
  options: {
    ...DATA_OPTION,
    all: { type: "boolean" },
    json: { type: "boolean" },
    type: { type: "string" },
    source: { type: "string" },
    target: { type: "string" },
    quote: { type: "string" },
    footnotes: { type: "string" },
    date: { type: "string" },
  },
  positionals: [1, 1000],
  async run(ctx) {
    const [sourceId, action, ...refs] = ctx.positionals as [string, string | undefined, ...string[]];
    const dataDir = ctx.dataDir();
    const { graphText, documentId, sourceText, file } = await readSourceFiles(dataDir, sourceId);
    const records = recordsOf(graphText);
    if (action === undefined) {
      const dataset = await loadDataset(dataDir, { suggestions: true });
      const labels = new Map(dataset.graph.mapNodes((id, a) => [id, a.label] as const));
      const items = reviewItems(records, dataset.schema, labels).filter(
        (i) => ctx.values.all || i.status === "suggested",
      );
      if (ctx.values.json) {
        ctx.out(JSON.stringify({ source: sourceId, items }, null, 2));
        return 0;
      }
      if (items.length === 0)
        ctx.out(`${sourceId}: nothing to review${ctx.values.all ? "" : " (--all lists every record)"}`);
      for (const item of items) {
        ctx.out(`${String(item.number).padStart(4)}. [${item.status}] ${item.id}`);
        ctx.out(`      ${item.sentence}`);
        if (item.quote !== undefined)
          ctx.out(`      “${item.quote}”${item.footnotes?.length ? ` [${item.footnotes.join(", ")}]` : ""}`);
        if (item.rule) ctx.out(`      rule: ${item.rule}`);
        if (item.note) ctx.out(`      note: ${item.note}`);
      }
      return 0;
    }
    if (!ACTIONS.includes(action)) throw new UsageError(`unknown action "${action}": use ${ACTIONS.join(", ")}`);
    if (refs.length === 0) throw new UsageError(`review ${action} needs at least one record id or number`);
    const targets = findRecords(records, refs, file);
    let patches: RecordPatches;
    let changed: string[];
    if (action === "edit") {
      if (targets.length !== 1) throw new UsageError("review edit takes one record");
      const edit: ClaimEdit = {};
      for (const key of ["type", "source", "target", "quote", "date"] as const)
        if (typeof ctx.values[key] === "string") edit[key] = ctx.values[key] as string;
      const footnotes = listOption(ctx.values, "footnotes");
      if (footnotes !== undefined) edit.footnotes = footnotes;
      if (Object.keys(edit).length === 0)
        throw new UsageError("review edit needs --type, --source, --target, --quote, --footnotes or --date");
      const target = targets[0]!;
      patches = new Map([[target.number, { ref: target, patch: editPatch(target, edit, sourceText) }]]);
      changed = [target.id ?? refs[0]!];
    } else ({ patches, changed } = reviewPatches(records, targets, action as ReviewAction, documentId));
    if (changed.length === 0) {
      ctx.out(`${sourceId}: nothing changed`);
      return 0;
    }
    const change = (text: string | null) => {
      // The records were numbered in the text read above: a file changed since is not patched blindly.
      if (text !== graphText)
        throw new RightsGraphError("edit-conflict", `review: ${file} changed while it was read; run the command again`);
      return applyPatches(text, patches);
    };
    await openWriter(dataDir).changeFiles([{ sourceId, name: "graph.yaml", change }], commandAuthor("review"), {
      action: `review-${action}`,
      sourceId,
      ...(targets[0]!.id ? { id: targets[0]!.id } : {}),
    });
    ctx.out(`${sourceId}: ${action} ${changed.length} record(s): ${changed.join(", ")}`);
    return 0;
  },
};
