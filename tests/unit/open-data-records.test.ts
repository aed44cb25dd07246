import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { buildCatalogue, type Entry } from '../../src/lib/content/catalogue';
import { contentLicence } from '../../src/lib/content/licence';
import { glossaryTermSchema, playbookSchema, type Playbook } from '../../src/lib/schema';
import * as taxonomy from '../../src/lib/schema/taxonomy';
import { openDataFiles, type OpenDataInput } from '../../src/lib/open-data/files';
import { jsonSchemaOf } from '../../src/lib/open-data/json-schemas';
import { vocabularies } from '../../src/lib/open-data/taxonomy';
import type { BlueprintRecord } from '../../src/lib/open-data/schemas';
import { adoptionEntry, blueprintEntry, organisationEntry } from '../support/entries';

const org = (slug: string) => organisationEntry(slug);
const blueprint = (slug: string, published: string, extra: Record<string, unknown> = {}) =>
  blueprintEntry(slug, { published, outcome: { evidence: 'measured-locally', headline: 'Staff felt ready on go-live day.' }, ...extra });



const playbook: Entry<Playbook> = {
  slug: 'get-ready',
  filePath: 'src/content/playbooks/get-ready.mdx',
  data: playbookSchema.parse({
    title: 'Get the foundations right first',
    summary: 'For chief information officers planning an EPR: what to have in place before you buy one.',
    domain: 'strategy',
    audience: ['cio'],
    maturity: ['early'],
    steps: [1, 2, 3].map((n) => ({ title: `Do step ${n}`, description: 'Why this step matters and how to do it well.', blueprints: n === 1 ? ['new-b'] : [] })),
    checklist: ['One', 'Two', 'Three'],
    keyQuestions: ['Who owns it?', 'Who pays?', 'When?'],
    boardQuestions: ['Are we ready?'],
    published: '2024-03-01',
    owner: { name: 'Editors' },
  }),
};

function input(overrides: Partial<OpenDataInput> = {}): OpenDataInput {
  const catalogue = buildCatalogue({
    organisations: [org('alpha'), org('beta')],
    playbooks: [playbook],
    blueprints: [
      blueprint('old', '2023-01-01', { lastReviewed: '2023-06-30', owner: { name: 'Digital team', role: 'CCIO', github: 'jsmith-nhs' } }),
      blueprint('new-b', '2025-06-01', { partners: ['beta'], adaptedFrom: [{ blueprint: 'old', changes: 'Ran it on two wards instead of ten.' }] }),
      // Same date as new-b; its title sorts after new-b's, so slug order is not title order.
      blueprint('new-a', '2025-06-01', { title: 'Zoning wards for a phased go-live' }),
      blueprint('a-draft', '2026-01-01', { status: 'draft' }),
      blueprint('archived', '2024-01-01', { status: 'archived' }),
    ],
    adoptions: [
      adoptionEntry('beta', 'old', { stage: 'live', date: '2024-05', outcome: 'Live on every ward.', contactOptIn: true, contact: 'digital@beta.example.nhs.uk' }),
      adoptionEntry('beta', 'new-b', { stage: 'abandoned', date: '2025-09' }),
    ],
  });
  return {
    catalogue,
    glossary: [
      { id: 'epr', data: glossaryTermSchema.parse({ term: 'EPR', expansion: 'Electronic patient record', definition: 'A digital record of a patient’s care.' }) },
      { id: 'ccio', data: glossaryTermSchema.parse({ term: 'CCIO', definition: 'The clinician who leads on clinical information.' }) },
    ],
    related: (slug) => (slug === 'old' ? ['archived', 'new-a', 'a-draft'] : []),
    addresses: { page: (kind, slug) => `https://example.org/${kind}s/${slug}/`, file: (name) => `https://example.org/api/v1/${name}` },
    generatedAt: new Date('2026-12-01T10:00:00Z'),
    licence: contentLicence,
    ...overrides,
  };
}

const byName = (files: ReturnType<typeof openDataFiles>) => new Map(files.map((f) => [f.name, f]));
const jsonOf = (files: ReturnType<typeof openDataFiles>, name: string) => JSON.parse(byName(files).get(name)!.body);

describe('the open-data files', () => {
  const files = openDataFiles(input());
  const blueprints: BlueprintRecord[] = jsonOf(files, 'blueprints.json').blueprints;

  it('list only published and needs-review blueprints, newest first and then by slug', () => {
    expect(blueprints.map((b) => b.slug)).toEqual(['new-a', 'new-b', 'old']);
  });

  it('write dates as YYYY-MM-DD, including the ones the schema fills in', () => {
    const old = blueprints.find((b) => b.slug === 'old')!;
    expect([old.published, old.lastReviewed, old.reviewBy]).toEqual(['2023-01-01', '2023-06-30', '2024-06-30']);
  });

  it('add the page address, the record’s own file, related blueprints that are listed, and citing playbooks', () => {
    const old = blueprints.find((b) => b.slug === 'old')!;
    expect(old.url).toBe('https://example.org/blueprints/old/');
    expect(old.dataUrl).toBe('https://example.org/api/v1/blueprints/old.json');
    expect(old.relatedBlueprints).toEqual(['new-a']);
    expect(blueprints.find((b) => b.slug === 'new-b')!.playbooks).toEqual(['get-ready']);
    expect(old.outcome.evidence).toBe('measured-locally');
  });

  it('add each blueprint’s adoption records, with a contact only where the organisation opted in, and what it was adapted into', () => {
    const old = blueprints.find((b) => b.slug === 'old')!;
    expect(old.adoptions).toEqual([{ organisation: 'beta', stage: 'live', date: '2024-05', outcome: 'Live on every ward.', contact: 'digital@beta.example.nhs.uk', illustrative: false }]);
    expect(old.adaptedInto).toEqual(['new-b']);
    const newB = blueprints.find((b) => b.slug === 'new-b')!;
    expect(newB.adoptions).toEqual([{ organisation: 'beta', stage: 'abandoned', date: '2025-09', illustrative: false }]);
    expect(newB.adaptedFrom).toEqual([{ blueprint: 'old', changes: 'Ran it on two wards instead of ten.' }]);
  });

  it('publish the owner’s name and role but not their GitHub user name, which no page shows', () => {
    expect(blueprints.find((b) => b.slug === 'old')!.owner).toEqual({ name: 'Digital team', role: 'CCIO' });
    expect(files.some((f) => f.body.includes('jsmith-nhs'))).toBe(false);
  });

  it('give each listed blueprint a file of its own holding the same record, and none to drafts', () => {
    const names = files.filter((f) => f.name.startsWith('blueprints/')).map((f) => f.name);
    expect(names).toEqual(['blueprints/new-a.json', 'blueprints/new-b.json', 'blueprints/old.json']);
    for (const b of blueprints) expect(jsonOf(files, `blueprints/${b.slug}.json`).blueprint).toEqual(b);
  });

  it('list organisations with the blueprints they published or partnered on', () => {
    const orgs = jsonOf(files, 'organisations.json').organisations;
    expect(orgs.map((o: { slug: string; blueprints: string[] }) => [o.slug, o.blueprints])).toEqual([
      ['alpha', ['new-a', 'new-b', 'old']],
      ['beta', ['new-b']],
    ]);
  });

  it('publish every vocabulary with stable term ids, labels and descriptions', () => {
    const published = jsonOf(files, 'taxonomy.json').vocabularies;
    expect(published.map((v: { id: string }) => v.id)).toEqual(vocabularies.map((v) => v.id));
    const pillars = published.find((v: { id: string }) => v.id === 'pillars');
    expect(pillars.usedBy).toEqual(['blueprint.pillars']);
    expect(pillars.terms).toEqual(taxonomy.pillars.map((t) => ({ id: t.value, label: t.label, description: t.description })));
  });

  it('sort the glossary by id and leave out fields a term does not have', () => {
    const terms = jsonOf(files, 'glossary.json').terms;
    expect(terms.map((t: { id: string }) => t.id)).toEqual(['ccio', 'epr']);
    expect('expansion' in terms[0]).toBe(false);
  });

  it('give every file the one build time, and link every data file from index.json', () => {
    const json = files.filter((f) => f.mediaType === 'application/json');
    expect(new Set(json.map((f) => JSON.parse(f.body).generatedAt))).toEqual(new Set(['2026-12-01T10:00:00.000Z']));
    const linked = jsonOf(files, 'index.json').files.map((f: { name: string }) => f.name).sort();
    const data = files.filter((f) => f.name !== 'index.json' && f.mediaType !== 'application/schema+json').map((f) => f.name).sort();
    expect(linked).toEqual(data);
  });

  it('are the same, byte for byte, when built twice from the same content', () => {
    expect(openDataFiles(input())).toEqual(files);
  });

  it('each pass the JSON Schema published beside them', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    for (const f of files.filter((x) => x.mediaType === 'application/schema+json')) ajv.addSchema(JSON.parse(f.body));
    for (const f of files.filter((x) => x.mediaType === 'application/json')) {
      const data = JSON.parse(f.body);
      const validate = ajv.getSchema(data.$schema)!;
      expect(validate(data), `${f.name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it('refuse to publish a file its schema refuses, naming the file and field', () => {
    const bad = input({ addresses: { page: () => 'not an address', file: (name) => `https://example.org/api/v1/${name}` } });
    expect(() => openDataFiles(bad)).toThrow(/blueprints\.json does not match its schema[\s\S]*blueprints\.0\.url/);
  });
});

describe('the published taxonomy', () => {
  const isTermList = (v: unknown): v is readonly taxonomy.Term[] => Array.isArray(v) && v.every((t) => typeof t?.value === 'string');

  it('publishes every vocabulary in src/lib/schema/taxonomy.ts, once', () => {
    const lists = Object.values(taxonomy).filter(isTermList);
    expect(lists.length).toBeGreaterThan(10);
    for (const list of lists) expect(vocabularies.filter((v) => v.terms === list)).toHaveLength(1);
  });

  it('names, for each vocabulary, record fields whose schema allows exactly its term ids', () => {
    const schemas: Record<string, unknown> = { blueprint: jsonSchemaOf('blueprint', 'x').properties, playbook: jsonSchemaOf('playbooks', 'x').properties, organisation: jsonSchemaOf('organisations', 'x').properties };
    const recordProperties = {
      blueprint: (schemas.blueprint as { blueprint: object }).blueprint,
      playbook: (schemas.playbook as { playbooks: { items: object } }).playbooks.items,
      organisation: (schemas.organisation as { organisations: { items: object } }).organisations.items,
    };
    for (const v of vocabularies) {
      for (const field of v.usedBy) {
        const [kind, ...path] = field.split('.');
        // A field inside a list of objects (outcome.measures.unit) is found under the list's items.
        type Node = { properties?: Record<string, Node>; items?: Node; enum?: string[] };
        const property = path.reduce<Node | undefined>((node, p) => (node?.properties ?? node?.items?.properties)?.[p], recordProperties[kind as keyof typeof recordProperties] as Node);
        expect(property?.enum ?? property?.items?.enum, field).toEqual(v.terms.map((t) => t.value));
      }
    }
  });
});
