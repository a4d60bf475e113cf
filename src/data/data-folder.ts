// Reads the files of one data folder: listings, UTF-8 text and YAML, each problem named by the file as shown.
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Problem } from "../errors";
import { parseYamlFile, type YamlFile } from "./located-record";

/**
 * A data folder being read. Paths inside it are relative, with `/` (`sources/alpha/source.yaml`); problems name a
 * file as the folder's own name followed by that path (`graph-data/sources/alpha/source.yaml`).
 */
export class DataFolder {
  /** The folder's name, the first part of every file named in a problem. */
  readonly name: string;

  constructor(
    readonly root: string,
    readonly problems: Problem[],
  ) {
    this.name = path.basename(root);
  }

  /** How problems name the file at `rel`. */
  shown(rel: string): string {
    return `${this.name}/${rel}`;
  }

  async exists(rel: string): Promise<boolean> {
    return stat(path.join(this.root, rel)).then(
      () => true,
      () => false,
    );
  }

  /** The sub-folders (`folders`) or the YAML and JSON Lines files (`data-files`) of the folder at `rel`, sorted. */
  async list(rel: string, want: "folders" | "data-files"): Promise<string[]> {
    if (!(await this.exists(rel))) return [];
    const entries = await readdir(path.join(this.root, rel), { withFileTypes: true });
    return entries
      .filter((e) => (want === "folders" ? e.isDirectory() : e.isFile() && /\.(ya?ml|jsonl)$/.test(e.name)))
      .map((e) => e.name)
      .sort();
  }

  /** The file at `rel` as UTF-8, or null (and a problem) when it cannot be read or holds bytes that are not UTF-8. */
  async readText(rel: string): Promise<string | null> {
    const shown = this.shown(rel);
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(this.root, rel));
    } catch {
      this.problems.push({ file: shown, line: 1, code: "missing-file", message: `cannot read ${shown}` });
      return null;
    }
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
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
    const yaml = parseYamlFile(this.shown(rel), text);
    this.problems.push(...yaml.problems);
    return yaml.problems.length > 0 ? null : yaml;
  }
}
