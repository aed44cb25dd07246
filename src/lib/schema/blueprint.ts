/**
 * A blueprint or redprint: one organisation's evidenced account of something it did, written so
 * another can adapt it. One MDX file per blueprint under src/content/blueprints/; the file name is
 * the slug used in its web address. Sections of the body are described in CONTRIBUTING.md.
 */
import { z } from 'astro/zod';
import {
  audiences, capabilities, careSettings, contentTypes, costBands, domains, evidenceLevels,
  fundingSources, licences, measureUnits, pillars, standards, statuses, suppliers, valuesOf,
} from './taxonomy';
import { addMonths, artefact, contact, date, defaultReviewMonths, manyOf, month, oneOf, owner, slug, slugs, text, webAddress } from './fields';
import { titleProblem } from './title';

/** A level, not a change: a number of 0 or more, at most 100 for a percentage. */
const measureValue = (what: string) =>
  z
    .number({ error: `should be a number (${what}), without units or commas, e.g. 26` })
    .min(0, { error: `is negative: give ${what} as a level of 0 or more, not a change; a fall shows as a result below the baseline` });

/** One measured result: what was measured, before and after, in which unit, over what period. */
const outcomeMeasure = z
  .strictObject({
    /** What was measured, e.g. "late escalations of NEWS2 scores of 7 or more". 3 to 100 characters. */
    metric: text({ min: 3, max: 100, what: 'what was measured' }),
    /** The level before the work, in the same unit, if it was measured. */
    baseline: measureValue('the level before the work').optional(),
    /** The level after the work. */
    result: measureValue('the level after the work'),
    /** percent, count, seconds, minutes, hours, days, weeks, months, gbp or gbp-per-year. */
    unit: oneOf(measureUnits),
    /** When the result was measured, e.g. "six months after go-live". Up to 60 characters. */
    period: text({ min: 3, max: 60, what: 'when the result was measured' }),
  })
  .superRefine((m, ctx) => {
    if (m.unit !== 'percent') return;
    for (const key of ['baseline', 'result'] as const) {
      const value = m[key];
      if (value !== undefined && value > 100) {
        ctx.addIssue({ code: 'custom', path: [key], message: `is ${value}, over 100: a percentage is a share from 0 to 100; use unit count for a number of things` });
      }
    }
  });

export const blueprintSchema = z
  .strictObject({
    /** `blueprint` for something that worked; `redprint` for what did not, and what you would do instead. */
    type: oneOf(contentTypes).default('blueprint'),
    /** The main kind of work: strategy, workforce, clinical-leadership or technical-build. */
    domain: oneOf(domains),
    /** What was done, in sentence case, 10 to 100 characters. Not "An initiative to…". */
    title: text({ min: 10, max: 100, what: 'a title that says what was done' }).superRefine((value, ctx) => {
      const problem = titleProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    /** Two or three sentences a reader can decide from: what, where, result. 40 to 400 characters. */
    summary: text({ min: 40, max: 400, what: 'a summary of what was done and what happened' }),
    /** The 1 to 5 questions this blueprint answers, each ending with a question mark. */
    keyQuestions: z
      .array(
        text({ min: 10, max: 160, what: 'a question this blueprint answers' }).refine((q) => q.endsWith('?'), {
          error: 'should be a question: end it with a question mark',
        }),
        { error: 'is required: list 1 to 5 questions this blueprint answers' },
      )
      .min(1, { error: 'is empty: list at least one question this blueprint answers' })
      .max(5, { error: 'has more than 5 questions: keep the 5 a reader most needs' }),
    /** Slug of the publishing organisation (its file name in src/content/organisations/). */
    organisation: slug,
    /** Slugs of partner organisations, e.g. a Fast Follower that adopted this. */
    partners: slugs(),
    /** What Good Looks Like pillars this supports. */
    pillars: manyOf(pillars, { min: 1 }),
    /** Digital Maturity Assessment capability areas this touches. */
    capabilities: manyOf(capabilities),
    /** Care settings where this was done. */
    careSettings: manyOf(careSettings, { min: 1 }),
    /** The EPR supplier involved, `other`, or `none`. */
    eprSupplier: oneOf(suppliers).default('none'),
    /** Standards used, e.g. [snomed-ct, dcb0160]. */
    standards: manyOf(standards),
    /** Who should read this. */
    audience: manyOf(audiences, { min: 1 }),
    /** Where the organisation started from. */
    startingPoint: z
      .object({
        /** HIMSS EMRAM stage before the work, 0 to 7, if known. */
        emramStage: z.number({ error: 'should be a whole number from 0 to 7' }).int().min(0).max(7, { error: 'should be a whole number from 0 to 7' }).optional(),
        /** Digital Maturity Assessment score (1 to 5), self-reported, if known. */
        dmaScore: z.number({ error: 'should be a number from 1 to 5' }).min(1).max(5, { error: 'should be a number from 1 to 5' }).optional(),
        /** Was an electronic patient record already in place? */
        eprInPlace: z.boolean({ error: 'should be true or false' }).default(false),
        /** One sentence on the problem you started with. */
        problem: text({ max: 300, what: 'the problem you started with' }).optional(),
      })
      .default({ eprInPlace: false }),
    /** Total cost band and what it covered. */
    cost: z.object(
      {
        /** under-50k, 50k-250k, 250k-1m or over-1m. */
        band: oneOf(costBands),
        /** What the money paid for, e.g. "two years of a 4 WTE team and licences". */
        note: text({ max: 200, what: 'what the money paid for' }).optional(),
      },
      { error: 'is required: give cost.band (under-50k, 50k-250k, 250k-1m or over-1m)' },
    ),
    /** Every source of the money, e.g. [national-programme, own-revenue]. */
    funding: manyOf(fundingSources),
    /** How successful it was, and how you know. */
    outcome: z.object(
      {
        /** anecdotal, measured-locally or independently-evaluated. */
        evidence: oneOf(evidenceLevels),
        /** The headline result in one sentence, with a number where you have one. */
        headline: text({ min: 10, max: 200, what: 'the headline result' }),
        /**
         * The results behind the headline as numbers, up to 8, so pages can roll them up across
         * blueprints: each a metric, the value before (if measured), the value after, a unit and
         * the period. Give the levels you measured, not the change: `baseline: 26, result: 17,
         * unit: percent`, not `result: -9`. Leave out what you did not measure.
         */
        measures: z
          .array(outcomeMeasure, { error: 'should be a list of measures, each with metric, result, unit and period' })
          .max(8, { error: 'has more than 8 measures: keep the 8 that matter most' })
          .default([]),
      },
      { error: 'is required: give outcome.evidence and outcome.headline' },
    ),
    /** When the work started and finished (YYYY-MM). Leave out `end` if it is still going. */
    timeline: z
      .object({ start: month, end: month.optional() }, { error: 'is required: give timeline.start as YYYY-MM' })
      .refine((t) => !t.end || t.end >= t.start, { error: 'ends before it starts: check timeline.start and timeline.end' }),
    /** Date first published on this site. */
    published: date('the date it was first published'),
    /** Date the owner last checked the content is still right. Defaults to the published date. */
    lastReviewed: date('the date it was last reviewed').optional(),
    /** Date by which it must be reviewed again. Defaults to 12 months after the last review. */
    reviewBy: date('the date it must be reviewed by').optional(),
    /** Who keeps this up to date. */
    owner,
    /** How readers reach the team: an email address or a web address. */
    contact,
    /** draft, published, needs-review or archived. Drafts are not built. */
    status: oneOf(statuses).default('published'),
    /** Content licence. Open Government Licence v3.0 unless agreed otherwise. */
    licence: z.enum(valuesOf(licences), { error: `should be ${valuesOf(licences).join(' (the default) or ')}` }).default(licences[0].value),
    /** Slugs of related blueprints you want to point readers to. Search adds more automatically. */
    related: slugs(),
    /**
     * The blueprints this work was adapted from, each with what was changed, so readers can follow
     * how practice spread. Leave it out when the work was your own.
     */
    adaptedFrom: z
      .array(
        z.strictObject({
          /** Slug of the blueprint adapted (its file name in src/content/blueprints/). */
          blueprint: slug,
          /** What you changed for your organisation, in one or two sentences. */
          changes: text({ min: 10, max: 300, what: 'what you changed when adapting it' }),
        }),
        { error: 'should be a list of {blueprint, changes}, e.g. [{blueprint: electronic-observations-in-nine-months, changes: "…"}]' },
      )
      .max(5, { error: 'lists more than 5 blueprints: keep the ones this work is mainly based on' })
      .refine((items) => new Set(items.map((i) => i.blueprint)).size === items.length, { error: 'lists a blueprint twice: remove the repeat' })
      .default([]),
    /** True when this is example content about a made-up organisation. Every page built from it says so. */
    illustrative: z.boolean({ error: 'should be true or false' }).default(false),
    /**
     * Templates on this site that go with this blueprint, by slug, e.g. [benefits-register]: each is
     * a file in src/content/templates/, offered as Word (and CSV for a register) generated when the
     * site is built. Files cannot be attached as they are: share a new template as YAML there.
     */
    artefacts: z
      .array(artefact)
      .max(8, { error: 'lists more than 8 templates: keep the ones a reader needs to adopt this' })
      .refine((items) => new Set(items).size === items.length, { error: 'lists a template twice: remove the repeat' })
      .default([]),
    /** Sources of the facts used, as links: each a title and a web address starting https:// (http:// is refused). */
    sources: z
      .array(z.object({ title: text({ max: 200, what: 'the title of the source' }), url: webAddress('the address of the source') }))
      .default([]),
  })
  .transform((data, ctx) => {
    const lastReviewed = data.lastReviewed ?? data.published;
    const reviewBy = data.reviewBy ?? addMonths(lastReviewed, defaultReviewMonths);
    if (lastReviewed < data.published) {
      ctx.addIssue({ code: 'custom', path: ['lastReviewed'], message: 'is before the published date: a review comes after publication' });
    }
    if (reviewBy <= lastReviewed) {
      ctx.addIssue({ code: 'custom', path: ['reviewBy'], message: 'is not after lastReviewed: set a date in the future of the last review' });
    }
    if (data.partners.includes(data.organisation)) {
      ctx.addIssue({ code: 'custom', path: ['partners'], message: 'lists the publishing organisation: partners are other organisations' });
    }
    return { ...data, lastReviewed, reviewBy };
  });

export type Blueprint = z.output<typeof blueprintSchema>;
