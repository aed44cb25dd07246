/**
 * Every file of the open-data API for one build, computed once: the data files, the JSON Schema
 * beside each, the CSV, and index.json linking them all. Each JSON file is checked against its
 * zod schema before it is written, so a build never publishes a file its own schema refuses.
 */
import type { z } from 'astro/zod';
import type { Catalogue } from '../content/catalogue';
import type { GlossaryTerm } from '../schema';
import { blueprintCsv } from './blueprint-csv';
import { jsonSchemaOf } from './json-schemas';
import { blueprintFileName, blueprintRecords, glossaryRecords, organisationRecords, playbookRecords, vocabularyRecords, type Addresses } from './records';
import { apiVersion, fileSchemas, schemaVersion, type FileName, type IndexFile, type Licence } from './schemas';

export interface OpenDataFile {
  /** Path within the API folder, e.g. "blueprints.json" or "blueprints/x.json". */
  name: string;
  mediaType: 'application/json' | 'application/schema+json' | 'text/csv';
  body: string;
}

export interface OpenDataInput {
  catalogue: Catalogue;
  glossary: { id: string; data: GlossaryTerm }[];
  /** A blueprint's related blueprints, by slug. */
  related: (slug: string) => string[];
  addresses: Addresses;
  /** The build time, one value for every file. */
  generatedAt: Date;
  licence: Licence;
}

/** The files that list a whole collection: name, schema, the key holding the list, and what it holds. */
export const listFiles = [
  { name: 'blueprints.json', schema: 'blueprints', key: 'blueprints', description: 'Every listed blueprint and redprint, newest first.' },
  { name: 'playbooks.json', schema: 'playbooks', key: 'playbooks', description: 'Every playbook, by slug.' },
  { name: 'organisations.json', schema: 'organisations', key: 'organisations', description: 'Every organisation, by slug.' },
  { name: 'taxonomy.json', schema: 'taxonomy', key: 'vocabularies', description: 'The controlled vocabularies: stable term ids, labels and descriptions.' },
  { name: 'glossary.json', schema: 'glossary', key: 'terms', description: 'The glossary of acronyms and terms, by id.' },
] as const satisfies readonly { name: string; schema: FileName; key: string; description: string }[];

export const csvFile = {
  name: 'blueprints.csv',
  description: 'The blueprint index as CSV for spreadsheets, in the order of blueprints.json.',
} as const;

/** The file a blueprint's own record is in: blueprints/<slug>.json, following blueprint.schema.json. */
export const blueprintFileDescription = 'One blueprint or redprint, as in blueprints.json.';

export function schemaFileName(name: FileName): string {
  return `${name}.schema.json`;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function check(fileName: string, schema: z.ZodType, value: unknown): void {
  const result = schema.safeParse(value);
  if (result.success) return;
  const problems = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);
  throw new Error(`Open data: ${fileName} does not match its schema (src/lib/open-data/schemas.ts):\n  ${problems.join('\n  ')}`);
}

export function openDataFiles(input: OpenDataInput): OpenDataFile[] {
  const { addresses } = input;
  const common = (name: FileName) => ({
    $schema: addresses.file(schemaFileName(name)),
    apiVersion,
    schemaVersion,
    generatedAt: input.generatedAt.toISOString(),
    licence: input.licence,
  });
  const files: OpenDataFile[] = [];
  const listed: IndexFile['files'] = [];
  const add = (fileName: string, schemaName: FileName, key: string, value: unknown, description: string) => {
    const content = { ...common(schemaName), [key]: value };
    check(fileName, fileSchemas[schemaName], content);
    files.push({ name: fileName, mediaType: 'application/json', body: json(content) });
    listed.push({ name: fileName, url: addresses.file(fileName), schema: addresses.file(schemaFileName(schemaName)), mediaType: 'application/json', description });
  };

  const blueprints = blueprintRecords(input.catalogue, input.related, addresses);
  const values: Record<(typeof listFiles)[number]['schema'], unknown> = {
    blueprints,
    playbooks: playbookRecords(input.catalogue, addresses),
    organisations: organisationRecords(input.catalogue, addresses),
    taxonomy: vocabularyRecords(),
    glossary: glossaryRecords(input.glossary),
  };
  for (const f of listFiles) add(f.name, f.schema, f.key, values[f.schema], f.description);
  files.push({ name: csvFile.name, mediaType: 'text/csv', body: blueprintCsv(blueprints) });
  listed.push({ ...csvFile, url: addresses.file(csvFile.name), mediaType: 'text/csv' });
  for (const b of blueprints) add(blueprintFileName(b.slug), 'blueprint', 'blueprint', b, blueprintFileDescription);

  const index = { ...common('index'), files: listed };
  check('index.json', fileSchemas.index, index);
  files.unshift({ name: 'index.json', mediaType: 'application/json', body: json(index) });
  for (const name of Object.keys(fileSchemas) as FileName[]) {
    files.push({ name: schemaFileName(name), mediaType: 'application/schema+json', body: json(jsonSchemaOf(name, addresses.file(schemaFileName(name)))) });
  }
  return files;
}
