// Mutations of valid data files, each a way hand-written data goes wrong: truncation, wrong types, broken YAML,
// duplicate keys, invalid UTF-8, enormous values, quotes that no longer match the source text, alias bombs.
import fc from "fast-check";

/** A named change to one file's bytes. */
export interface Mutation {
  kind: string;
  apply(bytes: Buffer): Buffer;
}

const WRONG_VALUES = [
  "[1, 2]",
  "{a: 1}",
  "123",
  "-1.5e300",
  "true",
  "null",
  "~",
  ".nan",
  '""',
  "!!binary aGVsbG8=",
  '!!js/function "function () {}"',
  "!custom x",
  "&anchor x",
  "*nowhere",
  "2019-13-45",
  "0x1F",
  "yes",
  "'unterminated",
  '"unterminated',
  "|",
  ">-",
  "[",
  "{",
  "- a",
  ": :",
  "@reserved",
  "`backtick",
  "%YAML 1.1",
  "? complex",
  "<<: *x",
  '"\\uD800"',
  '"\\x00"',
  '"state:prk"',
];

const BYTES = [
  [0xff],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0x80],
  [0xe2, 0x82],
  [0x00],
  [0xef, 0xbb, 0xbf],
  [0x0d],
  [0x09],
  [0x0c],
  [0xe2, 0x80, 0xa8],
  [0x22],
  [0x27],
  [0x23],
  [0x3a],
  [0x2d, 0x20],
  [0x0a, 0x20, 0x20],
].map((b) => Buffer.from(b));

function lines(bytes: Buffer): string[] {
  return bytes.toString("latin1").split("\n");
}
function join(parts: string[]): Buffer {
  return Buffer.from(parts.join("\n"), "latin1");
}
/** Indices of lines that hold `key: value` (latin1 view, so bytes survive untouched). */
function valueLines(parts: string[]): number[] {
  return parts.flatMap((line, i) => (/^\s*-?\s*[\w.-]+:\s*\S/.test(line) ? [i] : []));
}
function pick<T>(list: T[], r: number): T | undefined {
  return list.length ? list[Math.floor(r * list.length) % list.length] : undefined;
}

function replaceValue(line: string, value: string): string {
  return line.replace(/^(\s*-?\s*[\w.-]+:\s*).*$/, (_m, head: string) => head + value);
}

const huge = (unit: string, count: number): string => unit.repeat(count);

/** Every mutation kind, given random numbers in [0, 1) to choose where and what. */
export const mutation: fc.Arbitrary<Mutation> = fc
  .tuple(
    fc.constantFrom(
      "truncate",
      "drop-line",
      "duplicate-line",
      "swap-lines",
      "wrong-type",
      "wrong-type",
      "insert-bytes",
      "insert-bytes",
      "break-quote",
      "break-quote",
      "enormous-value",
      "deep-nesting",
      "alias-bomb",
      "indent-shift",
      "duplicate-key",
      "crlf-and-bom",
      "empty-file",
      "tab-indent",
    ),
    fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    fc.nat({ max: 1000 }),
  )
  .map(([kind, r1, r2, n]): Mutation => {
    const apply = (bytes: Buffer): Buffer => {
      const parts = lines(bytes);
      const at = Math.floor(r1 * parts.length);
      switch (kind) {
        case "truncate":
          return bytes.subarray(0, Math.floor(r1 * bytes.length));
        case "drop-line":
          return join(parts.filter((_, i) => i !== at));
        case "duplicate-line":
          return join(parts.flatMap((line, i) => (i === at ? [line, line] : [line])));
        case "swap-lines": {
          const other = Math.floor(r2 * parts.length);
          const copy = [...parts];
          [copy[at], copy[other]] = [copy[other]!, copy[at]!];
          return join(copy);
        }
        case "wrong-type": {
          const i = pick(valueLines(parts), r1);
          if (i === undefined) return bytes;
          const copy = [...parts];
          copy[i] = replaceValue(copy[i]!, WRONG_VALUES[n % WRONG_VALUES.length]!);
          return join(copy);
        }
        case "insert-bytes": {
          const offset = Math.floor(r1 * (bytes.length + 1));
          return Buffer.concat([bytes.subarray(0, offset), BYTES[n % BYTES.length]!, bytes.subarray(offset)]);
        }
        case "break-quote": {
          // Change one character inside a quoted value (a verbatim quote no longer matches), or cut its closing quote.
          const quoted = parts.flatMap((line, i) => (/:\s*["'].+["']\s*$/.test(line) ? [i] : []));
          const i = pick(quoted, r1);
          if (i === undefined) return bytes;
          const copy = [...parts];
          const line = copy[i]!;
          if (n % 3 === 0) copy[i] = line.replace(/["']\s*$/, "");
          else {
            const open = line.search(/["']/) + 1;
            const pos = open + Math.floor(r2 * Math.max(1, line.length - open - 1));
            copy[i] = line.slice(0, pos) + (n % 3 === 1 ? "X" : "\\") + line.slice(pos + 1);
          }
          return join(copy);
        }
        case "enormous-value": {
          const i = pick(valueLines(parts), r1);
          if (i === undefined) return bytes;
          const copy = [...parts];
          const values = [
            `"${huge("x", 1_000_000)}"`,
            `[${huge("a, ", 100_000)}a]`,
            huge("9", 5000),
            `"${huge("\\u00e9", 100_000)}"`,
          ];
          copy[i] = replaceValue(copy[i]!, values[n % values.length]!);
          return join(copy);
        }
        case "deep-nesting": {
          const i = pick(valueLines(parts), r1);
          if (i === undefined) return bytes;
          const copy = [...parts];
          const depth = [100, 5000, 50_000][n % 3]!;
          copy[i] = replaceValue(
            copy[i]!,
            n % 2 ? "[".repeat(depth) + "]".repeat(depth) : "{a: ".repeat(depth) + "}".repeat(depth),
          );
          return join(copy);
        }
        case "alias-bomb": {
          const bomb = [
            "lol0: &a0 [x, x, x, x, x, x, x, x, x, x]",
            ...Array.from({ length: 8 }, (_, k) => `lol${k + 1}: &a${k + 1} [${Array(10).fill(`*a${k}`).join(", ")}]`),
          ];
          return Buffer.concat([bytes, Buffer.from(`\n${bomb.join("\n")}\n`)]);
        }
        case "indent-shift": {
          const copy = [...parts];
          copy[at] = n % 2 ? ` ${copy[at]}` : copy[at]!.replace(/^ /, "");
          return join(copy);
        }
        case "duplicate-key": {
          const i = pick(valueLines(parts), r1);
          if (i === undefined) return bytes;
          const copy = [...parts];
          copy.splice(i + 1, 0, copy[i]!.replace(/^(\s*)- /, "$1  "));
          return join(copy);
        }
        case "crlf-and-bom":
          return Buffer.concat([
            Buffer.from([0xef, 0xbb, 0xbf]),
            Buffer.from(bytes.toString("latin1").replace(/\n/g, "\r\n"), "latin1"),
          ]);
        case "empty-file":
          return Buffer.alloc(0);
        case "tab-indent": {
          const copy = [...parts];
          copy[at] = copy[at]!.replace(/^ +/, "\t");
          return join(copy);
        }
        default:
          throw new Error(`unknown mutation ${kind}`);
      }
    };
    return { kind, apply };
  });
