// The graph's types, declared once: schema model, node/edge/graph attributes and the loaded dataset.
import type { MultiDirectedGraph } from "graphology";

/** A value of a type-specific attribute declared in schema.yaml. */
export type PropValue = string | number | boolean | string[];

/** The kinds of value an attribute may declare in schema.yaml. */
export type AttributeKind = "string" | "text" | "integer" | "number" | "boolean" | "string-list" | "date" | "url";

export interface AttributeSpec {
  name: string;
  kind: AttributeKind;
  required: boolean;
  /** The value must be an exact substring of the declaring source's text (e.g. a recommendation's wording). */
  verbatim: boolean;
  description: string;
  /** Allowed values, when the attribute is an enumeration. */
  values?: string[];
}

export interface NodeTypeSpec {
  name: string;
  label: string;
  plural: string;
  /** Every id of this type starts with `${idPrefix}:`. */
  idPrefix: string;
  description: string;
  attributes: Map<string, AttributeSpec>;
}

export interface EdgeTypeSpec {
  name: string;
  /** The verb shown between source and target when an edge has no label of its own ("declined"). */
  label: string;
  /** How the edge reads, with {source} and {target} placeholders. */
  reading: string;
  description: string;
  sourceTypes: string[];
  targetTypes: string[];
  /** Provenance links (cites...) connect everything to the sources; path queries skip them by default. */
  provenance: boolean;
  attributes: Map<string, AttributeSpec>;
}

export interface Schema {
  version: number;
  nodeTypes: Map<string, NodeTypeSpec>;
  edgeTypes: Map<string, EdgeTypeSpec>;
}

/** Where a claim comes from: a verbatim quote of a source text and the endnotes behind it. */
export interface Evidence {
  /** Exact substring of the source text: markup, quotation marks and misspellings kept. */
  quote: string;
  /** Normalised lower-case roman endnote markers ("iii"), in the order given. */
  footnotes: string[];
  /** Id of the document node of the source the claim comes from. */
  sourceDoc: string;
  /** Offsets of the quote in the source text, in UTF-16 code units (JavaScript string indices), end exclusive. */
  start: number;
  end: number;
}

export interface NodeAttributes {
  type: string;
  label: string;
  aliases: string[];
  description: string;
  /** ISO 8601 prefix ("2019", "2019-12", "2019-12-18") or interval of two ("2019-07/2019-12"). */
  date?: string;
  /** Type-specific attributes declared in the schema (symbol, url, text...). */
  props: Record<string, PropValue>;
  /** Facts added from outside the sources (a corrected spelling, a date from a cited document), each explained. */
  outsideKnowledge?: string[];
  /** Ids of the sources that declare or use this node, sorted. */
  sources: string[];
}

export interface EdgeAttributes {
  type: string;
  /** Verb phrase read between the two labels ("declined to co-sponsor"). */
  label: string;
  date?: string;
  evidence: Evidence;
  props: Record<string, PropValue>;
  outsideKnowledge?: string[];
}

export interface GraphAttributes {
  name: string;
}

export type RightsGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** One citation inside an endnote. */
export interface Citation {
  /** Id of the cited document node. */
  document: string;
  /** Page or paragraph locator as printed ("p.5"), when there is one. */
  locator?: string;
  /** The citation as printed in the endnote: an exact substring of the source text. */
  quote: string;
}

export interface Endnote {
  /** Normalised lower-case roman marker ("iv"). */
  marker: string;
  citations: Citation[];
}

export interface SourceRecord {
  id: string;
  /** Id of the node that stands for this source document. */
  document: string;
  title: string;
  /** Path of the text file relative to the data folder. */
  textPath: string;
  text: string;
  endnotes: Map<string, Endnote>;
  /** The rest of source.yaml's metadata (publisher, date, notes), as written. */
  meta: Record<string, unknown>;
}

/** Everything loaded from a data folder: the schema, the graph, and the sources with their texts. */
export interface Dataset {
  dataDir: string;
  schema: Schema;
  graph: RightsGraph;
  sources: Map<string, SourceRecord>;
}
