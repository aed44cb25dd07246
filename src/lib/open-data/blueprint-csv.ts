/**
 * The blueprint index as CSV for analysts: one row per listed blueprint, in the order of
 * blueprints.json. Each column is named after the field it holds (dotted for nested fields, and
 * through lists of objects: "adoptions.stage" is every adoption's stage); lists are joined with
 * "; ", since term ids and slugs never contain a semicolon.
 */
import type { BlueprintRecord } from './schemas';
import { toCsv } from './csv';

export const listSeparator = '; ';

/** The columns, in order: a field path of a blueprint record each. */
export const blueprintColumns = [
  'slug', 'title', 'type', 'status', 'domain', 'organisation', 'partners', 'pillars', 'capabilities', 'careSettings',
  'eprSupplier', 'standards', 'audience', 'cost.band', 'outcome.evidence', 'outcome.headline', 'summary',
  'timeline.start', 'timeline.end', 'published', 'lastReviewed', 'reviewBy', 'licence', 'illustrative', 'url',
  // From schema version 1.2: lineage and adoptions, each list in the order blueprints.json has it.
  'adaptedFrom.blueprint', 'adaptedInto', 'adoptions.organisation', 'adoptions.stage',
  // From 1.3, last so that columns analysts already read keep their places.
  'funding',
] as const;

/** The text of a field in a cell: lists joined, absent values empty. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join(listSeparator);
  return String(value);
}

/** The value at a dotted path; through a list of objects, the list of each one's value ("adoptions.stage"). */
export function fieldAt(record: unknown, path: string): unknown {
  const step = (value: unknown, key: string): unknown =>
    Array.isArray(value) ? value.map((item) => step(item, key)) : (value as Record<string, unknown> | undefined)?.[key];
  return path.split('.').reduce<unknown>(step, record);
}

export function blueprintCsv(records: readonly BlueprintRecord[]): string {
  return toCsv(blueprintColumns, records.map((r) => blueprintColumns.map((c) => cellText(fieldAt(r, c)))));
}
