/**
 * Matching and the where-to-start sequencing, over four named trusts, against the bundled content
 * and the bundled src/content/where-to-start.yaml: what each is told to do first, and which
 * blueprints it is shown.
 */
import { describe, expect, it } from 'vitest';
import { blueprintsFor, priorityMatch, prioritiesFor, rankEntries, similarOrganisations, weights, type Answers, type TrustProfile } from '../../src/lib/match';
import { bundledGuide, bundledMatchData } from '../support/guide';

const guide = bundledGuide();
const data = bundledMatchData();

function guideFor(profile: TrustProfile, answers: Answers) {
  return prioritiesFor(answers, guide).map((c) => ({ id: c.priority.id, blueprints: blueprintsFor(c.priority, profile, data.entries).map((s) => s.entry.id) }));
}
const ids = (list: { id: string }[]) => list.map((p) => p.id);

describe('a small community trust with no EPR', () => {
  const profile: TrustProfile = { setting: 'community', supplier: 'none', epr: 'no', maturity: 'early' };
  const answers: Answers = { 'board-strategy': 'no', 'ccio-time': 'no', wifi: 'no', devices: 'no', 'epr-in-use': 'no', 'e-prescribing': 'no', 'training-backfill': 'no' };
  const priorities = guideFor(profile, answers);

  it('is told to agree a strategy and fix the foundations before anything else', () => {
    expect(ids(priorities).slice(0, 2)).toEqual(['board-strategy', 'foundations']);
  });

  it('is told to choose an EPR only after the foundations, and to leave e-prescribing for later', () => {
    const order = ids(priorities);
    expect(order.indexOf('choose-epr')).toBeGreaterThan(order.indexOf('foundations'));
    expect(order).toHaveLength(5);
    expect(order).not.toContain('e-prescribing');
  });

  it('is shown blueprints from organisations that also started without an EPR supplier', () => {
    const foundations = priorities.find((p) => p.id === 'foundations')!;
    expect(foundations.blueprints).toContain('wi-fi-and-device-refresh-before-an-epr');
    const top = rankEntries(profile, data.entries)[0];
    expect(top.reasons).toEqual(expect.arrayContaining(['no EPR supplier, like you', 'community', 'started without an EPR']));
  });
});

describe('an acute Fast Follower on one supplier', () => {
  const profile: TrustProfile = { setting: 'acute', supplier: 'oracle-health', epr: 'yes', maturity: 'developing', programme: 'fast-follower' };
  const answers: Answers = { 'board-strategy': 'yes', 'ccio-time': 'yes', wifi: 'yes', devices: 'yes', 'epr-in-use': 'yes', 'e-prescribing': 'no', backups: 'yes' };

  it('goes straight to e-prescribing, filled up to three priorities', () => {
    const order = ids(guideFor(profile, answers));
    expect(order[0]).toBe('e-prescribing');
    expect(order).toHaveLength(3);
    expect(order).not.toContain('choose-epr');
  });

  it('is shown e-prescribing on its own supplier first, with that reason', () => {
    const [best] = blueprintsFor(guide.priorities.find((p) => p.id === 'e-prescribing')!, profile, data.entries);
    expect(best.entry.id).toBe('epma-on-every-adult-inpatient-ward');
    expect(best.reasons[0]).toBe('same supplier (Oracle Health (Cerner))');
  });

  it('finds the other acute trusts on the same supplier as its nearest organisations', () => {
    const nearest = similarOrganisations(profile, data.organisations, 2).map((o) => o.organisation.id);
    expect(nearest).toEqual(['ashwyre-valley-hospitals', 'northmoor-teaching-hospitals']);
  });
});

describe('a mental health trust with an EPR and no CCIO', () => {
  const profile: TrustProfile = { setting: 'mental-health', supplier: 'tpp', epr: 'yes', maturity: 'developing' };
  const answers: Answers = { 'board-strategy': 'yes', 'ccio-time': 'no', wifi: 'yes', 'epr-in-use': 'yes', 'clinical-safety': 'no', 'e-prescribing': 'no' };
  const priorities = guideFor(profile, answers);

  it('is told to give a CCIO time before e-prescribing', () => {
    const order = ids(priorities);
    expect(order[0]).toBe('clinical-leadership');
    expect(order.indexOf('e-prescribing')).toBeGreaterThan(order.indexOf('clinical-leadership'));
  });

  it('gives the rule that put e-prescribing after clinical leadership', () => {
    const eprescribing = prioritiesFor(answers, guide).find((c) => c.priority.id === 'e-prescribing')!;
    expect(eprescribing.comesAfter.map((a) => a.priority)).toEqual(['clinical-leadership']);
    expect(eprescribing.triggeredBy).toEqual([{ question: 'e-prescribing', answer: 'no' }]);
  });

  it('is shown clinical leadership blueprints from a mental health trust on the same supplier first', () => {
    expect(priorities[0].blueprints[0]).toBe('chief-clinical-information-officer-shared-with-an-acute-neighbour');
  });
});

describe('an integrated care board', () => {
  const profile: TrustProfile = { setting: 'icb-system', supplier: 'none', region: 'north-east-yorkshire' };
  const answers: Answers = { 'board-strategy': 'yes', 'shared-record': 'no', 'data-use': 'no', 'informatics-team': 'no' };

  it('is told to share records first, then build its team and use its data', () => {
    expect(ids(guideFor(profile, answers))).toEqual(['shared-record', 'informatics-team', 'use-data']);
  });

  it('is shown blueprints from an integrated care board first', () => {
    const ranked = rankEntries(profile, data.entries).slice(0, 2).map((s) => s.entry.id);
    expect(ranked.sort()).toEqual(['population-health-data-for-neighbourhood-teams', 'shared-digital-team-across-an-integrated-care-system']);
  });
});

describe('ranking', () => {
  it('keeps every entry, closest first, and leaves the order alone for an empty profile', () => {
    const ranked = rankEntries({}, data.entries);
    expect(ranked.map((s) => s.entry.id)).toEqual(data.entries.map((e) => e.id));
    expect(ranked.every((s) => s.score === 0 && s.reasons.length === 0)).toBe(true);
    const acute = rankEntries({ setting: 'acute' }, data.entries);
    expect(acute).toHaveLength(data.entries.length);
    expect(acute.map((s) => s.score)).toEqual([...acute.map((s) => s.score)].sort((a, b) => b - a));
  });
});

describe('where the money would come from', () => {
  it('puts blueprints paid for the same way first among equals, with the reason, and never ranks a playbook by it', () => {
    const profile: TrustProfile = { setting: 'acute', funding: 'own-revenue' };
    const ranked = rankEntries(profile, data.entries);
    const withoutMoney = rankEntries({ setting: 'acute' }, data.entries);
    for (const { entry, score, reasons } of ranked) {
      const paidSo = entry.funding?.includes('own-revenue') ?? false;
      const before = withoutMoney.find((s) => s.entry.id === entry.id)!;
      expect(score, entry.id).toBe(before.score + (paidSo ? weights.funding : 0));
      expect(reasons.includes('paid for the same way (own running budget)'), entry.id).toBe(paidSo);
      if (entry.kind === 'playbook') expect(entry.funding).toBeUndefined();
    }
    const paid = ranked.filter((s) => s.entry.funding?.includes('own-revenue'));
    expect(paid.length).toBeGreaterThan(0);
    expect(paid.length).toBeLessThan(data.entries.filter((e) => e.kind !== 'playbook').length);
  });
});

describe('sequencing', () => {
  it('fills up to three priorities from the fallbacks when every answer is yes', () => {
    const allYes = Object.fromEntries(guide.questions.map((q) => [q.id, 'yes' as const]));
    const chosen = prioritiesFor(allYes, guide);
    expect(chosen).toHaveLength(3);
    expect(chosen.every((c) => c.priority.fallback && c.triggeredBy.length === 0)).toBe(true);
  });

  it('never gives more than five priorities, even when every answer is no', () => {
    const allNo = Object.fromEntries(guide.questions.map((q) => [q.id, 'no' as const]));
    expect(prioritiesFor(allNo, guide)).toHaveLength(5);
  });

  it('puts a priority after the one its rule names, even when the file lists it first', () => {
    const byId = (id: string) => guide.priorities.find((p) => p.id === id)!;
    const reordered = { priorities: [byId('e-prescribing'), byId('patient-access'), byId('clinical-leadership')] };
    const chosen = prioritiesFor({ 'e-prescribing': 'no', 'ccio-time': 'no', 'patient-access': 'no' }, reordered);
    expect(chosen.map((c) => c.priority.id)).toEqual(['patient-access', 'clinical-leadership', 'e-prescribing']);
  });

  it('finds no blueprint for a priority whose topic none covers yet', () => {
    const empty = { match: { capabilities: [], domains: [], blueprints: ['not-written-yet'] } };
    expect(blueprintsFor(empty, {}, data.entries)).toEqual([]);
  });
});

describe('blueprints shown for a priority', () => {
  it('are those the priority names first, whatever the trust, then those filed under its capabilities, then its domains', () => {
    const profiles: TrustProfile[] = [{}, { setting: 'community', supplier: 'tpp', epr: 'no', maturity: 'early' }, { setting: 'acute', supplier: 'epic', epr: 'yes' }];
    const named = guide.priorities.filter((p) => p.match.blueprints.length > 0);
    expect(named.length).toBeGreaterThan(5);
    for (const priority of named) {
      for (const profile of profiles) {
        const shown = blueprintsFor(priority, profile, data.entries, 20).map((s) => s.entry);
        const first = shown.slice(0, priority.match.blueprints.length).map((e) => e.id);
        expect(first.sort(), `${priority.id} for ${JSON.stringify(profile)}`).toEqual([...priority.match.blueprints].sort());
        const closeness = shown.map((e) => priorityMatch(priority.match, e));
        expect(closeness, priority.id).toEqual([...closeness].sort((a, b) => b - a));
      }
    }
  });

  it('are, for a priority that names none, those filed under its capabilities before those only in its domains', () => {
    const priority = { match: { blueprints: [], capabilities: ['business-clinical-intelligence' as const], domains: ['workforce' as const] } };
    const shown = blueprintsFor(priority, {}, data.entries, 50).map((s) => s.entry);
    const capability = shown.findIndex((e) => !e.capabilities.includes('business-clinical-intelligence'));
    expect(capability).toBeGreaterThan(0);
    expect(shown.slice(capability).every((e) => !e.capabilities.includes('business-clinical-intelligence') && e.domain === 'workforce')).toBe(true);
  });
});
