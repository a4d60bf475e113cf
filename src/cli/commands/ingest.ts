// `rightsgraph ingest FILE --id SOURCE_ID`: a report (.txt, .md, .html, .pdf) becomes a source folder of suggestions.
import { ingestReport } from "../../ingest/ingest-report";
import { DATA_OPTION, UsageError, type Command } from "../cli-context";

export const ingestCommand: Command = {
  name: "ingest",
  usage:
    "rightsgraph ingest FILE --id SOURCE_ID [--data DIR] [--title T] [--date D] [--publisher P] [--url U] [--force] [--json]",
  options: {
    ...DATA_OPTION,
    id: { type: "string" },
    title: { type: "string" },
    date: { type: "string" },
    publisher: { type: "string" },
    url: { type: "string" },
    force: { type: "boolean" },
    json: { type: "boolean" },
  },
  positionals: [1, 1],
  async run(ctx) {
    const { values } = ctx;
    const id = values.id;
    if (typeof id !== "string" || id === "") throw new UsageError("ingest needs --id SOURCE_ID");
    const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
    const date = text("date");
    if (date !== undefined && !/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(date))
      throw new UsageError(`--date must be an ISO 8601 date such as 2020, 2020-01 or 2020-01-31, got "${date}"`);
    const meta = {
      id,
      ...(text("title") ? { title: text("title") } : {}),
      ...(date ? { date } : {}),
      ...(text("publisher") ? { publisher: text("publisher") } : {}),
      ...(text("url") ? { url: text("url") } : {}),
    };
    const report = await ingestReport(ctx.positionals[0]!, {
      dataDir: ctx.dataDir(),
      meta,
      force: values.force === true,
      onStep: (step) => ctx.err(`ingest: ${step}…`),
    });
    if (values.json) {
      ctx.out(JSON.stringify(report, null, 2));
      return 0;
    }
    const linked = report.mentions.filter((m) => m.node !== null).length;
    ctx.out(
      `ingested ${report.source.path} (${report.source.chars} characters, sha256 ${report.source.sha256.slice(0, 12)}…)`,
    );
    ctx.out(
      `  endnotes: ${report.endnotes.length}, markers: ${report.markers.length}, UN symbols: ${report.symbols.length}`,
    );
    ctx.out(`  mentions: ${report.mentions.length} (${linked} of known nodes)`);
    ctx.out(`  suggested claims: ${report.suggestions.length}`);
    for (const problem of report.problems) ctx.out(`  problem: ${problem.message}`);
    ctx.out(`next: rightsgraph review ${id}${typeof values.data === "string" ? ` --data ${values.data}` : ""}`);
    return 0;
  },
};
