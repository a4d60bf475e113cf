// A source's version: one hash of the files in its folder, sent as the ETag of its records and expected back in
// If-Match, so a write made against files that changed since they were read (by another editor or by hand) is refused.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/**
 * The ETag of the folder `sources/<id>/` (quoted, as HTTP writes it): a SHA-256 over each file's name and bytes, in
 * name order; names starting with `.` (temporary files, editors' files) are left out, as the loader leaves them.
 */
export async function sourceVersion(sourceDir: string): Promise<string> {
  const hash = createHash("sha256");
  const entries = await readdir(sourceDir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isFile() && !e.name.startsWith("."))
    .map((e) => e.name)
    .sort();
  for (const name of names) {
    const bytes = await readFile(path.join(sourceDir, name));
    hash.update(`${name}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return `"${hash.digest("base64url").slice(0, 27)}"`;
}
