/**
 * Turns a "Propose a blueprint" or "We are using this" issue into a pull request. Run by
 * .github/workflows/propose-blueprint.yml when such an issue is opened or edited:
 *
 *   npx tsx scripts/propose-from-issue.ts [--event <file>] [--issue <n>] [--repo owner/name] [--bot-login <login>] [--dry-run]
 *
 *  1. read the issue, from the event payload (GITHUB_EVENT_PATH, or --event) or with --issue from the API;
 *  2. leave it alone unless it is open and carries the proposal (or adoption record) label;
 *  3. turn the answers into a blueprint file (src/lib/contribute/issue-proposal.ts), or for the
 *     adoption label an adoption record (src/lib/contribute/adoption-proposal.ts), and check it;
 *  4. if anything is wrong, say what to change on the issue, in the bot's one comment;
 *  5. otherwise commit the file to `proposal/issue-<n>-<slug>` in this repository, open or update
 *     the pull request, and link it in that comment.
 *
 * The bot's comment is the one carrying its marker AND written by the bot: --bot-login (or
 * BOT_LOGIN), else any GitHub App account ("…[bot]").
 * Exit status 0 when the issue was handled (including "here is what to fix"); 1 when GitHub failed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { approvedComment, botMarker, failureComment, problemsComment, successComment } from '../src/lib/contribute/issue-comment';
import { adoptionLabel, proposalLabel } from '../src/lib/contribute/issue-form';
import { checkAdoptionIssue } from '../src/lib/contribute/adoption-proposal';
import {
  checkIssueProposal, isOpenProposal, issueFrom, proposalBranchPrefix, proposalKind, proposalPullRequest, standsApproved, type Issue,
} from '../src/lib/contribute/issue-proposal';
import { ContributionError, findPullsByBranchPrefix, fullName, publish, type GitHubApi, type RepoRef } from '../src/lib/contribute/publish';
import { isBotAuthor, upsertStep, type Authored } from '../src/lib/contribute/upsert';
import { runCommand } from './lib/cli';
import { contentDir, readContentFiles, toProjectPath } from '../src/node/content-files';
import { createClient, explainError, parseRepository, settingsFromEnv } from './lib/github';
import { nativeMdxParser } from '../src/lib/validate/native-parser';

const root = process.cwd();
const usage = 'Usage: npx tsx scripts/propose-from-issue.ts [--event <file>] [--issue <n>] [--repo owner/name] [--bot-login <login>] [--dry-run]';

/** Edits the bot's earlier comment, found by marker and author; otherwise adds one. */
async function say(api: GitHubApi, repo: RepoRef, issue: number, body: string, isBot: (item: Authored) => boolean): Promise<void> {
  const comments = await api.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repo, issue_number: issue, per_page: 100 });
  const step = upsertStep(comments, botMarker, { body }, isBot);
  if (step.action === 'create') await api.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repo, issue_number: issue, body });
  else if (step.action === 'update') await api.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...repo, comment_id: step.item.id, body });
}

await runCommand(
  {
    usage,
    options: { event: { type: 'string' }, issue: { type: 'string' }, repo: { type: 'string' }, 'bot-login': { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
  },
  async (args) => {
    // 1. Arguments and the issue.
    const dryRun = Boolean(args.values['dry-run']);
    const isBot = isBotAuthor((args.values['bot-login'] as string | undefined) ?? process.env.BOT_LOGIN);
    const eventPath = (args.values.event as string | undefined) ?? process.env.GITHUB_EVENT_PATH;
    let payload: { issue?: unknown; repository?: { full_name?: unknown } } = {};
    if (eventPath && !args.values.issue) {
      try {
        payload = JSON.parse(readFileSync(eventPath, 'utf8'));
      } catch (error) {
        console.error(`Could not read the event payload ${eventPath}: ${(error as Error).message}`);
        return 1;
      }
    }
    const repoName = (args.values.repo as string | undefined) ?? process.env.GITHUB_REPOSITORY ?? (typeof payload.repository?.full_name === 'string' ? payload.repository.full_name : '');
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
        issue = issueFrom(data, new Date());
      } else {
        issue = issueFrom(payload.issue, new Date());
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
    if (!isOpenProposal(issue)) {
      console.log(`Issue #${issue.number} is not an open proposal (label "${proposalLabel}" or "${adoptionLabel}"): nothing to do.`);
      return 0;
    }

    // 3. Answers → blueprint file or adoption record → validator.
    const files = readContentFiles(root).files;
    const folder = (name: string) => toProjectPath(root, join(contentDir(root), name));
    const checked = proposalKind(issue) === 'adoption'
      ? checkAdoptionIssue(issue, files, folder('adoptions'), nativeMdxParser)
      : checkIssueProposal(issue, files, folder('blueprints'), nativeMdxParser);
    let existing: { number: number; html_url: string; head: { ref: string } } | undefined;
    if (client) {
      try {
        [existing] = await findPullsByBranchPrefix(client.api, upstream, proposalBranchPrefix(issue.number));
      } catch (error) {
        console.error(explainError(error, settings));
        return 1;
      }
    }

    // 4. Problems: say what to change, and stop.
    if (checked.problems.length > 0) {
      const comment = problemsComment(checked.problems, existing);
      if (dryRun || !client) {
        console.log(`Dry run: would comment on #${issue.number}:\n\n${comment}`);
        return 0;
      }
      try {
        await say(client.api, upstream, issue.number, comment, isBot);
        console.log(`Issue #${issue.number}: ${checked.problems.length} problem${checked.problems.length === 1 ? '' : 's'} to fix; told the proposer.`);
        return 0;
      } catch (error) {
        console.error(explainError(error, settings));
        return 1;
      }
    }

    // 5. An approved pull request stays as it was approved: what a maintainer reviewed is what is merged.
    if (existing && client && !dryRun) {
      try {
        const reviews = await client.api.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { ...upstream, pull_number: existing.number, per_page: 100 });
        if (standsApproved(reviews)) {
          await say(client.api, upstream, issue.number, approvedComment({ number: existing.number, url: existing.html_url }), isBot);
          console.log(`Issue #${issue.number}: pull request #${existing.number} is approved, so this edit was not applied; told the proposer.`);
          return 0;
        }
      } catch (error) {
        console.error(explainError(error, settings));
        return 1;
      }
    }

    // 6. A pull request from a branch in this repository.
    const { plan, body } = proposalPullRequest(issue, checked, existing?.head.ref);
    if (dryRun || !client) {
      console.log([`Dry run: nothing is sent to GitHub.`, `Repository: ${fullName(upstream)}`, `Branch: ${plan.branch}`, `File: ${checked.repoPath}`, `Title: ${plan.title}`, `Labels: ${plan.labels.join(', ')}`, '', checked.rendered].join('\n'));
      return 0;
    }
    try {
      const result = await publish(client.api, client.runtime, {
        upstream,
        files: [{ path: checked.repoPath, content: Buffer.from(checked.rendered, 'utf8') }],
        branch: plan.branch,
        title: plan.title,
        body,
        labels: plan.labels,
        commitMessage: plan.commitMessage,
        as: 'bot',
      });
      await say(client.api, upstream, issue.number, successComment(result.pull, checked.repoPath), isBot);
      console.log(`Issue #${issue.number}: ${result.pull.created ? 'opened' : 'updated'} pull request #${result.pull.number}: ${result.pull.url}`);
      return 0;
    } catch (error) {
      console.error(error instanceof ContributionError ? error.message : explainError(error, settings));
      try {
        await say(client.api, upstream, issue.number, failureComment(), isBot);
      } catch {
        // Already failing; the workflow run shows the error above.
      }
      return 1;
    }
  },
);
