// The graph's types, declared once: schema model, node/edge/graph attributes and the loaded dataset.
import type { MultiDirectedGraph } from "graphology";
import type { SentenceTemplate } from "./sentence-template";
import type { StatusCounts } from "./review-status";

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
  /** How a claim of this type reads: a sentence template with {source}, {target} and attribute slots. */
  reading: string;
  template: SentenceTemplate;
  /** How a claim of this type reads when it is negated (`negated: true`): "{source} did not hold {target}". */
  negatedReading?: string;
  negatedTemplate?: SentenceTemplate;
  description: string;
  sourceTypes: string[];
  targetTypes: string[];
  /** Provenance links (cites...) connect everything to the sources; path queries skip them by default. */
  provenance: boolean;
  /**
   * A weak relation (`about`, `related-to`) says little about how two actors are connected: the informative path
   * ranking charges it more (PATH_COSTS.weakClaim). Provenance types count as weak too.
   */
  weak: boolean;
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
  /** The full name ("Democratic People's Republic of Korea"): details, hover, search. */
  label: string;
  /** The short display name ("DPRK"), when it differs from the label: canvas labels and sentences. */
  shortLabel?: string;
  /** The article the short name takes in running text ("the DPRK"). */
  article?: string;
  /** True when the short name is grammatically plural ("the special procedures are"). */
  plural?: boolean;
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
  /** Short verb phrase read between the two ends ("declined to co-sponsor"). */
  label: string;
  /** The claim of this edge alone as a sentence, made once at load from its reading. */
  sentence: string;
  /** The edge's own reading (a sentence template), when it overrides its type's. */
  reading?: string;
  /** Id of the claim (the data record) the edge comes from: the edges of one joint record share it. */
  claim: string;
  /** The whole claim as one sentence, on the edges of a claim of several edges ("China and Russia jointly..."). */
  claimSentence?: string;
  /** How many edges the claim has, when more than one. */
  claimSize?: number;
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

/** How many node and edge records of each review status a data folder holds, shown or not. */
export interface ReviewCounts {
  nodes: StatusCounts;
  /** Edges as the graph counts them: a joint claim counts once per pair of ends. */
  edges: StatusCounts;
  /** Whether suggested records were loaded into the graph. */
  suggestionsShown: boolean;
  /** Ids of the node records the graph leaves out (rejected, and suggested unless shown): ids taken all the same. */
  hiddenNodes: ReadonlySet<string>;
}

/** Everything loaded from a data folder: the schema, the graph, and the sources with their texts. */
export interface Dataset {
  dataDir: string;
  schema: Schema;
  graph: RightsGraph;
  sources: Map<string, SourceRecord>;
  /** The review statuses of the records read; absent for a dataset built in memory. */
  review?: ReviewCounts;
  /**
   * Where each claim edge's record stands (its file as problems name it, and the line of the record), when the load
   * was asked for it (`LoadOptions.locateClaims`): the edit API finds the record behind an edge id with it.
   */
  claimRecords?: ReadonlyMap<string, RecordLocation>;
}

/** A record's place in the data: its file as problems name it (`graph-data/sources/x/graph.yaml`) and its line. */
export interface RecordLocation {
  file: string;
  line: number;
}
