/**
 * A playbook: curated guidance across organisations for one goal, in the style of the US Digital
 * Services Playbook: why it matters, ordered steps that point to blueprints as evidence, a
 * checklist and key questions. One MDX file per playbook in src/content/playbooks/; the body is
 * the introduction.
 */
import { z } from 'astro/zod';
import { audiences, domains, maturities } from './taxonomy';
import { addMonths, date, defaultReviewMonths, manyOf, oneOf, owner, slugs, text, webAddress } from './fields';
import { titleProblem } from './title';

const step = z.object({
  /** What to do, as an instruction, e.g. "Agree who owns the digital strategy". */
  title: text({ min: 5, max: 120, what: 'the step as an instruction' }),
  /** Why and how, in two to four sentences. */
  description: text({ min: 20, max: 800, what: 'why this step matters and how to do it' }),
  /** Slugs of blueprints that show this step done. */
  blueprints: slugs(),
});

export const playbookSchema = z
  .strictObject({
    /** The goal, as a short instruction, e.g. "Get the foundations right before an EPR". */
    title: text({ min: 10, max: 100, what: 'the goal as a short instruction' }).superRefine((value, ctx) => {
      const problem = titleProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    /** Who it is for and what they get, 40 to 400 characters. */
    summary: text({ min: 40, max: 400, what: 'who this is for and what they will get' }),
    /** The main domain. */
    domain: oneOf(domains),
    /** Who should read this. */
    audience: manyOf(audiences, { min: 1 }),
    /** The digital maturity this suits: early, developing or established. */
    maturity: manyOf(maturities, { min: 1 }),
    /** Ordered steps, at least three. */
    steps: z.array(step).min(3, { error: 'needs at least 3 steps' }).max(15, { error: 'has more than 15 steps: split the playbook' }),
    /** Things to have done, each a short statement. */
    checklist: z.array(text({ max: 200, what: 'a checklist item' })).min(3, { error: 'needs at least 3 checklist items' }),
    /** Questions the team should be able to answer. */
    keyQuestions: z.array(text({ max: 200, what: 'a key question' }).refine((q) => q.endsWith('?'), { error: 'should be a question: end it with a question mark' })).min(3, { error: 'needs at least 3 key questions' }),
    /** Questions a board or governors should ask. */
    boardQuestions: z.array(text({ max: 200, what: 'a board question' }).refine((q) => q.endsWith('?'), { error: 'should be a question: end it with a question mark' })).min(1, { error: 'needs at least one question for the board' }),
    /** Date first published on this site. */
    published: date('the date it was first published'),
    /** Date last reviewed; defaults to the published date. */
    lastReviewed: date('the date it was last reviewed').optional(),
    /** Who keeps this up to date. */
    owner,
    /** Sources of the facts used, as links: each a title and a web address starting https:// (http:// is refused). */
    sources: z.array(z.object({ title: text({ max: 200, what: 'the title of the source' }), url: webAddress('the address of the source') })).default([]),
    /** True when the playbook draws on example content about made-up organisations. */
    illustrative: z.boolean().default(false),
  })
  .transform((data) => {
    const lastReviewed = data.lastReviewed ?? data.published;
    return { ...data, lastReviewed, reviewBy: addMonths(lastReviewed, defaultReviewMonths) };
  });

export type Playbook = z.output<typeof playbookSchema>;
