/**
 * The rules of `npm run new`: which contribution questions it asks and under which flags, how
 * one answer is checked (by the blueprint schema, through the shared questions), and the
 * skeleton's front-matter, with defaults and "Replace this" placeholders for what is not given.
 * scripts/new.ts reads the flags and the terminal, calls these, and writes the file.
 */
import { blueprintSchema } from '../schema/blueprint';
import type { Organisation } from '../schema';
import { statuses, valuesOf } from '../schema/taxonomy';
import { placeholder } from '../validate/rules/placeholders';
import { toFrontMatter } from './draft';
import type { DraftValues } from './answers';
import { questionById, questionForProblem, type Question } from './questions';

export interface NewBlueprintQuestion {
  /** The command-line flag, without the dashes. */
  flag: string;
  question: Question;
  /** Asked in a terminal when not given as a flag; otherwise a flag only, with a default. */
  asked: boolean;
  /** The answer used when none is given: a placeholder the author must replace, or a default. */
  fallback?: string;
}

const q = (id: string) => questionById(id)!;

/** What the skeleton says where the author has not answered yet. Each is caught if published. */
export const placeholders = {
  summary: placeholder('two or three sentences on what was done, where, and the result.'),
  owner: placeholder('the team who keeps this up to date'),
  keyQuestion: placeholder('which question does this blueprint answer?'),
  headline: placeholder('the headline result, with a number if you have one'),
};

/** The questions, in the order a person would answer them; then the flags that only have defaults. */
export const newBlueprintQuestions: readonly NewBlueprintQuestion[] = [
  { flag: 'title', question: q('title'), asked: true },
  { flag: 'type', question: q('type'), asked: true, fallback: q('type').defaultValue },
  { flag: 'domain', question: q('domain'), asked: true },
  { flag: 'organisation', question: q('organisation'), asked: true },
  { flag: 'summary', question: q('summary'), asked: true, fallback: placeholders.summary },
  { flag: 'owner', question: q('owner-name'), asked: true, fallback: placeholders.owner },
  { flag: 'contact', question: q('contact'), asked: true },
  { flag: 'key-question', question: q('keyQuestions'), asked: false },
  { flag: 'pillars', question: q('pillars'), asked: false },
  { flag: 'care-settings', question: q('careSettings'), asked: false },
  { flag: 'audience', question: q('audience'), asked: false },
  { flag: 'cost-band', question: q('cost-band'), asked: false },
  { flag: 'evidence', question: q('outcome-evidence'), asked: false },
  { flag: 'headline', question: q('outcome-headline'), asked: false },
  { flag: 'start', question: q('timeline-start'), asked: false },
];

/** Defaults that depend on the domain; `npm run new` prints them so the author checks them. */
export const domainDefaults: Readonly<Record<string, { pillars: string[]; audience: string[] }>> = {
  strategy: { pillars: ['well-led'], audience: ['cio', 'board'] },
  workforce: { pillars: ['smart-foundations', 'support-people'], audience: ['cio', 'transformation-lead'] },
  'clinical-leadership': { pillars: ['well-led'], audience: ['ccio', 'cnio'] },
  'technical-build': { pillars: ['smart-foundations'], audience: ['cio', 'it-manager'] },
};

/** A list typed on the command line: values separated by commas. */
export function splitList(answer: string): string[] {
  return answer.split(',').map((v) => v.trim()).filter(Boolean);
}

/** An answer as the web form would hold it: lists for several choices, lines for key questions. */
function asValue(question: Question, answer: string | readonly string[]): string | string[] {
  if (question.kind === 'lines') return typeof answer === 'string' ? answer : answer.join('\n');
  if (question.kind === 'many') return typeof answer === 'string' ? splitList(answer) : [...answer];
  return typeof answer === 'string' ? answer : answer.join(', ');
}

/**
 * What is wrong with one answer, by the blueprint schema, or undefined when it will do. Only the
 * problems of this question count: the others are not answered yet.
 */
export function answerProblem(question: Question, answer: string | readonly string[]): string | undefined {
  const value = asValue(question, answer);
  if (question.kind === 'many' && value.length === 0) return 'is empty';
  const values: DraftValues = { [question.id]: value };
  const result = blueprintSchema.safeParse(toFrontMatter(values, { today: '2000-01-01' }));
  if (result.success) return undefined;
  return result.error.issues.find((issue) => questionForProblem(issue.path)?.question.id === question.id)?.message;
}

/** The statuses a new blueprint may start with: any the schema knows; `draft` unless told. */
export function statusProblem(answer: string): string | undefined {
  const known = valuesOf(statuses) as readonly string[];
  return known.includes(answer) ? undefined : `should be one of ${known.join(', ')} (draft is the default)`;
}

export interface SkeletonInput {
  /** Answers by flag (title, type, domain, organisation, summary, owner, contact). */
  answers: Readonly<Record<string, string>>;
  /** Flags given for the questions only asked as flags; undefined when not given. */
  given: (flag: string) => string | undefined;
  keyQuestions?: readonly string[];
  organisation: Organisation;
  /** YYYY-MM-DD. */
  today: string;
}

/**
 * The skeleton's front-matter: the answers, then defaults (listed in `guessed`, for the author to
 * check), then placeholders. Starts as a draft, so the placeholders pass until it is published.
 */
export function skeletonFrontMatter({ answers, given, keyQuestions, organisation, today }: SkeletonInput): { data: Record<string, unknown>; guessed: string[] } {
  const guessed: string[] = [];
  const defaults = domainDefaults[answers.domain];
  const or = <T>(flag: string, field: string, parse: (text: string) => T, fallback: T): T => {
    const text = given(flag);
    if (text) return parse(text);
    guessed.push(field);
    return fallback;
  };
  const data: Record<string, unknown> = {
    type: answers.type,
    domain: answers.domain,
    title: answers.title,
    summary: answers.summary,
    keyQuestions: keyQuestions ?? [placeholders.keyQuestion],
    organisation: answers.organisation,
    pillars: or('pillars', 'pillars', splitList, defaults.pillars),
    careSettings: or('care-settings', 'careSettings', splitList, [organisation.careSetting]),
    audience: or('audience', 'audience', splitList, defaults.audience),
    cost: { band: or('cost-band', 'cost.band', (t) => t, 'under-50k') },
    outcome: {
      evidence: given('evidence') ?? 'anecdotal',
      headline: given('headline') ?? placeholders.headline,
    },
    timeline: { start: or('start', 'timeline.start', (t) => t, today.slice(0, 7)) },
    published: today,
    owner: { name: answers.owner },
    contact: answers.contact,
    status: given('status') ?? 'draft',
    illustrative: organisation.illustrative,
  };
  return { data, guessed };
}
