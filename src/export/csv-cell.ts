// One CSV cell: RFC 4180 quoting, with spreadsheet formulas neutralised.

// A spreadsheet runs a cell starting with one of these as a formula (CSV injection): =HYPERLINK(...), +cmd|...,
// -2+3, @SUM(...); tab and CR are used to smuggle them past naive checks.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises a text cell a spreadsheet would run as a formula by putting an apostrophe in front of it
 * (OWASP's advice): `=HYPERLINK("x")` becomes `'=HYPERLINK("x")`. Numeric cells are never passed here, so
 * negative numbers stay numbers.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * A text cell, always quoted (RFC 4180: inner quotes doubled; commas, CR and LF kept inside the quotes), after
 * neutralising formulas. Quoting every text cell keeps an empty string ("") apart from an absent value (nothing),
 * which neo4j-admin imports as no property.
 */
export function csvTextCell(text: string): string {
  return `"${neutraliseFormula(text).replace(/"/g, '""')}"`;
}
