// UN document symbols (A/RES/74/246, S/PV.8682, A/HRC/42/50, A/C.3/74/L.26, E/CN.4/2005/L.10, CRC/C/GC/25): found by
// their shape and kept only when their first parts belong to a real series, so that "N/A" or "A/B" are not symbols.

/**
 * The series: a symbol's first part (the organ or treaty body), and what may follow it as the second part. From the
 * UN's own guide to document symbols (ST/LIB/SER.B/5/Rev.5) and the treaty bodies' usage.
 */
const SERIES: ReadonlyMap<string, RegExp> = new Map([
  // General Assembly: session number, resolutions, the Human Rights Council, Main Committees, subsidiary organs.
  ["A", /^(\d{1,3}|RES|HRC|C\.[1-6]|INF|BUR|DEC|ES-\d{1,2}|S-\d{1,2}|CONF\.\d+|AC\.\d+|CN\.\d+|SPC|PV\.\d+)$/],
  // Security Council: year, resolutions, verbatim records, presidential statements, committees.
  ["S", /^(\d{4}|RES|PV\.\d+|PRST|AC\.\d+|INF|Agenda)$/],
  // Economic and Social Council and its commissions (E/CN.4 was the Commission on Human Rights).
  ["E", /^(\d{4}|RES|DEC|CN\.\d+|C\.\d+|AC\.\d+|HLPF|ESCAP|ECE|ECLAC|ECA|ESCWA|ICEF|S-\d+)$/],
  // Secretariat.
  ["ST", /^(SGB|AI|IC|ADM|LEG|LIB|SG)$/],
  // Treaty bodies.
  ["CCPR", /^(C|CO)$/],
  ["CERD", /^(C)$/],
  ["CEDAW", /^(C)$/],
  ["CAT", /^(C|OP)$/],
  ["CRC", /^(C|GC)$/],
  ["CRPD", /^(C)$/],
  ["CED", /^(C)$/],
  ["CMW", /^(C)$/],
  ["HRI", /^(GEN|CORE|MC)$/],
  // Funds, programmes and the Trade and Development Board.
  ["DP", /^(\d{4}|FPA|OPS)$/],
  ["UNEP", /^(GC|EA|GCSS)$/],
  ["TD", /^(B|\d+)$/],
]);

// A run of parts joined by "/", the first in capitals; what follows a part may not continue a word or a symbol.
const SYMBOL_SHAPE = /(?<![\p{L}\p{N}/.-])([A-Z]{1,6})\/([A-Za-z0-9.-]+(?:\/[A-Za-z0-9.-]+)*)/gu;

export interface SymbolFound {
  symbol: string;
  start: number;
  end: number;
}

/** Every UN document symbol in `text`, with its offsets; a full stop that ends the sentence is not part of it. */
export function findSymbols(text: string): SymbolFound[] {
  const found: SymbolFound[] = [];
  for (const match of text.matchAll(SYMBOL_SHAPE)) {
    let symbol = match[0];
    // A sentence's full stop, or the hyphen of a range, is not the symbol's.
    symbol = symbol.replace(/[.-]+$/, "");
    const [root, second, ...rest] = symbol.split("/");
    const allowed = SERIES.get(root!);
    if (!allowed || !second || !allowed.test(second)) continue;
    if (!/\d/.test(symbol) && rest.length === 0) continue;
    if ([second, ...rest].some((part) => part === "")) continue;
    found.push({ symbol, start: match.index, end: match.index + symbol.length });
  }
  return found;
}

/** The document kind a symbol names: a resolution, a draft (L. documents), a verbatim record, a statement, a report. */
export function documentKindOf(symbol: string): string {
  if (/\/RES\//.test(symbol)) return "resolution";
  if (/\/L\.\d+/.test(symbol)) return "draft-resolution";
  if (/\/PV\.\d+/.test(symbol)) return "verbatim-record";
  if (/\/PRST\//.test(symbol)) return "statement";
  return "report";
}

/** The node id of the document with this symbol: `doc:un:` and the symbol in lower case, "/" as "-". */
export function symbolDocumentId(symbol: string): string {
  return `doc:un:${symbol.toLowerCase().replaceAll("/", "-")}`;
}
