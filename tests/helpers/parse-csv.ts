// A small RFC 4180 parser for reading exports back in tests: quoted fields, doubled quotes, CRLF or LF records.

/** One field as read: its text, and whether it was quoted (so "" and an empty unquoted field can be told apart). */
export interface CsvField {
  text: string;
  quoted: boolean;
}

/** Parses CSV text into records of fields; throws on a quote in an unquoted field or an unterminated quote. */
export function parseCsvFields(text: string): CsvField[][] {
  const records: CsvField[][] = [];
  let record: CsvField[] = [];
  let i = 0;
  if (text.length === 0) return records;
  for (;;) {
    let field: CsvField;
    if (text[i] === '"') {
      let value = "";
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) throw new Error(`parseCsv: unterminated quoted field at offset ${i}`);
        value += text.slice(i, close);
        i = close + 1;
        if (text[i] !== '"') break;
        value += '"';
        i++;
      }
      field = { text: value, quoted: true };
    } else {
      const end = text.slice(i).search(/[,\r\n]/);
      const value = end < 0 ? text.slice(i) : text.slice(i, i + end);
      if (value.includes('"')) throw new Error(`parseCsv: quote inside an unquoted field at offset ${i}`);
      i += value.length;
      field = { text: value, quoted: false };
    }
    record.push(field);
    if (i >= text.length) {
      records.push(record);
      return records;
    }
    if (text[i] === ",") {
      i++;
      continue;
    }
    if (text[i] === "\r" && text[i + 1] === "\n") i += 2;
    else if (text[i] === "\n") i += 1;
    else throw new Error(`parseCsv: unexpected ${JSON.stringify(text[i])} after a field at offset ${i}`);
    records.push(record);
    record = [];
    if (i >= text.length) return records;
  }
}

/** Parses CSV text into rows of strings. */
export function parseCsv(text: string): string[][] {
  return parseCsvFields(text).map((record) => record.map((field) => field.text));
}

/** Parses CSV with a header row into one object per record, keyed by header. */
export function parseCsvObjects(text: string): Record<string, CsvField>[] {
  const [header, ...rows] = parseCsvFields(text);
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [name.text, row[index]])));
}
