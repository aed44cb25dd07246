/**
 * A small RFC 4180 reader (https://www.rfc-editor.org/rfc/rfc4180), written for the tests apart
 * from the writer in src/lib/open-data/csv.ts, so reading back checks the writer rather than
 * repeating it. Strict: a quote inside an unquoted cell, text after a closing quote, or an
 * unclosed quote is an error, since Excel would read those differently.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const endRow = () => {
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error(`unclosed quote in row ${rows.length + 1}`);
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`quote inside an unquoted cell in row ${rows.length + 1}`);
        cell += text[i++];
      }
    }
    row.push(cell);
    if (text[i] === ',') {
      i++;
    } else if (text.startsWith('\r\n', i)) {
      i += 2;
      endRow();
    } else if (i >= text.length) {
      endRow();
    } else {
      throw new Error(`unexpected ${JSON.stringify(text[i])} after a cell in row ${rows.length + 1}: rows end with CRLF`);
    }
  }
  return rows;
}
