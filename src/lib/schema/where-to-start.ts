/**
 * The where-to-start guide: plain-English questions grouped by What Good Looks Like pillar, and the
 * priorities the answers lead to, with the rules for what must come before what. One YAML file,
 * src/content/where-to-start.yaml, so maintainers change the guidance by pull request, not in code.
 *
 * Checks here are the ones the file can make on its own (questions and priorities it names exist,
 * no order loops); src/lib/validate/rules/where-to-start.ts checks the playbooks and step numbers
 * it names against the rest of the content.
 */
import { z } from 'astro/zod';
import { guideAnswers } from './guide-answers';
import { capabilities, domains, pillars } from './taxonomy';
import { manyOf, oneOf, slug, slugs, text } from './fields';

export type Answer = (typeof guideAnswers)[number]['value'];

/** Names the page address already uses for the trust profile (src/lib/match/profile.ts), so no question may take them. */
export const reservedQuestionIds = ['setting', 'supplier', 'epr', 'maturity', 'emram', 'dma', 'size', 'region', 'programme', 'funding'];

const question = z.strictObject({
  /** Short kebab-case name, used in the page address (e.g. `board-strategy=no`). Never change a published one. */
  id: slug.refine((id) => !reservedQuestionIds.includes(id), { error: `is used by the trust profile in the page address: choose another id (not ${reservedQuestionIds.join(', ')})` }),
  /** The What Good Looks Like pillar the question is grouped under. */
  pillar: oneOf(pillars),
  /** The question, answerable yes or no, in plain English, ending with a question mark. */
  question: text({ min: 10, max: 120, what: 'a yes-or-no question' }).refine((q) => q.endsWith('?'), { error: 'should be a question: end it with a question mark' }),
  /** One sentence on why it matters, shown under the question. */
  why: text({ min: 20, max: 240, what: 'why the question matters' }),
});

const condition = z.strictObject({
  /** The id of a question in this file. */
  question: slug,
  /** The answer that makes this priority apply: yes, no or unsure. */
  answer: oneOf(guideAnswers),
});

const priority = z.strictObject({
  /** Short kebab-case name, used by `after` and in the page. */
  id: slug,
  /** The priority as an instruction, e.g. "Give a CCIO protected time". */
  title: text({ min: 10, max: 100, what: 'the priority as an instruction' }),
  /** Why this comes now, in one or two sentences. */
  summary: text({ min: 20, max: 300, what: 'why this priority comes now' }),
  /** The playbook whose steps, checklist and board questions this priority shows (its file name in src/content/playbooks/). */
  playbook: slug,
  /** The playbook's step numbers to show, 1 for its first step; one to five of them. */
  steps: z.array(z.number({ error: 'should be a step number, 1 for the first step' }).int().min(1)).min(1, { error: 'needs at least one step number' }).max(5, { error: 'has more than 5 steps: pick the 5 that matter first' }),
  /** Which blueprints show this done: those filed under any of these capabilities or domains, or named by slug. */
  match: z
    .strictObject({
      capabilities: manyOf(capabilities),
      domains: manyOf(domains),
      /** Slugs of blueprints or redprints that show this best: the guide shows them before any only filed under the capabilities or domains (src/lib/match/sequence.ts). */
      blueprints: slugs(),
    })
    .refine((m) => m.capabilities.length + m.domains.length + m.blueprints.length > 0, { error: 'is empty: give at least one capability, domain or blueprint so blueprints can be matched' }),
  /** The answers that make this priority apply; any one is enough. */
  when: z.array(condition).default([]),
  /** Shown to fill the guide up to three priorities when too few apply (e.g. for a mature trust). */
  fallback: z.boolean({ error: 'should be true or false' }).default(false),
  /** Priorities that must come before this one when both apply, each with the reason. */
  after: z.array(z.strictObject({ priority: slug, because: text({ min: 10, max: 200, what: 'why that priority comes first' }) })).default([]),
  /** The topic a new blueprint would cover, used to invite one when none matches yet. */
  topic: text({ min: 5, max: 80, what: 'the topic a blueprint would cover' }),
});

export const whereToStartSchema = z
  .strictObject({
    /** At most 15 questions, so the guide takes a few minutes. */
    questions: z.array(question).min(3, { error: 'needs at least 3 questions' }).max(15, { error: 'has more than 15 questions: keep the guide short, merge or drop some' }),
    /** Every priority the guide can give, most important first: the order used when no rule decides. */
    priorities: z.array(priority).min(3, { error: 'needs at least 3 priorities' }),
  })
  .superRefine((guide, ctx) => {
    const questionIds = new Set<string>();
    guide.questions.forEach((q, i) => {
      if (questionIds.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `"${q.id}" is used by another question: give each question its own id` });
      questionIds.add(q.id);
    });
    const priorityIds = new Set<string>();
    guide.priorities.forEach((p, i) => {
      if (priorityIds.has(p.id)) ctx.addIssue({ code: 'custom', path: ['priorities', i, 'id'], message: `"${p.id}" is used by another priority: give each priority its own id` });
      priorityIds.add(p.id);
    });
    guide.priorities.forEach((p, i) => {
      p.when.forEach((c, j) => {
        if (!questionIds.has(c.question)) {
          ctx.addIssue({ code: 'custom', path: ['priorities', i, 'when', j, 'question'], message: `"${c.question}" is not a question in this file: use the id of one under questions` });
        }
      });
      p.after.forEach((a, j) => {
        if (!priorityIds.has(a.priority)) ctx.addIssue({ code: 'custom', path: ['priorities', i, 'after', j, 'priority'], message: `"${a.priority}" is not a priority in this file: use the id of one under priorities` });
        else if (a.priority === p.id) ctx.addIssue({ code: 'custom', path: ['priorities', i, 'after', j, 'priority'], message: 'names this priority itself: a priority cannot come after itself' });
      });
      if (p.when.length === 0 && !p.fallback) {
        ctx.addIssue({ code: 'custom', path: ['priorities', i, 'when'], message: 'is empty and fallback is not set, so this priority is never shown: add a condition or set fallback: true' });
      }
    });
    const loop = orderLoop(guide.priorities);
    if (loop) {
      const i = guide.priorities.findIndex((p) => p.id === loop[0]);
      ctx.addIssue({ code: 'custom', path: ['priorities', i, 'after'], message: `makes a loop (${loop.join(' → ')}): one of these must not come after the other` });
    }
  });

/** The first loop in the `after` rules, as priority ids, or undefined. */
function orderLoop(priorities: { id: string; after: { priority: string }[] }[]): string[] | undefined {
  const after = new Map(priorities.map((p) => [p.id, p.after.map((a) => a.priority)]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...trail.slice(trail.indexOf(id)), id];
    state.set(id, 'visiting');
    for (const next of after.get(id) ?? []) {
      const loop = visit(next, [...trail, id]);
      if (loop) return loop;
    }
    state.set(id, 'done');
    return undefined;
  };
  for (const p of priorities) {
    const loop = visit(p.id, []);
    if (loop) return loop;
  }
  return undefined;
}

export type WhereToStart = z.output<typeof whereToStartSchema>;
export type GuideQuestion = WhereToStart['questions'][number];
export type GuidePriority = WhereToStart['priorities'][number];
