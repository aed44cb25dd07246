/**
 * The drafting form as question pages (https://service-manual.nhs.uk/design-example/question-page
 * and the "check your answers" pattern): a few related questions per step, then check your
 * answers, then send. The question steps are the questions' own groups (./questions.ts), so a
 * question added there lands on a step without anything here changing.
 *
 * Runs in the browser as well as in Node: no I/O, no Node built-ins.
 */
import { capabilities, labelOf, pillars, type Term } from '../schema/taxonomy';
import { linesOf, listOf, textOf, withListBullets, type DraftValues } from './answers';
import type { FieldError } from './draft-check';
import { controlOf, organisationNotListed, questions, type Question } from './questions';
import { slugify } from './slug';

export interface Step {
  /** Also the step's address on the page: `#step-<id>`. */
  id: string;
  title: string;
  /** The questions asked on this step; none on check-answers and send. */
  questions: readonly Question[];
}

export const checkAnswersStep: Step = { id: 'check-answers', title: 'Check your answers', questions: [] };
export const sendStep: Step = { id: 'send', title: 'Send your draft', questions: [] };

/** One step per question group, in the order the questions are asked. */
export const questionSteps: readonly Step[] = [...new Set(questions.map((q) => q.group))].map((group) => ({
  id: slugify(group),
  title: group,
  questions: questions.filter((q) => q.group === group),
}));

/** Every numbered step: the question steps, check your answers, send. */
export const steps: readonly Step[] = [...questionSteps, checkAnswersStep, sendStep];

/** The confirmation shown once a draft has gone: not a numbered step, nothing to answer. */
export const sentStepId = 'sent';

export function stepById(id: string): Step | undefined {
  return steps.find((s) => s.id === id);
}

/** "Step 2 of 7". */
export function stepCaption(step: Step): string {
  return `Step ${steps.indexOf(step) + 1} of ${steps.length}`;
}

/** The step a question is asked on. */
export function stepOfQuestion(id: string): Step | undefined {
  return questionSteps.find((s) => s.questions.some((q) => q.id === id));
}

/** The problems that belong to one step's questions, in the order they are asked. */
export function errorsOnStep(step: Step, errors: readonly FieldError[]): FieldError[] {
  return errors.filter((e) => step.questions.some((q) => q.id === e.id));
}

/** The first question step with a problem, or undefined when every question step is fine. */
export function firstStepWithErrors(errors: readonly FieldError[]): Step | undefined {
  return questionSteps.find((s) => errorsOnStep(s, errors).length > 0);
}

/**
 * `?topic=<id>` from a where-to-start priority with no blueprints yet: a capability area or a What
 * Good Looks Like pillar from the taxonomy, added to the draft's answer for it. Anything else
 * (unknown, empty, several) changes nothing, so a crafted address cannot put text into a draft.
 */
export function withTopic(values: DraftValues, topic: string | null | undefined): DraftValues {
  if (!topic) return values;
  const id = [['capabilities', capabilities], ['pillars', pillars]].find(([, terms]) => (terms as readonly Term[]).some((t) => t.value === topic))?.[0] as
    | string
    | undefined;
  if (!id) return values;
  const chosen = listOf(values, id);
  return chosen.includes(topic) ? values : { ...values, [id]: [...chosen, topic] };
}

/** One row of check your answers: the question as asked and the answer as the author would read it. */
export interface AnswerRow {
  question: Question;
  /** One line, or several (a list of choices, key questions, paragraphs). Empty when not answered. */
  lines: string[];
}

/**
 * Every question the author was shown, with their answer in words: labels rather than codes,
 * the organisation's name rather than its slug. The organisation-name question only when the
 * organisation is not listed, as on the form.
 */
export function answerRows(values: DraftValues, organisationName: (slug: string) => string | undefined): AnswerRow[] {
  return questions
    .filter((q) => q.id !== 'organisation-name' || textOf(values, 'organisation') === organisationNotListed)
    .map((question) => ({ question, lines: answerLines(question, values, organisationName) }));
}

function answerLines(question: Question, values: DraftValues, organisationName: (slug: string) => string | undefined): string[] {
  if (question.kind === 'organisation') {
    const slug = textOf(values, question.id);
    if (!slug) return [];
    return [slug === organisationNotListed ? 'My organisation is not listed' : (organisationName(slug) ?? slug)];
  }
  const control = controlOf(question);
  if (control === 'radios' || control === 'checkboxes' || (control === 'select' && question.terms)) {
    return listOf(values, question.id).map((v) => labelOf(question.terms ?? [], v));
  }
  if (question.kind === 'lines') return linesOf(textOf(values, question.id));
  // Paragraphs as they will be published, and each item of a list on its own line.
  const text = question.kind === 'section' ? withListBullets(textOf(values, question.id)) : textOf(values, question.id);
  return text.split(/\n\s*\n/).flatMap((p) => (/^\s*[-*+]\s/m.test(p) ? p.split('\n') : [p])).map((p) => p.trim()).filter(Boolean);
}
