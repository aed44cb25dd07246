import { describe, expect, it } from 'vitest';
import {
  draftFields, draftPath, draftToMdx, fieldId, handOff, hasAnswers, initialValues, isSimilarTitle, sectionsOf, issueFormUrl, localIsoDate, maxUrlLength, newFileUrl,
  organisationNotListed, sectionErrors, sectionFieldId, slugFromTitle, toFrontMatter, validateDraft,
  type DraftValues,
} from '../../src/lib/contribute/draft';
import { parseSource } from '../../src/lib/content/front-matter';
import { readContentFiles } from '../../scripts/lib/content-files';
import { validateContent } from '../../src/lib/validate';
import { blueprintSections } from '../../src/lib/content/sections';
import { blueprintSchema, type Blueprint, type Organisation } from '../../src/lib/schema';
import { checkMdxSource } from '../../src/lib/validate/rules/mdx-safety';
import { issueFormFields, proposalFromIssue } from '../../src/lib/contribute/issue-form';
import { costBands, labelOf } from '../../src/lib/schema/taxonomy';

const today = '2025-06-30';
const options = { today };
const whatWeDid = sectionFieldId('What we did');
const whatWentWrong = sectionFieldId(blueprintSections.find((s) => s.requiredForRedprint)!.heading);

/** A draft a careful author would send: every required answer, some optional ones. */
function completeDraft(overrides: DraftValues = {}): DraftValues {
  return {
    type: 'blueprint',
    domain: 'workforce',
    title: 'Training 2,000 nurses on a new EPR with super-users',
    summary: 'We trained every nurse on the new record in six weeks using ward super-users with protected time, and kept go-live incidents low.',
    keyQuestions: '  How many super-users does a ward need?\n\nHow much backfill should we fund?  \n',
    organisation: 'fellbrook-hospitals',
    careSettings: ['acute', 'community'],
    pillars: ['support-people'],
    capabilities: [],
    eprSupplier: 'epic',
    standards: [],
    audience: ['cnio', 'transformation-lead'],
    'cost-band': '250k-1m',
    'cost-note': '',
    'outcome-evidence': 'measured-locally',
    'outcome-headline': 'Nine in ten nurses said they felt ready on the first day.',
    'timeline-start': '2023-01',
    'timeline-end': '2023-09',
    'owner-name': 'Nursing informatics team',
    'owner-role': '',
    contact: 'informatics@fellbrook.example.nhs.uk',
    [whatWeDid]: 'We picked two super-users per ward.\n\nEach had 15 hours of protected time.',
    ...overrides,
  };
}

describe('slugs and field ids', () => {
  it('asks every question under the id the GitHub issue form gives it', () => {
    const issueIds = new Set(issueFormFields.map((f) => f.id));
    expect(draftFields.map((f) => f.id).filter((id) => !issueIds.has(id))).toEqual([]);
  });

  it('asks for the same front-matter field as the issue form does under each id', () => {
    for (const field of draftFields) expect(field.path, field.id).toEqual(issueFormFields.find((f) => f.id === field.id)!.path);
  });

  it('names a body section field "section-" and its slugged heading', () => {
    expect(sectionFieldId('What we did')).toBe('section-what-we-did');
  });

  it('joins a schema path with hyphens to make a field id', () => {
    expect(fieldId(['outcome', 'headline'])).toBe('outcome-headline');
  });

  it('gives every front-matter field the id of its schema path', () => {
    for (const field of draftFields.filter((f) => f.path.length)) expect(field.id).toBe(fieldId(field.path));
  });

  it('has one field for each standard body section', () => {
    const sections = draftFields.filter((f) => f.section).map((f) => f.section);
    expect(sections).toEqual(blueprintSections.map((s) => s.heading));
  });

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
    expect(toFrontMatter(completeDraft(), options).keyQuestions).toEqual([
      'How many super-users does a ward need?',
      'How much backfill should we fund?',
    ]);
  });

  it('publishes the draft today, as published content under the OGL, not illustrative', () => {
    const data = toFrontMatter(completeDraft(), options);
    expect(data).toMatchObject({ published: today, status: 'published', licence: 'OGL-3.0', illustrative: false });
  });

  it('marks a draft from a made-up example organisation as illustrative', () => {
    const data = toFrontMatter(completeDraft(), { today, illustrativeOrganisations: ['fellbrook-hospitals'] });
    expect(data.illustrative).toBe(true);
  });

  it('nests cost, outcome, timeline and owner answers as the schema expects', () => {
    const data = toFrontMatter(completeDraft(), options);
    expect(data.cost).toEqual({ band: '250k-1m' });
    expect(data.outcome).toEqual({ evidence: 'measured-locally', headline: 'Nine in ten nurses said they felt ready on the first day.' });
    expect(data.timeline).toEqual({ start: '2023-01', end: '2023-09' });
    expect(data.owner).toEqual({ name: 'Nursing informatics team' });
  });

  it('leaves out optional answers left empty', () => {
    const data = toFrontMatter(completeDraft({ 'timeline-end': '  ' }), options);
    expect(data).not.toHaveProperty('capabilities');
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
    const required = draftFields.filter((f) => !f.optional && !f.section && f.id !== 'type' && f.id !== 'eprSupplier').map((f) => f.id);
    expect(errors.map((e) => e.id)).toEqual(required);
    for (const error of errors) {
      const field = draftFields.find((f) => f.id === error.id)!;
      expect(error.message).toBe(field.emptyMessage ?? `${field.name} is required: ${error.message.split(': ').slice(1).join(': ')}`);
      expect(error.message).not.toMatch(/zod|undefined|invalid input/i);
    }
  });

  it('names the field and gives the schema’s advice for a title that breaks the convention', () => {
    const [error] = validateDraft(completeDraft({ title: 'An initiative to improve nurse training' }), options);
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
    expect(body).toContain('## What we did\n\nWe picked two super-users per ward.\n\nEach had 15 hours of protected time.\n');
    expect(body).toContain(`{/* ${blueprintSections.find((s) => s.heading === 'Resources')!.prompt} */}`);
  });

  it('passes every content check alongside the bundled content', () => {
    const files = readContentFiles(process.cwd());
    const organisations = validateContent(files).corpus.entries.filter((e) => e.kind === 'organisation' && e.data);
    const organisation = organisations[0];
    const illustrativeOrganisations = organisations.filter((o) => (o.data as Organisation).illustrative).map((o) => o.slug);
    // The draft names the organisation's own EPR supplier, as its other blueprints do (the organisation-facts rule).
    const theirs = validateContent(files).corpus.entries.map((e) => e.data as Blueprint | undefined).find((b) => b?.organisation === organisation.slug && b.eprSupplier !== 'none');
    const source = draftToMdx(completeDraft({ organisation: organisation.slug, eprSupplier: theirs?.eprSupplier ?? 'epic' }), { today, illustrativeOrganisations });
    const draft = { path: draftPath('training-nurses'), source };
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
    expect(params(url).get('title')).toBe('Training 2,000 nurses on a new EPR with super-users');
  });

  it('passes each answer under its field id, choices by the labels the issue form lists', () => {
    const p = params(issueFormUrl(repository, completeDraft()).url);
    expect(p.get('summary')).toMatch(/^We trained every nurse/);
    expect(p.get('cost-band')).toBe(labelOf(costBands, '250k-1m'));
    expect(p.get('outcome-headline')).toBe('Nine in ten nurses said they felt ready on the first day.');
    expect(p.get('timeline-start')).toBe('2023-01');
    expect(p.get(whatWeDid)).toBe('We picked two super-users per ward.\n\nEach had 15 hours of protected time.');
  });

  it('passes key questions one per line and several choices separated by commas', () => {
    const p = params(issueFormUrl(repository, completeDraft()).url);
    expect(p.get('keyQuestions')).toBe('How many super-users does a ward need?\nHow much backfill should we fund?');
    expect(p.get('careSettings')).toBe('Acute, Community');
  });

  /** The issue GitHub writes from a pre-filled form: each question's label as a heading, then the answer. */
  function submittedIssue(url: string, { titleQuestionFilled }: { titleQuestionFilled: boolean }) {
    const p = params(url);
    const answer = (id: string) => (id === 'title' && !titleQuestionFilled ? '' : p.get(id)) || '_No response_';
    return { body: issueFormFields.map((f) => `### ${f.label}\n\n${answer(f.id)}`).join('\n\n'), title: p.get('title')! };
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
    const p = params(issueFormUrl(repository, completeDraft()).url);
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
    const url = newFileUrl(repository, 'main', 'training-nurses', mdx)!;
    expect(url.startsWith(`https://github.com/${repository}/new/main?`)).toBe(true);
    expect(params(url).get('filename')).toBe(draftPath('training-nurses'));
    expect(params(url).get('value')).toBe(mdx);
  });

  it('offers no new file page when the address would be too long', () => {
    expect(newFileUrl(repository, 'main', 'x', 'a'.repeat(maxUrlLength))).toBeUndefined();
  });

  it('hands off a file named after the title', () => {
    const result = handOff(completeDraft(), { ...options, repository, branch: 'main' });
    expect(result.fileName).toBe('training-2-000-nurses-on-a-new-epr-with-super-users.mdx');
    expect(result.newFile).toContain('filename=src/content/blueprints/training-2-000-nurses-on-a-new-epr-with-super-users.mdx');
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
