/**
 * CSV for spreadsheets: RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180) with CRLF line ends and
 * every cell quoted, a UTF-8 byte order mark so Excel reads "£" and "é" as written, and a leading
 * apostrophe on any cell a spreadsheet would run as a formula (OWASP, "CSV Injection":
 * https://owasp.org/www-community/attacks/CSV_Injection). Content is contributed, so a title
 * starting "=HYPERLINK(" must arrive as text.
 */

export const byteOrderMark = '\uFEFF';

/** Characters that make a spreadsheet treat a cell as a formula. */
const formulaStart = /^[=+\-@\t\r]/;

/** One cell, quoted, with quotes doubled and formula openings defused. */
export function csvCell(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** A whole CSV file: a header row, then one row per record. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  for (const [i, row] of rows.entries()) {
    if (row.length !== header.length) throw new Error(`CSV row ${i + 1} has ${row.length} cells, but the header has ${header.length}`);
  }
  return byteOrderMark + [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
