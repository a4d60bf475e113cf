// Lays out rows of text as a table for a terminal: columns as wide as their content, or, when the table would not
// fit, narrowed fairly (the widest first) with their text wrapped at spaces.

/** Narrowest a column is made when the table has to fit. */
const MIN_COLUMN = 8;
const SEPARATOR = " | ";

function longestLine(text: string): number {
  let longest = 0;
  for (const line of text.split("\n")) longest = Math.max(longest, [...line].length);
  return longest;
}

/** Widths that fit `available` characters: columns narrower than a fair share keep their width. */
function fitWidths(natural: number[], available: number): number[] {
  const total = natural.reduce((sum, w) => sum + w, 0) + SEPARATOR.length * (natural.length - 1);
  if (total <= available) return natural;
  const widths = [...natural];
  let room = available - SEPARATOR.length * (natural.length - 1);
  const order = natural.map((_, i) => i).sort((a, b) => natural[a]! - natural[b]!);
  order.forEach((column, rank) => {
    const share = Math.max(MIN_COLUMN, Math.floor(room / (order.length - rank)));
    widths[column] = Math.min(natural[column]!, share);
    room -= widths[column]!;
  });
  return widths;
}

/** `text` cut into lines of at most `width` characters, at spaces where it can, through any word that is longer. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line: string[] = [];
    for (const word of paragraph.split(" ")) {
      let chars = [...word];
      const used = line.length;
      if (used > 0 && used + 1 + chars.length <= width) {
        line.push(" ", ...chars);
        continue;
      }
      if (used > 0) lines.push(line.join(""));
      while (chars.length > width) {
        lines.push(chars.slice(0, width).join(""));
        chars = chars.slice(width);
      }
      line = chars;
    }
    lines.push(line.join(""));
  }
  return lines;
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - [...text].length));
}

/**
 * The table as lines: a header, a rule, then each row, its cells wrapped to the column widths. `available` is the
 * width to fit (a terminal's columns); a table that fits is never wrapped.
 */
export function textTable(header: string[], rows: string[][], available: number): string[] {
  const natural = header.map((name, i) => Math.max(longestLine(name), ...rows.map((row) => longestLine(row[i]!))));
  const widths = fitWidths(natural, available);
  const render = (cells: string[]): string[] => {
    const wrapped = cells.map((cell, i) => wrapText(cell, widths[i]!));
    const height = Math.max(...wrapped.map((lines) => lines.length));
    return Array.from({ length: height }, (_, line) =>
      wrapped
        .map((lines, i) => pad(lines[line] ?? "", widths[i]!))
        .join(SEPARATOR)
        .trimEnd()
        // The continuation lines of a row whose last cells are done end without their separators.
        .replace(/(?: \|)+$/, ""),
    );
  };
  return [...render(header), widths.map((w) => "-".repeat(w)).join("-+-"), ...rows.flatMap(render)];
}
