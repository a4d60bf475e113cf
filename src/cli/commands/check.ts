// `rightsgraph check [--write]`: holds every anchored quote to its source text as it is now, and re-anchors them.
import { checkAnchors } from "../../ingest/check-anchors";
import { formatProblem } from "../../errors";
import { DATA_OPTION, type Command } from "../cli-context";

export const checkCommand: Command = {
  name: "check",
  usage: "rightsgraph check [--data DIR] [--write]",
  options: { ...DATA_OPTION, write: { type: "boolean" } },
  positionals: [0, 0],
  async run(ctx) {
    const write = ctx.values.write === true;
    const result = await checkAnchors(ctx.dataDir(), write);
    for (const change of result.changes)
      ctx.out(`${change.file}:${change.line}: ${change.kind}: ${change.id}: ${change.message}`);
    for (const problem of result.problems) ctx.err(formatProblem(problem));
    const summary = `${result.checked} anchored quote(s) checked: ${result.changes.length} moved or changed, ${result.problems.length} not found`;
    if (result.problems.length > 0) {
      ctx.err(`${summary}; nothing was written`);
      return 1;
    }
    if (result.written) {
      ctx.out(`${summary}; anchors and SHA-256 written, changed claims marked for review (draft, with a note)`);
      return 0;
    }
    const pending = result.changes.length > 0 || result.staleTexts.length > 0;
    ctx.out(pending ? `${summary}; run with --write to save the new anchors` : `${summary}; every anchor holds`);
    return pending ? 1 : 0;
  },
};
