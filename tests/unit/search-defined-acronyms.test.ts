import { describe, expect, it } from 'vitest';
import { acronymDefinitions, definedAcronymGroups, initialsMatch } from '../../src/lib/search/defined-acronyms';
import { searchCorpus, type SearchEntry } from '../../src/lib/search/from-corpus';
import { buildLunrIndex, searchLunr } from '../../src/lib/search/lunr-index';
import { buildSynonyms } from '../../src/lib/search/synonyms';
import { readContentFiles } from '../../src/node/content-files';
import { readCorpus } from '../../src/lib/validate/corpus';
import { nativeMdxParser } from '../../src/lib/validate/native-parser';
import { searchEntries } from '../../src/lib/search/from-corpus';

const pairs = (text: string) => acronymDefinitions(text).map((d) => [d.name, d.acronym]);

describe('finding "Full Name (ACRONYM)" in content', () => {
  it('finds a name with a minor word the acronym skips', () => {
    expect(pairs('We moved to Electronic Prescribing and Medicines Administration (EPMA) in 2021.')).toEqual([['Electronic Prescribing and Medicines Administration', 'EPMA']]);
  });

  it('takes only the words the initials spell, not a longer run before them', () => {
    expect(pairs('Doctors used the NHS Digital Staff Passport (DSP) to move between trusts.')).toEqual([['Digital Staff Passport', 'DSP']]);
    expect(pairs('Our new Chief Clinical Information Officer (CCIO) started in May.')).toEqual([['Chief Clinical Information Officer', 'CCIO']]);
  });

  it('reads a plural acronym as the singular name', () => {
    expect(pairs('We trained two clinical safety officers (CSOs) before go-live.')).toEqual([['clinical safety officer', 'CSO']]);
  });

  it('ignores brackets that hold no acronym', () => {
    expect(pairs('a (b)')).toEqual([]);
    expect(pairs('The strategy was agreed (2019) and funded.')).toEqual([]);
    expect(pairs('We bought tablets (see below) and chargers (Ab).')).toEqual([]);
  });

  it('refuses a pair whose initials do not match the words before it', () => {
    expect(pairs('The work was paid for by the trust (ICB).')).toEqual([]);
    expect(pairs('It went live on every ward (EPR).')).toEqual([]);
  });

  it('does not reach back across the end of a sentence or a comma', () => {
    expect(pairs('We chose Epic. Records (ER) moved later.')).toEqual([]);
    expect(pairs('Data, Security (DS) came next.')).toEqual([]);
  });

  it('reads acronyms with lower-case letters, capitals inside a name and "&"', () => {
    expect(pairs('electronic prescribing and medicines administration (ePMA)')).toEqual([['electronic prescribing and medicines administration', 'ePMA']]);
    expect(pairs('the GP Connect (GPC) service')).toEqual([['GP Connect', 'GPC']]);
    expect(pairs('Accident and Emergency (A&E)')).toEqual([['Accident and Emergency', 'A&E']]);
  });

  it('matches initials word by word', () => {
    expect(initialsMatch(['Data', 'Security', 'and', 'Protection', 'Toolkit'], 'DSPT')).toBe(true);
    expect(initialsMatch(['and', 'Protection', 'Toolkit'], 'PT')).toBe(false);
    expect(initialsMatch(['Digital', 'Staff'], 'DSP')).toBe(false);
    expect(initialsMatch(['Digital', 'Staff', 'Passport', 'Office'], 'DSP')).toBe(false);
  });
});

describe('acronyms defined in content, in search', () => {
  const entry = (kind: SearchEntry['kind'], slug: string, data: unknown, body = ''): SearchEntry => ({ kind, slug, data, parsed: { body } });

  it('are found once each, in data and bodies, whatever the case of the name', () => {
    const groups = definedAcronymGroups([
      entry('organisation', 'x', { description: 'Runs a Single Point of Access (SPA) for referrals.' }),
      entry('blueprint', 'y', { summary: 'A single point of access (SPA).' }, 'The Single Point of Access (SPA) team.'),
    ]);
    expect(groups).toEqual([['SPA', 'Single Point of Access']]);
    const synonyms = buildSynonyms([], [], [...groups, ['SPA', 'single point of access']]);
    expect(synonyms.groups).toEqual([['SPA', 'Single Point of Access']]);
  });

  it('merge with the glossary rather than repeat it', () => {
    const synonyms = buildSynonyms([], [{ term: 'CCIO', expansion: 'Chief clinical information officer', aliases: [], definition: 'x' } as never], [['CCIO', 'Chief Clinical Information Officer']]);
    expect(synonyms.groups).toEqual([['CCIO', 'Chief clinical information officer']]);
  });

  it('let a query for an acronym defined only in a blueprint body find that blueprint, and pages that spell it out', () => {
    const entries = searchEntries(readCorpus(readContentFiles(process.cwd()).files, nativeMdxParser));
    const glossary = JSON.stringify(entries.filter((e) => e.kind === 'glossary' || e.kind === 'synonyms').map((e) => e.data));
    // "same day emergency care (SDEC)" is written in one blueprint's body, and SDEC is nowhere in the glossary.
    const [defines, spellsOut] = ['remote-monitoring-virtual-ward-for-heart-and-lung-conditions', 'ambulance-electronic-patient-care-records'];
    expect(/\bSDEC\b/.test(glossary)).toBe(false);
    expect(entries.find((e) => e.slug === defines)!.parsed.body).toContain('same day emergency care (SDEC)');
    expect(entries.find((e) => e.slug === spellsOut)!.parsed.body).toMatch(/same day emergency care unit/);
    expect(/\bSDEC\b/.test(entries.find((e) => e.slug === spellsOut)!.parsed.body)).toBe(false);
    const hits = (defined?: string[][]) => {
      const { docs, synonyms } = defined ? searchCorpus({ entries }, defined) : searchCorpus({ entries });
      return searchLunr(buildLunrIndex(docs), docs, 'SDEC', { synonyms, limit: 50 }).hits.map((h) => h.slug);
    };
    const found = hits();
    expect(found).toContain(defines);
    // The page that only writes "business continuity plans" is found through the pair, and only through it.
    expect(found).toContain(spellsOut);
    expect(hits([])).not.toContain(spellsOut);
  });
});
