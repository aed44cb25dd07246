/**
 * What an owner's review changes in a blueprint file (./owner-review-questions.ts asks for it):
 * "still right" sets `lastReviewed` to the day of the review and drops `reviewBy`, so the next
 * review falls due a year later (the schema's default), and a `needs-review` status goes back to
 * `published`; "needs changes" sets `status: needs-review`, which shows readers the "may be out of
 * date" banner until someone changes the page. Either way, who paid for the work (`funding`), when
 * the owner says, is written on one line in the order of the funding list. Only those lines
 * change: everything else in the file stays byte for byte, so the pull request shows exactly what
 * the review did. The gateway's worker makes the change again on the file as it is on GitHub
 * when it sends it, so a change merged meanwhile is never undone.
 */
import { astroFrontmatter } from '../content/front-matter-fence';
import { parseSource } from '../content/front-matter';
import { fundingSources } from '../schema/taxonomy';
import type { ReviewVerdict } from './owner-review-questions';

/** Why a review cannot be made of this file; the message follows "The blueprint …". */
export class ReviewError extends Error {}

const reviewFields = ['lastReviewed', 'reviewBy', 'status', 'funding'] as const;

/** Funding sources in the order of the funding list, each once: how a review writes them. */
export function fundingInOrder(funding: readonly string[]): string[] {
  return fundingSources.map((t) => t.value).filter((v) => funding.includes(v));
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sameSources = (a: unknown, b: readonly string[]) =>
  Array.isArray(a) && a.length === b.length && b.every((v) => a.includes(v));

/**
 * The file with the review's changes; the same text when it already says what the review would.
 * `funding`, when not empty, is who paid according to the owner (terms of `fundingSources`).
 */
export function reviewedSource(source: string, verdict: ReviewVerdict, today: string, funding: readonly string[] = []): string {
  const before = parseSource(source);
  const data = before.data as Record<string, unknown> | undefined;
  if (before.error || !data) throw new ReviewError('has front-matter that cannot be read: a maintainer needs to mend it first');
  if (data.status === 'archived') throw new ReviewError('is archived, and archived pages are not reviewed');
  if (data.status === 'draft') throw new ReviewError('is a draft, not yet published');

  const fence = astroFrontmatter.exec(source)!;
  const start = fence.index + fence[0].length - 3 - fence[1].length;
  const end = fence.index + fence[0].length - 3;
  const newline = source.includes('\r\n') ? '\r\n' : '\n';
  const lines = source.slice(start, end).split(/\r?\n/);

  const lineOf = (key: string) => {
    const at = lines.findIndex((line) => line.startsWith(`${key}:`));
    // A value over several lines (a block or a continued scalar) is not a single date or status.
    if (at >= 0 && /^[ \t]/.test(lines[at + 1] ?? '')) throw new ReviewError(`has its ${key} over several lines: a maintainer needs to write it on one line first`);
    return at;
  };
  const set = (key: string, value: string) => {
    const at = lineOf(key);
    if (at >= 0) lines[at] = `${key}: ${value}`;
    else {
      // Beside the other dates: after lastReviewed or published, or else at the end.
      const after = Math.max(lineOf('lastReviewed'), lineOf('published'));
      lines.splice(after >= 0 ? after + 1 : lines.length - 1, 0, `${key}: ${value}`);
    }
  };
  const remove = (key: string) => {
    const at = lineOf(key);
    if (at >= 0) lines.splice(at, 1);
  };

  if (verdict === 'still-right') {
    set('lastReviewed', today);
    remove('reviewBy');
    if (data.status === 'needs-review') set('status', 'published');
  } else {
    set('status', 'needs-review');
  }
  const paidBy = fundingInOrder(funding);
  if (paidBy.length > 0 && !sameSources(data.funding, paidBy)) {
    const at = lineOf('funding');
    if (at >= 0) lines[at] = `funding: [${paidBy.join(', ')}]`;
    else lines.splice(lines.length - 1, 0, `funding: [${paidBy.join(', ')}]`);
  }
  const after = source.slice(0, start) + lines.join(newline) + source.slice(end);

  // The edit is checked by reading the file again: the review's fields say what they should, and
  // every other field and the body are exactly as they were.
  const reread = parseSource(after);
  const now = reread.data as Record<string, unknown> | undefined;
  const others = (d: Record<string, unknown>) => JSON.stringify(Object.entries(d).filter(([k]) => !(reviewFields as readonly string[]).includes(k)));
  const expected = (verdict === 'still-right'
    ? now?.lastReviewed === today && now?.reviewBy === undefined && now?.status !== 'needs-review'
    : now?.status === 'needs-review') && (paidBy.length === 0 ? sameJson(now?.funding, data.funding) : sameSources(now?.funding, paidBy));
  if (reread.error || !now || !expected || others(now) !== others(data) || reread.body !== before.body) {
    throw new ReviewError('is written in a way the review cannot change safely: a maintainer will do it by hand');
  }
  return after;
}
