/**
 * Weekly review reminders: every blueprint past its `reviewBy` date (or marked needs-review) is
 * listed on ONE issue per owner, found again by a hidden marker, so the owner gets one
 * place to work from instead of an issue per page. Owners without GitHub are also emailed at the
 * blueprint's published contact address, now and then, with a link to the site's review page.
 * Pure: the script does the GitHub calls and sends the emails.
 */
import { formatDate, reviewState } from '../content/catalogue';
import { githubEdit } from '../content/github';
import { paths } from '../content/urls';
import type { Blueprint } from '../schema';
import { emailAddress } from '../schema/fields';
import { cell, inline, marker } from './markdown';

export const reminderLabel = 'review-reminder';

export interface ReviewEntry {
  slug: string;
  /** Path in the repository, e.g. src/content/blueprints/x.mdx. */
  filePath: string;
  data: Blueprint;
}

export interface OwnerGroup {
  /** Stable key: `github:<login>` when the owner has a GitHub user name, else `name:<name>`. */
  key: string;
  owner: Blueprint['owner'];
  entries: ReviewEntry[];
}

export function ownerKey(owner: Blueprint['owner']): string {
  return owner.github ? `github:${owner.github.toLowerCase()}` : `name:${owner.name.trim().toLowerCase().replace(/\s+/g, ' ')}`;
}

/** Blueprints due for review, grouped by owner; drafts and archived ones are left alone. */
export function overdueByOwner(entries: readonly ReviewEntry[], today: Date): OwnerGroup[] {
  const groups = new Map<string, OwnerGroup>();
  for (const entry of entries) {
    if (entry.data.status === 'draft' || reviewState(entry.data, today) !== 'overdue') continue;
    const key = ownerKey(entry.data.owner);
    const group = groups.get(key) ?? { key, owner: entry.data.owner, entries: [] };
    group.entries.push(entry);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    group.entries.sort((a, b) => a.data.reviewBy.getTime() - b.data.reviewBy.getTime() || a.slug.localeCompare(b.slug));
  }
  return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
}

export function reminderMarker(key: string): string {
  // The key is written into an HTML comment: keep it to characters that cannot close one.
  return marker(`review-reminder owner=${key.replace(/[^a-z0-9:@ ._-]/gi, '_')}`);
}

/** The marker's text before and after the key, from the one marker format. */
const [keyStart, keyEnd] = marker('review-reminder owner=\0').split('\0');

/** Finds the marker key in an issue body this tool wrote, or undefined. */
export function reminderKeyOf(body: string | null | undefined): string | undefined {
  const start = body?.indexOf(keyStart) ?? -1;
  if (!body || start < 0) return undefined;
  const end = body.indexOf(keyEnd, start + keyStart.length);
  return end > start + keyStart.length ? body.slice(start + keyStart.length, end) : undefined;
}

function addressee(owner: Blueprint['owner']): string {
  return owner.github ? `@${owner.github}` : inline(owner.name);
}

export function reminderTitle(group: OwnerGroup): string {
  return `Review due: blueprints owned by ${group.owner.github ? `@${group.owner.github}` : group.owner.name}`;
}

export interface ReminderContext {
  /** owner/name, for links to each file. */
  repository: string;
  branch: string;
  /** Web address of the site, for links to each page; optional. */
  siteUrl?: string;
}

/**
 * The first `max` rows of an issue's table, and a last row counting the rest: GitHub refuses an
 * issue body over 65,536 characters, and a refusal would leave every later issue of the run unsent.
 */
export function firstRows(rows: readonly string[], max: number, columns: number, rest: (count: number) => string): string[] {
  if (rows.length <= max) return [...rows];
  return [...rows.slice(0, max), `| ${rest(rows.length - max)} |${' |'.repeat(columns - 1)}`];
}

/**
 * The issue body for one owner. It depends only on the content (not on today's date), so a
 * weekly run that finds nothing new leaves the issue untouched.
 */
export function reminderBody(group: OwnerGroup, context: ReminderContext): string {
  const rows = group.entries.map((e) => {
    const edit = githubEdit(context.repository, context.branch, e.filePath);
    const state = e.data.status === 'needs-review' ? 'marked needs review' : formatDate(e.data.reviewBy);
    const page = context.siteUrl ? ` · [page](${context.siteUrl.replace(/\/+$/, '')}${paths.blueprint(e.slug)})` : '';
    return `| ${cell(e.data.title)} | ${state} | ${formatDate(e.data.lastReviewed)} | [edit](${edit})${page} |`;
  });
  const setup = group.owner.github
    ? ''
    : '\n\n_To be mentioned on these reminders, add `github: <your GitHub user name>` under `owner:` in each file._';
  return `${[
    reminderMarker(group.key),
    `Hello ${addressee(group.owner)}, ${group.entries.length === 1 ? 'this blueprint is' : `these ${group.entries.length} blueprints are`} due for review:`,
    ['| Blueprint | Review by | Last reviewed | |', '| --- | --- | --- | --- |', ...firstRows(rows, 100, 4, (n) => `…and ${n} more, listed once these are reviewed`)].join('\n'),
    [
      '**How to review one**',
      '',
      '1. Read the page and check it is still right: costs, outcomes, contacts and links.',
      '2. Edit the file: set `lastReviewed:` to the date you checked it, written YYYY-MM-DD, and remove `reviewBy:` so the next review falls 12 months later.',
      '3. If it is no longer true, say what changed, or set `status: archived` to keep it for the record.',
      '4. Propose the change: GitHub opens a pull request for you when you save.',
    ].join('\n'),
    `This issue is updated each week and is never closed automatically. Close it when the list is done.${setup}`,
  ].join('\n\n')}\n`;
}

/** What an owner's issue says once nothing is overdue: it is not closed by surprise. */
export function allClearBody(key: string, owner: Blueprint['owner'] | undefined): string {
  return `${[
    reminderMarker(key),
    `${owner ? `Hello ${addressee(owner)}, e` : 'E'}very blueprint on this list has been reviewed. Thank you. You can close this issue.`,
  ].join('\n\n')}\n`;
}

/**
 * Whether this week's run emails a blueprint's contact: in the week its review falls due, four
 * weeks later, then every thirteen weeks until it is reviewed. Worked out from the dates alone, so
 * the weekly run keeps no record of what it sent, and an owner hears at most once a week.
 */
export function emailDueThisWeek(reviewBy: Date, today: Date): boolean {
  const days = Math.floor((today.getTime() - reviewBy.getTime()) / 86_400_000);
  if (days < 0) return false;
  const week = Math.floor(days / 7);
  return week === 0 || week === 4 || week % 13 === 0;
}

export interface ReminderEmail {
  to: string;
  subject: string;
  text: string;
}

/**
 * The emails this week's run sends: one per contact address, listing each of its blueprints due an
 * email this week, each with its review page. Only a blueprint whose review date has passed (one
 * marked needs-review is already being changed), that is about a real organisation (an
 * illustrative one's address is made up), and whose contact is an email address.
 */
export function reminderEmails(entries: readonly ReviewEntry[], today: Date, siteUrl: string): ReminderEmail[] {
  const site = siteUrl.replace(/\/+$/, '');
  const byAddress = new Map<string, ReviewEntry[]>();
  for (const entry of entries) {
    const { data } = entry;
    // Only a contact that is one email address, whole: nothing else is ever an address to write to.
    if (data.status !== 'published' || data.illustrative || !emailAddress.test(data.contact.trim()) || !emailDueThisWeek(data.reviewBy, today)) continue;
    const to = data.contact.trim().toLowerCase();
    byAddress.set(to, [...(byAddress.get(to) ?? []), entry]);
  }
  return [...byAddress].sort(([a], [b]) => a.localeCompare(b)).map(([to, list]) => {
    list.sort((a, b) => a.data.reviewBy.getTime() - b.data.reviewBy.getTime() || a.slug.localeCompare(b.slug));
    const one = list.length === 1;
    const lines = list.flatMap((e) => [
      `- ${e.data.title}`,
      `  due for review on ${formatDate(e.data.reviewBy)}; last reviewed ${formatDate(e.data.lastReviewed)}`,
      `  Review it: ${site}${paths.review(e.slug, e.data.title)}`,
    ]);
    return {
      to,
      subject: `Blueprint Commons: ${one ? 'a blueprint' : `${list.length} blueprints`} you look after ${one ? 'is' : 'are'} due for review`,
      text: [
        'Hello,',
        '',
        `This address is the published contact for ${one ? 'a blueprint' : `${list.length} blueprints`} on Blueprint Commons, and ${one ? 'it is' : 'they are'} due for review. Until ${one ? 'it is' : 'they are'} reviewed, readers see that ${one ? 'the page' : 'each page'} may be out of date.`,
        '',
        ...lines,
        '',
        'Reviewing takes a few minutes: read the page, then say whether it is still right, or what needs changing. The link opens the site\'s review page, which says how.',
        '',
        'We email this address when a review falls due, four weeks later, and then every three months until it is reviewed. To change the contact, say so when you review.',
      ].join('\n'),
    };
  });
}
