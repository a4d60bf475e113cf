// Validates GraphML files against the GraphML XSD with libxml2 itself (xmllint compiled to WebAssembly), offline.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { memoryPages, validateXML } from "xmllint-wasm";

const XSD_DIR = "tests/fixtures/graphml-xsd";

/** What libxml2 said about one file. */
export interface XsdVerdict {
  file: string;
  valid: boolean;
  /** libxml2's messages for the file, each as `LINE: message`. */
  errors: string[];
}

/** The main schema first; the schemas it includes and imports are preloaded beside it, so nothing is fetched. */
function schemaFiles(): {
  schema: { fileName: string; contents: string };
  preload: { fileName: string; contents: string }[];
} {
  const read = (name: string) => ({ fileName: name, contents: readFileSync(path.join(XSD_DIR, name), "utf8") });
  const others = readdirSync(XSD_DIR).filter((name) => name.endsWith(".xsd") && name !== "graphml.xsd");
  return { schema: read("graphml.xsd"), preload: others.map(read) };
}

/**
 * Runs `xmllint --noout --nonet --schema graphml.xsd FILES...` in one WebAssembly instance and returns a verdict
 * per file, in order. A file that is not well-formed XML rejects with libxml2's message.
 */
export async function validateGraphml(files: string[]): Promise<XsdVerdict[]> {
  const { schema, preload } = schemaFiles();
  // Short names inside the WebAssembly file system, mapped back to the real paths in the verdicts.
  const names = files.map((_, i) => `file-${i}.graphml`);
  const result = await validateXML({
    xml: files.map((file, i) => ({ fileName: names[i]!, contents: readFileSync(file) })),
    schema: [schema],
    preload,
    // The 1 MB-value tests hold several megabytes of text; libxml2's default 32 MiB is too small for them.
    maxMemoryPages: memoryPages.GiB,
    modifyArguments: (args) => ["--nonet", ...args],
  });
  const lines = result.rawOutput.split("\n");
  return files.map((file, i) => {
    const name = names[i]!;
    return {
      file,
      valid: lines.includes(`${name} validates`),
      errors: lines.filter((line) => line.startsWith(`${name}:`)).map((line) => line.slice(name.length + 1)),
    };
  });
}
