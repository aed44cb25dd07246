import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCorpus, type ContentFile } from '../../src/lib/validate/corpus';
import { checkOrganisationFacts, claimsIn, ownNameClaimPatterns, ownNames } from '../../src/lib/validate/rules/organisation-facts';
import { nativeMdxParser } from '../../src/lib/validate/native-parser';

function organisation(slug: string, programme: string, description = 'A made-up trust for the tests.'): ContentFile {
  return {
    path: `src/content/organisations/${slug}.yaml`,
    source: `name: ${slug === 'north' ? 'North Hospitals NHS Trust' : 'South Hospitals NHS Trust'}\nshortName: ${slug === 'north' ? 'North' : 'South'}\nodsCode: X9A01\ncareSetting: acute\nregion: midlands\nprogramme: ${programme}\ndescription: ${description}\nillustrative: true\n`,
  };
}

function blueprint(slug: string, { org = 'north', supplier = 'oracle-health', start = '2020-01', stage, epr, body = 'We started on paper.', status = 'published' }: { org?: string; supplier?: string; start?: string; stage?: number; epr?: boolean; body?: string; status?: string } = {}): ContentFile {
  const startingPoint = stage === undefined && epr === undefined ? '' : `startingPoint:\n${stage === undefined ? '' : `  emramStage: ${stage}\n`}${epr === undefined ? '' : `  eprInPlace: ${epr}\n`}`;
  return {
    path: `src/content/blueprints/${slug}.mdx`,
    source: `---
domain: technical-build
title: Moving observations off paper charts
summary: The trust moved nursing observations from paper charts to handheld devices on every adult ward.
keyQuestions:
  - How do we move observations off paper?
organisation: ${org}
pillars: [safe-practice]
careSettings: [acute]
eprSupplier: ${supplier}
audience: [cio]
${startingPoint}cost:
  band: 250k-1m
outcome:
  evidence: measured-locally
  headline: Observations recorded on time rose from 61% to 88% of sets.
timeline:
  start: ${start}
published: 2024-06-01
owner:
  name: Nursing informatics team
contact: informatics@example.nhs.uk
status: ${status}
illustrative: true
---

## Starting point

${body}
`,
  };
}

function problems(...files: ContentFile[]) {
  const corpus = readCorpus(files, nativeMdxParser);
  expect(corpus.problems, JSON.stringify(corpus.problems)).toEqual([]);
  return checkOrganisationFacts(corpus);
}

describe('the organisation facts rule', () => {
  it('accepts blueprints that tell one organisation’s story the same way', () => {
    expect(problems(organisation('north', 'gde'), blueprint('a', { stage: 2, epr: false, start: '2018-01' }), blueprint('b', { stage: 5, epr: true, start: '2021-01' }))).toEqual([]);
  });

  it('reports the blueprint whose EPR supplier differs from the one the others give', () => {
    const found = problems(organisation('north', 'gde'), blueprint('a'), blueprint('b'), blueprint('c', { supplier: 'epic' }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'src/content/blueprints/c.mdx', field: 'eprSupplier' });
    expect(found[0].message).toContain('src/content/blueprints/a.mdx, src/content/blueprints/b.mdx give "oracle-health"');
  });

  it('ignores work that involved no EPR, and other organisations’ suppliers', () => {
    expect(problems(organisation('north', 'gde'), organisation('south', 'none'), blueprint('a'), blueprint('b', { supplier: 'none' }), blueprint('c', { org: 'south', supplier: 'epic' }))).toEqual([]);
  });

  it('reports an EMRAM stage lower than an earlier blueprint’s, or different at the same start', () => {
    expect(problems(organisation('north', 'gde'), blueprint('a', { stage: 3, start: '2017-04' }), blueprint('b', { stage: 2, start: '2019-04' })).map((p) => [p.file, p.field])).toEqual([['src/content/blueprints/b.mdx', 'startingPoint.emramStage']]);
    expect(problems(organisation('north', 'gde'), blueprint('a', { stage: 3 }), blueprint('b', { stage: 4 }))).toHaveLength(1);
  });

  it('reports an EPR missing after an earlier blueprint had it in place, but not a default it never wrote', () => {
    expect(problems(organisation('north', 'gde'), blueprint('a', { epr: true, start: '2017-04' }), blueprint('b', { epr: false, start: '2019-04' })).map((p) => p.field)).toEqual(['startingPoint.eprInPlace']);
    expect(problems(organisation('north', 'gde'), blueprint('a', { epr: true, start: '2017-04' }), blueprint('b', { start: '2019-04' }))).toEqual([]);
  });

  it('leaves drafts out, since they are not published yet', () => {
    expect(problems(organisation('north', 'gde'), blueprint('a'), blueprint('b', { supplier: 'epic', status: 'draft' }))).toEqual([]);
  });

  it('reports text in which the organisation claims a programme its file does not give, at the line of the claim', () => {
    const found = problems(organisation('north', 'fast-follower'), blueprint('a', { body: 'Line one.\n\nAs a Global Digital Exemplar, we had money for devices.' }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ field: 'organisation-programme', line: 31 });
    expect(found[0].message).toMatch(/the site lists North Hospitals NHS Trust as a Fast Follower: correct the text\. If the site is wrong, its organisation file \(src\/content\/organisations\/north\.yaml\) needs correcting instead$/);
  });

  it.each([
    ['we were one of the first acute Global Digital Exemplars', 'fast-follower'],
    ['North, a Digital Aspirant, had paper notes', 'gde'],
    ['North became a Fast Follower in 2018', 'gde'],
    ['our GDE funding ran out', 'digital-aspirant'],
    ['we were outside the national programmes', 'gde'],
    ['North Hospitals NHS Trust was an acute GDE', 'none'],
    ['we were the first Fast Follower in our region', 'gde'],
  ])('catches "%s" from an organisation whose programme is %s', (text, programme) => {
    expect(problems(organisation('north', programme), blueprint('a', { body: `${text}.` }))).toHaveLength(1);
  });

  it.each([
    ['As South’s Fast Follower, we reused its designs', 'fast-follower'],
    ['We learned from South, a Global Digital Exemplar', 'none'],
    ['The Fast Follower programme paired trusts with exemplars', 'gde'],
    ['we were outside the national programmes', 'none'],
    ['we were told by a Global Digital Exemplar that this works', 'none'],
    ['we were a GDE partner for two years', 'fast-follower'],
    ['we were a Fast Follower programme site’s neighbour', 'none'],
  ])('accepts "%s" from an organisation whose programme is %s', (text, programme) => {
    expect(problems(organisation('north', programme), organisation('south', 'gde'), blueprint('a', { body: `${text}.` }))).toEqual([]);
  });

  it('reports an organisation description that names another programme than its own', () => {
    const found = problems(organisation('north', 'none', 'A small trust. Funded as a Digital Aspirant to fix its Wi-Fi.'));
    expect(found.map((p) => [p.file, p.field])).toEqual([['src/content/organisations/north.yaml', 'description']]);
    expect(problems(organisation('north', 'fast-follower', 'Paired with South as a Fast Follower.'))).toEqual([]);
    expect(problems(organisation('north', 'none', 'A small trust. A mental health Global Digital Exemplar.'))[0].message).toMatch(/^says "A mental health Global Digital Exemplar", but programme is none/);
  });
});

describe('claims made of an organisation by its name', () => {
  // A claim built slot by slot, each slot mostly right and sometimes a near miss, joined into text with other words around it.
  const slot = (...options: string[]) => fc.constantFrom(...options);
  const claim = fc
    .tuple(
      slot('North', 'north', 'NORTH', 'North Hospitals NHS Trust', 'north hospitals nhs trust', 'North Hospitals', 'Northmoor', 'N. Moor', 'Northmoor (East)', 'We', 'As a'),
      slot('', '', "'s", '’s', 's'),
      slot(' was ', ' had become ', ' is ', ' became ', ', ', ',', ' , ', ' said '),
      slot('', 'a ', 'an ', 'the ', 'one of the first ', 'one of first ', 'A '),
      slot('', '', 'acute ', 'mental health ', 'first-wave large small ', 'acute  '),
      slot('Global Digital Exemplar', 'GDE', 'gdes', 'Fast Follower', 'fast followers', 'Digital Aspirant', 'Frontline Digitisation', 'exemplar'),
      slot('', '.', ' partner', "'s design", ' programme', ' in 2018', 's', ', we'),
    )
    .map((parts) => parts.join(''));
  const text = fc.array(fc.oneof(claim, slot(' ', '; ', '\n', 'and ', 'told by '), fc.string({ maxLength: 4 })), { maxLength: 8 }).map((parts) => parts.join(''));
  const names = fc.constantFrom(['North Hospitals NHS Trust', 'North'], ['North'], ['North', 'North Hospitals NHS Trust'], ['Northmoor (East)', 'N. Moor']);

  it('finds what one expression per organisation finds, in the same order, with the same words', () => {
    fc.assert(
      fc.property(text, names, (t, n) => {
        expect(claimsIn(t, [], ownNames(n))).toEqual(claimsIn(t, ownNameClaimPatterns(n)));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds a claim after either name, and after the longer name where both start', () => {
    const n = ['North Hospitals NHS Trust', 'North'];
    const t = 'North Hospitals NHS Trust was a GDE; north’s became one of the first Fast Followers, and North, a Digital Aspirant.';
    expect(claimsIn(t, [], ownNames(n)).map((c) => c.text)).toEqual(['North Hospitals NHS Trust was a GDE', 'north’s became one of the first Fast Followers', 'North, a Digital Aspirant']);
    expect(claimsIn(t, [], ownNames(n))).toEqual(claimsIn(t, ownNameClaimPatterns(n)));
  });
});
