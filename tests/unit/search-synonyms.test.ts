import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { synonymsSchema } from '../../src/lib/schema/synonyms';
import { buildSynonyms, correctQuery, phraseKey, synonymText, type Synonyms } from '../../src/lib/search/synonyms';
import { vocabularyFromSources } from '../../src/lib/search/vocabulary';
import { readCorpus } from '../../src/lib/validate/corpus';
import { nativeMdxParser } from '../../src/lib/validate/native-parser';

const term = (t: string, expansion: string | undefined, aliases: string[] = []) => ({ term: t, expansion, definition: 'A definition long enough for the schema.', aliases });

function groupOf(synonyms: Synonyms, phrase: string): string[] | undefined {
  return synonyms.groups.find((g) => g.some((t) => phraseKey(t) === phraseKey(phrase)));
}

describe('synonym groups', () => {
  it('makes one group of a glossary term, its expansion and its aliases', () => {
    const s = buildSynonyms([], [term('CCIO', 'Chief clinical information officer', ['CMIO'])]);
    expect(s.groups).toEqual([['CCIO', 'Chief clinical information officer', 'CMIO']]);
  });

  it('merges a synonyms-file group with the glossary entry it shares a word with, file terms first', () => {
    const s = buildSynonyms([{ terms: ['e-prescribing', 'ePMA'], misspellings: [] }], [term('ePMA', 'Electronic prescribing and medicines administration', ['electronic prescribing'])]);
    expect(s.groups).toEqual([['e-prescribing', 'ePMA', 'Electronic prescribing and medicines administration', 'electronic prescribing']]);
  });

  it('leaves out a glossary term with no expansion and no aliases', () => {
    expect(buildSynonyms([], [term('Backfill', undefined)]).groups).toEqual([]);
  });

  it('finds a group from any of its members in a text, counting each mention and each name used', () => {
    const s = buildSynonyms([], [term('EPR', 'Electronic patient record')]);
    expect(s.mentioned('Our EPR went live. The electronic patient records are used on every ward, and the EPR by every team.')).toEqual([
      { group: ['EPR', 'Electronic patient record'], count: 3, names: [{ key: 'epr', count: 2 }, { key: 'electronic patient record', count: 1 }] },
    ]);
  });

  it('matches an acronym only in capitals, so "IT" is not found in "it"', () => {
    const s = buildSynonyms([], [term('IT', 'Information technology')]);
    expect(s.mentioned('We did it ourselves.')).toEqual([]);
    expect(s.mentioned('The IT team did it.')).toHaveLength(1);
  });

  it('matches a phrase whatever its case and with a plural last word', () => {
    const s = buildSynonyms([], [term('EPR', 'Electronic patient record')]);
    expect(s.mentioned('Electronic Patient Records are hard to buy.')).toHaveLength(1);
  });

  it('prefers the longest phrase, so "GP Connect" is not also a mention of "GP"', () => {
    const s = buildSynonyms([], [term('GP', 'General practitioner'), term('GP Connect', undefined, ['GPConnect'])]);
    expect(s.mentioned('We used GP Connect.').map((m) => m.group[0])).toEqual(['GP Connect']);
  });

  it('lists every member of each mentioned group as text to index', () => {
    const s = buildSynonyms([], [term('CCIO', 'Chief clinical information officer')]);
    expect(synonymText(s, 'Our CCIO chaired it.')).toBe('CCIO, Chief clinical information officer');
  });
});

describe('misspelling correction', () => {
  const s = buildSynonyms([{ terms: ['e-prescribing', 'ePMA'], misspellings: ['e-prescibing', 'perscribing'] }], []);

  it('replaces a known misspelling with the preferred term', () => {
    expect(correctQuery('e-prescibing costs', s.corrections)).toBe('e-prescribing costs');
  });

  it('leaves a query with no known misspelling exactly as typed', () => {
    expect(correctQuery('ePMA Costs', s.corrections)).toBe('ePMA Costs');
  });

  it('does not correct part of a longer word', () => {
    expect(correctQuery('perscribings', s.corrections)).toBe('perscribings');
  });
});

describe('the synonyms file schema', () => {
  const problems = (groups: unknown) => {
    const result = synonymsSchema.safeParse(groups);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
  };

  it('accepts groups of terms with misspellings', () => {
    expect(problems([{ terms: ['ePMA', 'e-prescribing'], misspellings: ['e-prescibing'] }])).toEqual([]);
  });

  it('reports a word that is in two groups, naming the first group', () => {
    expect(problems([{ terms: ['EPR', 'record'] }, { terms: ['notes', 'record'] }])).toEqual(['1.terms.1 "record" is already in group 1: merge the two groups, as a word can only mean one thing to search']);
  });

  it('reports a misspelling that is also one of the group’s terms', () => {
    expect(problems([{ terms: ['ePMA', 'e-prescribing'], misspellings: ['EPMA'] }])[0]).toMatch(/misspelling must differ/);
  });

  it('reports a group with one term and nothing to correct', () => {
    expect(problems([{ terms: ['ePMA'] }])[0]).toMatch(/^0\.terms has one term and no misspellings/);
  });

  it('reports a field it does not know, so a typo in "misspellings" is not silently ignored', () => {
    expect(problems([{ terms: ['a', 'b'], mispellings: ['c'] }]).join()).toMatch(/mispellings/);
  });

  it('is what the validator checks synonyms.yaml with, pointing at the line', () => {
    const { problems: found } = readCorpus([{ path: 'src/content/synonyms.yaml', source: '- terms: [ePMA]\n' }], nativeMdxParser);
    expect(found.map((p) => [p.line, p.field])).toEqual([[1, '0.terms']]);
  });
});

describe('the bundled vocabulary', () => {
  const s = vocabularyFromSources({
    glossary: readFileSync('src/content/glossary.yaml', 'utf8'),
    synonyms: readFileSync('src/content/synonyms.yaml', 'utf8'),
  });

  it.each([
    ['ePMA', 'e-prescribing', 'electronic prescribing'],
    ['CCIO', 'chief clinical information officer'],
    ['EPR', 'electronic patient record'],
  ])('puts %s and its equivalents in one group', (...phrases) => {
    const group = groupOf(s, phrases[0]);
    expect(group).toBeDefined();
    for (const p of phrases) expect(group!.map(phraseKey)).toContain(phraseKey(p));
  });

  it('puts every glossary acronym in a group with its expansion', () => {
    const glossary = readCorpus([{ path: 'src/content/glossary.yaml', source: readFileSync('src/content/glossary.yaml', 'utf8') }], nativeMdxParser).entries[0].data as { term: string; expansion?: string }[];
    const withExpansion = glossary.filter((t) => t.expansion);
    expect(withExpansion.length).toBeGreaterThan(0);
    for (const t of withExpansion) expect(groupOf(s, t.term)?.map(phraseKey), t.term).toContain(phraseKey(t.expansion!));
  });

  it('corrects "e-prescibing" to a member of the e-prescribing group', () => {
    expect(groupOf(s, correctQuery('e-prescibing', s.corrections))).toBe(groupOf(s, 'ePMA'));
  });
});
