// The record writer of edit mode: reads a source's graph.yaml records, and changes them one record at a time. Each
// change is built as the file's new text, checked by loading the whole data folder with that text in place of the
// file (the loader's own checks, so a refusal says the loader's words), kept for undo, then written atomically.
// Writes and reloads run one at a time. The `review` command and the web's annotation can call the same methods.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type {
  ClaimRecord,
  EditClaimResponse,
  EditDeleteResponse,
  EditNodeResponse,
  EditSourceResponse,
  EditUndoResponse,
  NodeRecord,
} from "../api/contract";
import { loadDataset, type LoadOptions } from "../data";
import { DataError, InvalidEditError, NotFoundError, RightsGraphError, type Problem } from "../errors";
import type { Dataset } from "../schema/types";
import { removeFileDurably, writeFileAtomic } from "./atomic-write";
import { EditJournal, filesOf, type EditAuthor, type EditAction, type FileTexts } from "./edit-journal";
import {
  appendRecord,
  deleteRecord,
  patchRecord,
  recordSpans,
  RecordTextError,
  type RecordSection,
  type RecordSpan,
} from "./record-text";
import { sourceVersion } from "./source-version";

export interface EditStoreOptions {
  /** How the data folder is loaded (edit mode shows suggestions); `overrides` and `locateClaims` are the store's. */
  load?: Omit<LoadOptions, "overrides" | "locateClaims">;
  /** Writes kept for undo. */
  undoDepth: number;
  /** Told of every new good dataset: after a write, an undo or a reload. */
  onDataset: (dataset: Dataset) => void;
  /** Told of the problems of a reload that failed (an empty list once the files pass again). */
  onProblems: (problems: Problem[]) => void;
  /** Called right after each file the store writes, before any other write or reload (a watcher takes it as seen). */
  afterWrite?: () => Promise<void>;
}

/** The YAML files of a source that the writer changes. */
export type SourceFileName = "graph.yaml" | "source.yaml";

/**
 * A change to one file of a source, text to text, made on the file as it is when the write runs (null: the file does
 * not exist). It answers the text unchanged when it has nothing to do, and throws to refuse the whole write.
 */
export interface FileEdit {
  sourceId: string;
  name: SourceFileName;
  change: (text: string | null) => string | null;
}

/** The outcome of a write: the answer for the client. */
type Written<T> = T & { etag: string };

const HEADER = "# Records written by RightsGraph's edit mode.\n";

/** A record is single-ended when it names one source and one target: only such a record can carry an `id`. */
function singleEnded(record: Record<string, unknown>): boolean {
  return typeof record.source === "string" && typeof record.target === "string";
}

function isRecordObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A JSON merge patch (RFC 7396) applied to a plain value. */
function mergePatch(target: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else if (isRecordObject(value) && isRecordObject(out[key]))
      out[key] = mergePatch(out[key] as Record<string, unknown>, value);
    else out[key] = value;
  }
  return out;
}

function conflict(message: string): RightsGraphError {
  return new RightsGraphError("edit-conflict", message);
}

function notEditable(message: string): RightsGraphError {
  return new RightsGraphError("not-editable", message);
}

/** A change the file's text does not allow, refused naming the file and the line of the reason. */
function refusal(file: string, error: RecordTextError): RightsGraphError {
  return notEditable(`edit: ${file}${error.line === undefined ? "" : `:${error.line}`}: ${error.message}`);
}

export class EditStore {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly dataDir: string,
    private current: Dataset | null,
    private readonly journal: EditJournal,
    private readonly options: EditStoreOptions,
  ) {}

  /** The store of the data folder `dataDir`, whose current good dataset is `dataset` (loaded with `locateClaims`). */
  static open(dataDir: string, dataset: Dataset, options: EditStoreOptions): EditStore {
    return new EditStore(dataDir, dataset, EditJournal.open(dataDir, options.undoDepth), options);
  }

  /**
   * The store of a data folder that may not load as it is (its files' changes are what will make it load again:
   * `check` re-anchoring quotes after a text changed). Only `changeFiles` and `undo` work until a write succeeds.
   */
  static openFolder(dataDir: string, options: EditStoreOptions): EditStore {
    return new EditStore(dataDir, null, EditJournal.open(dataDir, options.undoDepth), options);
  }

  /** The file every write is logged to. */
  get logFile(): string {
    return this.journal.logFile;
  }

  /** The dataset the store last loaded or wrote. */
  get dataset(): Dataset {
    if (!this.current) throw new RightsGraphError("not-loaded", "edit: the data folder has not loaded yet");
    return this.current;
  }

  /** Runs `work` after every write or reload before it has finished: read-modify-write never interleaves. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => {});
    return run;
  }

  /** Loads the data folder again (after a hand edit): a good dataset is passed on, else its problems. */
  reload(): Promise<void> {
    return this.exclusive(async () => {
      try {
        this.accept(await this.load());
      } catch (error) {
        if (!(error instanceof DataError)) throw error;
        this.options.onProblems(error.problems);
      }
    });
  }

  private load(overrides?: ReadonlyMap<string, string>): Promise<Dataset> {
    return loadDataset(this.dataDir, {
      ...this.options.load,
      locateClaims: true,
      ...(overrides ? { overrides } : {}),
    });
  }

  private accept(dataset: Dataset): void {
    this.current = dataset;
    this.options.onDataset(dataset);
    this.options.onProblems([]);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Reading

  private sourceDir(sourceId: string): string {
    const known = this.current ? this.current.sources.has(sourceId) : /^[^./\\][^/\\]*$/.test(sourceId);
    if (!known)
      throw new NotFoundError(
        `edit: source "${sourceId.slice(0, 200)}" not found`,
        this.current ? [...this.current.sources.keys()] : [],
      );
    return path.join(this.dataDir, "sources", sourceId);
  }

  private static rel(sourceId: string): string {
    return `sources/${sourceId}/graph.yaml`;
  }

  /** The graph.yaml text (null when the source has none) and the source's version, read together. */
  private async read(sourceId: string): Promise<{ text: string | null; etag: string; file: string }> {
    const dir = this.sourceDir(sourceId);
    const file = path.join(dir, "graph.yaml");
    const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return null;
      throw error;
    });
    return { text, etag: await sourceVersion(dir), file };
  }

  private spans(sourceId: string, text: string | null, section: RecordSection): RecordSpan[] {
    if (text === null) return [];
    try {
      return recordSpans(text, section);
    } catch (error) {
      if (error instanceof RecordTextError) throw refusal(EditStore.rel(sourceId), error);
      throw error;
    }
  }

  /** The edge ids a claim record at `line` of the source's graph.yaml makes in the current graph. */
  private idsAt(sourceId: string, span: RecordSpan): string[] {
    const { graph, claimRecords } = this.dataset;
    const suffix = `/${EditStore.rel(sourceId)}`;
    const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : typeof v === "string" ? [v] : []);
    const ids: string[] = [];
    for (const s of list(span.value.source))
      for (const t of list(span.value.target)) {
        if (!graph.hasNode(s) || !graph.hasNode(t)) continue;
        for (const id of graph.directedEdges(s, t)) {
          const at = claimRecords?.get(id);
          if (at && at.line === span.line && at.file.endsWith(suffix)) ids.push(id);
        }
      }
    return ids;
  }

  /** The claim record behind edge `claimId` in the source's graph.yaml text. */
  private findClaim(sourceId: string, text: string | null, claimId: string): RecordSpan {
    const spans = this.spans(sourceId, text, "edges");
    const at = this.dataset.claimRecords?.get(claimId);
    if (at) {
      if (!at.file.endsWith(`/${EditStore.rel(sourceId)}`)) {
        if (at.file.endsWith(`/sources/${sourceId}/graph.jsonl`))
          throw notEditable(`edit: claim "${claimId}" is in ${at.file}; edit mode writes graph.yaml only`);
        throw new NotFoundError(
          `edit: claim "${claimId}" is not a claim of source "${sourceId}" (it is in ${at.file})`,
        );
      }
      const span = spans.find((s) => s.line === at.line);
      const edge = this.dataset.graph.hasEdge(claimId) ? this.dataset.graph.extremities(claimId) : null;
      const names = (v: unknown) => (Array.isArray(v) ? v : [v]);
      if (!span || !edge || !names(span.value.source).includes(edge[0]) || !names(span.value.target).includes(edge[1]))
        throw conflict(`edit: graph.yaml of "${sourceId}" changed since the graph was loaded; try again`);
      return span;
    }
    // A hidden record (rejected) is found by the id it carries.
    const span = spans.find((s) => s.value.id === claimId);
    if (!span) throw new NotFoundError(`edit: claim "${claimId.slice(0, 200)}" not found in source "${sourceId}"`);
    return span;
  }

  private findNode(sourceId: string, text: string | null, nodeId: string): RecordSpan {
    const span = this.spans(sourceId, text, "nodes").find((s) => s.value.id === nodeId);
    if (span) return span;
    const elsewhere = this.dataset.graph.hasNode(nodeId);
    throw new NotFoundError(
      `edit: node "${nodeId.slice(0, 200)}" is not declared in the graph.yaml of source "${sourceId}"` +
        (elsewhere ? " (it is declared in another file: entities/ or another source)" : ""),
    );
  }

  /** Every record of the source's graph.yaml, with its version. */
  source(sourceId: string): Promise<EditSourceResponse> {
    return this.exclusive(async () => {
      const { text, etag } = await this.read(sourceId);
      return {
        sourceId,
        etag,
        file: EditStore.rel(sourceId),
        nodes: this.spans(sourceId, text, "nodes").map((s) => ({
          id: String(s.value.id),
          line: s.line,
          record: s.value as NodeRecord,
        })),
        claims: this.spans(sourceId, text, "edges").map((s) => ({
          ids: this.idsAt(sourceId, s),
          line: s.line,
          record: s.value as ClaimRecord,
        })),
      };
    });
  }

  /** One claim's record, exactly as stored. */
  claim(sourceId: string, claimId: string): Promise<EditClaimResponse> {
    return this.exclusive(async () => {
      const { text, etag } = await this.read(sourceId);
      const span = this.findClaim(sourceId, text, claimId);
      return { sourceId, id: claimId, ids: this.idsAt(sourceId, span), record: span.value as ClaimRecord, etag };
    });
  }

  /** One node's record, exactly as stored. */
  node(sourceId: string, nodeId: string): Promise<EditNodeResponse> {
    return this.exclusive(async () => {
      const { text, etag } = await this.read(sourceId);
      return { sourceId, id: nodeId, record: this.findNode(sourceId, text, nodeId).value as NodeRecord, etag };
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // Writing

  /**
   * The first of `base`, `base--2`, `base--3`... that no edge of the graph has: reserved for a new record, it
   * takes no id from a record that has none (those are numbered first-come, and this one is past them all).
   */
  private freshClaimId(base: string): string {
    const { graph } = this.dataset;
    let id = base;
    for (let n = 2; graph.hasEdge(id); n++) id = `${base}--${n}`;
    return id;
  }

  private checkIdFree(id: unknown): void {
    if (typeof id !== "string") return;
    const at = this.dataset.claimRecords?.get(id);
    if (this.dataset.graph.hasEdge(id))
      throw new InvalidEditError(
        [
          {
            file: at?.file ?? "graph",
            line: at?.line ?? 1,
            code: "duplicate-id",
            message: `edge id "${id}" is already used by a claim here`,
          },
        ],
        "the change was refused: the id is taken",
      );
  }

  /** Checks the source's new text with the loader, keeps the write for undo, writes it, logs it. */
  private async commit(
    sourceId: string,
    before: { text: string | null; etag: string; file: string },
    after: string,
    ifMatch: string | undefined,
    who: EditAuthor,
    what: EditAction,
  ): Promise<{ dataset: Dataset; etag: string }> {
    if (ifMatch === undefined)
      throw new RightsGraphError(
        "precondition-required",
        `edit: send If-Match with the source's current ETag (GET /api/edit/sources/${sourceId})`,
      );
    if (ifMatch !== before.etag)
      throw conflict(
        `edit: source "${sourceId}" has changed since version ${ifMatch.slice(0, 60)} was read (it is ${before.etag} now); fetch it again and reapply the change`,
      );
    const rel = EditStore.rel(sourceId);
    const dataset = await this.check(new Map([[rel, after]]));
    const at = new Date().toISOString();
    const entry = await this.journal.push({ ...what, at, who, file: rel, before: before.text, after });
    try {
      await writeFileAtomic(before.file, after);
    } catch (error) {
      await this.journal.drop(entry.seq);
      throw error;
    }
    await this.options.afterWrite?.();
    const etag = await sourceVersion(path.dirname(before.file));
    await this.journal.log({ ...what, at, who, file: rel, etag });
    this.accept(dataset);
    return { dataset, etag };
  }

  private async check(overrides: ReadonlyMap<string, string>): Promise<Dataset> {
    try {
      return await this.load(overrides);
    } catch (error) {
      if (error instanceof DataError) throw new InvalidEditError(error.problems);
      throw error;
    }
  }

  private edit(sourceId: string, text: string | null, change: (text: string) => string): string {
    try {
      return change(text ?? HEADER);
    } catch (error) {
      if (error instanceof RecordTextError) throw refusal(EditStore.rel(sourceId), error);
      throw error;
    }
  }

  /** Adds a claim record at the end of the source's graph.yaml; a single-ended one is given its id (see README). */
  createClaim(
    sourceId: string,
    record: Record<string, unknown>,
    ifMatch: string | undefined,
    who: EditAuthor,
  ): Promise<Written<EditClaimResponse>> {
    return this.exclusive(async () => {
      const before = await this.read(sourceId);
      this.checkIdFree(record.id);
      const stored =
        record.id === undefined && singleEnded(record) && typeof record.type === "string"
          ? { id: this.freshClaimId(`${String(record.source)}--${record.type}--${String(record.target)}`), ...record }
          : record;
      const after = this.edit(sourceId, before.text, (text) => appendRecord(text, "edges", stored));
      const span = recordSpans(after, "edges").at(-1)!;
      const { etag } = await this.commit(sourceId, before, after, ifMatch, who, {
        action: "create-claim",
        sourceId,
        ...(typeof stored.id === "string" ? { id: stored.id } : {}),
      });
      const ids = this.idsAt(sourceId, span);
      return { sourceId, id: ids[0] ?? String(stored.id), ids, record: span.value as ClaimRecord, etag };
    });
  }

  /**
   * Changes a claim record by a JSON merge patch. A single-ended record keeps its edge id (written into it when it
   * had none), so a change of ends or type does not move the claim to another id.
   */
  patchClaim(
    sourceId: string,
    claimId: string,
    patch: Record<string, unknown>,
    ifMatch: string | undefined,
    who: EditAuthor,
  ): Promise<Written<EditClaimResponse>> {
    return this.exclusive(async () => {
      const before = await this.read(sourceId);
      const span = this.findClaim(sourceId, before.text, claimId);
      if (patch.id !== undefined && patch.id !== null && patch.id !== claimId) this.checkIdFree(patch.id);
      const merged = mergePatch(span.value, patch);
      const pin = merged.id === undefined && patch.id !== null && singleEnded(merged) ? { id: claimId } : {};
      const after = this.edit(sourceId, before.text, (text) =>
        patchRecord(text, "edges", span.index, { ...patch, ...pin }),
      );
      const written = recordSpans(after, "edges")[span.index]!;
      const { etag } = await this.commit(sourceId, before, after, ifMatch, who, {
        action: "change-claim",
        sourceId,
        id: claimId,
      });
      const ids = this.idsAt(sourceId, written);
      return { sourceId, id: ids[0] ?? claimId, ids, record: written.value as ClaimRecord, etag };
    });
  }

  /**
   * Deletes a claim record. Records of the same file that share its default id (`source--type--target`, numbered)
   * and carry no id of their own get their current one written in first, so that no other claim changes its id.
   */
  deleteClaim(
    sourceId: string,
    claimId: string,
    ifMatch: string | undefined,
    who: EditAuthor,
  ): Promise<Written<EditDeleteResponse>> {
    return this.exclusive(async () => {
      const before = await this.read(sourceId);
      const span = this.findClaim(sourceId, before.text, claimId);
      const removed = this.idsAt(sourceId, span);
      const bases = new Set(removed.map((id) => id.replace(/--\d+$/, "")));
      let after = before.text!;
      if (span.value.id === undefined) {
        for (const other of recordSpans(after, "edges")) {
          if (other.index === span.index || other.value.id !== undefined || !singleEnded(other.value)) continue;
          const base = `${String(other.value.source)}--${String(other.value.type)}--${String(other.value.target)}`;
          const current = this.idsAt(sourceId, other)[0];
          if (bases.has(base) && current !== undefined)
            after = this.edit(sourceId, after, (text) => patchRecord(text, "edges", other.index, { id: current }));
        }
      }
      after = this.edit(sourceId, after, (text) => deleteRecord(text, "edges", span.index));
      const { etag } = await this.commit(sourceId, before, after, ifMatch, who, {
        action: "delete-claim",
        sourceId,
        id: claimId,
      });
      return { sourceId, id: claimId, record: span.value as ClaimRecord, removed, etag };
    });
  }

  /** Adds a node record to the source's graph.yaml. */
  createNode(
    sourceId: string,
    record: Record<string, unknown>,
    ifMatch: string | undefined,
    who: EditAuthor,
  ): Promise<Written<EditNodeResponse>> {
    return this.exclusive(async () => {
      const before = await this.read(sourceId);
      const after = this.edit(sourceId, before.text, (text) => appendRecord(text, "nodes", record));
      const span = recordSpans(after, "nodes").at(-1)!;
      const id = String(record.id);
      const { etag } = await this.commit(sourceId, before, after, ifMatch, who, {
        action: "create-node",
        sourceId,
        id,
      });
      return { sourceId, id, record: span.value as NodeRecord, etag };
    });
  }

  /** Changes a node record by a JSON merge patch. */
  patchNode(
    sourceId: string,
    nodeId: string,
    patch: Record<string, unknown>,
    ifMatch: string | undefined,
    who: EditAuthor,
  ): Promise<Written<EditNodeResponse>> {
    return this.exclusive(async () => {
      const before = await this.read(sourceId);
      const span = this.findNode(sourceId, before.text, nodeId);
      const after = this.edit(sourceId, before.text, (text) => patchRecord(text, "nodes", span.index, patch));
      const written = recordSpans(after, "nodes")[span.index]!;
      const { etag } = await this.commit(sourceId, before, after, ifMatch, who, {
        action: "change-node",
        sourceId,
        id: nodeId,
      });
      return { sourceId, id: String(written.value.id), record: written.value as NodeRecord, etag };
    });
  }

  /** Deletes a node record; the loader refuses it while a claim or an endnote still names the node. */
  deleteNode(
    sourceId: string,
    nodeId: string,
    ifMatch: string | undefined,
    who: EditAuthor,
  ): Promise<Written<EditDeleteResponse>> {
    return this.exclusive(async () => {
      const before = await this.read(sourceId);
      const span = this.findNode(sourceId, before.text, nodeId);
      const after = this.edit(sourceId, before.text, (text) => deleteRecord(text, "nodes", span.index));
      const { etag } = await this.commit(sourceId, before, after, ifMatch, who, {
        action: "delete-node",
        sourceId,
        id: nodeId,
      });
      return { sourceId, id: nodeId, record: span.value as NodeRecord, removed: [], etag };
    });
  }

  /**
   * Changes files of one or more sources as one write (the `review` and `check` commands: a status change that
   * carries a claim's ends with it, or quotes re-anchored in every source): each file changed as it is now, every
   * new text checked together by one load, one undo entry for them all, a log line per file. Nothing is written
   * when no text changes; the answer lists the files written.
   */
  changeFiles(edits: FileEdit[], who: EditAuthor, what: EditAction): Promise<string[]> {
    return this.exclusive(async () => {
      const changed: (FileTexts & { full: string; sourceId: string })[] = [];
      for (const { sourceId, name, change } of edits) {
        const full = path.join(this.sourceDir(sourceId), name);
        const before = await readFile(full, "utf8").catch((error: NodeJS.ErrnoException) => {
          if (error.code === "ENOENT") return null;
          throw error;
        });
        let after: string | null;
        try {
          after = change(before);
        } catch (error) {
          if (error instanceof RecordTextError) throw refusal(`sources/${sourceId}/${name}`, error);
          throw error;
        }
        if (after !== null && after !== before)
          changed.push({ file: `sources/${sourceId}/${name}`, full, sourceId, before, after });
      }
      if (changed.length === 0) return [];
      const dataset = await this.check(new Map(changed.map((c) => [c.file, c.after!])));
      const at = new Date().toISOString();
      const [first, ...also] = changed.map(({ file, before, after }) => ({ file, before, after }));
      const entry = await this.journal.push({ ...what, at, who, ...first!, ...(also.length ? { also } : {}) });
      try {
        for (const c of changed) await writeFileAtomic(c.full, c.after!);
      } catch (error) {
        await this.journal.drop(entry.seq);
        throw error;
      }
      await this.options.afterWrite?.();
      for (const c of changed)
        await this.journal.log({
          ...what,
          sourceId: c.sourceId,
          at,
          who,
          file: c.file,
          etag: await sourceVersion(path.dirname(c.full)),
        });
      this.accept(dataset);
      return changed.map((c) => c.file);
    });
  }

  /**
   * Undoes the last write kept (writes before it stay kept, so undo can be repeated). Refused with a conflict when
   * its file has changed since (by hand, or the write never reached the disk), and by the loader's checks like any
   * write.
   */
  undo(who: EditAuthor): Promise<EditUndoResponse> {
    return this.exclusive(async () => {
      const entry = await this.journal.last();
      if (!entry) throw new RightsGraphError("nothing-to-undo", "edit: there is no write to undo");
      const files = filesOf(entry);
      for (const { file, after } of files) {
        const now = await readFile(path.join(this.dataDir, file), "utf8").catch(() => null);
        if (now !== after)
          throw conflict(
            `edit: ${file} has changed since the last write (${entry.action}${entry.id ? ` "${entry.id}"` : ""}); undo refused`,
          );
      }
      // A file the write created is checked as empty (as the loader reads a missing one), then removed.
      const dataset = await this.check(new Map(files.map((f) => [f.file, f.before ?? ""])));
      for (const { file, before } of files) {
        const full = path.join(this.dataDir, file);
        if (before === null) await removeFileDurably(full);
        else await writeFileAtomic(full, before);
      }
      await this.options.afterWrite?.();
      await this.journal.drop(entry.seq);
      const at = new Date().toISOString();
      let etag = "";
      for (const { file } of files) {
        const version = await sourceVersion(path.dirname(path.join(this.dataDir, file)));
        etag ||= version;
        await this.journal.log({
          action: "undo",
          sourceId: file.split("/")[1] ?? entry.sourceId,
          ...(entry.id ? { id: entry.id } : {}),
          at,
          who,
          file,
          etag: version,
        });
      }
      this.accept(dataset);
      return {
        sourceId: entry.sourceId,
        undone: { action: entry.action, ...(entry.id ? { id: entry.id } : {}) },
        etag,
      };
    });
  }
}
