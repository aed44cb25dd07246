/**
 * An owner's review of a blueprint: the questions' checks, and the change it makes to the file,
 * which must touch only the review's own lines and leave a file the validator accepts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { missingReviewAnswers } from '../../src/lib/contribute/owner-review-questions';
import { fundingInOrder, ReviewError, reviewedSource } from '../../src/lib/contribute/owner-review';
import { fundingSources } from '../../src/lib/schema/taxonomy';
import { parseSource } from '../../src/lib/content/front-matter';
import { readContentFiles } from '../../src/node/content-files';
import { validateContent } from '../../src/lib/validate';
import { nativeMdxParser } from '../../src/lib/validate/native-parser';

const dir = 'src/content/blueprints';
const bundled = readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort();
const sourceOf = (name: string) => readFileSync(`${dir}/${name}`, 'utf8');
const today = '2026-12-05';

/** Lines removed and added, in order, as a unified diff would list them. */
function changedLines(a: string, b: string): { removed: string[]; added: string[] } {
  const x = a.split('\n');
  const y = b.split('\n');
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head++;
  let tail = 0;
  while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++;
  return { removed: x.slice(head, x.length - tail), added: y.slice(head, y.length - tail) };
}

describe('what a review needs before it is sent', () => {
  const answers = { blueprint: 'x', verdict: 'still-right', confirm: ['owner', 'no-patient-data'] };
  it('is the blueprint, a verdict from the list and both statements; what needs changing when something does', () => {
    expect(missingReviewAnswers(answers)).toEqual([]);
    expect(missingReviewAnswers({}).map((e) => e.id)).toEqual(['blueprint', 'verdict', 'confirm']);
    expect(missingReviewAnswers({ ...answers, verdict: 'sideways' })).toEqual([{ id: 'verdict', message: 'Choose one of the answers listed' }]);
    expect(missingReviewAnswers({ ...answers, verdict: 'needs-changes' })).toEqual([{ id: 'changes', message: 'Say what needs changing' }]);
    expect(missingReviewAnswers({ ...answers, confirm: ['no-patient-data'] }).map((e) => e.id)).toEqual(['confirm']);
  });

  it('names only sources of money from the funding list', () => {
    expect(missingReviewAnswers({ ...answers, funding: ['own-revenue', 'charity'] })).toEqual([]);
    expect(missingReviewAnswers({ ...answers, funding: ['own-revenue', '<b>grant</b>'] })).toEqual([{ id: 'funding', message: 'Choose only the sources listed' }]);
  });

  it('holds no contact details or NHS number, as it is published', () => {
    expect(missingReviewAnswers({ ...answers, verdict: 'needs-changes', changes: 'Ring 07700 900123 for the new figures' }).map((e) => e.id)).toEqual(['changes']);
  });
});

describe('the change a review makes', () => {
  it('marks every bundled blueprint reviewed today by its lastReviewed line alone (and reviewBy dropped), leaving a valid file', () => {
    const { files } = readContentFiles(process.cwd());
    const reviewed = files.map((f) => {
      if (!f.path.startsWith(`${dir}/`)) return f;
      const after = reviewedSource(f.source, 'still-right', today);
      const { removed, added } = changedLines(f.source, after);
      expect([...removed, ...added].every((line) => /^(lastReviewed|reviewBy|status|published):/.test(line)), f.path).toBe(true);
      expect(added.filter((l) => l.startsWith('lastReviewed:')), f.path).toEqual([`lastReviewed: ${today}`]);
      expect(parseSource(after).body).toBe(parseSource(f.source).body);
      return { ...f, source: after };
    });
    const { problems, corpus } = validateContent(reviewed, { parser: nativeMdxParser });
    expect(problems).toEqual([]);
    const reviewBy = corpus.entries.filter((e) => e.kind === 'blueprint').map((e) => (e.data as { reviewBy: Date }).reviewBy.toISOString().slice(0, 10));
    expect(new Set(reviewBy)).toEqual(new Set(['2027-12-05']));
  });

  it('adds lastReviewed after published when the file has none, and sets a needs-review status back to published', () => {
    const source = sourceOf(bundled[0]).replace(/^lastReviewed:.*\n/m, '').replace(/^reviewBy:.*\n/m, '') + '';
    const needing = source.replace(/^(published:.*)$/m, '$1\nstatus: needs-review');
    expect(needing).toContain('status: needs-review');
    const after = reviewedSource(needing, 'still-right', today);
    expect(after).toMatch(new RegExp(`^published: .*\\nlastReviewed: ${today}\\n`, 'm'));
    expect(after).toMatch(/^status: published$/m);
  });

  it('marks a blueprint as needing review, with its dates as they were', () => {
    const source = sourceOf(bundled[1]);
    const after = reviewedSource(source, 'needs-changes', today);
    const { removed, added } = changedLines(source, after);
    expect(added).toContain('status: needs-review');
    expect(removed.every((line) => line.startsWith('status:'))).toBe(true);
    expect(reviewedSource(after, 'needs-changes', today)).toBe(after);
  });

  it('says who paid when the owner does: a line added or replaced, in the funding list’s order, or nothing when it says so already', () => {
    const source = sourceOf(bundled[5]);
    const without = source.replace(/^funding:.*\n/m, '');
    const added = reviewedSource(without, 'still-right', today, ['charity', 'national-programme']);
    expect(changedLines(without, added).added).toContain('funding: [national-programme, charity]');
    expect((parseSource(added).data as { funding: string[] }).funding).toEqual(['national-programme', 'charity']);
    const replaced = reviewedSource(source, 'needs-changes', today, ['local-authority']);
    expect(changedLines(source, replaced).removed.filter((l) => l.startsWith('funding:'))).toHaveLength(1);
    expect(replaced).toMatch(/^funding: \[local-authority\]$/m);
    const said = (parseSource(source).data as { funding: string[] }).funding;
    expect(said.length).toBeGreaterThan(0);
    expect(reviewedSource(source, 'still-right', today, [...said].reverse())).toBe(reviewedSource(source, 'still-right', today));
    const files = readContentFiles(process.cwd()).files.map((f) => (f.path === `${dir}/${bundled[5]}` ? { ...f, source: added } : f));
    expect(validateContent(files, { parser: nativeMdxParser }).problems).toEqual([]);
    // Written over several lines, it is left to a maintainer rather than rewritten.
    const block = source.replace(/^funding:.*$/m, 'funding:\n  - own-revenue');
    expect(() => reviewedSource(block, 'still-right', today, ['charity'])).toThrow(/has its funding over several lines/);
  });

  it('keeps Windows line endings', () => {
    const source = sourceOf(bundled[2]).replace(/\n/g, '\r\n');
    const after = reviewedSource(source, 'still-right', today);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(after).toContain(`lastReviewed: ${today}\r\n`);
  });

  it('is the same file when it already says what the review would', () => {
    const once = reviewedSource(sourceOf(bundled[3]), 'still-right', today);
    expect(reviewedSource(once, 'still-right', today)).toBe(once);
  });

  it.each([
    ['an archived blueprint', (s: string) => s.replace(/^status:.*$/m, 'status: archived'), /is archived/],
    ['a draft', (s: string) => s.replace(/^status:.*$/m, 'status: draft'), /is a draft/],
    ['a date over two lines', (s: string) => s.replace(/^lastReviewed:.*$/m, 'lastReviewed:\n  2025-01-01'), /has its lastReviewed over several lines/],
    ['front-matter that cannot be read', (s: string) => s.replace(/^---\n/, '--- x\n'), /front-matter that cannot be read/],
  ])('refuses %s, saying why', (_name, spoil, says) => {
    const source = spoil(sourceOf(bundled[4]).replace(/^(published:.*)$/m, '$1\nstatus: published'));
    expect(() => reviewedSource(source, 'still-right', today)).toThrow(ReviewError);
    expect(() => reviewedSource(source, 'still-right', today)).toThrow(says);
  });
});

describe('a review of a file written any way YAML allows', () => {
  /** Ways an author may write the review lines and what is around them, each still valid YAML. */
  const variants = fc.record({
    file: fc.constantFrom(...bundled),
    quote: fc.constantFrom('', "'", '"'),
    comment: fc.boolean(),
    blankLine: fc.boolean(),
    status: fc.constantFrom(undefined, 'published', 'needs-review'),
    crlf: fc.boolean(),
    verdict: fc.constantFrom('still-right' as const, 'needs-changes' as const),
    funding: fc.subarray(fundingSources.map((t) => t.value)).chain((f) => fc.shuffledSubarray(f, { minLength: f.length, maxLength: f.length })),
  });

  it('either changes only the review lines, leaving a file that reads back as it should, or says why it cannot', () => {
    fc.assert(
      fc.property(variants, ({ file, quote, comment, blankLine, status, crlf, verdict, funding }) => {
        let source = sourceOf(file)
          .replace(/^(lastReviewed|reviewBy): (\S+)$/gm, `$1: ${quote}$2${quote}${comment ? ' # checked by the team' : ''}`)
          .replace(/^(published:.*)$/m, `$1${blankLine ? '\n' : ''}${status ? `\nstatus: ${status}` : ''}`);
        if (crlf) source = source.replace(/\n/g, '\r\n');
        let after: string;
        try {
          after = reviewedSource(source, verdict, today, funding);
        } catch (error) {
          expect(error).toBeInstanceOf(ReviewError);
          return;
        }
        const before = parseSource(source);
        const reread = parseSource(after);
        expect(reread.error).toBeUndefined();
        expect(reread.body).toBe(before.body);
        const data = reread.data as Record<string, unknown>;
        if (verdict === 'still-right') {
          expect(data.lastReviewed).toBe(today);
          expect(data.reviewBy).toBeUndefined();
        } else expect(data.status).toBe('needs-review');
        if (funding.length > 0) expect(data.funding).toEqual(fundingInOrder(funding));
        else expect(data.funding).toEqual((before.data as Record<string, unknown>).funding);
        const lines = (text: string) => text.split(/\r?\n/).filter((l) => !/^(lastReviewed|reviewBy|status|funding):/.test(l));
        expect(lines(after)).toEqual(lines(source));
      }),
      { numRuns: 200 },
    );
  });
});
