/**
 * Rows of a template's tables as every download writes them. Example rows are made up; each one
 * starts with "Example:" in its first cell so nobody mistakes it for a real entry after it has
 * left the site in a Word or CSV file.
 */
import type { Template } from '../schema/template';

export const examplePrefix = 'Example: ';

/** An example row with its first cell marked. */
export function exampleRow(row: readonly string[]): string[] {
  return row.map((cell, i) => (i === 0 ? `${examplePrefix}${cell}` : cell));
}

/** A register's header (its column names) and its example rows in column order, marked. */
export function registerRows(t: Template): [header: string[], rows: string[][]] {
  const header = t.columns.map((c) => c.name);
  return [header, t.examples.map((example) => exampleRow(header.map((name) => example[name] ?? '')))];
}
