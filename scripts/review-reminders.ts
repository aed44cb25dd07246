/**
 * npm run review-reminders -- [--repo owner/name] [--today YYYY-MM-DD] [--dry-run]
 *
 * Run weekly by .github/workflows/review-reminders.yml:
 *  1. read every blueprint and find those past their review date (or marked needs-review);
 *  2. group them by owner (their GitHub user name where given, so they are @mentioned);
 *  3. for each owner, update their open reminder issue (found by a hidden marker) or open one;
 *  4. an owner whose list is now empty gets a thank-you on their issue; nothing is closed;
 *  5. adoption records still at "exploring" more than six months after their date are listed on
 *     one issue for the maintainers to follow up (src/lib/contribute/adoption-nudges.ts);
 *  6. first of all, for owners without GitHub, the published contact address of each overdue
 *     blueprint is emailed a link to the site's review page: when it falls due, four weeks later,
 *     then every thirteen weeks (needs SITE_URL, REMINDER_SMTP_URL and REMINDER_FROM; without
 *     REMINDER_SMTP_URL nothing is emailed).
 *
 * Reminder issues are found by their hidden marker AND their author (--bot-login, or BOT_LOGIN,
 * else any GitHub App account), so an issue a stranger wrote is never taken for one.
 * Needs GITHUB_TOKEN with issues: write. Running it twice changes nothing the second time.
 */
import { isoDate } from '../src/lib/content/catalogue';
import { ContributionError, fullName, type RepoRef } from '../src/lib/contribute/publish';
import {
  allClearBody, overdueByOwner, reminderBody, reminderEmails, reminderKeyOf, reminderLabel, reminderMarker, reminderTitle, type ReviewEntry,
} from '../src/lib/contribute/review-reminders';
import { isBotAuthor, upsertStep } from '../src/lib/contribute/upsert';
import { nudgeAllClearBody, nudgeBody, nudgeMarker, nudgeTitle, staleExploring, type AdoptionEntry } from '../src/lib/contribute/adoption-nudges';
import type { Adoption, Blueprint, Organisation } from '../src/lib/schema';
import { formatProblem, validateContent } from '../src/lib/validate';
import { runCommand } from './lib/cli';
import { readContentFiles } from '../src/node/content-files';
import { createClient, defaultRepository, explainError, parseRepository, settingsFromEnv } from './lib/github';
import { sendEmails } from './lib/email';
import { nativeMdxParser } from '../src/lib/validate/native-parser';

const root = process.cwd();

const usage = 'Usage: npm run review-reminders -- [--repo owner/name] [--today YYYY-MM-DD] [--branch main] [--bot-login <login>] [--dry-run]';
const options = {
  repo: { type: 'string' }, today: { type: 'string' }, branch: { type: 'string', default: 'main' }, 'bot-login': { type: 'string' }, 'dry-run': { type: 'boolean', default: false },
} as const;

await runCommand({ usage, options }, async ({ values }) => {
  const args = { values: values as { repo?: string; today?: string; branch?: string; 'bot-login'?: string; 'dry-run'?: boolean } };
  const repo: RepoRef | undefined = parseRepository(args.values.repo ?? defaultRepository(root));
  if (!repo) {
    console.error('Say which repository: --repo owner/name.');
    return 1;
  }
  const todayText = args.values.today ?? process.env.REVIEW_TODAY;
  const today = todayText ? new Date(`${todayText}T00:00:00Z`) : new Date();
  if (Number.isNaN(today.getTime())) {
    console.error(`"${todayText}" is not a date: write --today as YYYY-MM-DD.`);
    return 1;
  }

  // 1. The blueprints, as the build sees them. A broken file is reported, and the rest still checked.
  const { corpus, problems } = validateContent(readContentFiles(root).files, { parser: nativeMdxParser });
  for (const p of problems) console.error(`Skipped: ${formatProblem(p)}`);
  const entries: ReviewEntry[] = corpus.entries
    .filter((e) => e.kind === 'blueprint' && e.data)
    .map((e) => ({ slug: e.slug, filePath: e.file.path, data: e.data as Blueprint }));

  // 2. Who has what to review, and which adoptions have been exploring too long.
  const groups = overdueByOwner(entries, today);
  const context = { repository: fullName(repo), branch: args.values.branch ?? 'main', siteUrl: process.env.SITE_URL };
  console.log(`${groups.reduce((n, g) => n + g.entries.length, 0)} blueprint(s) due for review on ${isoDate(today)}, for ${groups.length} owner(s).`);
  const organisationNames = new Map(corpus.entries.filter((e) => e.kind === 'organisation' && e.data).map((e) => [e.slug, (e.data as Organisation).name]));
  const stale = staleExploring(
    corpus.entries.filter((e) => e.kind === 'adoption' && e.data).map((e): AdoptionEntry => ({ slug: e.slug, filePath: e.file.path, data: e.data as Adoption })),
    today,
  );
  const nudge = stale.length ? nudgeBody(stale, context, (slug) => organisationNames.get(slug) ?? slug) : nudgeAllClearBody();
  console.log(`${stale.length} adoption record(s) still at exploring after six months.`);

  const emails = context.siteUrl ? reminderEmails(entries, today, context.siteUrl) : [];
  console.log(context.siteUrl ? `${emails.length} reminder email(s) due this week.` : 'No reminder emails: set SITE_URL, the site they link to.');

  if (args.values['dry-run']) {
    for (const g of groups) console.log(`\n--- ${reminderTitle(g)}\n${reminderBody(g, context)}`);
    if (stale.length) console.log(`\n--- ${nudgeTitle}\n${nudge}`);
    for (const e of emails) console.log(`\n--- Email to ${e.to}: ${e.subject}\n${e.text}`);
    return 0;
  }

  // 6. The emails first: a GitHub outage must not cost an owner this week's reminder.
  const smtpUrl = process.env.REMINDER_SMTP_URL;
  let unsent = 0;
  if (emails.length && !smtpUrl) console.log('REMINDER_SMTP_URL is not set: no emails sent.');
  else if (emails.length) {
    if (!process.env.REMINDER_FROM) {
      console.error('Set REMINDER_FROM, the address the reminder emails come from.');
      return 1;
    }
    unsent = await sendEmails(emails, smtpUrl!, process.env.REMINDER_FROM, (line) => console.log(line));
  }

  const settings = settingsFromEnv();
  if (!settings.token) {
    console.error('Set GITHUB_TOKEN (the workflow passes its own), or add --dry-run.');
    return 1;
  }
  const { api } = await createClient(settings, (line) => console.error(line));

  try {
    // 3. One issue per owner: update it if it says something different, otherwise open it.
    const open = await api.paginate('GET /repos/{owner}/{repo}/issues', { ...repo, state: 'open', labels: reminderLabel, per_page: 100 });
    const isBot = isBotAuthor(args.values['bot-login'] ?? process.env.BOT_LOGIN);
    const reminders = open.filter((i) => !i.pull_request && typeof i.body === 'string' && isBot(i));
    const handled = new Set<number>();
    // One owner's issue that GitHub refuses is said and counted, and the other owners' still go.
    let refused = 0;
    for (const group of groups) {
      const title = reminderTitle(group);
      const body = reminderBody(group, context);
      const step = upsertStep(reminders, reminderMarker(group.key), { title, body }, isBot);
      if (step.action !== 'create') handled.add(step.item.number);
      try {
        if (step.action === 'update') {
          await api.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', { ...repo, issue_number: step.item.number, title, body });
          console.log(`Updated #${step.item.number}: ${title}`);
        } else if (step.action === 'create') {
          const { data } = await api.request('POST /repos/{owner}/{repo}/issues', { ...repo, title, body, labels: [reminderLabel] });
          console.log(`Opened #${data.number}: ${title}`);
        } else console.log(`Unchanged #${step.item.number}: ${title}`);
      } catch (error) {
        refused++;
        console.error(`Could not write "${title}": ${explainError(error, settings)}`);
      }
    }

    // 4. Owners with nothing left: say thank you, leave the closing to people.
    for (const issue of reminders) {
      if (handled.has(issue.number) || issue.body?.includes(nudgeMarker)) continue;
      const key = reminderKeyOf(issue.body);
      if (!key) continue;
      const login = key.startsWith('github:') ? key.slice('github:'.length) : undefined;
      const body = allClearBody(key, login ? { name: login, github: login } : undefined);
      if (issue.body !== body) {
        await api.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', { ...repo, issue_number: issue.number, body });
        console.log(`All reviewed #${issue.number}: left open for the owner to close.`);
      }
    }

    // 5. Adoptions left at exploring: one issue, opened only when there is something on it.
    const step = upsertStep(reminders, nudgeMarker, { title: nudgeTitle, body: nudge }, isBot);
    if (step.action === 'update') {
      await api.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', { ...repo, issue_number: step.item.number, title: nudgeTitle, body: nudge });
      console.log(`Updated #${step.item.number}: ${nudgeTitle}`);
    } else if (step.action === 'create' && stale.length) {
      const { data } = await api.request('POST /repos/{owner}/{repo}/issues', { ...repo, title: nudgeTitle, body: nudge, labels: [reminderLabel] });
      console.log(`Opened #${data.number}: ${nudgeTitle}`);
    }
    if (unsent) console.error(`${unsent} reminder email(s) could not be sent (above).`);
    if (refused) console.error(`${refused} reminder issue(s) could not be written (above).`);
    return unsent || refused ? 1 : 0;
  } catch (error) {
    console.error(error instanceof ContributionError ? error.message : explainError(error, settings));
    return 1;
  }
});
