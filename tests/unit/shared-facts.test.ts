import { describe, expect, it } from 'vitest';
import { displayTitle } from '../../src/lib/content/catalogue';
import { facets, inSentence, isListed, labelOf, licences, statuses, valuesOf } from '../../src/lib/schema';
import { blueprintFilterValues, searchFilters } from '../../src/lib/search/filters';
import { blueprintSchema } from '../../src/lib/schema';

describe('which blueprints are listed', () => {
  it.each([
    ['published', true],
    ['needs-review', true],
    ['draft', false],
    ['archived', false],
  ])('lists a %s blueprint: %s', (status, listed) => {
    expect(isListed({ status })).toBe(listed);
  });

  it('has a rule for every status the schema knows', () => {
    expect(valuesOf(statuses)).toEqual(['draft', 'published', 'needs-review', 'archived']);
  });
});

describe('search filter names', () => {
  it('keeps the URL parameters people have saved links with', () => {
    expect(searchFilters.map((f) => f.name)).toEqual(['type', 'domain', 'setting', 'pillar', 'capability', 'programme', 'funding', 'supplier', 'standard', 'audience']);
  });

  it('names each facet’s filter from the facet, with its label and values', () => {
    for (const facet of Object.values(facets)) {
      const filter = searchFilters.find((f) => f.name === facet.filter)!;
      expect(filter.label).toBe(facet.label);
      for (const term of facet.terms) expect(filter.terms).toContainEqual(term);
    }
  });

  it('gives a blueprint’s values under every filter name', () => {
    const b = blueprintSchema.parse({
      domain: 'workforce', title: 'Training nurses on the new record', summary: 'We trained every nurse on the new record in six weeks with ward super-users.',
      keyQuestions: ['How many super-users does a ward need?'], organisation: 'x', pillars: ['support-people'], careSettings: ['acute'], audience: ['cnio'],
      cost: { band: 'under-50k' }, outcome: { evidence: 'anecdotal', headline: 'Nurses felt ready on day one.' }, timeline: { start: '2023-01' },
      published: '2024-01-01', owner: { name: 'Team' }, contact: 'team@example.nhs.uk',
    });
    expect(Object.keys(blueprintFilterValues(b)).sort()).toEqual(searchFilters.map((f) => f.name).sort());
    expect(blueprintFilterValues(b)).toMatchObject({ setting: ['acute'], pillar: ['support-people'], supplier: ['none'], programme: [] });
  });
});

describe('licences', () => {
  it('are taxonomy terms with the labels pages show, OGL first as the default', () => {
    expect(labelOf(licences, 'OGL-3.0')).toBe('Open Government Licence v3.0');
    expect(labelOf(licences, 'CC-BY-4.0')).toBe('Creative Commons Attribution 4.0');
    expect(licences[0].value).toBe('OGL-3.0');
  });
});

describe('the display title', () => {
  it.each([
    ['blueprint', 'Moving wards to e-obs', 'Moving wards to e-obs'],
    ['redprint', 'Moving wards to e-obs', 'Redprint: Moving wards to e-obs'],
  ] as const)('of a %s', (type, title, shown) => {
    expect(displayTitle({ type, title })).toBe(shown);
  });
});

describe('a label inside a sentence', () => {
  it('starts with a small letter unless it starts with an acronym or holds a name', () => {
    expect(inSentence('Care setting')).toBe('care setting');
    expect(inSentence('Over £1m')).toBe('over £1m');
    expect(inSentence('£50k to £250k')).toBe('£50k to £250k');
    expect(inSentence('EPR supplier')).toBe('EPR supplier');
    expect(inSentence('What Good Looks Like pillar')).toBe('What Good Looks Like pillar');
    expect(inSentence('National programme')).toBe('national programme');
  });
});
