/**
 * The weekly nudge for adoption records left at "exploring": an expression of interest is soon
 * forgotten, so records still exploring more than six whole months after their date are listed
 * on ONE issue (found again by its hidden marker), with a link for each organisation to say
 * where it has got to. Adopting organisations have no GitHub user name in their records, so the
 * issue is for the maintainers to follow up. Pure: scripts/review-reminders.ts does the GitHub calls.
 */
import { githubEdit, githubIssueForm } from '../content/github';
import { paths } from '../content/urls';
import type { Adoption } from '../schema';
import { formatMonth } from '../content/catalogue';
import { adoptionFormFile } from './issue-form-files';
import { cell, marker } from './markdown';
import { firstRows, type ReminderContext } from './review-reminders';

/** How many whole months after its date a record still at exploring is nudged. */
export const exploringMonths = 6;

export interface AdoptionEntry {
  slug: string;
  /** Path in the repository, e.g. src/content/adoptions/x--y.yaml. */
  filePath: string;
  data: Adoption;
}

/** Whole calendar months from a YYYY-MM month to the month `today` falls in. */
export function monthsSince(month: string, today: Date): number {
  const [year, number] = month.split('-').map(Number);
  return today.getUTCFullYear() * 12 + today.getUTCMonth() - (year * 12 + number - 1);
}

/**
 * Records at exploring dated more than six whole months before today's month, oldest first: a
 * record dated 2025-03 is nudged from October 2025.
 */
export function staleExploring(entries: readonly AdoptionEntry[], today: Date): AdoptionEntry[] {
  return entries
    .filter((e) => e.data.stage === 'exploring' && monthsSince(e.data.date, today) > exploringMonths)
    .sort((a, b) => a.data.date.localeCompare(b.data.date) || a.slug.localeCompare(b.slug));
}

export const nudgeMarker = marker('adoption-nudge exploring');
export const nudgeTitle = 'Adoption records still at exploring after six months';

/** The "We are using this" form filled in for one record, so the organisation can say where it has got to. */
function updateLink(repository: string, a: Adoption): string {
  return githubIssueForm(repository, adoptionFormFile, { blueprint: a.blueprint, organisation: a.organisation });
}

/**
 * The issue body. Like the review reminders, it depends only on the content (not on today's
 * date beyond which records are listed), so a weekly run that finds nothing new leaves it alone.
 */
export function nudgeBody(entries: readonly AdoptionEntry[], context: ReminderContext, name: (slug: string) => string = (s) => s): string {
  const rows = entries.map((e) => {
    const edit = githubEdit(context.repository, context.branch, e.filePath);
    const site = context.siteUrl?.replace(/\/+$/, '');
    // The site's own form needs no GitHub account when the site offers the submission gateway.
    const onSite = site ? ` · [update on the site](${site}${paths.weAreUsingThis(e.data.blueprint, e.data.organisation)}) · [blueprint](${site}${paths.blueprint(e.data.blueprint)})` : '';
    return `| ${cell(name(e.data.organisation))} | \`${e.data.blueprint}\` | ${formatMonth(e.data.date)} | [update form](${updateLink(context.repository, e.data)}) · [edit](${edit})${onSite} |`;
  });
  return `${[
    nudgeMarker,
    `${entries.length === 1 ? 'This adoption record has' : `These ${entries.length} adoption records have`} said “exploring” for more than ${exploringMonths} months:`,
    ['| Organisation | Blueprint | Exploring since | |', '| --- | --- | --- | --- |', ...firstRows(rows, 50, 4, (n) => `…and ${n} more, listed once these are updated`)].join('\n'),
    [
      '**What to do**',
      '',
      '1. Ask the organisation where it has got to: its contact, if the record publishes one, or the team that published the blueprint.',
      '2. Send them the update form link, or edit the record yourself: set `stage:` to piloting, live or abandoned, and `date:` to the month it changed.',
      '3. If they stopped, ask whether they would write a redprint about why: it helps the next organisation.',
    ].join('\n'),
    'This issue is updated each week and is never closed automatically.',
  ].join('\n\n')}\n`;
}

/** What the issue says once no record is left at exploring too long. */
export function nudgeAllClearBody(): string {
  return `${nudgeMarker}\n\nNo adoption record has been at “exploring” for more than ${exploringMonths} months. Thank you. You can close this issue.\n`;
}
