import { describe, expect, it } from 'vitest';
import { monthsSince, nudgeAllClearBody, nudgeBody, nudgeMarker, staleExploring, type AdoptionEntry } from '../../src/lib/contribute/adoption-nudges';
import { adoptionEntry } from '../support/entries';

const today = new Date('2025-10-15T00:00:00Z');
const record = (organisation: string, stage: string, date: string): AdoptionEntry => adoptionEntry(organisation, 'electronic-observations', { stage, date });
const context = { repository: 'commons/site', branch: 'main' };

describe('nudging adoption records left at exploring', () => {
  it('counts whole calendar months from a record’s month to today’s', () => {
    expect(monthsSince('2025-03', today)).toBe(7);
    expect(monthsSince('2025-04', today)).toBe(6);
    expect(monthsSince('2024-12', today)).toBe(10);
  });

  it('lists records at exploring for more than six whole months, oldest first', () => {
    const stale = staleExploring([record('beta', 'exploring', '2025-03'), record('alpha', 'exploring', '2024-11'), record('gamma', 'exploring', '2025-04')], today);
    expect(stale.map((e) => e.data.organisation)).toEqual(['alpha', 'beta']);
  });

  it('leaves alone records that have moved on from exploring, however old', () => {
    const stale = staleExploring(['piloting', 'live', 'abandoned'].map((stage) => record(stage, stage, '2020-01')), today);
    expect(stale).toEqual([]);
  });

  it('lists each record with its organisation’s name and a link to the form filled in for it', () => {
    const body = nudgeBody(staleExploring([record('beta', 'exploring', '2025-03')], today), context, (slug) => `${slug} NHS Trust`);
    expect(body.startsWith(nudgeMarker)).toBe(true);
    expect(body).toContain('| beta NHS Trust | `electronic-observations` | March 2025 |');
    expect(body).toContain('https://github.com/commons/site/issues/new?template=we-are-using-this.yml&blueprint=electronic-observations&organisation=beta');
    expect(body).toContain('https://github.com/commons/site/edit/main/src/content/adoptions/beta--electronic-observations.yaml');
  });

  it('links the site’s own form too, filled in for the record, when the site’s address is known', () => {
    const body = nudgeBody(staleExploring([record('beta', 'exploring', '2025-03')], today), { ...context, siteUrl: 'https://commons.example.org/' });
    expect(body).toContain('[update on the site](https://commons.example.org/we-are-using-this/?blueprint=electronic-observations&organisation=beta)');
    expect(body).toContain('[blueprint](https://commons.example.org/blueprints/electronic-observations/)');
    expect(nudgeBody(staleExploring([record('beta', 'exploring', '2025-03')], today), context)).not.toContain('update on the site');
  });

  it('lists at most 50 records and counts the rest, so GitHub takes the issue however many there are', () => {
    const many = Array.from({ length: 300 }, (_, i) => record(`organisation-with-a-long-name-${i}`, 'exploring', '2024-03'));
    const body = nudgeBody(staleExploring(many, today), { ...context, siteUrl: 'https://blueprints.example.nhs.uk/commons/' }, (slug) => `${slug} NHS Foundation Trust`);
    expect(body.length).toBeLessThan(65_536);
    expect(body).toContain('| …and 250 more, listed once these are updated | | | |');
  });

  it('says the same thing next week when nothing has changed, so the issue is left alone', () => {
    const entries = [record('beta', 'exploring', '2025-03')];
    expect(nudgeBody(staleExploring(entries, today), context)).toBe(nudgeBody(staleExploring(entries, new Date('2025-10-22T00:00:00Z')), context));
  });

  it('keeps its marker once nothing is left, so the same issue is found and thanked', () => {
    expect(nudgeAllClearBody()).toContain(nudgeMarker);
  });
});
