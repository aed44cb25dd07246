import { describe, expect, it } from 'vitest';
import { draftToMdx, hasAnswers, initialValues, slugFromTitle, toFrontMatter } from '../../src/lib/contribute/draft';
import { sectionErrors, validateDraft } from '../../src/lib/contribute/draft-check';
import { draftPath } from '../../src/lib/contribute/hand-off';
import { answerRows } from '../../src/lib/contribute/steps';
import { proposalFromIssue } from '../../src/lib/contribute/issue-answers';
import { localIsoDate } from '../../src/lib/contribute/local-date';
import { organisationNotListed, questionById, questions, sectionFieldId } from '../../src/lib/contribute/questions';
import { isSimilarTitle } from '../../src/lib/search/similar-title';
import { parseSource } from '../../src/lib/content/front-matter';
import { readContentFiles } from '../../src/node/content-files';
import { validateContent } from '../../src/lib/validate';
import { blueprintSections } from '../../src/lib/content/sections';
import { answerLimits, answerOverLimit } from '../../src/lib/contribute/answers';
import { maxFileBytes } from '../../src/lib/validate/rules/file-size';
import { blueprintSchema, type Blueprint, type Organisation } from '../../src/lib/schema';
import { checkMdxSource } from '../../src/lib/validate/rules/mdx-safety';
import { completeDraft, draftAnswers, issueBody, whatWeDid, whatWentWrong } from '../fixtures/contribute/answers';
import { proposalProblems } from '../../src/lib/contribute/issue-comment';
import { renderBlueprint } from '../../src/lib/content/render-blueprint';
import { nativeMdxParser } from '../../src/lib/validate/native-parser';

const today = '2025-06-30';
const options = { today };

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

  it('drops the bullets pasted from Word, Outlook or Teams before key questions', () => {
    const keyQuestions = '•\tHow many super-users does a ward need?\r\n·  How much backfill should we fund?\r\no\tWho signs off the rota?\n\uF0B7\tWhen do we stop?';
    expect(toFrontMatter(completeDraft({ keyQuestions }), options).keyQuestions).toEqual([
      'How many super-users does a ward need?',
      'How much backfill should we fund?',
      'Who signs off the rota?',
      'When do we stop?',
    ]);
  });

  it('keeps a list pasted from Word in a written part a list, in the file and when the answers are checked', () => {
    const pasted = 'We set three aims:\r\n•\tReduce missed observations\r\n•\tImprove escalation\r\no\tWithin an hour\r\nThen we began.';
    const answers = completeDraft({ [whatWeDid]: pasted });
    const mdx = draftToMdx(answers, options);
    expect(mdx).toContain('We set three aims:\n- Reduce missed observations\n- Improve escalation\n- Within an hour\nThen we began.');
    const { lines } = answerRows(answers, () => undefined).find((r) => r.question.id === whatWeDid)!;
    expect(lines).toEqual(['We set three aims:', '- Reduce missed observations', '- Improve escalation', '- Within an hour', 'Then we began.']);
    // Text that only looks like a bullet stays as written.
    expect(draftToMdx(completeDraft({ [whatWeDid]: 'o dear, ·5 of wards, and •not a list' }), options)).toContain('o dear, ·5 of wards, and •not a list');
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
    expect(data.funding).toEqual(['own-capital', 'charity']);
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

  it('says where a section has a heading that would start a new section, and accepts a ### heading', () => {
    const id = sectionFieldId('What we did');
    expect(validateDraft(completeDraft({ [id]: 'We began small.\n\n## Then we grew\n\nTo forty wards.' }), options)).toEqual([
      { id, message: expect.stringMatching(/^The “What we did” section has a heading on line 3 that would start a new section: write a heading inside a section as ### Heading/) },
    ]);
    expect(validateDraft(completeDraft({ [id]: '# Our story' }), options).map((e) => e.id)).toEqual([id]);
    expect(validateDraft(completeDraft({ [id]: 'We began small.\n\n### Then we grew\n\nTo forty wards.' }), options)).toEqual([]);
  });

  it('says which key question is not a question', () => {
    const [error] = validateDraft(completeDraft({ keyQuestions: 'How many super-users?\nBackfill costs and funding' }), options);
    expect(error).toEqual({ id: 'keyQuestions', message: expect.stringMatching(/^Question 2 should be a question/) });
  });

  it('puts a timeline that ends before it starts on the end date', () => {
    const [error] = validateDraft(completeDraft({ 'timeline-end': '2022-12' }), options);
    expect(error).toEqual({ id: 'timeline-end', message: 'End is before the start: check when the work started and finished' });
  });

  it('says only that a start date is not a month, in words, without comparing it with the end', () => {
    const errors = validateDraft(completeDraft({ 'timeline-start': 'Spring 2023' }), options);
    expect(errors).toEqual([{ id: 'timeline-start', message: 'Start should be a month and year, for example April 2023' }]);
  });

  it('asks for partners by the short names in their page addresses, in words, not as slugs', () => {
    const [error] = validateDraft(completeDraft({ partners: 'Riverside Community Health, Northmoor' }), options);
    expect(error).toEqual({ id: 'partners', message: 'Partners should be the short names in the organisations’ page addresses on this site, such as northmoor-teaching-hospitals, with commas between' });
  });

  it('takes a month as people write it', () => {
    for (const [written, month] of [['April 2023', '2023-04'], ['apr 2023', '2023-04'], ['Sept. 2023', '2023-09'], ['2023 May', '2023-05'], ['04/2023', '2023-04'], ['4/2023', '2023-04'], ['2023/4', '2023-04'], ['2023-4', '2023-04'], [' 2023-04 ', '2023-04'], ['12.2023', '2023-12']]) {
      expect(toFrontMatter(completeDraft({ 'timeline-start': written }), options).timeline, written).toMatchObject({ start: month });
    }
    for (const written of ['13/2023', '2023-00', 'Spring 2023', 'Ju 2023', '2023']) {
      expect(toFrontMatter(completeDraft({ 'timeline-start': written }), options).timeline, written).toMatchObject({ start: written });
    }
  });

  it('rejects a contact that is neither an email nor a web address', () => {
    const [error] = validateDraft(completeDraft({ contact: 'ring the switchboard' }), options);
    expect(error).toEqual({ id: 'contact', message: expect.stringMatching(/^Contact should be one email address/) });
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

  it('asks for more than a line on what went wrong, as the build does', () => {
    const errors = validateDraft(completeDraft({ [whatWentWrong]: 'Night staff were not trained, so next time we would train them first.' }), options);
    expect(errors).toEqual([{ id: whatWentWrong, message: expect.stringMatching(/section has 13 words, and needs at least 120/) }]);
  });

  it('asks what another organisation could avoid when the section only tells what happened', () => {
    const story = 'The board was out of date each morning because night staff had not been trained. '.repeat(8);
    const errors = validateDraft(completeDraft({ [whatWentWrong]: story }), options);
    expect(errors).toEqual([{ id: whatWentWrong, message: expect.stringMatching(/section says nothing another organisation could avoid/) }]);
  });

  it('accepts the shared answers, whose section says what went wrong and what to do next time', () => {
    expect(validateDraft(draftAnswers, options)).toEqual([]);
  });
});

describe('what one draft can send', () => {
  const paragraph = 'We trained ward staff in pairs, and each pair taught the next ward before go-live. ';

  it('says beside the section when one answer is over the characters the gateway takes, and accepts one at the limit', () => {
    const atLimit = paragraph.repeat(Math.floor(answerLimits.characters / paragraph.length));
    expect(validateDraft(completeDraft({ [whatWeDid]: atLimit }), options)).toEqual([]);
    const errors = validateDraft(completeDraft({ [whatWeDid]: atLimit + paragraph }), options);
    expect(errors).toEqual([{ id: whatWeDid, message: expect.stringMatching(/^The “What we did” section is 20,0\d\d characters, over the 20,000 one answer can hold: shorten it/) }]);
  });

  it('says beside the longest section when the whole blueprint is over the size the build allows, giving both figures', () => {
    // Each section under the per-answer limit, the file over maxFileBytes.
    const long = paragraph.repeat(Math.floor(answerLimits.characters / paragraph.length));
    // The "what went wrong" section is left as written: it has checks of its own.
    const sections = questions.filter((q) => q.section && q.id !== whatWentWrong).map((q) => q.id);
    const answers = Object.fromEntries(sections.map((id, i) => [id, i === 2 ? `${long}Last.` : long]));
    const errors = validateDraft(completeDraft(answers), options);
    expect(errors).toHaveLength(1);
    expect(errors[0].id).toBe(sections[2]);
    expect(errors[0].message).toMatch(new RegExp(`^The blueprint comes to \\d+ KiB, over the ${maxFileBytes / 1024} KiB one blueprint may be: shorten the longest sections`));
    expect(errors[0].message).toMatch(/The longest section, “[^”]+”, is 20 KiB\.$/);
  });

  it('says when a list answer has more choices, or a longer choice, than one answer can hold', () => {
    const many = Array.from({ length: answerLimits.choices + 1 }, (_, i) => `choice ${i}`);
    expect(answerOverLimit(many)).toMatch(/^has 61 choices, more than the 60 one answer can hold/);
    expect(answerOverLimit(['x'.repeat(answerLimits.choiceCharacters + 1)])).toMatch(/over 500 characters long/);
    expect(answerOverLimit(many.slice(0, answerLimits.choices))).toBeUndefined();
  });
});

describe('the MDX file a draft becomes', () => {
  it('has front-matter the blueprint schema accepts', () => {
    const parsed = parseSource(draftToMdx(completeDraft(), options));
    expect(parsed.error).toBeUndefined();
    expect(blueprintSchema.safeParse(parsed.data).success).toBe(true);
  });

  it('says who paid straight after the cost, where an author reads them together', () => {
    const keys = Object.keys(parseSource(draftToMdx(completeDraft(), options)).data as object);
    expect(keys.slice(keys.indexOf('cost'), keys.indexOf('cost') + 3)).toEqual(['cost', 'funding', 'outcome']);
  });

  it('has every standard section, with the author’s text or the prompt as a comment', () => {
    const { body } = parseSource(draftToMdx(completeDraft(), options));
    for (const section of blueprintSections) expect(body).toContain(`## ${section.heading}\n`);
    expect(body).toContain(`## What we did\n\n${draftAnswers[whatWeDid]}\n`);
    expect(body).toContain(`{/* ${blueprintSections.find((s) => s.heading === 'Resources')!.prompt} */}`);
  });

  it('passes every content check alongside the bundled content', () => {
    const files = readContentFiles(process.cwd()).files;
    const organisations = validateContent(files, { parser: nativeMdxParser }).corpus.entries.filter((e) => e.kind === 'organisation' && e.data);
    const organisation = organisations[0];
    const illustrativeOrganisations = organisations.filter((o) => (o.data as Organisation).illustrative).map((o) => o.slug);
    // The draft names the organisation's own EPR supplier, as its other blueprints do (the organisation-facts rule).
    const theirs = validateContent(files, { parser: nativeMdxParser }).corpus.entries.filter((e) => e.kind === 'blueprint').map((e) => e.data as Blueprint | undefined).find((b) => b?.organisation === organisation.slug && b.eprSupplier !== 'none');
    const source = draftToMdx(completeDraft({ organisation: organisation.slug, eprSupplier: theirs?.eprSupplier ?? 'epic' }), { today, illustrativeOrganisations });
    const draft = { path: draftPath('giving-ward-clerks-a-bed-board'), source };
    expect(validateContent([...files, draft], { parser: nativeMdxParser, only: new Set([draft.path]) }).problems).toEqual([]);
  });

  it('passes the MDX safety gate', () => {
    expect(checkMdxSource('draft.mdx', draftToMdx(completeDraft(), options), nativeMdxParser)).toEqual([]);
  });

  it('puts an MDX safety problem beside the section it is in, with the line within that section', () => {
    const values = completeDraft({ [whatWeDid]: 'We trained everyone.\n\nThe budget was {process.env.SECRET}.' });
    const mdx = draftToMdx(values, options);
    const errors = sectionErrors(mdx, checkMdxSource('draft.mdx', mdx, nativeMdxParser));
    expect(errors).toEqual([{ id: whatWeDid, message: expect.stringMatching(/^The “What we did” section, line 3, \{process\.env\.SECRET\} is code/) }]);
  });
});

describe('every problem in a section at once', () => {
  const texts: [string, number[]][] = [
    ['We did {process.env.A}.\n\nThen {globalThis.fetch("x")}', [1, 3]],
    ['One {a.b}\n\nTwo {c()}\n\nThree {d}', [1, 3, 5]],
    ['<Foo />\n\n{x}', [1, 3]],
    ['import x from "y"\n\n{x}', [1, 3]],
    ['Fine.\n\n{a}\n\nFine again.\n\n<script>alert(1)</script>', [3, 7]],
  ];

  it.each(texts)('names each line with a problem in the form’s message: %j', (text, lines) => {
    const mdx = draftToMdx(completeDraft({ [whatWeDid]: text }), options);
    const errors = sectionErrors(mdx, checkMdxSource('draft.mdx', mdx, nativeMdxParser));
    expect(errors.map((e) => e.id)).toEqual([whatWeDid]);
    for (const line of lines) expect(errors[0].message).toContain(`line ${line},`);
    expect(errors[0].message.match(/line \d+,/g)).toHaveLength(lines.length);
  });

  it.each(texts)('lists each problem for the issue bot: %j', (text, lines) => {
    const proposal = proposalFromIssue(issueBody({ ...draftAnswers, [whatWeDid]: text }), { published: today });
    const rendered = renderBlueprint(proposal.data, proposal.sections);
    const problems = proposalProblems(checkMdxSource('draft.mdx', rendered, nativeMdxParser), rendered, parseSource(rendered).bodyLine);
    expect(problems.map((p) => p.where)).toEqual(lines.map((line) => `What we did (line ${line} of your answer)`));
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
