// Reads graph-data/schema.yaml into a Schema, reporting every way the model itself is wrong.
import type { Problem } from "../errors";
import { attributeNameProblem } from "../schema/attribute-names";
import {
  parseSentenceTemplate,
  templateAttributeProblems,
  templateAttributes,
  TemplateProblem,
  type SentenceTemplate,
} from "../schema/sentence-template";
import type { AttributeKind, AttributeSpec, EdgeTypeSpec, NodeTypeSpec, Schema } from "../schema/types";
import { parseYamlFileOnce, type LocatedRecord, type YamlFile } from "./located-record";
import { isMapping, own } from "./plain-data";

const ATTRIBUTE_KINDS: AttributeKind[] = [
  "string",
  "text",
  "integer",
  "number",
  "boolean",
  "string-list",
  "date",
  "url",
];

const TYPE_NAME = /^[a-z][a-z0-9-]*$/;

interface Context {
  file: string;
  yaml: YamlFile;
  problems: Problem[];
}

function problem(ctx: Context, line: number, message: string, hint?: string): void {
  ctx.problems.push({ file: ctx.file, line, code: "bad-value", message, ...(hint ? { hint } : {}) });
}

function text(raw: Record<string, unknown>, key: string): string | undefined {
  const value = own(raw, key);
  return typeof value === "string" ? value : undefined;
}

/** The attributes declared under `path` (e.g. node_types.person.attributes), each problem at its name's line. */
function readAttributes(ctx: Context, path: string[], value: unknown): Map<string, AttributeSpec> {
  const attributes = new Map<string, AttributeSpec>();
  const owner = path.join(".");
  if (value === undefined || value === null) return attributes;
  if (!isMapping(value)) {
    problem(ctx, ctx.yaml.lineAt(path), `schema: ${owner} must be a mapping of attribute names`);
    return attributes;
  }
  for (const [name, raw] of Object.entries(value)) {
    const where = `${owner}.${name}`;
    const line = ctx.yaml.lineAt([...path, name]);
    const nameProblem = attributeNameProblem(name);
    if (nameProblem) {
      problem(ctx, line, `schema: ${where} ${nameProblem.message}`, nameProblem.hint);
      continue;
    }
    if (!isMapping(raw)) {
      problem(ctx, line, `schema: ${where} must be a mapping with at least "kind"`);
      continue;
    }
    const kind = own(raw, "kind") as AttributeKind;
    if (!ATTRIBUTE_KINDS.includes(kind)) {
      problem(
        ctx,
        line,
        `schema: ${where} has unknown kind "${String(kind)}"`,
        `use one of ${ATTRIBUTE_KINDS.join(", ")}`,
      );
      continue;
    }
    const values = own(raw, "values");
    if (values !== undefined && !(Array.isArray(values) && values.every((v) => typeof v === "string"))) {
      problem(ctx, line, `schema: ${where}.values must be a list of strings`);
    }
    attributes.set(name, {
      name,
      kind,
      required: own(raw, "required") === true,
      verbatim: own(raw, "verbatim") === true,
      description: text(raw, "description") ?? "",
      ...(Array.isArray(values) ? { values: values.map(String) } : {}),
    });
  }
  return attributes;
}

function readNodeType(ctx: Context, root: LocatedRecord, name: string, raw: unknown): NodeTypeSpec | null {
  const line = root.lineOf("node_types");
  if (!TYPE_NAME.test(name))
    problem(ctx, line, `schema: node type name "${name}" must be lower-case letters, digits and -`);
  if (!isMapping(raw)) {
    problem(ctx, line, `schema: node type "${name}" must be a mapping`);
    return null;
  }
  const idPrefix = text(raw, "id_prefix");
  if (idPrefix === undefined || !/^[a-z][a-z0-9-]*$/.test(idPrefix)) {
    problem(ctx, line, `schema: node type "${name}" needs an id_prefix of lower-case letters, digits and -`);
  }
  const label = text(raw, "label");
  return {
    name,
    label: label ?? name,
    plural: text(raw, "plural") ?? (label !== undefined ? `${label}s` : name),
    idPrefix: idPrefix ?? name,
    description: text(raw, "description") ?? "",
    attributes: readAttributes(ctx, ["node_types", name, "attributes"], own(raw, "attributes")),
  };
}

function readEndpointTypes(
  ctx: Context,
  line: number,
  where: string,
  value: unknown,
  nodeTypes: Set<string>,
): string[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === "string")) {
    problem(ctx, line, `schema: ${where} must be a non-empty list of node types`);
    return [];
  }
  for (const type of value) {
    if (!nodeTypes.has(type)) {
      ctx.problems.push({
        file: ctx.file,
        line,
        code: "unknown-type",
        message: `schema: ${where} names unknown node type "${type}"`,
        hint: `declared node types: ${[...nodeTypes].join(", ")}`,
      });
    }
  }
  return value as string[];
}

/** What the loader gives every `cites` edge it makes from an endnote; `locator` only where the citation has a page. */
const CITES_ALWAYS = new Set(["endnote"]);
const CITES_SOMETIMES = new Set(["endnote", "locator"]);

/** A `cites` reading may name only what the loader writes, and `locator` only in an optional part. */
function citesReadingProblems(template: SentenceTemplate): TemplateProblem[] {
  const { required, optional } = templateAttributes(template);
  return [
    ...required
      .filter((name) => !CITES_ALWAYS.has(name))
      .map(
        (name) =>
          new TemplateProblem(
            `{${name}} is not written on every cites edge`,
            name === "locator" ? "put it in an optional part: [, {locator}]" : "cites edges carry endnote and locator",
          ),
      ),
    ...optional
      .filter((name) => !CITES_SOMETIMES.has(name))
      .map(
        (name) =>
          new TemplateProblem(`{${name}} is never written on cites edges`, "cites edges carry endnote and locator"),
      ),
  ];
}

/**
 * An edge type's reading (or negated reading), parsed and checked against the attributes the type declares; each
 * problem at the reading's line. Null when it has one (the schema is then refused).
 */
function readReading(
  ctx: Context,
  type: string,
  key: "reading" | "negated_reading",
  reading: string,
  attributes: Map<string, AttributeSpec>,
): SentenceTemplate | null {
  const line = ctx.yaml.lineAt(["edge_types", type, key]);
  const parsed = parseSentenceTemplate(reading);
  const problems = parsed instanceof TemplateProblem ? [parsed] : templateAttributeProblems(parsed, attributes);
  if (!(parsed instanceof TemplateProblem) && type === "cites") problems.push(...citesReadingProblems(parsed));
  for (const p of problems)
    ctx.problems.push({
      file: ctx.file,
      line,
      code: "bad-reading",
      message: `schema: edge_types.${type}.${key}: ${p.message}`,
      ...(p.hint ? { hint: p.hint } : {}),
    });
  return problems.length > 0 || parsed instanceof TemplateProblem ? null : parsed;
}

function readEdgeType(
  ctx: Context,
  root: LocatedRecord,
  name: string,
  raw: unknown,
  nodeTypes: Set<string>,
  shared: Map<string, AttributeSpec>,
): EdgeTypeSpec | null {
  const line = root.lineOf("edge_types");
  if (!TYPE_NAME.test(name))
    problem(ctx, line, `schema: edge type name "${name}" must be lower-case letters, digits and -`);
  if (!isMapping(raw)) {
    problem(ctx, line, `schema: edge type "${name}" must be a mapping`);
    return null;
  }
  const attributes = new Map(shared);
  for (const [key, spec] of readAttributes(ctx, ["edge_types", name, "attributes"], own(raw, "attributes")))
    attributes.set(key, spec);
  const label = text(raw, "label") ?? name;
  const reading = text(raw, "reading") ?? `{source} ${label} {target}`;
  const negatedReading = text(raw, "negated_reading");
  const template = readReading(ctx, name, "reading", reading, attributes);
  const negatedTemplate =
    negatedReading === undefined ? undefined : readReading(ctx, name, "negated_reading", negatedReading, attributes);
  const weak = own(raw, "weak");
  if (weak !== undefined && typeof weak !== "boolean")
    problem(
      ctx,
      ctx.yaml.lineAt(["edge_types", name, "weak"]),
      `schema: edge_types.${name}.weak must be true or false`,
    );
  return {
    name,
    label,
    reading,
    template: template ?? { text: reading, parts: [] },
    ...(negatedReading !== undefined && negatedTemplate ? { negatedReading, negatedTemplate } : {}),
    description: text(raw, "description") ?? "",
    sourceTypes: readEndpointTypes(ctx, line, `edge_types.${name}.source`, own(raw, "source"), nodeTypes),
    targetTypes: readEndpointTypes(ctx, line, `edge_types.${name}.target`, own(raw, "target"), nodeTypes),
    provenance: own(raw, "provenance") === true,
    weak: weak === true,
    attributes,
  };
}

/** Reads and checks a schema file's text. Returns the schema, or null with the problems when the model is wrong. */
export function readSchema(file: string, text: string): { schema: Schema | null; problems: Problem[] } {
  const yaml = parseYamlFileOnce(file, text);
  if (yaml.problems.length > 0) return { schema: null, problems: yaml.problems };
  if (yaml.valueProblems.length > 0) return { schema: null, problems: yaml.valueProblems };
  const ctx: Context = { file, yaml, problems: [] };
  const root = yaml.root();
  const data = root.data;
  for (const key of Object.keys(data)) {
    if (!["version", "node_types", "edge_types", "edge_attributes"].includes(key)) {
      ctx.problems.push({
        file,
        line: root.lineOf(key),
        code: "unknown-field",
        message: `schema: unknown key "${key}"`,
      });
    }
  }
  const version = own(data, "version");
  if (version !== 1) problem(ctx, root.lineOf("version"), `schema: version must be 1, found ${String(version)}`);
  const nodeTypeList = own(data, "node_types");
  const edgeTypeList = own(data, "edge_types");
  if (!isMapping(nodeTypeList) || Object.keys(nodeTypeList).length === 0) {
    problem(ctx, root.lineOf("node_types"), "schema: node_types must be a non-empty mapping");
  }
  if (!isMapping(edgeTypeList) || Object.keys(edgeTypeList).length === 0) {
    problem(ctx, root.lineOf("edge_types"), "schema: edge_types must be a non-empty mapping");
  }
  if (ctx.problems.length > 0 || !isMapping(nodeTypeList) || !isMapping(edgeTypeList))
    return { schema: null, problems: ctx.problems };

  const nodeTypes = new Map<string, NodeTypeSpec>();
  for (const [name, raw] of Object.entries(nodeTypeList)) {
    const spec = readNodeType(ctx, root, name, raw);
    if (spec) nodeTypes.set(name, spec);
  }
  const prefixes = new Map<string, string>();
  for (const spec of nodeTypes.values()) {
    const other = prefixes.get(spec.idPrefix);
    if (other)
      problem(
        ctx,
        root.lineOf("node_types"),
        `schema: node types "${other}" and "${spec.name}" share id_prefix "${spec.idPrefix}"`,
      );
    prefixes.set(spec.idPrefix, spec.name);
  }
  const shared = readAttributes(ctx, ["edge_attributes"], own(data, "edge_attributes"));
  const edgeTypes = new Map<string, EdgeTypeSpec>();
  const nodeTypeNames = new Set(nodeTypes.keys());
  for (const [name, raw] of Object.entries(edgeTypeList)) {
    const spec = readEdgeType(ctx, root, name, raw, nodeTypeNames, shared);
    if (spec) edgeTypes.set(name, spec);
  }
  for (const required of ["sponsored", "declined", "addressed-to", "cites"]) {
    if (!edgeTypes.has(required)) {
      ctx.problems.push({
        file,
        line: root.lineOf("edge_types"),
        code: "missing-field",
        message: `schema: edge type "${required}" is required by the project's contract`,
      });
    }
  }
  if (ctx.problems.length > 0) return { schema: null, problems: ctx.problems };
  return { schema: { version: 1, nodeTypes, edgeTypes }, problems: [] };
}

/** Schemas read without a problem, by their text, the least recently used first. */
const readSchemas = new Map<string, Schema>();
const SCHEMAS_KEPT = 4;

/**
 * `readSchema`, remembering the last few schemas read without a problem by their text: edit mode loads the folder
 * again at every write, and reading a schema builds every type and parses and checks every reading. A schema is
 * shared by the loads of its text, so nothing may change it; a text with problems is read afresh each time, so its
 * problems name the file given.
 */
export function readSchemaOnce(file: string, text: string): { schema: Schema | null; problems: Problem[] } {
  const known = readSchemas.get(text);
  if (known) {
    readSchemas.delete(text);
    readSchemas.set(text, known);
    return { schema: known, problems: [] };
  }
  const read = readSchema(file, text);
  if (read.schema) {
    readSchemas.set(text, read.schema);
    if (readSchemas.size > SCHEMAS_KEPT) readSchemas.delete(readSchemas.keys().next().value!);
  }
  return read;
}
