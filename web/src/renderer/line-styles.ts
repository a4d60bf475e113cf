// How each family of relations is drawn: most as solid lines in their family's colour; citations dashed and context
// (what a text is about, what led to what) dotted, so the two grey families differ by shape as well as shade. The
// legend draws its swatches from the same table.

export type LineStyle = "solid" | "dashed" | "dotted";

const FAMILY_LINE_STYLES: Readonly<Record<string, LineStyle>> = {
  provenance: "dashed",
  context: "dotted",
};

/** The line style of a relation family ("provenance" -> "dashed"); solid for every other family. */
export function lineStyleOf(family: string): LineStyle {
  return FAMILY_LINE_STYLES[family] ?? "solid";
}
