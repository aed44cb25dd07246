/**
 * Evidence roll-ups and the evidence-strength rule, over a small named corpus built with the real
 * schema: counts, spreads, gap lines, each rule's boundary, and never a figure averaged across
 * metrics or units.
 */
import { describe, expect, it } from 'vitest';
import { formatMeasure, monthsBetween, rollUp } from '../../src/lib/evidence/roll-up';
import { evidenceStrength, recentYears, strengthRules } from '../../src/lib/evidence/strength';
import { fundingSources } from '../../src/lib/schema';
import { blueprintEntry } from '../support/entries';

const today = new Date('2026-06-01T00:00:00Z');

const lateEscalations = { metric: 'Late escalations', unit: 'percent', period: 'six months after rollout' };

/** Four accounts from three organisations: one redprint, one independently evaluated, mixed measures. */
const corpus = [
  blueprintEntry('obs-north', {
    organisation: 'north', published: '2025-03-01', cost: { band: '250k-1m' }, timeline: { start: '2024-01', end: '2024-10' },
    outcome: { evidence: 'independently-evaluated', headline: 'Late escalations fell by a third.', measures: [{ ...lateEscalations, baseline: 26, result: 17 }] },
  }),
  blueprintEntry('obs-south', {
    organisation: 'south', published: '2025-02-01', cost: { band: '250k-1m' }, timeline: { start: '2023-01', end: '2024-01' },
    outcome: { evidence: 'measured-locally', headline: 'Late escalations fell to one in five.', measures: [{ ...lateEscalations, metric: 'late  ESCALATIONS', baseline: 30, result: 21 }, { metric: 'Late escalations', unit: 'count', result: 40, period: 'first year' }] },
  }),
  blueprintEntry('obs-south-redprint', {
    type: 'redprint', organisation: 'south', published: '2025-01-01', cost: { band: 'under-50k' }, timeline: { start: '2022-01', end: '2022-04' },
    outcome: { evidence: 'anecdotal', headline: 'The pilot stopped after three months.' },
  }),
  blueprintEntry('obs-east', {
    organisation: 'east', published: '2024-12-01', cost: { band: '50k-250k' }, timeline: { start: '2024-06' },
    outcome: { evidence: 'measured-locally', headline: 'Observations were on time more often.', measures: [{ metric: 'Observations on time', unit: 'percent', baseline: 60, result: 85, period: 'three months after go-live' }] },
  }),
];

describe('an evidence roll-up', () => {
  const r = rollUp(corpus, today);

  it('counts blueprints, redprints and distinct publishing organisations', () => {
    expect([r.blueprints, r.redprints, r.organisations]).toEqual([3, 1, 3]);
  });

  it('counts every evidence level and cost band, including those with none', () => {
    expect(r.byEvidenceLevel.map((l) => [l.term.value, l.count])).toEqual([['anecdotal', 1], ['measured-locally', 2], ['independently-evaluated', 1]]);
    expect(r.costBands.map((b) => [b.term.value, b.count])).toEqual([['under-50k', 1], ['50k-250k', 1], ['250k-1m', 2], ['over-1m', 0]]);
  });

  it('counts every funding source, an account under each source that paid, and the accounts that do not say', () => {
    const paid = rollUp([
      { ...corpus[0], data: { ...corpus[0].data, funding: ['national-programme', 'own-revenue'] } },
      { ...corpus[1], data: { ...corpus[1].data, funding: ['own-revenue'] } },
      { ...corpus[2], data: { ...corpus[2].data, funding: [] } },
    ], today);
    expect(paid.funding.sources.map((f) => f.term.value)).toEqual(fundingSources.map((t) => t.value));
    expect(paid.funding.sources.filter((f) => f.count > 0).map((f) => [f.term.value, f.count])).toEqual([['national-programme', 1], ['own-revenue', 2]]);
    expect(paid.funding.notSaid).toBe(1);
  });

  it('gives the median, shortest and longest finished work in months, and counts work still going', () => {
    expect(monthsBetween('2019-04', '2020-01')).toBe(9);
    expect(r.timelines).toEqual({ finished: 3, ongoing: 1, medianMonths: 9, minMonths: 3, maxMonths: 12 });
  });

  it('lists headline results strongest evidence first', () => {
    expect(r.headlines.map((h) => h.slug)).toEqual(['obs-north', 'obs-south', 'obs-east']);
  });

  it('gives a range only for a metric two accounts measured in the same unit, matching capitals and spaces', () => {
    expect(r.measures.ranges).toHaveLength(1);
    expect(r.measures.ranges[0]).toMatchObject({ unit: 'percent', min: 17, max: 21 });
    expect(r.measures.ranges[0].results.map((x) => x.slug)).toEqual(['obs-north', 'obs-south']);
  });

  it('never puts different units or metrics together: each stays a single measure as given', () => {
    expect(r.measures.singles.map((s) => [s.slug, s.metric, s.unit, s.result])).toEqual([
      ['obs-south', 'Late escalations', 'count', 40],
      ['obs-east', 'Observations on time', 'percent', 85],
    ]);
  });

  it('makes no range from one account giving the same metric twice', () => {
    const twice = blueprintEntry('twice', { outcome: { evidence: 'measured-locally', headline: 'Waits fell twice over.', measures: [
      { metric: 'Wait', unit: 'days', result: 10, period: 'year one' }, { metric: 'Wait', unit: 'days', result: 8, period: 'year two' },
    ] } });
    expect(rollUp([twice], today).measures).toMatchObject({ ranges: [], singles: [{ result: 10 }, { result: 8 }] });
  });

  it('says plainly what is missing: no independent evaluation, one organisation, no redprint, no numbers', () => {
    expect(r.gaps).toEqual([]);
    const one = rollUp([blueprintEntry('lonely', { organisation: 'solo' })], today);
    expect(one.gaps).toEqual([
      'No independently evaluated example yet.',
      'Only one organisation has shared its work here so far.',
      'No redprint yet: nobody has shared what did not work.',
      'No measured results given as numbers yet.',
    ]);
    expect(rollUp([], today).gaps).toEqual(['No blueprint or redprint yet.']);
  });
});

describe('the evidence-strength rule', () => {
  const account = (org: string, evidence: string, published: string) =>
    blueprintEntry(`${org}-${evidence}-${published}`, { organisation: org, published, outcome: { evidence, headline: 'Something measurable happened.' } });
  const recent = '2025-01-01';
  const old = '2020-01-01';

  it('is strong with two recent organisations and one independent evaluation', () => {
    expect(evidenceStrength([account('a', 'independently-evaluated', recent), account('b', 'anecdotal', recent)], today).value).toBe('strong');
  });

  it('is moderate, not strong, when the same two organisations only measured locally', () => {
    expect(evidenceStrength([account('a', 'measured-locally', recent), account('b', 'anecdotal', recent)], today).value).toBe('moderate');
  });

  it('needs two organisations: one organisation with two evaluated accounts is limited', () => {
    expect(evidenceStrength([account('a', 'independently-evaluated', recent), account('a', 'independently-evaluated', '2025-02-01')], today).value).toBe('limited');
  });

  it(`counts only accounts reviewed in the last ${recentYears} years towards strong and moderate`, () => {
    const exactlyOnCutoff = '2023-06-01';
    const dayBefore = '2023-05-31';
    expect(evidenceStrength([account('a', 'independently-evaluated', exactlyOnCutoff), account('b', 'anecdotal', exactlyOnCutoff)], today).value).toBe('strong');
    expect(evidenceStrength([account('a', 'independently-evaluated', dayBefore), account('b', 'anecdotal', recent)], today).value).toBe('limited');
    expect(evidenceStrength([account('a', 'independently-evaluated', old), account('b', 'measured-locally', recent), account('c', 'anecdotal', recent)], today).value).toBe('moderate');
  });

  it('is limited for anecdotal accounts from many organisations, and none yet with no accounts', () => {
    expect(evidenceStrength([account('a', 'anecdotal', recent), account('b', 'anecdotal', recent), account('c', 'anecdotal', recent)], today).value).toBe('limited');
    expect(evidenceStrength([], today).value).toBe('none');
  });

  it('has a rule in words for every label, which the evidence page shows', () => {
    for (const rule of strengthRules) expect(rule.rule.length, rule.value).toBeGreaterThan(10);
  });
});

describe('a measure as shown', () => {
  it.each([
    [17, 'percent', '17%'], [780000, 'gbp', '£780,000'], [95000, 'gbp-per-year', '£95,000 a year'],
    [45, 'minutes', '45 minutes'], [1, 'days', '1 day'], [600, 'count', '600'], [2.5, 'hours', '2.5 hours'],
  ] as const)('%d %s reads %s', (value, unit, text) => {
    expect(formatMeasure(value, unit)).toBe(text);
  });
});
