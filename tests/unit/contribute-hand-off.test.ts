import { describe, expect, it } from 'vitest';
import { draftToMdx, sectionsOf, toFrontMatter } from '../../src/lib/contribute/draft';
import { draftPath, handOff, issueFormUrl, maxUrlLength, newFileUrl } from '../../src/lib/contribute/hand-off';
import { proposalFromIssue } from '../../src/lib/contribute/issue-answers';
import { organisationNotListed, questions } from '../../src/lib/contribute/questions';
import { blueprintSchema } from '../../src/lib/schema';
import { costBands, labelOf } from '../../src/lib/schema/taxonomy';
import { completeDraft, draftAnswers, whatWeDid, whatWentWrong } from '../fixtures/contribute/answers';

const today = '2025-06-30';
const options = { today };

describe('handing a draft off to GitHub', () => {
  const repository = 'nhs-example/blueprint-commons';

  function params(url: string): URLSearchParams {
    return new URL(url).searchParams;
  }

  it('opens the propose-blueprint issue form with the blueprint title as the title', () => {
    const { url } = issueFormUrl(repository, completeDraft());
    expect(url.startsWith(`https://github.com/${repository}/issues/new?`)).toBe(true);
    expect(params(url).get('template')).toBe('propose-blueprint.yml');
    expect(params(url).get('title')).toBe(draftAnswers.title);
  });

  it('passes each answer under its field id, choices by the labels the issue form lists', () => {
    const p = params(issueFormUrl(repository, completeDraft()).url);
    expect(p.get('summary')).toBe(draftAnswers.summary);
    expect(p.get('cost-band')).toBe(labelOf(costBands, 'under-50k'));
    expect(p.get('outcome-headline')).toBe(draftAnswers['outcome-headline']);
    expect(p.get('timeline-start')).toBe('2023-01');
    expect(p.get(whatWeDid)).toBe(draftAnswers[whatWeDid]);
  });

  it('passes key questions one per line and several choices separated by commas', () => {
    const p = params(issueFormUrl(repository, completeDraft({ careSettings: ['acute', 'community'] })).url);
    expect(p.get('keyQuestions')).toBe(draftAnswers.keyQuestions);
    expect(p.get('careSettings')).toBe('Acute, Community');
  });

  /** The issue GitHub writes from a pre-filled form: each question's label as a heading, then the answer. */
  function submittedIssue(url: string, { titleQuestionFilled }: { titleQuestionFilled: boolean }) {
    const p = params(url);
    const answer = (id: string) => (id === 'title' && !titleQuestionFilled ? '' : p.get(id)) || '_No response_';
    return { body: questions.map((f) => `### ${f.label}\n\n${answer(f.id)}`).join('\n\n'), title: p.get('title')! };
  }

  for (const titleQuestionFilled of [true, false]) {
    it(`is read back by the issue bot as the same blueprint (${titleQuestionFilled ? 'GitHub fills the Title question too' : 'GitHub fills only the issue title'})`, () => {
      const draft = completeDraft({ capabilities: ['digital-channels', 'interoperability'], 'owner-github': 'jsmith-nhs' });
      const issue = submittedIssue(issueFormUrl(repository, draft).url, { titleQuestionFilled });
      const proposal = proposalFromIssue(issue.body, { published: today, issueTitle: issue.title });
      expect(blueprintSchema.parse(proposal.data)).toEqual(blueprintSchema.parse(toFrontMatter(draft, options)));
      expect(proposal.sections).toEqual(sectionsOf(draft));
    });
  }

  it('leaves out answers that are empty', () => {
    const p = params(issueFormUrl(repository, completeDraft({ 'cost-note': '' })).url);
    expect(p.has('cost-note')).toBe(false);
    expect(p.has(whatWentWrong)).toBe(false);
  });

  it('leaves out the longest sections, and lists them, when the address would be too long', () => {
    const long = 'Step by step, with who did what. '.repeat(150);
    const link = issueFormUrl(repository, completeDraft({ [whatWeDid]: long, [whatWentWrong]: 'Too few chargers.' }));
    expect(link.url.length).toBeLessThanOrEqual(maxUrlLength);
    expect(link.omitted.map((f) => f.id)).toEqual([whatWeDid]);
    expect(params(link.url).get(whatWentWrong)).toBe('Too few chargers.');
  });

  it('opens GitHub’s new file page with the file in the blueprints folder and its text filled in', () => {
    const mdx = draftToMdx(completeDraft(), options);
    const url = newFileUrl(repository, 'main', 'giving-ward-clerks-a-bed-board', mdx)!;
    expect(url.startsWith(`https://github.com/${repository}/new/main?`)).toBe(true);
    expect(params(url).get('filename')).toBe(draftPath('giving-ward-clerks-a-bed-board'));
    expect(params(url).get('value')).toBe(mdx);
  });

  it('offers no new file page when the address would be too long', () => {
    expect(newFileUrl(repository, 'main', 'x', 'a'.repeat(maxUrlLength))).toBeUndefined();
  });

  it('hands off a file named after the title', () => {
    const result = handOff(completeDraft(), { ...options, repository, branch: 'main' });
    expect(result.fileName).toBe('giving-ward-clerks-a-digital-bed-board-in-six-weeks.mdx');
    expect(result.newFile).toContain('filename=src/content/blueprints/giving-ward-clerks-a-digital-bed-board-in-six-weeks.mdx');
  });

  it('sends a draft whose organisation is not listed to the issue form only, with the organisation’s name', () => {
    const result = handOff(completeDraft({ organisation: organisationNotListed, 'organisation-name': 'Riverside NHS Foundation Trust' }), { ...options, repository, branch: 'main' });
    expect(result.newFile).toBeUndefined();
    expect(result.newFileUnavailable).toBe('organisation-not-listed');
    expect(params(result.issue.url).get('organisation-name')).toBe('Riverside NHS Foundation Trust');
    expect(params(result.issue.url).get('organisation')).toBe(organisationNotListed);
  });
});
