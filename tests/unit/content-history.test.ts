/**
 * The page-history parser (src/lib/content/history.ts) over `git log` output written by hand in
 * the shape `contentLogArguments()` asks git for, so each case states exactly what git printed.
 */
import { describe, expect, it } from 'vitest';
import { cleanSubject, contentLogArguments, pageHistoryView, parseContentLog, subjectLimit } from '../../src/lib/content/history';

const marker = 'bc-history-test';

interface FakeCommit {
  date: string;
  subject: string;
  /** [status, path] or [R100, old, new]. */
  files: string[][];
}

/** What `git log -z --name-status --format=<marker>%x00%cI%x00%s` prints for these commits, newest first. */
function gitLog(commits: FakeCommit[]): string {
  return commits
    .map((c) => `${marker}\0${c.date}\0${c.subject}\0\n${c.files.map((f) => f.map((x) => `${x}\0`).join('')).join('')}`)
    .join('');
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('reading page history from git log', () => {
  it('gives each file its first and last change and its changes newest first', () => {
    const history = parseContentLog(
      gitLog([
        { date: '2026-03-04T10:00:00+00:00', subject: 'Fix the cost band', files: [['M', 'blueprints/a.mdx']] },
        { date: '2026-02-01T09:00:00+00:00', subject: 'Add two blueprints', files: [['A', 'blueprints/a.mdx'], ['A', 'blueprints/b.mdx']] },
      ]),
      marker,
    );
    expect([...history.keys()]).toEqual(['blueprints/a.mdx', 'blueprints/b.mdx']);
    expect(history.get('blueprints/a.mdx')).toEqual({
      first: day('2026-02-01'),
      last: day('2026-03-04'),
      changes: [
        { date: day('2026-03-04'), subject: 'Fix the cost band' },
        { date: day('2026-02-01'), subject: 'Add two blueprints' },
      ],
      earlier: 0,
    });
    expect(history.get('blueprints/b.mdx')?.changes.map((c) => c.subject)).toEqual(['Add two blueprints']);
  });

  it('dates a change by the day it fell on in UTC', () => {
    const history = parseContentLog(gitLog([{ date: '2026-03-04T23:30:00-02:00', subject: 'Late edit', files: [['A', 'x.mdx']] }]), marker);
    expect(history.get('x.mdx')?.last).toEqual(day('2026-03-05'));
  });

  it('follows a rename, so the file keeps the history it had under its old name', () => {
    const history = parseContentLog(
      gitLog([
        { date: '2026-05-01T00:00:00Z', subject: 'Move into a folder', files: [['R097', 'blueprints/old.mdx', 'blueprints/epr/new.mdx']] },
        { date: '2026-04-01T00:00:00Z', subject: 'Edit under the old name', files: [['M', 'blueprints/old.mdx']] },
        { date: '2026-03-01T00:00:00Z', subject: 'Add it', files: [['A', 'blueprints/old.mdx']] },
      ]),
      marker,
    );
    expect([...history.keys()]).toEqual(['blueprints/epr/new.mdx']);
    expect(history.get('blueprints/epr/new.mdx')?.changes.map((c) => c.subject)).toEqual(['Move into a folder', 'Edit under the old name', 'Add it']);
    expect(history.get('blueprints/epr/new.mdx')?.first).toEqual(day('2026-03-01'));
  });

  it('follows a chain of renames back to the first name', () => {
    const history = parseContentLog(
      gitLog([
        { date: '2026-05-01T00:00:00Z', subject: 'Second rename', files: [['R100', 'b.mdx', 'c.mdx']] },
        { date: '2026-04-01T00:00:00Z', subject: 'First rename', files: [['R100', 'a.mdx', 'b.mdx']] },
        { date: '2026-03-01T00:00:00Z', subject: 'Add', files: [['A', 'a.mdx']] },
      ]),
      marker,
    );
    expect(history.get('c.mdx')?.changes.map((c) => c.subject)).toEqual(['Second rename', 'First rename', 'Add']);
  });

  it('does not give a new file the history of an older file that had its name and was deleted', () => {
    const history = parseContentLog(
      gitLog([
        { date: '2026-06-01T00:00:00Z', subject: 'A new page with an old name', files: [['A', 'x.mdx']] },
        { date: '2026-05-01T00:00:00Z', subject: 'Remove the old page', files: [['D', 'x.mdx']] },
        { date: '2026-04-01T00:00:00Z', subject: 'The old page', files: [['A', 'x.mdx']] },
      ]),
      marker,
    );
    expect(history.get('x.mdx')?.changes.map((c) => c.subject)).toEqual(['A new page with an old name']);
  });

  it('does not give a new file the history of one renamed away from its name', () => {
    const history = parseContentLog(
      gitLog([
        { date: '2026-06-01T00:00:00Z', subject: 'A new x', files: [['A', 'x.mdx']] },
        { date: '2026-05-01T00:00:00Z', subject: 'Rename x to y', files: [['R100', 'x.mdx', 'y.mdx']] },
        { date: '2026-04-01T00:00:00Z', subject: 'The first x', files: [['A', 'x.mdx']] },
      ]),
      marker,
    );
    expect(history.get('x.mdx')?.changes.map((c) => c.subject)).toEqual(['A new x']);
    expect(history.get('y.mdx')?.changes.map((c) => c.subject)).toEqual(['Rename x to y', 'The first x']);
  });

  it('has no entry for a file that is deleted', () => {
    const history = parseContentLog(
      gitLog([
        { date: '2026-05-01T00:00:00Z', subject: 'Remove', files: [['D', 'gone.mdx']] },
        { date: '2026-04-01T00:00:00Z', subject: 'Add', files: [['A', 'gone.mdx']] },
      ]),
      marker,
    );
    expect(history.has('gone.mdx')).toBe(false);
  });

  it('lists at most the limit of changes and counts the older ones, keeping the first date', () => {
    const commits = Array.from({ length: 13 }, (_, i) => ({
      date: `2026-01-${String(13 - i).padStart(2, '0')}T12:00:00Z`,
      subject: `Change ${13 - i}`,
      files: [[i === 12 ? 'A' : 'M', 'x.mdx']],
    }));
    const history = parseContentLog(gitLog(commits), marker, 10);
    const x = history.get('x.mdx')!;
    expect(x.changes).toHaveLength(10);
    expect(x.changes[0]!.subject).toBe('Change 13');
    expect(x.changes[9]!.subject).toBe('Change 4');
    expect(x.earlier).toBe(3);
    expect(x.first).toEqual(day('2026-01-01'));
  });

  it('reads empty output (no commits touch the content) as no history', () => {
    expect(parseContentLog('', marker).size).toBe(0);
  });

  it('refuses output that is not in the expected shape, saying what was wrong', () => {
    expect(() => parseContentLog('commit 1234\nAuthor: someone', marker)).toThrow(/does not start with a commit/);
    expect(() => parseContentLog(`${marker}\0yesterday\0Subject\0`, marker)).toThrow(/commit 1 has no ISO 8601 date/);
    expect(() => parseContentLog(`${marker}\x002026-01-01T00:00:00Z\0Subject\0\nX\0a.mdx\0`, marker)).toThrow(/unknown file status "X"/);
    expect(() => parseContentLog(`${marker}\x002026-01-01T00:00:00Z\0Subject\0\nR100\0a.mdx\0`, marker)).toThrow(/without its path/);
  });

  it('asks git for no author, only the committer date and the subject', () => {
    const format = contentLogArguments(marker).find((a) => a.startsWith('--format='))!;
    expect(format).toBe(`--format=${marker}%x00%cI%x00%s`);
    expect(format).not.toMatch(/%a|%c[neEN]|%G/);
  });
});

describe('cleaning a commit subject for the page', () => {
  it('turns control and direction-changing characters into spaces', () => {
    expect(cleanSubject('Fix\u0007 the\u001b[31m red\u202e text\u2066 here\u0085')).toBe('Fix the [31m red text here');
  });

  it('keeps ordinary punctuation, accents and markup-like text as plain text', () => {
    expect(cleanSubject('Café <b>&amp; "quotes"</b> – 25%')).toBe('Café <b>&amp; "quotes"</b> – 25%');
  });

  it('replaces e-mail addresses and credentials', () => {
    expect(cleanSubject('Contact jane.smith@trust.nhs.uk about it')).toBe('Contact [e-mail address] about it');
    expect(cleanSubject('Oops ghp_abcdefghijklmnopqrstuvwxyz012345')).toBe('Oops [redacted]');
    // A subject of any length is read only as far as it is shown: 200,000 characters took 91 s when it was read whole.
    const started = performance.now();
    for (const long of ['a'.repeat(200_000), 'a.'.repeat(100_000), `x://${'a'.repeat(200_000)}`]) expect(cleanSubject(long).length).toBeLessThanOrEqual(subjectLimit);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it(`cuts a long subject to ${subjectLimit} characters ending in an ellipsis`, () => {
    const cleaned = cleanSubject('word '.repeat(100));
    expect(Array.from(cleaned)).toHaveLength(subjectLimit);
    expect(cleaned.endsWith('…')).toBe(true);
  });

  it('says so when nothing is left', () => {
    expect(cleanSubject(' \u0000\u200b ')).toBe('No description');
  });
});

describe('what a page says about its history', () => {
  const dates = { published: day('2024-02-26'), lastReviewed: day('2026-02-02') };

  it('always gives the front-matter date as first published, even when the first commit is later', () => {
    const view = pageHistoryView(dates, { first: day('2026-11-30'), last: day('2026-12-03'), changes: [{ date: day('2026-12-03'), subject: 'Edit' }], earlier: 0 });
    expect(view.firstPublished).toEqual(day('2024-02-26'));
    expect(view.lastChanged).toEqual(day('2026-12-03'));
    expect(view.changes).toHaveLength(1);
    expect(view.since).toBeUndefined();
  });

  it('gives the first change date only when older changes are left out of the list', () => {
    const view = pageHistoryView(dates, { first: day('2025-01-01'), last: day('2026-12-03'), changes: [], earlier: 4 });
    expect(view.since).toEqual(day('2025-01-01'));
    expect(view.earlier).toBe(4);
  });

  it('without history (no git, a shallow clone, an uncommitted file) gives the front-matter dates only and no last-changed date', () => {
    const view = pageHistoryView(dates, undefined);
    expect(view).toEqual({ firstPublished: day('2024-02-26'), lastReviewed: day('2026-02-02'), changes: [], earlier: 0 });
    expect(view.lastChanged).toBeUndefined();
  });
});
