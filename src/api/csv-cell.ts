// One CSV cell: RFC 4180 quoting, with spreadsheet formulas neutralised, in data cells and header cells alike. Node-free:
// the server's exports and the explorer's table export share it through the contract.

// A spreadsheet runs a cell as a formula when it starts with = + - @ (=HYPERLINK(...), +cmd|..., -2+3, @SUM(...)),
// or with their full-width forms, which Excel and LibreOffice read the same way. They skip leading whitespace
// and control characters first, and control characters (NUL, tab, CR, LF...) at the start are used to smuggle
// formulas past naive checks: a cell starting with one is neutralised whatever follows.
const CONTROL = "\\u0000-\\u001f\\u007f-\\u009f";
const FORMULA_START = new RegExp(`^(?:[${CONTROL}]|[\\s${CONTROL}]*[=+\\-@\\uff1d\\uff0b\\uff0d\\uff20])`);

// RFC 4180: a field holding one of these must be quoted.
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Neutralises a text cell a spreadsheet would run as a formula by putting an apostrophe in front of it
 * (OWASP's advice): `=HYPERLINK("x")` becomes `'=HYPERLINK("x")`, ` =1+1` becomes `' =1+1`. Numeric cells are
 * never passed here, so negative numbers stay numbers.
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

/**
 * A header cell (`name:type`), neutralised like a text cell since column names come from the data's schema;
 * quoted only when RFC 4180 needs it, so the usual header stays as neo4j-admin's documentation writes it.
 */
export function csvHeaderCell(name: string): string {
  const cell = neutraliseFormula(name);
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
