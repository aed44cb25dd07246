import { describe, expect, it } from 'vitest';
import { draftToMdx, hasAnswers, initialValues, sectionsOf, slugFromTitle, toFrontMatter, type DraftValues } from '../../src/lib/contribute/draft';
import { sectionErrors, validateDraft } from '../../src/lib/contribute/draft-check';
import { draftPath, handOff, issueFormUrl, maxUrlLength, newFileUrl } from '../../src/lib/contribute/hand-off';
import { proposalFromIssue } from '../../src/lib/contribute/issue-answers';
import { localIsoDate } from '../../src/lib/contribute/local-date';
import { organisationNotListed, questionById, questions, sectionFieldId } from '../../src/lib/contribute/questions';
import { isSimilarTitle } from '../../src/lib/search/similar-title';
import { parseSource } from '../../src/lib/content/front-matter';
import { readContentFiles } from '../../scripts/lib/content-files';
import { validateContent } from '../../src/lib/validate';
import { blueprintSections } from '../../src/lib/content/sections';
import { blueprintSchema, type Organisation } from '../../src/lib/schema';
import { checkMdxSource } from '../../src/lib/validate/rules/mdx-safety';
import { costBands, labelOf } from '../../src/lib/schema/taxonomy';
import { draftAnswers } from '../fixtures/contribute/answers';

const today = '2025-06-30';
const options = { today };
const whatWeDid = sectionFieldId('What we did');
const whatWentWrong = sectionFieldId(blueprintSections.find((s) => s.requiredForRedprint)!.heading);

/** A draft a careful author would send: the shared answers, with some changed. */
function completeDraft(overrides: DraftValues = {}): DraftValues {
  return { ...draftAnswers, [whatWentWrong]: '', ...overrides };
}

describe('file names', () => {
  it('makes a file name from a short title', () => {
    expect(slugFromTitle('Training 2,000 nurses on a new EPR')).toBe('training-2-000-nurses-on-a-new-epr');
  });

  it('cuts a long title’s file name at a word boundary', () => {
    const slug = slugFromTitle('Moving forty adult inpatient wards to electronic observations and early warning scores');
    expect(slug).toBe('moving-forty-adult-inpatient-wards-to-electronic');
  });
});

describe('turning form answers into front-matter', () => {
  it('makes one key question per non-empty line, trimmed', () => {
    const keyQuestions = '  How many super-users does a ward need?\n\n- How much backfill should we fund?  \n';
    expect(toFrontMatter(completeDraft({ keyQuestions }), options).keyQuestions).toEqual([
      'How many super-users does a ward need?',
      'How much backfill should we fund?',
    ]);
  });

  it('publishes the draft today, as published content under the OGL, not illustrative', () => {
    const data = toFrontMatter(completeDraft(), options);
    expect(data).toMatchObject({ published: today, status: 'published', licence: 'OGL-3.0', illustrative: false });
  });

  it('marks a draft from a made-up example organisation as illustrative', () => {
    const data = toFrontMatter(completeDraft(), { today, illustrativeOrganisations: ['northmoor-teaching-hospitals'] });
    expect(data.illustrative).toBe(true);
  });

  it('nests cost, outcome, timeline and owner answers as the schema expects', () => {
    const data = toFrontMatter(completeDraft(), options);
    expect(data.cost).toEqual({ band: 'under-50k', note: 'Screens for twelve wards and two weeks of a developer.' });
    expect(data.outcome).toEqual({ evidence: 'measured-locally', headline: 'Phone calls to find a bed fell from about 60 a day to 10.' });
    expect(data.timeline).toEqual({ start: '2023-01', end: '2023-02' });
    expect(data.owner).toEqual({ name: 'Patient flow team', role: 'Head of patient flow' });
    expect(data.startingPoint).toEqual({ problem: 'Site managers phoned every ward several times a day to find a free bed.' });
  });

  it('leaves out optional answers left empty', () => {
    const data = toFrontMatter(completeDraft({ 'timeline-end': '  ', capabilities: [] }), options);
    expect(data).not.toHaveProperty('capabilities');
    expect(data).not.toHaveProperty('partners');
    expect(data).not.toHaveProperty('standards');
    expect(data.timeline).toEqual({ start: '2023-01' });
  });

  it('uses the slug of the name typed for an organisation that is not listed', () => {
    const data = toFrontMatter(completeDraft({ organisation: organisationNotListed, 'organisation-name': 'Riverside NHS Foundation Trust' }), options);
    expect(data.organisation).toBe('riverside-nhs-foundation-trust');
  });
});

describe('checking a draft with the blueprint schema', () => {
  it('finds nothing wrong with a complete draft', () => {
    expect(validateDraft(completeDraft(), options)).toEqual([]);
  });

  it('says what to do for every required question left empty, in the order the form asks them', () => {
    const errors = validateDraft({}, options);
    const required = questions.filter((q) => q.required && q.defaultValue === undefined).map((q) => q.id);
    expect(errors.map((e) => e.id)).toEqual(required);
    for (const error of errors) {
      const field = questionById(error.id)!;
      expect(error.message).toBe(field.emptyMessage ?? `${field.name} is required: ${error.message.split(': ').slice(1).join(': ')}`);
      expect(error.message).not.toMatch(/zod|undefined|invalid input/i);
    }
  });

  it('names the field and gives the schema’s advice for a title that breaks the convention', () => {
    const [error] = validateDraft(completeDraft({ title: 'An initiative to improve bed management' }), options);
    expect(error.id).toBe('title');
    expect(error.message).toMatch(/^Title starts with "An initiative": say what was done instead/);
  });

  it('says which key question is not a question', () => {
    const [error] = validateDraft(completeDraft({ keyQuestions: 'How many super-users?\nBackfill costs and funding' }), options);
    expect(error).toEqual({ id: 'keyQuestions', message: expect.stringMatching(/^Question 2 should be a question/) });
  });

  it('puts a timeline that ends before it starts on the end date', () => {
    const [error] = validateDraft(completeDraft({ 'timeline-end': '2022-12' }), options);
    expect(error).toEqual({ id: 'timeline-end', message: 'End is before the start: check when the work started and finished' });
  });

  it('says only that a start date is not a month, without comparing it with the end', () => {
    const errors = validateDraft(completeDraft({ 'timeline-start': 'April 2023' }), options);
    expect(errors).toEqual([{ id: 'timeline-start', message: expect.stringMatching(/^Start should be a month written as YYYY-MM/) }]);
  });

  it('rejects a contact that is neither an email nor a web address', () => {
    const [error] = validateDraft(completeDraft({ contact: 'ring the switchboard' }), options);
    expect(error).toEqual({ id: 'contact', message: expect.stringMatching(/^Contact should be an email address/) });
  });

  it('asks for the name of an organisation that is not listed', () => {
    const errors = validateDraft(completeDraft({ organisation: organisationNotListed, 'organisation-name': '' }), options);
    expect(errors.map((e) => e.id)).toEqual(['organisation-name']);
  });

  it('asks a redprint to say what went wrong', () => {
    const errors = validateDraft(completeDraft({ type: 'redprint' }), options);
    expect(errors).toEqual([{ id: whatWentWrong, message: expect.stringMatching(/^A redprint must say what went wrong/) }]);
  });

  it('does not ask a blueprint to say what went wrong', () => {
    expect(validateDraft(completeDraft({ type: 'blueprint', [whatWentWrong]: '' }), options)).toEqual([]);
  });
});

describe('the MDX file a draft becomes', () => {
  it('has front-matter the blueprint schema accepts', () => {
    const parsed = parseSource(draftToMdx(completeDraft(), options));
    expect(parsed.error).toBeUndefined();
    expect(blueprintSchema.safeParse(parsed.data).success).toBe(true);
  });

  it('has every standard section, with the author’s text or the prompt as a comment', () => {
    const { body } = parseSource(draftToMdx(completeDraft(), options));
    for (const section of blueprintSections) expect(body).toContain(`## ${section.heading}\n`);
    expect(body).toContain(`## What we did\n\n${draftAnswers[whatWeDid]}\n`);
    expect(body).toContain(`{/* ${blueprintSections.find((s) => s.heading === 'Resources')!.prompt} */}`);
  });

  it('passes every content check alongside the bundled content', () => {
    const files = readContentFiles(process.cwd());
    const organisations = validateContent(files).corpus.entries.filter((e) => e.kind === 'organisation' && e.data);
    const organisation = organisations[0];
    const illustrativeOrganisations = organisations.filter((o) => (o.data as Organisation).illustrative).map((o) => o.slug);
    const source = draftToMdx(completeDraft({ organisation: organisation.slug }), { today, illustrativeOrganisations });
    const draft = { path: draftPath('giving-ward-clerks-a-bed-board'), source };
    expect(validateContent([...files, draft], new Set([draft.path])).problems).toEqual([]);
  });

  it('passes the MDX safety gate', () => {
    expect(checkMdxSource('draft.mdx', draftToMdx(completeDraft(), options))).toEqual([]);
  });

  it('puts an MDX safety problem beside the section it is in, with the line within that section', () => {
    const values = completeDraft({ [whatWeDid]: 'We trained everyone.\n\nThe budget was {process.env.SECRET}.' });
    const mdx = draftToMdx(values, options);
    const errors = sectionErrors(mdx, checkMdxSource('draft.mdx', mdx));
    expect(errors).toEqual([{ id: whatWeDid, message: expect.stringMatching(/^The “What we did” section, line 3, \{process\.env\.SECRET\} is code/) }]);
  });
});

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
    expect(params(result.issue.url).has('organisation')).toBe(false);
  });
});

describe('spotting a blueprint that may already exist', () => {
  it('counts a title about the same work as similar, whatever the word endings', () => {
    expect(isSimilarTitle('Move wards to electronic observations', 'Moving 40 wards to electronic observations in nine months')).toBe(true);
  });

  it('does not count a title that shares only one word', () => {
    expect(isSimilarTitle('Electronic prescribing on every ward', 'Replacing Wi-Fi and 1,100 devices before an EPR on every site')).toBe(false);
  });

  it('ignores small joining words', () => {
    expect(isSimilarTitle('The role of the CCIO', 'The role of the board')).toBe(false);
  });
});

describe('telling a saved draft from an empty form', () => {
  it('finds no answers in a form holding only its starting answers', () => {
    expect(hasAnswers({ ...initialValues, title: '  ', careSettings: [] })).toBe(false);
  });

  it('finds an answer when the author has chosen something', () => {
    expect(hasAnswers({ ...initialValues, careSettings: ['acute'] })).toBe(true);
  });

  it('finds an answer when the author changed a starting answer', () => {
    expect(hasAnswers({ ...initialValues, type: 'redprint' })).toBe(true);
  });
});

describe('today’s date', () => {
  it('is the author’s local calendar date', () => {
    expect(localIsoDate(new Date(2025, 0, 5, 23, 30))).toBe('2025-01-05');
  });
});
