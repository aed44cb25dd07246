/**
 * The blueprint index as CSV for analysts: one row per listed blueprint, in the order of
 * blueprints.json. Each column is named after the field it holds (dotted for nested fields);
 * lists are joined with "; ", since term ids and slugs never contain a semicolon.
 */
import type { BlueprintRecord } from './schemas';
import { toCsv } from './csv';

export const listSeparator = '; ';

/** The columns, in order: a field path of a blueprint record each. */
export const blueprintColumns = [
  'slug', 'title', 'type', 'status', 'domain', 'organisation', 'partners', 'pillars', 'capabilities', 'careSettings',
  'eprSupplier', 'standards', 'audience', 'cost.band', 'outcome.evidence', 'outcome.headline', 'summary',
  'timeline.start', 'timeline.end', 'published', 'lastReviewed', 'reviewBy', 'licence', 'illustrative', 'url',
] as const;

/** The text of a field in a cell: lists joined, absent values empty. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join(listSeparator);
  return String(value);
}

export function fieldAt(record: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], record);
}

export function blueprintCsv(records: readonly BlueprintRecord[]): string {
  return toCsv(blueprintColumns, records.map((r) => blueprintColumns.map((c) => cellText(fieldAt(r, c)))));
}
