/**
 * The open-data API in the built site (src/lib/open-data/, /api/v1/): every file passes the JSON
 * Schema published beside it, checked with a real validator (Ajv); each published schema is
 * zod's own conversion; index.json links every file; drafts are absent and the order is stable;
 * each blueprint's own file matches the list; and the CSV, read back, equals the JSON.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { paths } from '../../src/lib/content/urls';
import { isListed } from '../../src/lib/schema';
import { blueprintColumns, fieldAt } from '../../src/lib/open-data/blueprint-csv';
import { jsonSchemaOf } from '../../src/lib/open-data/json-schemas';
import { fileSchemas, type BlueprintRecord, type FileName } from '../../src/lib/open-data/schemas';
import { expectedContent } from '../support/content';
import { parseCsv } from '../support/csv';
import { builtFiles } from '../support/pages';
import { distDir, unserved } from '../support/site-dir';

const apiFolder = paths.openDataFile('').slice(1);

/** The built file an absolute address in the API points to. */
function fileAt(address: string): string {
  const sitePath = unserved(new URL(address).pathname);
  if (!sitePath) throw new Error(`${address} is outside the site's base path`);
  return join(distDir(), sitePath);
}

const readJson = (address: string) => JSON.parse(readFileSync(fileAt(address), 'utf8'));
const apiFile = (name: string) => join(distDir(), paths.openDataFile(name));

interface IndexEntry { name: string; url: string; schema?: string; mediaType: string }

describe('the open-data API in the built site', () => {
  let index: { $schema: string; generatedAt: string; files: IndexEntry[] };
  let blueprints: BlueprintRecord[];
  beforeAll(() => {
    index = JSON.parse(readFileSync(apiFile('index.json'), 'utf8'));
    blueprints = JSON.parse(readFileSync(apiFile('blueprints.json'), 'utf8')).blueprints;
  });

  it('links every file in its folder from index.json, and every link resolves', () => {
    const built = builtFiles().filter((f) => f.startsWith(apiFolder)).map((f) => f.slice(apiFolder.length));
    const addresses = [index.$schema, ...index.files.flatMap((f) => [f.url, f.schema ?? f.url])];
    const linked = new Set(['index.json', ...addresses.map((a) => fileAt(a).slice(apiFile('').length))]);
    expect([...linked].sort()).toEqual(built);
    expect(index.files.length).toBeGreaterThan(5);
  });

  it('publishes, beside each file, the JSON Schema zod makes from the content schemas', () => {
    for (const name of Object.keys(fileSchemas) as FileName[]) {
      const published = JSON.parse(readFileSync(apiFile(`${name}.schema.json`), 'utf8'));
      expect(published, `${name}.schema.json`).toEqual(jsonSchemaOf(name, published.$id));
    }
  });

  it('has JSON files that each pass their published JSON Schema', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const json = index.files.filter((f) => f.mediaType === 'application/json');
    const checked = [{ name: 'index.json', url: new URL('index.json', index.$schema).href }, ...json].map(({ name, url }) => {
      const data = readJson(url);
      const schemaAddress: string = data.$schema;
      if (!ajv.getSchema(schemaAddress)) ajv.addSchema(readJson(schemaAddress), schemaAddress);
      const validate = ajv.getSchema(schemaAddress)!;
      expect(validate(data), `${name} against ${schemaAddress}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(data.generatedAt, `${name} was built at another time`).toBe(index.generatedAt);
      return name;
    });
    expect(checked).toContain('blueprints.json');
  });

  it('lists exactly the published and needs-review blueprints: no drafts, no archived ones', () => {
    const expected = expectedContent().blueprints.filter((b) => isListed(b.data)).map((b) => b.slug).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(blueprints.map((b) => b.slug).sort()).toEqual(expected);
    const unlisted = expectedContent().blueprints.filter((b) => !isListed(b.data)).map((b) => b.slug);
    expect(unlisted.filter((slug) => existsSync(apiFile(`blueprints/${slug}.json`)))).toEqual([]);
  });

  it('lists blueprints newest first, then by slug', () => {
    const key = (b: BlueprintRecord) => [b.published, b.slug] as const;
    for (let i = 1; i < blueprints.length; i++) {
      const [prev, next] = [key(blueprints[i - 1]), key(blueprints[i])];
      expect(prev[0] > next[0] || (prev[0] === next[0] && prev[1] < next[1]), `${prev[1]} before ${next[1]}`).toBe(true);
    }
  });

  it('gives each blueprint a file of its own holding the record in the list', () => {
    for (const b of blueprints) expect(readJson(b.dataUrl).blueprint, b.slug).toEqual(b);
  });

  it('has a CSV that, read back, equals blueprints.json', () => {
    const text = readFileSync(apiFile('blueprints.csv'), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([...blueprintColumns]);
    const asCell = (value: unknown) => {
      const cell = value === undefined ? '' : Array.isArray(value) ? value.join('; ') : String(value);
      return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
    };
    expect(rows).toEqual(blueprints.map((b) => header.map((column) => asCell(fieldAt(b, column)))));
  });
});
