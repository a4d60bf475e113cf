// The palette: one fixed colour per node and edge type, readable on white and distinguishable with colour-blindness.
//
// Node colours are Paul Tol's "muted" qualitative scheme (designed to stay distinct under deuteranopia, protanopia
// and tritanopia) plus a neutral grey for topics, which are subjects rather than actors; the types added for
// violations and legal process take colours from his "vibrant" and "medium-contrast" schemes that no other node or
// edge type uses. Edge colours group the types by meaning (support, opposition, speech, legal process, structure,
// provenance) so a glance tells friend from foe.
import { hashString } from "../common";

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

/**
 * Edge types grouped by what the claim does, one colour per group, so a glance tells friend from foe. Every edge
 * type of graph-data/schema.yaml is in exactly one group (tests/layout/colors.test.ts holds them to it).
 */
export const EDGE_COLOR_GROUPS: Readonly<Record<string, { label: string; color: string; types: readonly string[] }>> =
  Object.freeze({
    support: {
      label: "Support and adoption",
      color: "#0077bb",
      types: [
        "sponsored",
        "adopted",
        "adopted-as",
        "proposed",
        "signed",
        "voted-for",
        "welcomed",
        "called-for",
        "granted-access",
      ],
    },
    opposition: {
      label: "Opposition and violations",
      color: "#cc3311",
      types: [
        "declined",
        "opposed",
        "blocked",
        "condemned",
        "criticised",
        "voted-against",
        "rejected",
        "threatened",
        "denied-access",
        "committed",
        "detained",
        "killed",
        "tortured",
        "disappeared",
        "displaced",
        "attacked",
        "subjected-to",
      ],
    },
    speech: {
      label: "Statements and calls",
      color: "#ee7733",
      types: [
        "addressed-to",
        "expressed-concern",
        "warned",
        "briefed",
        "called-on",
        "urged",
        "demanded",
        "spoke-on",
        "negotiated-with",
        "submitted-to",
        "requested-visit",
        "rated",
      ],
    },
    legal: {
      label: "Legal process",
      color: "#33bbee",
      types: ["filed", "brought-against", "ruled", "ordered", "indicted", "investigated"],
    },
    structure: {
      label: "Acts, roles and authorship",
      color: "#009988",
      types: [
        "authored",
        "published",
        "issued",
        "participated-in",
        "held",
        "decided",
        "conducted",
        "visited",
        "member-of",
        "holds-position",
        "part-of",
      ],
    },
    context: {
      label: "Context and topics",
      color: "#999999",
      types: ["precipitated", "influenced", "abstained", "about", "reiterates", "related-to"],
    },
    provenance: { label: "Citations (provenance)", color: "#bbbbbb", types: ["cites"] },
  });

/** Colour of each edge type declared in graph-data/schema.yaml: its group's colour. */
export const EDGE_TYPE_COLORS: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    Object.values(EDGE_COLOR_GROUPS).flatMap(({ color, types }) => types.map((type) => [type, color] as const)),
  ),
);

// A data folder with a schema of its own (--data DIR) may name types the palette lacks: each still gets a stable
// colour, as the same type name always picks the same entry. The bundled schema's types all have declared ones.
const FALLBACK_COLORS = ["#66ccee", "#228833", "#ccbb44", "#ee6677", "#aa3377", "#4477aa", "#bbbbbb"];

function fallbackColor(type: string): string {
  return FALLBACK_COLORS[hashString(type) % FALLBACK_COLORS.length];
}

/** The `#rrggbb` colour of a node type; an unknown type gets a deterministic fallback colour. */
export function nodeTypeColor(type: string): string {
  return Object.hasOwn(NODE_TYPE_COLORS, type) ? NODE_TYPE_COLORS[type] : fallbackColor(type);
}

/** The `#rrggbb` colour of an edge type; an unknown type gets a deterministic fallback colour. */
export function edgeTypeColor(type: string): string {
  return Object.hasOwn(EDGE_TYPE_COLORS, type) ? EDGE_TYPE_COLORS[type] : fallbackColor(type);
}

/** The family (colour group) of an edge type, as the legend groups relation types; "other" for a type the palette lacks. */
export function edgeTypeFamily(type: string): { name: string; label: string } {
  for (const [name, group] of Object.entries(EDGE_COLOR_GROUPS)) {
    if (group.types.includes(type)) return { name, label: group.label };
  }
  return { name: "other", label: "Other relations" };
}
