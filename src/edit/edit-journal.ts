// What edit mode keeps on disk beside the data, in `<data>/.rightsgraph-edit/` (the loader reads only schema.yaml,
// entities/ and sources/, so nothing here is ever taken for data): `edits.jsonl`, one JSON line per write (who, what,
// when), and `undo/`, the file texts before and after each of the last writes, so that undo survives a restart.
import { mkdir, open, readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "./atomic-write";

/** The folder edit mode keeps its log and undo entries in, inside the data folder. */
export const EDIT_FOLDER = ".rightsgraph-edit";

/** Who made a write: the token's fingerprint (never the token) and the client's address. */
export interface EditAuthor {
  token: string;
  remote: string;
}

/** What a write did, as the log and the undo entry say it. */
export interface EditAction {
  action: string;
  sourceId: string;
  /** The claim or node id written, when there is one. */
  id?: string;
}

/** A file's text before and after a write (null: the file did not exist). */
export interface FileTexts {
  /** The file, relative to the data folder (`sources/x/graph.yaml`). */
  file: string;
  before: string | null;
  after: string | null;
}

/** One write that can be undone: its first file's texts, and those of the others it changed at once (`check`). */
export interface UndoEntry extends EditAction, FileTexts {
  seq: number;
  at: string;
  who: EditAuthor;
  also?: FileTexts[];
}

/** Every file of a write, first one first. */
export function filesOf(entry: UndoEntry): FileTexts[] {
  return [{ file: entry.file, before: entry.before, after: entry.after }, ...(entry.also ?? [])];
}

const ENTRY_NAME = /^(\d{10})\.json$/;

export class EditJournal {
  private constructor(
    private readonly folder: string,
    private readonly depth: number,
  ) {}

  /** The journal of the data folder `dataDir`, its folder made at the first write; keeps `depth` writes for undo. */
  static open(dataDir: string, depth: number): EditJournal {
    return new EditJournal(path.join(dataDir, EDIT_FOLDER), depth);
  }

  /** The log's path, for the README and the start-up message. */
  get logFile(): string {
    return path.join(this.folder, "edits.jsonl");
  }

  private async entries(): Promise<number[]> {
    const names = await readdir(path.join(this.folder, "undo")).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    });
    return names
      .flatMap((n) => ENTRY_NAME.exec(n)?.[1] ?? [])
      .map(Number)
      .sort((a, b) => a - b);
  }

  private entryFile(seq: number): string {
    return path.join(this.folder, "undo", `${String(seq).padStart(10, "0")}.json`);
  }

  /** Keeps a write for undo (before the file is written), dropping the oldest past the depth. */
  async push(entry: Omit<UndoEntry, "seq">): Promise<UndoEntry> {
    await mkdir(path.join(this.folder, "undo"), { recursive: true });
    const seqs = await this.entries();
    const full: UndoEntry = { seq: (seqs.at(-1) ?? 0) + 1, ...entry };
    await writeFileAtomic(this.entryFile(full.seq), JSON.stringify(full));
    for (const old of seqs.slice(0, Math.max(0, seqs.length + 1 - this.depth))) await rm(this.entryFile(old));
    return full;
  }

  /** The last write kept, or null. */
  async last(): Promise<UndoEntry | null> {
    const seq = (await this.entries()).at(-1);
    if (seq === undefined) return null;
    return JSON.parse(await readFile(this.entryFile(seq), "utf8")) as UndoEntry;
  }

  /** Forgets a write (once undone, or when its file could not be written). */
  async drop(seq: number): Promise<void> {
    await rm(this.entryFile(seq), { force: true });
  }

  /** Appends one line to the log and flushes it. */
  async log(line: EditAction & { at: string; who: EditAuthor; file: string; etag: string }): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    const handle = await open(this.logFile, "a", 0o644);
    try {
      await handle.writeFile(`${JSON.stringify(line)}\n`, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}
