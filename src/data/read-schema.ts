// Reads graph-data/schema.yaml into a Schema, reporting every way the model itself is wrong.
import type { Problem } from "../errors";
import { RESERVED_ATTRIBUTE_NAMES } from "../schema/core-keys";
import type { AttributeKind, AttributeSpec, EdgeTypeSpec, NodeTypeSpec, Schema } from "../schema/types";
import { parseYamlFile, type LocatedRecord } from "./located-record";

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
  problems: Problem[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function problem(ctx: Context, line: number, message: string, hint?: string): void {
  ctx.problems.push({ file: ctx.file, line, code: "bad-value", message, ...(hint ? { hint } : {}) });
}

function readAttributes(ctx: Context, owner: string, value: unknown, line: number): Map<string, AttributeSpec> {
  const attributes = new Map<string, AttributeSpec>();
  if (value === undefined || value === null) return attributes;
  if (!isPlainObject(value)) {
    problem(ctx, line, `schema: ${owner}.attributes must be a mapping of attribute names`);
    return attributes;
  }
  for (const [name, raw] of Object.entries(value)) {
    const where = `${owner}.attributes.${name}`;
    if (RESERVED_ATTRIBUTE_NAMES.has(name)) {
      problem(ctx, line, `schema: ${where} uses a reserved name`, "rename it; the graph uses this name itself");
      continue;
    }
    if (!isPlainObject(raw)) {
      problem(ctx, line, `schema: ${where} must be a mapping with at least "kind"`);
      continue;
    }
    const kind = raw.kind as AttributeKind;
    if (!ATTRIBUTE_KINDS.includes(kind)) {
      problem(
        ctx,
        line,
        `schema: ${where} has unknown kind "${String(raw.kind)}"`,
        `use one of ${ATTRIBUTE_KINDS.join(", ")}`,
      );
      continue;
    }
    const values = raw.values;
    if (values !== undefined && !(Array.isArray(values) && values.every((v) => typeof v === "string"))) {
      problem(ctx, line, `schema: ${where}.values must be a list of strings`);
    }
    attributes.set(name, {
      name,
      kind,
      required: raw.required === true,
      verbatim: raw.verbatim === true,
      description: typeof raw.description === "string" ? raw.description : "",
      ...(Array.isArray(values) ? { values: values.map(String) } : {}),
    });
  }
  return attributes;
}

function readNodeType(ctx: Context, root: LocatedRecord, name: string, raw: unknown): NodeTypeSpec | null {
  const line = root.lineOf("node_types");
  if (!TYPE_NAME.test(name))
    problem(ctx, line, `schema: node type name "${name}" must be lower-case letters, digits and -`);
  if (!isPlainObject(raw)) {
    problem(ctx, line, `schema: node type "${name}" must be a mapping`);
    return null;
  }
  const idPrefix = raw.id_prefix;
  if (typeof idPrefix !== "string" || !/^[a-z][a-z0-9-]*$/.test(idPrefix)) {
    problem(ctx, line, `schema: node type "${name}" needs an id_prefix of lower-case letters, digits and -`);
  }
  return {
    name,
    label: typeof raw.label === "string" ? raw.label : name,
    plural: typeof raw.plural === "string" ? raw.plural : typeof raw.label === "string" ? `${raw.label}s` : name,
    idPrefix: typeof idPrefix === "string" ? idPrefix : name,
    description: typeof raw.description === "string" ? raw.description : "",
    attributes: readAttributes(ctx, `node_types.${name}`, raw.attributes, line),
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
  if (!isPlainObject(raw)) {
    problem(ctx, line, `schema: edge type "${name}" must be a mapping`);
    return null;
  }
  const attributes = new Map(shared);
  for (const [key, spec] of readAttributes(ctx, `edge_types.${name}`, raw.attributes, line)) attributes.set(key, spec);
  const label = typeof raw.label === "string" ? raw.label : name;
  return {
    name,
    label,
    reading: typeof raw.reading === "string" ? raw.reading : `{source} ${label} {target}`,
    description: typeof raw.description === "string" ? raw.description : "",
    sourceTypes: readEndpointTypes(ctx, line, `edge_types.${name}.source`, raw.source, nodeTypes),
    targetTypes: readEndpointTypes(ctx, line, `edge_types.${name}.target`, raw.target, nodeTypes),
    provenance: raw.provenance === true,
    attributes,
  };
}

/** Reads and checks a schema file's text. Returns the schema, or null with the problems when the model is wrong. */
export function readSchema(file: string, text: string): { schema: Schema | null; problems: Problem[] } {
  const yaml = parseYamlFile(file, text);
  if (yaml.problems.length > 0) return { schema: null, problems: yaml.problems };
  if (yaml.valueProblems.length > 0) return { schema: null, problems: yaml.valueProblems };
  const ctx: Context = { file, problems: [] };
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
  if (data.version !== 1)
    problem(ctx, root.lineOf("version"), `schema: version must be 1, found ${String(data.version)}`);
  if (!isPlainObject(data.node_types) || Object.keys(data.node_types).length === 0) {
    problem(ctx, root.lineOf("node_types"), "schema: node_types must be a non-empty mapping");
  }
  if (!isPlainObject(data.edge_types) || Object.keys(data.edge_types).length === 0) {
    problem(ctx, root.lineOf("edge_types"), "schema: edge_types must be a non-empty mapping");
  }
  if (ctx.problems.length > 0) return { schema: null, problems: ctx.problems };

  const nodeTypes = new Map<string, NodeTypeSpec>();
  for (const [name, raw] of Object.entries(data.node_types as Record<string, unknown>)) {
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
  const shared = readAttributes(ctx, "edge_attributes", data.edge_attributes, root.lineOf("edge_attributes"));
  const edgeTypes = new Map<string, EdgeTypeSpec>();
  const nodeTypeNames = new Set(nodeTypes.keys());
  for (const [name, raw] of Object.entries(data.edge_types as Record<string, unknown>)) {
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
