import { describe, expect, it } from 'vitest';
import { alsoKnownAs } from '../../src/lib/search/also-known-as';
import { buildSynonyms } from '../../src/lib/search/synonyms';
import { isListed } from '../../src/lib/schema';
import { blueprintRecord, playbookRecord } from '../../src/lib/search/record';
import { blueprintSchema, organisationSchema, playbookSchema } from '../../src/lib/schema';

const synonyms = buildSynonyms([], [
  { term: 'CCIO', expansion: 'Chief clinical information officer', definition: 'A senior clinician who leads digital.', aliases: ['A&E lead'] },
  { term: 'EPR', expansion: 'Electronic patient record', definition: 'The main clinical system.', aliases: [] },
]);

describe('the "also known as" lines a page carries for search', () => {
  const lines = (text: string) => alsoKnownAs(synonyms.mentioned(text), text);

  it('gives the other members of each synonym group the text mentions, most mentioned first', () => {
    expect(lines('Our CCIO chose the EPR. The EPR went live.')).toEqual([
      { weight: 2, text: 'Electronic patient record' },
      { weight: 1, text: 'Chief clinical information officer, A&E lead' },
    ]);
  });

  it('leaves out members the text already says, and members that differ only in case', () => {
    const withCase = buildSynonyms([{ terms: ['GP', 'General practitioner', 'general practitioner', 'family doctor'], misspellings: [] }], []);
    const text = 'Our GP and every family doctor in the area.';
    expect(alsoKnownAs(withCase.mentioned(text), text)).toEqual([{ weight: 2, text: 'General practitioner' }]);
  });

  it('gives no line when the text already says every member', () => {
    expect(lines('The EPR, our electronic patient record.')).toEqual([]);
  });

  it('weights a group up when the page mentions it often, to at most 3', () => {
    expect(lines('CCIO CCIO CCIO CCIO CCIO')).toEqual([{ weight: 3, text: 'Chief clinical information officer, A&E lead' }]);
  });

  it('gives nothing when no group is mentioned', () => {
    expect(lines('Nothing to see.')).toEqual([]);
  });
});

describe('what a page tells Pagefind', () => {
  const organisation = organisationSchema.parse({ name: 'Alpha NHS Trust', shortName: 'Alpha', odsCode: 'X1A01', careSetting: 'acute', region: 'london', programme: 'fast-follower', description: 'A test organisation.' });
  const blueprint = (extra: Record<string, unknown> = {}) =>
    blueprintSchema.parse({
      type: 'redprint', domain: 'workforce', title: 'Training ward staff with super-users', summary: 'A summary that is long enough to pass the minimum length.',
      keyQuestions: ['How do we train staff?'], organisation: 'alpha', pillars: ['support-people'], careSettings: ['acute', 'community'], audience: ['cio'],
      eprSupplier: 'epic', standards: ['snomed-ct'], cost: { band: '50k-250k' }, outcome: { evidence: 'measured-locally', headline: 'Staff felt ready on go-live day.' },
      timeline: { start: '2023-01' }, published: '2024-03-01', lastReviewed: '2025-02-01', owner: { name: 'Digital team' }, contact: 'team@example.nhs.uk', ...extra,
    });

  it('files a blueprint under every facet, including its organisation’s programme', () => {
    expect(blueprintRecord(blueprint(), organisation).filters).toEqual({
      type: ['redprint'], domain: ['workforce'], setting: ['acute', 'community'], pillar: ['support-people'], capability: [],
      programme: ['fast-follower'], supplier: ['epic'], standard: ['snomed-ct'], audience: ['cio'],
    });
  });

  it('gives sort keys as YYYY-MM-DD', () => {
    expect(blueprintRecord(blueprint(), organisation).sort).toEqual({ published: '2024-03-01', reviewed: '2025-02-01' });
  });

  it('gives the at-a-glance facts a result shows, as labels', () => {
    expect(blueprintRecord(blueprint(), organisation).meta).toMatchObject({ type: 'Redprint', organisation: 'Alpha', cost: '£50k to £250k', evidence: 'Measured locally', reviewed: '2025-02-01' });
  });

  it('keeps archived and draft blueprints out of search', () => {
    expect(isListed(blueprint({ status: 'archived' }))).toBe(false);
    expect(isListed(blueprint({ status: 'draft' }))).toBe(false);
    expect(isListed(blueprint({ status: 'needs-review' }))).toBe(true);
    expect(isListed(blueprint())).toBe(true);
  });

  it('files a playbook as type playbook with its domain and audience', () => {
    const p = playbookSchema.parse({
      title: 'Get the foundations right before an EPR', summary: 'For boards and CIOs about to buy an EPR: what to have in place first.', domain: 'strategy',
      audience: ['board'], maturity: ['early'], steps: [1, 2, 3].map((i) => ({ title: `Step number ${i}`, description: 'Why this step matters and how to do it.' })),
      checklist: ['One', 'Two', 'Three'], keyQuestions: ['Who owns it?', 'What is the budget?', 'Who signs off?'], boardQuestions: ['Is it funded?'],
      published: '2025-01-01', owner: { name: 'Editors' },
    });
    expect(playbookRecord(p).filters).toEqual({ type: ['playbook'], domain: ['strategy'], audience: ['board'] });
  });
});
