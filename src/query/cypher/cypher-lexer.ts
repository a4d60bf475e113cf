// Splits Cypher text into tokens with their line and column: names, `quoted names`, strings, numbers, $parameters
// and punctuation. Comments and white space are dropped.
import { CypherSyntaxError, CypherUnsupportedError, type TextPosition } from "./cypher-errors";

export type TokenKind = "name" | "quoted-name" | "string" | "integer" | "float" | "parameter" | "symbol" | "end";

export interface Token {
  kind: TokenKind;
  /** The text as written (for symbols, the symbol itself). */
  text: string;
  /** The decoded value: a name without backquotes, a string without quotes and escapes, a number. */
  value: string | number;
  position: TextPosition;
  /** Offset just past the token. */
  end: number;
}

// Longest first, so that "<=" wins over "<".
const SYMBOLS = [
  "..",
  "<=",
  ">=",
  "<>",
  "!=",
  "=~",
  "+=",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  ",",
  ".",
  ":",
  "|",
  "*",
  "=",
  "<",
  ">",
  "-",
  "+",
  "/",
  "%",
  "^",
  ";",
];

const ESCAPES: Record<string, string> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  n: "\n",
  t: "\t",
  r: "\r",
  b: "\b",
  f: "\f",
};

const NAME_START = /[\p{L}_]/u;
const NAME_PART = /[\p{L}\p{N}_]/u;
const DASHES = /[\u00AD\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;

/** Tokenises `text`; a stray character, an unterminated string or comment is a CypherSyntaxError at its place. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const position = (offset: number): TextPosition => ({ offset, line, column: offset - lineStart + 1 });
  const newlinesIn = (from: number, to: number): void => {
    for (let k = from; k < to; k++) {
      if (text[k] === "\n") {
        line++;
        lineStart = k + 1;
      }
    }
  };

  while (i < text.length) {
    const c = text[i]!;
    if (c === "\n") {
      line++;
      lineStart = ++i;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (text.startsWith("//", i)) {
      while (i < text.length && text[i] !== "\n") i++;
      continue;
    }
    if (text.startsWith("/*", i)) {
      const close = text.indexOf("*/", i + 2);
      if (close < 0) throw new CypherSyntaxError("unterminated comment", position(i), ["*/"]);
      newlinesIn(i, close);
      i = close + 2;
      continue;
    }
    const start = position(i);
    if (c === "'" || c === '"') {
      const { value, end } = readString(text, i, start);
      newlinesIn(i, end);
      tokens.push({ kind: "string", text: text.slice(i, end), value, position: start, end });
      i = end;
      continue;
    }
    if (c === "`") {
      const { value, end } = readQuotedName(text, i, start);
      newlinesIn(i, end);
      tokens.push({ kind: "quoted-name", text: text.slice(i, end), value, position: start, end });
      i = end;
      continue;
    }
    if (c === "$") {
      let end = i + 1;
      let name: string;
      if (text[end] === "`") {
        const quoted = readQuotedName(text, end, position(end));
        name = quoted.value;
        end = quoted.end;
      } else {
        while (end < text.length && NAME_PART.test(text[end]!)) end++;
        name = text.slice(i + 1, end);
      }
      if (name === "") throw new CypherSyntaxError("a parameter needs a name after $", start, ["a parameter name"]);
      tokens.push({ kind: "parameter", text: text.slice(i, end), value: name, position: start, end });
      i = end;
      continue;
    }
    if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(text[i + 1] ?? ""))) {
      const token = readNumber(text, i, start);
      tokens.push(token);
      i = token.end;
      continue;
    }
    if (NAME_START.test(c)) {
      let end = i + 1;
      while (end < text.length && NAME_PART.test(text[end]!)) end++;
      const name = text.slice(i, end);
      tokens.push({ kind: "name", text: name, value: name, position: start, end });
      i = end;
      continue;
    }
    const symbol = SYMBOLS.find((s) => text.startsWith(s, i));
    if (symbol !== undefined) {
      tokens.push({ kind: "symbol", text: symbol, value: symbol, position: start, end: i + symbol.length });
      i += symbol.length;
      continue;
    }
    const hint = DASHES.test(c)
      ? " (a typographic dash: write relationships with the ASCII hyphen-minus, -[r]->)"
      : c === "‘" || c === "’" || c === "“" || c === "”"
        ? " (a typographic quote: write strings between ' or \")"
        : "";
    throw new CypherSyntaxError(`unexpected character ${JSON.stringify(c)}${hint}`, start);
  }
  tokens.push({ kind: "end", text: "", value: "", position: position(i), end: i });
  return tokens;
}

function readString(text: string, from: number, start: TextPosition): { value: string; end: number } {
  const quote = text[from]!;
  let value = "";
  let i = from + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === quote) return { value, end: i + 1 };
    if (c === "\\") {
      const next = text[i + 1];
      if (next === undefined) break;
      if (next === "u") {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex))
          throw new CypherSyntaxError("\\u in a string needs four hex digits", { ...start }, ["\\uXXXX"]);
        value += String.fromCharCode(parseInt(hex, 16));
        i += 6;
        continue;
      }
      const escaped = ESCAPES[next];
      if (escaped === undefined)
        throw new CypherSyntaxError(
          `unknown escape \\${next} in a string`,
          start,
          Object.keys(ESCAPES).map((k) => `\\${k}`),
        );
      value += escaped;
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  throw new CypherSyntaxError("unterminated string", start, [quote]);
}

function readQuotedName(text: string, from: number, start: TextPosition): { value: string; end: number } {
  let value = "";
  let i = from + 1;
  while (i < text.length) {
    if (text[i] === "`") {
      if (text[i + 1] === "`") {
        value += "`";
        i += 2;
        continue;
      }
      if (value === "") throw new CypherSyntaxError("a quoted name cannot be empty", start, ["a name"]);
      return { value, end: i + 1 };
    }
    value += text[i];
    i++;
  }
  throw new CypherSyntaxError("unterminated quoted name", start, ["`"]);
}

function readNumber(text: string, from: number, start: TextPosition): Token {
  const hex = /^0x[0-9a-fA-F]+/.exec(text.slice(from, from + 40));
  const match = hex ?? /^(?:[0-9]+(?:\.(?![.])[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(text.slice(from));
  const written = match![0];
  const end = from + written.length;
  if (NAME_PART.test(text[end] ?? ""))
    throw new CypherSyntaxError(`malformed number "${text.slice(from, end + 1)}"`, start);
  const isFloat = !hex && /[.eE]/.test(written);
  const value = hex ? parseInt(written.slice(2), 16) : Number(written);
  if (!isFloat && !Number.isSafeInteger(value))
    throw new CypherUnsupportedError(`the integer ${written}`, start, "Integers are held exactly up to ±(2^53 - 1)");
  return { kind: isFloat ? "float" : "integer", text: written, value, position: start, end };
}
