/**
 * The "We are using this" route: the issue bot (scripts/propose-from-issue.ts) as the workflow
 * runs it, for an issue from the adoption form, against a fake GitHub. It shares the blueprint
 * route's publishing, so these tests check what differs: the record it writes, and the problems
 * it names by the adoption form's questions.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adoptionQuestions } from '../../src/lib/contribute/adoption-questions';
import { adoptionChecklist, reviewChecklist } from '../../src/lib/contribute/checklist';
import { botMarker } from '../../src/lib/contribute/issue-comment';
import { adoptionForm } from '../../src/lib/contribute/issue-form';
import { validateContent } from '../../src/lib/validate';
import { nativeMdxParser } from '../../src/lib/validate/native-parser';
import { readContentFiles } from '../../src/node/content-files';
import { adoptionAnswers, issueBody } from '../fixtures/contribute/answers';
import type { DraftValues } from '../../src/lib/contribute/answers';
import { runIssueBot, startFakeGitHub, type FakeGitHub, type FakeIssue, type ScriptResult } from '../support/fake-github';

const contentDir = fileURLToPath(new URL('../fixtures/contribute/adoption-content/', import.meta.url));
const slug = 'fellbrook-hospitals--discharge-letters-to-gps-same-day';
const repoPath = `src/content/adoptions/${slug}.yaml`;
const existingPath = 'src/content/adoptions/ashwyre-valley-hospitals--discharge-letters-to-gps-same-day.yaml';
const labelOf = (id: string) => adoptionQuestions.find((q) => q.id === id)!.label;

let fake: FakeGitHub;
let work: string;
let count = 0;

beforeAll(async () => {
  fake = await startFakeGitHub();
  fake.addUser('proposal-bot[bot]', 'app-token', 'Bot');
  fake.addUser('adopter', 'adopter-token');
  work = mkdtempSync(join(tmpdir(), 'adoption-test-'));
});

afterAll(async () => {
  await fake?.close();
  rmSync(work, { recursive: true, force: true });
});

function repository(): string {
  const name = `commons/adoption-${++count}`;
  fake.createRepo(name, {
    collaborators: ['proposal-bot[bot]'],
    files: { 'README.md': '# site\n', [existingPath]: readFileSync(join(contentDir, 'adoptions', existingPath.split('/').pop()!), 'utf8') },
  });
  return name;
}

function openIssue(repo: string, answers: DraftValues, labels = adoptionForm.labels): FakeIssue {
  return fake.openIssue(repo, { title: `We are using: ${String(answers.blueprint ?? '')}`, body: issueBody(answers, adoptionForm), user: 'adopter', labels });
}

/** Runs the bot as the workflow does, for the issue as it is now in the fake. */
const runBot = (repo: string, issue: FakeIssue, action = 'opened'): Promise<ScriptResult> => runIssueBot({ fake, repo, issue, work, contentDir, action, userId: 5151 });

const botComment = (issue: FakeIssue) => issue.comments.find((c) => c.body.includes(botMarker))?.body ?? '';

function fileOnBranch(repo: string, path: string): string | undefined {
  const [pull] = fake.pulls(repo);
  if (!pull) return undefined;
  const git = fake.repo(repo).git;
  return git.fileAt(git.ref(`heads/${pull.pull!.headRef}`)!, path)?.toString('utf8');
}

describe('a "We are using this" issue', () => {
  let repo: string;
  let issue: FakeIssue;
  let result: ScriptResult;

  beforeAll(async () => {
    repo = repository();
    issue = openIssue(repo, adoptionAnswers);
    result = await runBot(repo, issue);
  });

  it('becomes a pull request from a branch named after the issue and the record', () => {
    expect(result.code, result.stderr).toBe(0);
    expect(fake.pulls(repo).map((p) => p.pull!.headRef)).toEqual([`proposal/issue-${issue.number}-${slug}`]);
  });

  it('adds the adoption record, named after the organisation and the blueprint', () => {
    expect(parse(fileOnBranch(repo, repoPath) ?? '')).toEqual({
      organisation: 'fellbrook-hospitals',
      blueprint: 'discharge-letters-to-gps-same-day',
      stage: 'piloting',
      date: '2025-01',
      outcome: 'Piloting on two medical wards. Letters reach practices the same day for most patients.',
      contactOptIn: true,
      contact: 'discharge.team@fellbrook.example.nhs.uk',
      illustrative: true,
    });
  });

  it('commits a record that passes the same checks as the build', () => {
    const path = `tests/fixtures/contribute/adoption-content/adoptions/${slug}.yaml`;
    const content = readContentFilesIn(contentDir);
    const { problems } = validateContent([...content, { path, source: fileOnBranch(repo, repoPath)!, kind: 'adoption' }], { parser: nativeMdxParser, only: new Set([path]) });
    expect(problems).toEqual([]);
  });

  it('titles and labels the pull request as an adoption, and closes the issue when merged', () => {
    const [pull] = fake.pulls(repo);
    expect(pull.title).toBe('Adoption: fellbrook-hospitals is using discharge-letters-to-gps-same-day (piloting)');
    expect(pull.labels).toEqual(['content', 'adoption']);
    // The address is shown with a joiner after the @, so GitHub does not read it as a mention.
    expect(pull.body).toMatch(/\| Contact published \| yes: discharge\.team@\u200d?fellbrook\.example\.nhs\.uk \|/);
    expect(pull.body).toContain(`Closes #${issue.number}`);
  });

  it('gives the maintainer the adoption record checklist, not the blueprint one', () => {
    const [pull] = fake.pulls(repo);
    for (const item of adoptionChecklist) expect(pull.body).toContain(`- [ ] ${item}`);
    expect(pull.body).not.toContain(reviewChecklist[0]);
  });

  it('replies on the issue with the pull request link', () => {
    expect(botComment(issue)).toContain(`https://github.com/${repo}/pull/${fake.pulls(repo)[0].number}`);
  });
});

describe('a "We are using this" issue without permission to publish a contact', () => {
  it('leaves the contact it was given out of the record', async () => {
    const repo = repository();
    await runBot(repo, openIssue(repo, { ...adoptionAnswers, contactOptIn: 'no' }));
    const record = parse(fileOnBranch(repo, repoPath) ?? '{}');
    expect(record).toMatchObject({ organisation: 'fellbrook-hospitals', stage: 'piloting' });
    expect(record).not.toHaveProperty('contact');
    expect(record).not.toHaveProperty('contactOptIn');
  });
});

describe('a "We are using this" issue for a record already on the site', () => {
  it('updates that record in the pull request, as the adoption moves on', async () => {
    const repo = repository();
    await runBot(repo, openIssue(repo, { ...adoptionAnswers, organisation: 'Ashwyre Valley', stage: 'live', date: '2025-02', contactOptIn: 'no' }));
    expect(fake.pulls(repo)).toHaveLength(1);
    expect(parse(fileOnBranch(repo, existingPath) ?? '{}')).toMatchObject({ organisation: 'ashwyre-valley-hospitals', stage: 'live', date: '2025-02' });
  });
});

describe('a "We are using this" issue that names the blueprint by its page address', () => {
  it('is read as the blueprint at that address', async () => {
    const repo = repository();
    await runBot(repo, openIssue(repo, { ...adoptionAnswers, blueprint: 'https://example.org/blueprints/discharge-letters-to-gps-same-day/' }));
    expect(parse(fileOnBranch(repo, repoPath) ?? '{}')).toMatchObject({ blueprint: 'discharge-letters-to-gps-same-day' });
  });
});

describe('a "We are using this" issue with problems', () => {
  it('gets a comment naming an unknown blueprint by its question, and no pull request', async () => {
    const repo = repository();
    const issue = openIssue(repo, { ...adoptionAnswers, blueprint: 'no-such-blueprint' });
    const result = await runBot(repo, issue);
    expect(result.code).toBe(0);
    expect(botComment(issue)).toContain(`- **${labelOf('blueprint')}**: "no-such-blueprint" is not a known blueprint`);
    expect(fake.pulls(repo)).toEqual([]);
  });

  it('gets a comment when the contact is a personal mailbox, and no pull request', async () => {
    const repo = repository();
    const issue = openIssue(repo, { ...adoptionAnswers, contact: 'jo.bloggs@gmail.com' });
    await runBot(repo, issue);
    expect(botComment(issue)).toContain(`- **${labelOf('contact')}** is not at an organisation's domain`);
    expect(fake.pulls(repo)).toEqual([]);
  });

  it('gets a comment when the stage is not one of the choices', async () => {
    const repo = repository();
    const issue = openIssue(repo, { ...adoptionAnswers, stage: 'Thinking about it' });
    await runBot(repo, issue);
    expect(botComment(issue)).toContain(`- **${labelOf('stage')}**: "Thinking about it" is not one of the choices: pick one of Exploring, Piloting, Live, Abandoned`);
  });

  it('never writes outside the adoptions folder, whatever the blueprint answer says', async () => {
    const repo = repository();
    const issue = openIssue(repo, { ...adoptionAnswers, blueprint: '../../../.github/workflows/deploy' });
    await runBot(repo, issue);
    expect(botComment(issue)).toContain(`- **${labelOf('blueprint')}** should be a slug`);
    expect(fake.pulls(repo)).toEqual([]);
    expect(fake.repo(repo).git.refs()).toEqual(['heads/main']);
  });
});

/** The fixture content folder's files, with paths under it, as the bot reads them with CONTENT_DIR. */
function readContentFilesIn(dir: string) {
  const saved = process.env.CONTENT_DIR;
  process.env.CONTENT_DIR = dir;
  try {
    return readContentFiles(process.cwd()).files;
  } finally {
    if (saved === undefined) delete process.env.CONTENT_DIR;
    else process.env.CONTENT_DIR = saved;
  }
}
