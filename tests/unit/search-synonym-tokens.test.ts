import { describe, expect, it } from 'vitest';
import { everyNameToken, groupKeys, nameToken, queryVocabulary, readSynonyms, searchToken, synonymLookup, tokenLines } from '../../src/lib/search/synonym-tokens';
import { buildSynonyms, phraseKey } from '../../src/lib/search/synonyms';
import { isListed } from '../../src/lib/schema';
import { blueprintRecord, playbookRecord } from '../../src/lib/search/record';
import { blueprintSchema, organisationSchema, playbookSchema } from '../../src/lib/schema';

const synonyms = buildSynonyms([], [
  { term: 'CCIO', expansion: 'Chief clinical information officer', definition: 'A senior clinician who leads digital.', aliases: ['A&E lead'] },
  { term: 'EPR', expansion: 'Electronic patient record', definition: 'The main clinical system.', aliases: [] },
]);

describe('the synonym tokens a page carries for search', () => {
  const group = (name: string) => synonyms.groups.find((g) => g.includes(name))!;
  /** The token of a name: its group's token and its place among the group's names. */
  const token = (name: string) => nameToken(searchToken(group(name)), groupKeys(group(name)).indexOf(phraseKey(name)));
  const lines = (text: string) => tokenLines(synonyms.mentioned(text));

  it('gives each name the text uses its token, one line per weight, heaviest first', () => {
    expect(lines('Our CCIO chose the EPR. The EPR went live.')).toEqual([
      { weight: 2, text: token('EPR') },
      { weight: 1, text: token('CCIO') },
    ]);
  });

  it('gives each name of a group its own token, which begins with the group’s, and counts each name on its own', () => {
    expect(token('EPR')).not.toBe(token('Electronic patient record'));
    for (const name of ['EPR', 'Electronic patient record']) expect(token(name).startsWith(searchToken(group('EPR')))).toBe(true);
    expect(lines('The electronic patient record.')).toEqual([{ weight: 1, text: token('Electronic patient record') }]);
    expect(lines('The EPR, our electronic patient record, and the EPR again.')).toEqual([
      { weight: 2, text: token('EPR') },
      { weight: 1, text: token('Electronic patient record') },
    ]);
  });

  it('weights a name by how many times the page uses it, to at most 10, and puts names of one weight on one line', () => {
    expect(lines('CCIO CCIO CCIO CCIO CCIO EPR EPR EPR')).toEqual([{ weight: 5, text: token('CCIO') }, { weight: 3, text: token('EPR') }]);
    expect(lines(`${'CCIO '.repeat(12)} ${'EPR '.repeat(10)}`)).toEqual([{ weight: 10, text: `${token('CCIO')} ${token('EPR')}` }]);
  });

  it('gives names that differ only by spaces one token, as Pagefind reads "Wi-Fi" as "wifi" too', () => {
    const wifi = buildSynonyms([{ terms: ['Wi-Fi', 'wifi', 'wireless network'], misspellings: [] }], []);
    const [group] = wifi.groups;
    const tokens = (text: string) => tokenLines(wifi.mentioned(text)).map((l) => l.text);
    expect(tokens('Wi-Fi on every ward')).toEqual(tokens('wifi on every ward'));
    expect(tokens('Wi-Fi on every ward')).toEqual([nameToken(searchToken(group), 0)]);
    expect(tokens('a wireless network')).toEqual([nameToken(searchToken(group), 1)]);
    expect(synonymLookup(queryVocabulary(wifi.groups)).nameTokens.get('wifi')).toBe(nameToken(searchToken(group), 0));
    expect(everyNameToken([searchToken(group)], synonymLookup(queryVocabulary(wifi.groups)))).toEqual([0, 1].map((place) => nameToken(searchToken(group), place)));
  });

  it('puts the names its title uses at the title’s weight as well', () => {
    expect(tokenLines(synonyms.mentioned('The EPR went live.'), synonyms.mentioned('An EPR in a year'))).toEqual([
      { weight: 7, text: token('EPR') },
      { weight: 1, text: token('EPR') },
    ]);
  });

  it('gives nothing when no group is mentioned', () => {
    expect(lines('Nothing to see.')).toEqual([]);
  });

  it('makes tokens of one length, digits after a fixed start: a group’s from its preferred form only, a name’s two digits longer', () => {
    for (const g of synonyms.groups) expect(searchToken(g)).toMatch(/^zq\d{16}$/);
    expect(searchToken(['EPR', 'x'])).toBe(searchToken(['epr', 'y']));
    expect(searchToken(['EPR'])).not.toBe(searchToken(['CCIO']));
    expect(nameToken('zq0000000000000001', 0)).toBe('zq000000000000000100');
    expect(nameToken('zq0000000000000001', 12)).toBe('zq000000000000000112');
    expect(nameToken('zq0000000000000001', 150), 'past the hundredth name, the last token').toBe('zq000000000000000199');
  });
});

describe('reading a query for synonym groups', () => {
  const lookup = synonymLookup(queryVocabulary([...synonyms.groups, ['IT', 'Information technology'], ['DSPT', 'Data security and protection toolkit']]));
  const token = (name: string) => lookup.tokens.get(name.toLowerCase());
  const named = (name: string) => lookup.nameTokens.get(phraseKey(name));

  it('puts a group’s token in place of any of its names, in any case, gives the name’s own token, and keeps the other words', () => {
    expect(readSynonyms('EPR business case', lookup)).toEqual({ tokens: [token('EPR')], named: [named('EPR')], rest: ['business', 'case'] });
    expect(readSynonyms('electronic patient records', lookup)).toEqual({ tokens: [token('EPR')], named: [named('electronic patient record')], rest: [] });
    expect(readSynonyms('epr', lookup)).toEqual({ tokens: [token('EPR')], named: [named('EPR')], rest: [] });
  });

  it('reads a name holding a stop word whole, and the longest name first', () => {
    expect(readSynonyms('data security and protection toolkit', lookup).tokens).toEqual([token('DSPT')]);
    expect(readSynonyms('chief clinical information officer', lookup)).toEqual({ tokens: [token('CCIO')], named: [named('chief clinical information officer')], rest: [] });
  });

  it('does not read a stop word as an acronym unless it is typed in capitals', () => {
    expect(readSynonyms('what is it', lookup)).toEqual({ tokens: [], named: [], rest: ['what', 'is', 'it'] });
    expect(readSynonyms('IT team', lookup)).toEqual({ tokens: [token('IT')], named: [named('IT')], rest: ['team'] });
  });

  it('gives the search page the same tokens for each name as the pages carry', () => {
    const fromPage = synonymLookup(queryVocabulary(synonyms.groups));
    for (const g of synonyms.groups) {
      for (const name of g) {
        expect(fromPage.tokens.get(phraseKey(name)), name).toBe(searchToken(g));
        expect(fromPage.nameTokens.get(phraseKey(name)), name).toBe(tokenLines(synonyms.mentioned(name))[0].text);
      }
    }
  });

  it('gives each group once, with the first name typed', () => {
    expect(readSynonyms('EPR electronic patient record', lookup)).toEqual({ tokens: [token('EPR')], named: [named('EPR')], rest: [] });
  });

  it('lists every name’s token of the groups named, each beginning with its group’s token', () => {
    const all = everyNameToken([token('EPR')!, token('DSPT')!], lookup);
    expect(all).toEqual([...['EPR', 'electronic patient record'].map(named), ...['DSPT', 'data security and protection toolkit'].map(named)]);
    expect(all.every((t, i) => t!.startsWith(i < 2 ? token('EPR')! : token('DSPT')!))).toBe(true);
    expect(everyNameToken([], lookup)).toEqual([]);
  });
});

describe('what a page tells Pagefind', () => {
  const organisation = organisationSchema.parse({ name: 'Alpha NHS Trust', shortName: 'Alpha', odsCode: 'X1A01', careSetting: 'acute', region: 'london', programme: 'fast-follower', description: 'A test organisation.' });
  const blueprint = (extra: Record<string, unknown> = {}) =>
    blueprintSchema.parse({
      type: 'redprint', domain: 'workforce', title: 'Training ward staff with super-users', summary: 'A summary that is long enough to pass the minimum length.',
      keyQuestions: ['How do we train staff?'], organisation: 'alpha', pillars: ['support-people'], careSettings: ['acute', 'community'], audience: ['cio'],
      eprSupplier: 'epic', standards: ['snomed-ct'], cost: { band: '50k-250k' }, funding: ['charity', 'own-revenue'], outcome: { evidence: 'measured-locally', headline: 'Staff felt ready on go-live day.' },
      timeline: { start: '2023-01' }, published: '2024-03-01', lastReviewed: '2025-02-01', owner: { name: 'Digital team' }, contact: 'team@example.nhs.uk', ...extra,
    });

  it('files a blueprint under every facet, including its organisation’s programme', () => {
    expect(blueprintRecord(blueprint(), organisation).filters).toEqual({
      type: ['redprint'], domain: ['workforce'], setting: ['acute', 'community'], pillar: ['support-people'], capability: [],
      programme: ['fast-follower'], funding: ['charity', 'own-revenue'], supplier: ['epic'], standard: ['snomed-ct'], audience: ['cio'],
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
