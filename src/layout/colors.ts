// The palette: one fixed colour per node and edge type, readable on white and distinguishable with colour-blindness.
//
// Node colours are Paul Tol's "muted" qualitative scheme (designed to stay distinct under deuteranopia, protanopia
// and tritanopia) plus a neutral grey for topics, which are subjects rather than actors; the types added for
// violations and legal process take colours from his "vibrant" and "medium-contrast" schemes that no other node or
// edge type uses. Edge colours group the types by meaning (support, opposition, speech, legal process, structure,
// provenance) so a glance tells friend from foe.

/** Colour of each node type declared in graph-data/schema.yaml. */
export const NODE_TYPE_COLORS: Readonly<Record<string, string>> = Object.freeze({
  state: "#332288",
  igo: "#88ccee",
  "un-body": "#44aa99",
  "un-office": "#117733",
  person: "#cc6677",
  organisation: "#aa4499",
  event: "#ddcc77",
  document: "#999933",
  recommendation: "#882255",
  topic: "#777777",
  group: "#ee3377",
  court: "#4477aa",
  case: "#997700",
});

const SUPPORT = "#0077bb";
const OPPOSITION = "#cc3311";
const SPEECH = "#ee7733";
const LEGAL = "#33bbee";
const STRUCTURE = "#009988";
const CONTEXT = "#999999";
const PROVENANCE = "#bbbbbb";

/** Colour of each edge type declared in graph-data/schema.yaml, grouped by what the claim does. */
export const EDGE_TYPE_COLORS: Readonly<Record<string, string>> = Object.freeze({
  sponsored: SUPPORT,
  adopted: SUPPORT,
  "adopted-as": SUPPORT,
  proposed: SUPPORT,
  signed: SUPPORT,
  "voted-for": SUPPORT,
  welcomed: SUPPORT,
  "called-for": SUPPORT,
  "granted-access": SUPPORT,
  declined: OPPOSITION,
  opposed: OPPOSITION,
  blocked: OPPOSITION,
  condemned: OPPOSITION,
  criticised: OPPOSITION,
  "voted-against": OPPOSITION,
  rejected: OPPOSITION,
  threatened: OPPOSITION,
  "denied-access": OPPOSITION,
  committed: OPPOSITION,
  detained: OPPOSITION,
  killed: OPPOSITION,
  tortured: OPPOSITION,
  disappeared: OPPOSITION,
  displaced: OPPOSITION,
  attacked: OPPOSITION,
  "subjected-to": OPPOSITION,
  "addressed-to": SPEECH,
  "expressed-concern": SPEECH,
  warned: SPEECH,
  briefed: SPEECH,
  "called-on": SPEECH,
  urged: SPEECH,
  demanded: SPEECH,
  "spoke-on": SPEECH,
  "negotiated-with": SPEECH,
  "submitted-to": SPEECH,
  "requested-visit": SPEECH,
  rated: SPEECH,
  filed: LEGAL,
  "brought-against": LEGAL,
  ruled: LEGAL,
  ordered: LEGAL,
  indicted: LEGAL,
  investigated: LEGAL,
  authored: STRUCTURE,
  published: STRUCTURE,
  issued: STRUCTURE,
  "participated-in": STRUCTURE,
  held: STRUCTURE,
  decided: STRUCTURE,
  conducted: STRUCTURE,
  visited: STRUCTURE,
  "member-of": STRUCTURE,
  "holds-position": STRUCTURE,
  "part-of": STRUCTURE,
  precipitated: CONTEXT,
  influenced: CONTEXT,
  abstained: CONTEXT,
  about: CONTEXT,
  reiterates: CONTEXT,
  "related-to": CONTEXT,
  cites: PROVENANCE,
});

// Types added to the schema later still get a stable colour: the same type name always picks the same entry.
const FALLBACK_COLORS = ["#66ccee", "#228833", "#ccbb44", "#ee6677", "#aa3377", "#4477aa", "#bbbbbb"];

/** FNV-1a over UTF-16 code units: tiny, stable across runs and platforms. */
function hashType(type: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < type.length; i++) {
    hash ^= type.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function fallbackColor(type: string): string {
  return FALLBACK_COLORS[hashType(type) % FALLBACK_COLORS.length];
}

/** The `#rrggbb` colour of a node type; an unknown type gets a deterministic fallback colour. */
export function nodeTypeColor(type: string): string {
  return Object.hasOwn(NODE_TYPE_COLORS, type) ? NODE_TYPE_COLORS[type] : fallbackColor(type);
}

/** The `#rrggbb` colour of an edge type; an unknown type gets a deterministic fallback colour. */
export function edgeTypeColor(type: string): string {
  return Object.hasOwn(EDGE_TYPE_COLORS, type) ? EDGE_TYPE_COLORS[type] : fallbackColor(type);
}
