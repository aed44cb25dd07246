import { describe, expect, it } from 'vitest';
import {
  allClearBody, overdueByOwner, reminderBody, reminderKeyOf, reminderMarker, reminderTitle, type ReviewEntry,
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
