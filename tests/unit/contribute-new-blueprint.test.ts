import { describe, expect, it } from 'vitest';
import {
  answerProblem, newBlueprintQuestions, placeholders, skeletonFrontMatter, splitList, statusProblem,
} from '../../src/lib/contribute/new-blueprint';
import { questionById } from '../../src/lib/contribute/questions';
import { blueprintSchema, type Organisation } from '../../src/lib/schema';

const q = (id: string) => questionById(id)!;
const organisation = { name: 'Fixture Hospitals', careSetting: 'acute', illustrative: true } as Organisation;

describe('checking one answer to npm run new', () => {
  it.each([
    ['title', 'Cutting discharge letter delays from five days to one'],
    ['domain', 'workforce'],
    ['summary', 'Fixture Hospitals sent discharge letters electronically from every ward, cutting the wait.'],
    ['owner-name', 'Discharge team'],
    ['contact', 'team@example.nhs.uk'],
    ['pillars', 'improve-care, support-people'],
    ['cost-band', 'under-50k'],
    ['timeline-start', '2024-02'],
  ])('accepts a good %s', (id, answer) => {
    expect(answerProblem(q(id), answer)).toBeUndefined();
  });

  it.each([
    ['title', 'An initiative to improve discharge', /^starts with "An initiative"/],
    ['title', 'Too short', /too short/],
    ['domain', 'finance', /^"finance" is not one of strategy, workforce/],
    ['contact', 'ring the switchboard', /^should be one email address/],
    ['pillars', 'improve-care, wellbeing', /"wellbeing" is not one of/],
    ['pillars', ' , ', /^is empty$/],
    ['timeline-start', 'Spring 2024', /YYYY-MM/],
    ['outcome-headline', 'Short', /too short/],
  ])('names what is wrong with a %s of %j', (id, answer, message) => {
    expect(answerProblem(q(id), answer)).toMatch(message);
  });

  it('checks each key question given', () => {
    expect(answerProblem(q('keyQuestions'), ['How do we send letters the same day?'])).toBeUndefined();
    expect(answerProblem(q('keyQuestions'), ['How do we send letters the same day?', 'Costs of the project'])).toMatch(/should be a question/);
  });

  it.each(['draft', 'published'])('lets a new blueprint start as %s', (status) => {
    expect(statusProblem(status)).toBeUndefined();
  });

  it('names the statuses the schema knows when given another', () => {
    expect(statusProblem('live')).toMatch(/^should be one of draft, published, needs-review, archived/);
  });

  it('asks under flags that each belong to one question', () => {
    const flags = newBlueprintQuestions.map((x) => x.flag);
    expect(new Set(flags).size).toBe(flags.length);
    expect(splitList(' a, ,b ')).toEqual(['a', 'b']);
  });
});

describe('the skeleton npm run new writes', () => {
  const answers = {
    title: 'Cutting discharge letter delays from five days to one', type: 'blueprint', domain: 'workforce', organisation: 'fixture-hospitals',
    summary: placeholders.summary, owner: placeholders.owner, contact: 'team@example.nhs.uk',
  };

  it('is a valid draft with placeholders and defaults, and says which defaults it guessed', () => {
    const { data, guessed } = skeletonFrontMatter({ answers, given: () => undefined, organisation, today: '2025-03-04' });
    expect(blueprintSchema.safeParse(data).success).toBe(true);
    expect(data).toMatchObject({ status: 'draft', keyQuestions: [placeholders.keyQuestion], careSettings: ['acute'], timeline: { start: '2025-03' }, illustrative: true });
    expect(guessed).toEqual(['pillars', 'careSettings', 'audience', 'cost.band', 'timeline.start']);
  });

  it('uses what was given instead of defaults', () => {
    const given: Record<string, string> = { pillars: 'improve-care', 'care-settings': 'community', audience: 'cio', 'cost-band': '250k-1m', start: '2023-01', status: 'published' };
    const { data, guessed } = skeletonFrontMatter({ answers, given: (flag) => given[flag], keyQuestions: ['Why?'], organisation, today: '2025-03-04' });
    expect(data).toMatchObject({ pillars: ['improve-care'], careSettings: ['community'], audience: ['cio'], cost: { band: '250k-1m' }, timeline: { start: '2023-01' }, status: 'published', keyQuestions: ['Why?'] });
    expect(guessed).toEqual([]);
  });
});
