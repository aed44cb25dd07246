import { describe, expect, it } from 'vitest';
import {
  allClearBody, emailDueThisWeek, overdueByOwner, reminderBody, reminderEmails, reminderKeyOf, reminderMarker, reminderTitle, type ReviewEntry,
} from '../../src/lib/contribute/review-reminders';
import type { Blueprint } from '../../src/lib/schema';

const today = new Date('2025-01-01T00:00:00Z');
function entry(slug: string, reviewBy: string, owner: Blueprint['owner'], status: Blueprint['status'] = 'published'): ReviewEntry {
  return {
    slug,
    filePath: `src/content/blueprints/${slug}.mdx`,
    data: { title: `Title ${slug}`, reviewBy: new Date(`${reviewBy}T00:00:00Z`), lastReviewed: new Date('2023-01-01T00:00:00Z'), owner, status } as Blueprint,
  };
}
const ada = { name: 'Flow team', github: 'ada' };
const team = { name: 'Workforce  Team' };

describe('grouping blueprints due for review', () => {
  it('puts one owner’s overdue blueprints together', () => {
    const groups = overdueByOwner([entry('a', '2024-01-01', ada), entry('b', '2024-06-01', ada)], today);
    expect(groups.map((g) => [g.key, g.entries.map((e) => e.slug)])).toEqual([['github:ada', ['a', 'b']]]);
  });

  it('groups owners without a GitHub user name by their name', () => {
    const groups = overdueByOwner([entry('a', '2024-01-01', team), entry('b', '2024-01-01', { name: 'workforce team' })], today);
    expect(groups).toHaveLength(1);
    expect(groups[0].key).toBe('name:workforce team');
  });

  it('leaves out blueprints not yet due', () => {
    expect(overdueByOwner([entry('a', '2025-06-01', ada)], today)).toEqual([]);
  });

  it('includes blueprints marked needs-review even before their date', () => {
    expect(overdueByOwner([entry('a', '2025-06-01', ada, 'needs-review')], today)).toHaveLength(1);
  });

  it('leaves drafts and archived blueprints alone', () => {
    expect(overdueByOwner([entry('a', '2024-01-01', ada, 'draft'), entry('b', '2024-01-01', ada, 'archived')], today)).toEqual([]);
  });

  it('lists the longest overdue first', () => {
    const [group] = overdueByOwner([entry('late', '2024-06-01', ada), entry('later', '2023-06-01', ada)], today);
    expect(group.entries.map((e) => e.slug)).toEqual(['later', 'late']);
  });
});

describe('the reminder issue', () => {
  const [group] = overdueByOwner([entry('a', '2024-01-01', ada)], today);
  const context = { repository: 'o/r', branch: 'main' };

  it('mentions the owner by their GitHub user name', () => {
    expect(reminderBody(group, context)).toContain('Hello @ada,');
    expect(reminderTitle(group)).toContain('@ada');
  });

  it('links each blueprint’s file for editing', () => {
    expect(reminderBody(group, context)).toContain('https://github.com/o/r/edit/main/src/content/blueprints/a.mdx');
  });

  it('can be found again by its marker', () => {
    expect(reminderKeyOf(reminderBody(group, context))).toBe('github:ada');
  });

  it('lists at most 100 blueprints and counts the rest, so GitHub takes the issue however many an owner has', () => {
    const [many] = overdueByOwner(Array.from({ length: 500 }, (_, i) => entry(`a-long-blueprint-slug-for-the-test-number-${i}`, '2024-01-01', ada)), today);
    const body = reminderBody(many, { ...context, siteUrl: 'https://blueprints.example.nhs.uk/commons/' });
    expect(body.length).toBeLessThan(65_536);
    expect(body).toContain('| …and 400 more, listed once these are reviewed | | | |');
  });

  it('says the same thing next week when nothing changed', () => {
    expect(reminderBody(group, context)).toBe(reminderBody(overdueByOwner([entry('a', '2024-01-01', ada)], new Date('2025-01-08T00:00:00Z'))[0], context));
  });

  it('tells an owner without a GitHub user name how to be mentioned', () => {
    const [named] = overdueByOwner([entry('a', '2024-01-01', team)], today);
    expect(reminderBody(named, context)).toContain('github: <your GitHub user name>');
  });

  it('says thank you rather than closing when everything is reviewed', () => {
    const body = allClearBody('github:ada', ada);
    expect(body).toContain(reminderMarker('github:ada'));
    expect(body).toContain('You can close this issue');
  });
});

describe('reminder emails to owners without GitHub', () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

  it('fall in the week the review is due, four weeks later, then every thirteen weeks: never twice in one week', () => {
    const due = day('2025-03-03');
    const weeksEmailed = new Set<number>();
    for (let d = -14; d < 7 * 60; d++) {
      if (emailDueThisWeek(due, addDays(due, d))) weeksEmailed.add(Math.floor(d / 7));
    }
    expect([...weeksEmailed]).toEqual([0, 4, 13, 26, 39, 52]);
    // A weekly run on any weekday sends in exactly one run per window.
    for (let start = 0; start < 7; start++) {
      const runs = Array.from({ length: 60 }, (_, w) => addDays(due, start + 7 * w - 7)).filter((run) => emailDueThisWeek(due, run));
      expect(runs).toHaveLength(6);
    }
  });

  const withContact = (slug: string, reviewBy: string, contact: string, more: Partial<Blueprint> = {}): ReviewEntry => {
    const e = entry(slug, reviewBy, ada);
    return { ...e, data: { ...e.data, contact, illustrative: false, ...more } as Blueprint };
  };

  it('go once to each contact address, listing its blueprints due an email this week with their review pages', () => {
    const emails = reminderEmails([
      withContact('late', '2024-12-30', 'Flow.Team@nhs.net'),
      withContact('later', '2024-12-02', 'flow.team@nhs.net'),
      withContact('other', '2024-12-31', 'digital@nhs.net'),
    ], today, 'https://example.org/commons/');
    expect(emails.map((e) => e.to)).toEqual(['digital@nhs.net', 'flow.team@nhs.net']);
    const flow = emails[1];
    expect(flow.subject).toBe('Blueprint Commons: 2 blueprints you look after are due for review');
    expect(flow.text).toContain('- Title later\n  due for review on 2 December 2024; last reviewed 1 January 2023\n  Review it: https://example.org/commons/review/?blueprint=later&title=Title+later');
    expect(flow.text.indexOf('Title later')).toBeLessThan(flow.text.indexOf('Title late\n'));
    expect(emails[0].subject).toBe('Blueprint Commons: a blueprint you look after is due for review');
  });

  it('leave out blueprints not due an email this week, marked needs-review, archived, illustrative, or with a web address for a contact', () => {
    expect(reminderEmails([
      withContact('not-this-week', '2024-12-20', 'a@nhs.net'),
      withContact('not-yet', '2025-02-01', 'a@nhs.net'),
      withContact('being-changed', '2024-12-31', 'a@nhs.net', { status: 'needs-review' }),
      withContact('archived', '2024-12-31', 'a@nhs.net', { status: 'archived' }),
      withContact('made-up', '2024-12-31', 'a@nhs.net', { illustrative: true }),
      withContact('web', '2024-12-31', 'https://example.org/contact'),
      // A contact a mail library would read as several addresses is never written to.
      withContact('many', '2024-12-31', 'https://example.org/contact,victim@example.com,other@example.org'),
      withContact('list', '2024-12-31', 'team@nhs.net, victim@example.com'),
    ], today, 'https://example.org')).toEqual([]);
  });

  it('has a contact that is one email address or one web address, never a list', async () => {
    const { contact } = await import('../../src/lib/schema/fields');
    for (const one of ['flow.team@nhs.net', "o'brien@trust.nhs.uk", 'https://example.org/contact-us?team=flow']) expect(contact.safeParse(one).success, one).toBe(true);
    for (const many of ['https://example.org/contact,victim@example.com', 'a,b@nhs.net', 'team@nhs.net,other@nhs.net', 'https://a@example.org/']) expect(contact.safeParse(many).success, many).toBe(false);
  });
});
