// Notices hand edits to a data folder: fs.watch on each of its folders (the folder, entities/, sources/ and every
// source's folder), quiet for a moment after the last event, then a look at what changed (names, sizes and times of
// the data files) before anything is reloaded, so the server's own writes, editors' temporary files and the edit
// journal never cause a reload. Folders, not files, are watched: an editor or a writer that replaces a file by a
// rename gives it a new inode, which a watch on the file (as Node's recursive watch on Linux sets) no longer sees.
import { watch, type FSWatcher } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

/** The data files of a folder as (path, size, modification time): what a reload would read. */
async function fingerprint(dataDir: string): Promise<string> {
  const lines: string[] = [];
  const visit = async (rel: string, depth: number): Promise<void> => {
    const entries = await readdir(path.join(dataDir, rel), { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith(".")) continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (depth < 2) await visit(child, depth + 1);
        continue;
      }
      const info = await stat(path.join(dataDir, child)).catch(() => null);
      if (info) lines.push(`${child}\0${info.size}\0${info.mtimeMs}\0${info.ino}`);
    }
  };
  await visit("", 0);
  return lines.join("\n");
}

export interface DataWatcher {
  /**
   * Takes the folder as it is now as seen, so that the server's own write causes no reload: called right after the
   * write, before anything else can change the files (a reload's own look has already taken them as seen).
   */
  settle(): Promise<void>;
  close(): void;
}

/**
 * Calls `reload` after the data folder's files change (a change within `debounceMs` of another waits for it).
 * Reloads never overlap: a change during one is looked at when it ends.
 */
export async function watchData(
  dataDir: string,
  debounceMs: number,
  reload: () => Promise<void>,
  onError: (error: unknown) => void,
): Promise<DataWatcher> {
  let seen = await fingerprint(dataDir);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;

  const look = async (): Promise<void> => {
    await watchFolders();
    const now = await fingerprint(dataDir);
    if (now === seen) return;
    seen = now;
    await reload();
  };
  const run = (): void => {
    timer = null;
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = look()
      .catch(onError)
      .finally(() => {
        running = null;
        if (again && !closed) {
          again = false;
          schedule();
        }
      });
  };
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
  };

  const watchers = new Map<string, FSWatcher>();
  const onEvent = (_event: string, name: string | Buffer | null) => {
    if (typeof name === "string" && name.startsWith(".")) return;
    schedule();
  };
  /** Watches the folders a load reads that are not watched yet (a new source folder, say). */
  const watchFolders = async (): Promise<void> => {
    const sources = await readdir(path.join(dataDir, "sources"), { withFileTypes: true }).catch(() => []);
    const folders = [
      dataDir,
      path.join(dataDir, "entities"),
      path.join(dataDir, "sources"),
      ...sources
        .filter((e) => e.isDirectory() && !e.name.startsWith("."))
        .map((e) => path.join(dataDir, "sources", e.name)),
    ];
    for (const folder of folders) {
      if (closed || watchers.has(folder)) continue;
      try {
        const watcher = watch(folder, { persistent: false }, onEvent);
        watcher.on("error", () => {
          watcher.close();
          watchers.delete(folder);
        });
        watchers.set(folder, watcher);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") onError(error);
      }
    }
  };
  await watchFolders();
  return {
    async settle() {
      seen = await fingerprint(dataDir);
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
