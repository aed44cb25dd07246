import { describe, expect, it } from 'vitest';
import {
  checkIssueProposal, coAuthorLine, isOpenProposal, issueFrom, matchOrganisation, proposalKind, proposalPullRequest, proposalSlug, type Issue,
} from '../../src/lib/contribute/issue-proposal';
import { slugForTitle, slugify } from '../../src/lib/contribute/slug';
import type { Organisation } from '../../src/lib/schema';
import { readContentFiles } from '../../src/node/content-files';
import { draftAnswers, issueBody } from '../fixtures/contribute/answers';
import { nativeMdxParser } from '../../src/lib/validate/native-parser';

const now = new Date('2025-02-03T10:00:00Z');
function issue(overrides: Partial<Issue> = {}): Issue {
  return {
    number: 12, title: `Proposal: ${draftAnswers.title}`, body: issueBody(draftAnswers), state: 'open', labels: ['blueprint-proposal'],
    author: { login: 'proposer', id: 4242 }, createdAt: '2025-02-03T10:00:00Z', isPullRequest: false, ...overrides,
  };
}

describe('reading an issue from an event', () => {
  it('keeps only fields of the right type', () => {
    const read = issueFrom({ number: 7, title: 42, body: null, labels: [{ name: 'blueprint-proposal' }, 'content', { name: 3 }], user: { login: 'x', id: '1' } }, now)!;
    expect(read).toMatchObject({ number: 7, title: '', body: '', state: 'open', labels: ['blueprint-proposal', 'content'], author: { login: 'x', id: undefined } });
    expect(read.createdAt).toBe(now.toISOString());
  });

  it.each([undefined, null, {}, { number: '7' }, { number: 7.5 }])('reads no issue from %j', (raw) => {
    expect(issueFrom(raw, now)).toBeUndefined();
  });

  it.each<[Partial<Issue>, boolean]>([
    [{}, true],
    [{ state: 'closed' }, false],
    [{ labels: ['feedback'] }, false],
    [{ isPullRequest: true }, false],
    [{ labels: ['adoption-record', 'content'] }, true],
    [{ labels: ['adoption-record'], state: 'closed' }, false],
  ])('counts %j as an open proposal: %s', (overrides, expected) => {
    expect(isOpenProposal(issue(overrides))).toBe(expected);
  });

  it('reads an issue from the "We are using this" form as an adoption record, and any other as a blueprint', () => {
    expect(proposalKind(issue({ labels: ['adoption-record', 'content'] }))).toBe('adoption');
    expect(proposalKind(issue())).toBe('blueprint');
    expect(proposalKind(issue({ labels: ['adoption-record', 'blueprint-proposal'] }))).toBe('blueprint');
  });
});

describe('the organisation a proposer meant', () => {
  const organisations = new Map([['northmoor-teaching-hospitals', { name: 'Northmoor Teaching Hospitals NHS Foundation Trust', shortName: 'Northmoor' } as Organisation]]);
  it.each(['northmoor-teaching-hospitals', '  Northmoor-Teaching-Hospitals ', 'Northmoor Teaching Hospitals NHS Foundation Trust', 'northmoor'])('matches %j', (answer) => {
    expect(matchOrganisation(answer, organisations)).toBe('northmoor-teaching-hospitals');
  });
  it.each(['', 'eastfield-hospitals', 'Northmoor Hospitals'])('matches nothing for %j', (answer) => {
    expect(matchOrganisation(answer, organisations)).toBeUndefined();
  });
});

describe('the file name of a proposal', () => {
  it.each([
    'Cyflwyno cofnodion electronig ym mhob ward',
    'Ymgysylltu â’r gymuned: ŵyr, ŷd ac ôl-ofal',
    'Moving 40 wards to e-Obs in 9 months!',
  ])('is made from a title with Latin letters: %j', (title) => {
    expect(proposalSlug(title, 12)).toBe(slugify(title));
    expect(proposalSlug(title, 12)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  const noLatin = ['电子病历推广', '電子カルテの導入', '🏥🚑💻', '🏥 🚑', 'Электронная карта', 'السجل الإلكتروني', '!!! ???', '   '];
  it.each(noLatin)('is unique to the issue for a title with no Latin letters: %j', (title) => {
    const slug = proposalSlug(title, 12);
    expect(slug).toMatch(/^issue-12-[a-z0-9]{7}$/);
    expect(slug).not.toContain('untitled');
    expect(proposalSlug(title, 13)).not.toBe(slug);
  });

  it('differs between different titles with no Latin letters', () => {
    const slugs = noLatin.map((t) => slugForTitle(t, 'blueprint'));
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('is the same each time for the same title, so an edit finds the same branch', () => {
    expect(proposalSlug('电子病历推广', 12)).toBe(proposalSlug('电子病历推广', 12));
  });
});

describe('crediting the proposer', () => {
  it('uses GitHub’s no-reply address with the user id when known', () => {
    expect(coAuthorLine({ login: 'proposer', id: 4242 })).toBe('proposer <4242+proposer@users.noreply.github.com>');
    expect(coAuthorLine({ login: 'proposer' })).toBe('proposer <proposer@users.noreply.github.com>');
  });
  it.each([undefined, { login: 'evil>\nCo-authored-by: x' }, { login: '' }])('credits nobody for %j', (author) => {
    expect(coAuthorLine(author)).toBeUndefined();
  });
});

describe('checking a proposal', () => {
  const files = readContentFiles(process.cwd()).files;

  it('finds nothing wrong with a complete proposal, and plans its pull request', () => {
    const checked = checkIssueProposal(issue(), files, 'src/content/blueprints', nativeMdxParser);
    expect(checked.problems).toEqual([]);
    expect(checked.repoPath).toBe('src/content/blueprints/giving-ward-clerks-a-digital-bed-board-in-six-weeks.mdx');
    const { plan, body } = proposalPullRequest(issue(), checked);
    expect(plan.branch).toBe('proposal/issue-12-giving-ward-clerks-a-digital-bed-board-in-six-weeks');
    expect(plan.commitMessage).toContain('Co-authored-by: proposer <4242+proposer@users.noreply.github.com>');
    expect(body).toContain('Closes #12');
  });

  it('keeps the branch already open for the issue', () => {
    const checked = checkIssueProposal(issue(), files, 'src/content/blueprints', nativeMdxParser);
    expect(proposalPullRequest(issue(), checked, 'proposal/issue-12-old-title').plan.branch).toBe('proposal/issue-12-old-title');
  });

  it('says when the title gives the address of a blueprint that exists', () => {
    const taken = files.find((f) => f.kind === 'blueprint')!;
    const slug = taken.path.split('/').pop()!.replace(/\.mdx$/, '');
    const checked = checkIssueProposal(issue({ body: issueBody({ ...draftAnswers, title: slug.replace(/-/g, ' ') }) }), files, 'src/content/blueprints', nativeMdxParser);
    expect(checked.problems[0]).toEqual({ where: 'Title', message: expect.stringContaining(`/blueprints/${slug}/, which another blueprint already has`) });
  });

  it.each(['', 'not-listed', 'eastfield-hospitals'])('says an organisation new to the site (answered %j) is for a maintainer to add', (organisation) => {
    const body = issueBody({ ...draftAnswers, organisation, 'organisation-name': 'Eastfield Hospitals NHS Trust' });
    const checked = checkIssueProposal(issue({ body }), files, 'src/content/blueprints', nativeMdxParser);
    expect(checked.problems.filter((p) => p.where === 'Your organisation')).toEqual([{ where: 'Your organisation', message: expect.stringMatching(/^"Eastfield Hospitals NHS Trust" is not on the site yet/) }]);
  });
});
