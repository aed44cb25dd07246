/**
 * Turns a "Propose a blueprint" issue into a pull request. Run by
 * .github/workflows/propose-blueprint.yml when such an issue is opened or edited:
 *
 *   npx tsx scripts/propose-from-issue.ts [--event <file>] [--issue <n>] [--repo owner/name] [--dry-run]
 *
 *  1. read the issue, from the event payload (GITHUB_EVENT_PATH, or --event) or with --issue from the API;
 *  2. leave it alone unless it is open and carries the proposal label;
 *  3. turn the answers into a blueprint file and check it with the shared validator, which
 *     includes the MDX safety gate: the issue text is from a stranger and is treated as data;
 *  4. if anything is wrong, say what to change on the issue, in the bot's one comment;
 *  5. otherwise commit the file to `proposal/issue-<n>-<slug>` in this repository, open or update
 *     the pull request, and link it in that comment.
 *
 * Exit status 0 when the issue was handled (including "here is what to fix"); 1 when GitHub failed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseSource } from '../src/lib/content/front-matter';
import { renderBlueprint } from '../src/lib/content/render-blueprint';
import { botMarker, problemsComment, proposalProblems, successComment } from '../src/lib/contribute/issue-comment';
import { proposalFromIssue, proposalLabel } from '../src/lib/contribute/issue-form';
import { canonicalPath, planContribution, type ContributionEntry } from '../src/lib/contribute/plan';
import { pullRequestBody } from '../src/lib/contribute/pull-request-body';
import { ContributionError, findPullsByBranchPrefix, fullName, publish, type GitHubApi, type RepoRef } from '../src/lib/contribute/publish';
import { slugify } from '../src/lib/contribute/slug';
import type { Organisation } from '../src/lib/schema';
import { validateContent } from '../src/lib/validate';
import { contentDir, readContentFiles, toProjectPath } from '../src/node/content-files';
import { createClient, explainError, parseRepository, settingsFromEnv } from './lib/github';
import { nativeMdxParser } from '../src/lib/validate/native-parser';

const root = process.cwd();

interface Issue {
  number: number;
  title: string;
  body: string;
  state: string;
  labels: string[];
  author?: { login: string; id?: number };
  createdAt: string;
  isPullRequest: boolean;
}

/** Reads only the fields we use, checking each one's type: the payload carries stranger's text. */
function issueFrom(raw: unknown): Issue | undefined {
  const i = raw as Record<string, unknown> | undefined;
  if (!i || typeof i.number !== 'number' || !Number.isInteger(i.number)) return undefined;
  const user = i.user as { login?: unknown; id?: unknown } | undefined;
  return {
    number: i.number,
    title: typeof i.title === 'string' ? i.title : '',
    body: typeof i.body === 'string' ? i.body : '',
    state: typeof i.state === 'string' ? i.state : 'open',
    labels: Array.isArray(i.labels) ? i.labels.map((l) => (typeof l === 'string' ? l : (l as { name?: unknown })?.name)).filter((l): l is string => typeof l === 'string') : [],
    author: typeof user?.login === 'string' ? { login: user.login, id: typeof user.id === 'number' ? user.id : undefined } : undefined,
    createdAt: typeof i.created_at === 'string' && /^\d{4}-\d{2}-\d{2}/.test(i.created_at) ? i.created_at : new Date().toISOString(),
    isPullRequest: Boolean(i.pull_request),
  };
}

/** Finds the bot's earlier comment by its hidden marker, and edits it; otherwise adds one. */
async function say(api: GitHubApi, repo: RepoRef, issue: number, body: string): Promise<void> {
  const comments = await api.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repo, issue_number: issue, per_page: 100 });
  const mine = comments.find((c) => typeof c.body === 'string' && c.body.includes(botMarker));
  if (!mine) await api.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repo, issue_number: issue, body });
  else if (mine.body !== body) await api.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...repo, comment_id: mine.id, body });
}

async function main(): Promise<number> {
  // 1. Arguments and the issue.
  const args = parseArgs({
    allowPositionals: false,
    options: { event: { type: 'string' }, issue: { type: 'string' }, repo: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
  });
  const dryRun = args.values['dry-run'];
  const eventPath = args.values.event ?? process.env.GITHUB_EVENT_PATH;
  let payload: { issue?: unknown; repository?: { full_name?: unknown } } = {};
  if (eventPath && !args.values.issue) {
    try {
      payload = JSON.parse(readFileSync(eventPath, 'utf8'));
    } catch (error) {
      console.error(`Could not read the event payload ${eventPath}: ${(error as Error).message}`);
      return 1;
    }
  }
  const repoName = args.values.repo ?? process.env.GITHUB_REPOSITORY ?? (typeof payload.repository?.full_name === 'string' ? payload.repository.full_name : '');
  const upstream = parseRepository(repoName);
  if (!upstream) {
    console.error('Say which repository: --repo owner/name, or set GITHUB_REPOSITORY.');
    return 1;
  }
  const settings = settingsFromEnv();
  const client = settings.token ? await createClient(settings, (line) => console.error(line)) : undefined;
  if (!client && !dryRun) {
    console.error('Set GITHUB_TOKEN (the workflow passes the GitHub App token), or add --dry-run.');
    return 1;
  }

  let issue: Issue | undefined;
  try {
    if (args.values.issue) {
      if (!client) throw new ContributionError('--issue needs GITHUB_TOKEN to read the issue.');
      const { data } = await client.api.request('GET /repos/{owner}/{repo}/issues/{issue_number}', { ...upstream, issue_number: Number(args.values.issue) });
      issue = issueFrom(data);
    } else {
      issue = issueFrom(payload.issue);
    }
  } catch (error) {
    console.error(error instanceof ContributionError ? error.message : explainError(error, settings));
    return 1;
  }
  if (!issue) {
    console.error('No issue to read: pass --issue <number>, or run from an issues event (GITHUB_EVENT_PATH).');
    return 1;
  }

  // 2. Only open proposals.
  if (issue.isPullRequest || issue.state !== 'open' || !issue.labels.includes(proposalLabel)) {
    console.log(`Issue #${issue.number} is not an open proposal (label "${proposalLabel}"): nothing to do.`);
    return 0;
  }

  // 3. Answers → blueprint file → validator.
  const proposal = proposalFromIssue(issue.body, { published: issue.createdAt.slice(0, 10), author: issue.author?.login, issueTitle: issue.title });
  const slug = slugify(String(proposal.data.title ?? '')) || `issue-${issue.number}`;
  const files = readContentFiles(root).files;
  const organisations = new Map(
    validateContent(files.filter((f) => f.kind === 'organisation'), { parser: nativeMdxParser }).corpus.entries
      .filter((e) => e.data)
      .map((e) => [e.slug, e.data as Organisation]),
  );
  // People often write their organisation's name rather than its short name on the site.
  const answer = String(proposal.data.organisation ?? '').trim().toLowerCase();
  const byName = [...organisations].find(([, o]) => o.name.toLowerCase() === answer || o.shortName?.toLowerCase() === answer);
  if (byName) proposal.data.organisation = byName[0];
  const publisher = organisations.get(String(proposal.data.organisation ?? ''));
  // Made-up organisations only publish made-up examples, and real ones real work (the illustrative rule).
  if (publisher) proposal.data.illustrative = publisher.illustrative;
  const rendered = renderBlueprint(proposal.data, proposal.sections);
  const localPath = toProjectPath(root, join(contentDir(root), 'blueprints', `${slug}.mdx`));
  const repoPath = canonicalPath('blueprint', slug);
  const { corpus, problems } = validateContent([...files.filter((f) => f.path !== localPath), { path: localPath, source: rendered, kind: 'blueprint' }], { parser: nativeMdxParser, only: new Set([localPath]) });
  const found = proposalProblems(problems, rendered, parseSource(rendered).bodyLine, proposal.missing);
  // An organisation new to the site is not the proposer's mistake: a maintainer adds it first.
  const newOrganisation = proposal.extras['organisation-name'];
  if (newOrganisation && !publisher) {
    const at = found.findIndex((p) => p.where === 'Organisation');
    const message = `"${newOrganisation}" is not on the site yet. A maintainer will add it; once they have, edit this issue (any small change will do) and the checks run again.`;
    if (at >= 0) found.splice(at, 1, { where: 'Organisation', message });
    else found.unshift({ where: 'Organisation', message });
  }
  if (files.some((f) => f.path === localPath)) {
    found.unshift({ where: 'Title', message: `gives the web address /blueprints/${slug}/, which another blueprint already has: change the title a little` });
  }

  let existing: { number: number; head: { ref: string } } | undefined;
  if (client) {
    try {
      [existing] = await findPullsByBranchPrefix(client.api, upstream, `proposal/issue-${issue.number}-`);
    } catch (error) {
      console.error(explainError(error, settings));
      return 1;
    }
  }

  // 4. Problems: say what to change, and stop.
  if (found.length > 0) {
    const comment = problemsComment(found, existing);
    if (dryRun || !client) {
      console.log(`Dry run: would comment on #${issue.number}:\n\n${comment}`);
      return 0;
    }
    try {
      await say(client.api, upstream, issue.number, comment);
      console.log(`Issue #${issue.number}: ${found.length} problem${found.length === 1 ? '' : 's'} to fix; told the proposer.`);
      return 0;
    } catch (error) {
      console.error(explainError(error, settings));
      return 1;
    }
  }

  // 5. A pull request from a branch in this repository.
  const entry: ContributionEntry = { kind: 'blueprint', slug, sourcePath: `issue #${issue.number}`, data: corpus.entries.find((e) => e.file.path === localPath)?.data };
  const coAuthor = issue.author ? `${issue.author.login} <${issue.author.id ? `${issue.author.id}+` : ''}${issue.author.login}@users.noreply.github.com>` : undefined;
  const plan = planContribution([entry], { branch: existing?.head.ref ?? `proposal/issue-${issue.number}-${slug}`, coAuthor });
  const body = pullRequestBody([entry], { issue: issue.number, labels: plan.labels, organisationName: (s) => organisations.get(s)?.name });
  if (dryRun || !client) {
    console.log([`Dry run: nothing is sent to GitHub.`, `Repository: ${fullName(upstream)}`, `Branch: ${plan.branch}`, `File: ${repoPath}`, `Title: ${plan.title}`, `Labels: ${plan.labels.join(', ')}`, '', rendered].join('\n'));
    return 0;
  }
  try {
    const result = await publish(client.api, client.runtime, {
      upstream,
      files: [{ path: repoPath, content: Buffer.from(rendered, 'utf8') }],
      branch: plan.branch,
      title: plan.title,
      body,
      labels: plan.labels,
      commitMessage: plan.commitMessage,
      as: 'bot',
    });
    await say(client.api, upstream, issue.number, successComment(result.pull, repoPath));
    console.log(`Issue #${issue.number}: ${result.pull.created ? 'opened' : 'updated'} pull request #${result.pull.number}: ${result.pull.url}`);
    return 0;
  } catch (error) {
    console.error(error instanceof ContributionError ? error.message : explainError(error, settings));
    try {
      await say(client.api, upstream, issue.number, `${botMarker}\n### Something went wrong on our side\n\nYour answers passed the checks, but the pull request could not be opened just now. A maintainer has been told; you do not need to do anything.\n`);
    } catch {
      // Already failing; the workflow run shows the error above.
    }
    return 1;
  }
}

process.exitCode = await main();
