// Reads the files of one data folder and nothing outside it: listings, UTF-8 text and YAML, within the load's limits,
// each problem named by the file as shown.
import { constants, type Stats } from "node:fs";
import { lstat, open, readdir, realpath, type FileHandle } from "node:fs/promises";
import path from "node:path";
import type { Problem } from "../errors";
import { escapeControlCharacters, firstControlCharacter } from "./control-characters";
import type { LoadLimits } from "./load-limits";
import { parseYamlFileOnce, type YamlFile } from "./located-record";

// Opening never waits: a FIFO opened without O_NONBLOCK blocks until a writer comes, for ever if none does.
// O_NOFOLLOW guards the final component, already resolved by realpath, against a link swapped in meanwhile.
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW;

function describeKind(info: Stats): string {
  if (info.isDirectory()) return "a folder";
  if (info.isFIFO()) return "a named pipe (FIFO)";
  if (info.isCharacterDevice()) return "a character device";
  if (info.isBlockDevice()) return "a block device";
  if (info.isSocket()) return "a socket";
  return "not a regular file";
}

const MIB = 1024 * 1024;

/** A size for a message: bytes below a MiB, else MiB rounded up, so a size over a limit never reads as equal to it. */
function formatSize(bytes: number): string {
  if (bytes < MIB) return `${bytes.toLocaleString("en")} bytes`;
  return `${(Math.ceil((bytes / MIB) * 10) / 10).toFixed(1)} MiB`;
}

/** True when `inner` is `outer` itself or lies beneath it (both resolved paths). */
function isInside(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === "" || (relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/**
 * A data folder being read. Paths inside it are relative, with `/` (`sources/alpha/source.yaml`); problems name a
 * file as the folder's own name followed by that path (`graph-data/sources/alpha/source.yaml`).
 *
 * Every file is read through its real path, which must lie inside the folder's real path: a link inside the folder
 * may point at another file of the folder, never outside it (the folder itself may be a link). Only regular files
 * are read, each within the size limits, so a data folder cannot make a load read a device, wait on a FIFO, or
 * read without end.
 */
export class DataFolder {
  /** The folder's name, the first part of every file named in a problem. */
  readonly name: string;
  private bytesRead = 0;
  private folderFull = false;

  private constructor(
    readonly root: string,
    private readonly realRoot: string,
    readonly limits: LoadLimits,
    readonly problems: Problem[],
    private readonly overrides: ReadonlyMap<string, string>,
  ) {
    this.name = escapeControlCharacters(path.basename(root));
  }

  /**
   * The folder at `dir`, resolved through any links to it. `overrides` are texts read in place of files (by path
   * inside the folder), so that a change can be checked before it is written.
   */
  static async open(
    dir: string,
    limits: LoadLimits,
    overrides: ReadonlyMap<string, string> = new Map(),
  ): Promise<DataFolder> {
    const root = path.resolve(dir);
    // A folder that does not exist is reported when its schema cannot be read.
    const realRoot = await realpath(root).catch(() => root);
    return new DataFolder(root, realRoot, limits, [], overrides);
  }

  /** How problems name the file at `rel` (any control character in it escaped). */
  shown(rel: string): string {
    return `${this.name}/${escapeControlCharacters(rel)}`;
  }

  /** Whether anything, a broken link included, has the name `rel`. */
  async exists(rel: string): Promise<boolean> {
    if (this.overrides.has(rel)) return true;
    return lstat(path.join(this.root, rel)).then(
      () => true,
      () => false,
    );
  }

  /**
   * The entries of the folder at `rel` that may be source folders (`folders`: folders and links) or data files
   * (`data-files`: names ending in .yaml, .yml or .jsonl, whatever they are: reading them says what is wrong),
   * sorted. Hidden names (starting with ".") are skipped: editors and version control keep their files there. A
   * name holding a control character is refused, not read: every problem about the file would repeat it.
   */
  async list(rel: string, want: "folders" | "data-files"): Promise<string[]> {
    const entries = await readdir(path.join(this.root, rel), { withFileTypes: true }).catch(() => []);
    const found = entries
      .filter((e) => !e.name.startsWith("."))
      .filter((e) => (want === "folders" ? e.isDirectory() || e.isSymbolicLink() : /\.(ya?ml|jsonl)$/.test(e.name)))
      .map((e) => e.name);
    // A folder or file that so far exists only as an override is listed too.
    for (const key of this.overrides.keys()) {
      if (!key.startsWith(`${rel}/`)) continue;
      const [first, ...rest] = key.slice(rel.length + 1).split("/");
      if (want === "folders" ? rest.length > 0 : rest.length === 0 && /\.(ya?ml|jsonl)$/.test(first!))
        found.push(first!);
    }
    const names = [...new Set(found)].sort();
    return names.filter((name) => {
      const found = firstControlCharacter(name);
      if (found) {
        const shown = this.shown(`${rel}/${name}`);
        this.refuse(
          `${rel}/${name}`,
          "unsafe-path",
          `${shown} has control character ${found} in its name`,
          "rename it",
        );
      }
      return !found;
    });
  }

  /** The file at `rel` as UTF-8, or null (and a problem) when it cannot be read or holds bytes that are not UTF-8. */
  async readText(rel: string): Promise<string | null> {
    const override = this.overrides.get(rel);
    if (override !== undefined) return override;
    const yaml = /\.ya?ml$/.test(rel);
    const bytes = await this.readBytes(
      rel,
      yaml ? this.limits.yamlFileBytes : this.limits.fileBytes,
      yaml ? "YAML file" : "file",
    );
    if (bytes === null) return null;
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      const shown = this.shown(rel);
      const text = bytes.toString("utf8");
      const line = text.slice(0, Math.max(0, text.indexOf("\ufffd"))).split("\n").length;
      this.problems.push({
        file: shown,
        line,
        code: "bad-value",
        message: `${shown} is not valid UTF-8`,
        hint: "save it as UTF-8",
      });
      return null;
    }
  }

  /** The YAML file at `rel`, or null when it cannot be read or parsed (the problems say why). */
  async readYaml(rel: string): Promise<YamlFile | null> {
    const text = await this.readText(rel);
    if (text === null) return null;
    const yaml = parseYamlFileOnce(this.shown(rel), text);
    this.problems.push(...yaml.problems, ...yaml.valueProblems);
    return yaml.problems.length > 0 ? null : yaml;
  }

  private refuse(rel: string, code: Problem["code"], message: string, hint: string): null {
    this.problems.push({ file: this.shown(rel), line: 1, code, message, hint });
    return null;
  }

  /**
   * The bytes of the regular file at `rel`, read through its real path inside the folder, refused when larger than
   * `limit` (the limit for its `kind` of file) or than what is left of the folder's limit.
   */
  private async readBytes(rel: string, limit: number, kind: string): Promise<Buffer | null> {
    const shown = this.shown(rel);
    const cannotRead = (): null => {
      this.problems.push({ file: shown, line: 1, code: "missing-file", message: `cannot read ${shown}` });
      return null;
    };
    const real = await realpath(path.join(this.root, rel)).catch(() => null);
    if (real === null) return cannotRead();
    if (!isInside(this.realRoot, real))
      return this.refuse(
        rel,
        "unsafe-path",
        `${shown} leads outside the data folder (to ${JSON.stringify(real)})`,
        "copy the file into the data folder: links may only point at files inside it",
      );
    let handle: FileHandle;
    try {
      handle = await open(real, OPEN_FLAGS);
    } catch {
      return cannotRead();
    }
    try {
      const info = await handle.stat();
      if (!info.isFile())
        return this.refuse(rel, "bad-file", `${shown} is ${describeKind(info)}`, "data files must be regular files");
      if (info.size > limit)
        return this.refuse(
          rel,
          "bad-file",
          `${shown} is ${formatSize(info.size)}, over the limit of ${formatSize(limit)} for one ${kind}`,
          "split it into smaller files (graph.jsonl for bulk data)",
        );
      if (this.folderFull) return null;
      if (this.bytesRead + info.size > this.limits.folderBytes) {
        this.folderFull = true;
        return this.refuse(
          rel,
          "bad-file",
          `${shown} would take the data read past the limit of ${formatSize(this.limits.folderBytes)} for a folder`,
          "split the data into several folders",
        );
      }
      this.bytesRead += info.size;
      // Never more than fstat said: a file that grows while it is read cannot make the load read without end.
      const buffer = Buffer.allocUnsafe(info.size);
      let filled = 0;
      while (filled < info.size) {
        const { bytesRead } = await handle.read(buffer, filled, info.size - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return buffer.subarray(0, filled);
    } catch {
      return cannotRead();
    } finally {
      await handle.close();
    }
  }
}
