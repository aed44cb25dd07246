/**
 * A blueprint's owner reviewing it: one list of questions, read by the site's review page
 * (src/pages/review.astro) and the submission gateway, which turns the answers into a pull request
 * changing the blueprint's review dates or status (./owner-review.ts). It lets an owner without a
 * GitHub account keep their blueprint current, as the weekly review reminders ask owners to.
 * "Review this blueprint", on each blueprint page, fills in `blueprint`. Ids are a public
 * contract, as in ./questions.ts.
 *
 * Runs in the browser as well as in Node: no I/O, no Node built-ins.
 */
import { fundingSources, terms } from '../schema/taxonomy';
import type { FieldError } from './draft-check';
import { confirmsAll, contactDetailErrors, listOf, textOf, unanswered, type DraftValues } from './answers';
import type { Declaration } from './issue-form';
import { declarationQuestion, questions, type Question } from './questions';

/** What an owner can say of their blueprint. */
export const reviewVerdicts = terms([
  { value: 'still-right', label: 'It is still right: mark it reviewed today' },
  { value: 'needs-changes', label: 'Something needs changing: mark it as needing review until it is changed' },
]);
export type ReviewVerdict = 'still-right' | 'needs-changes';

/** The drafting form's question about who paid, asked again here: most blueprints were written before it was asked. */
const fundingQuestion = questions.find((q) => q.id === 'funding')!;

export const reviewQuestions: readonly Question[] = [
  {
    id: 'blueprint', path: [], name: 'Blueprint', label: 'Which blueprint?', kind: 'text', required: true, group: 'Your review',
    hint: 'Its short name, as in its page address: /blueprints/<short name>/. “Review this blueprint”, at the foot of its page, fills this in.',
    emptyMessage: 'Write the short name of the blueprint, from its page address',
  },
  {
    id: 'verdict', path: [], name: 'Review', label: 'Is it still right?', kind: 'one', terms: reviewVerdicts, required: true, group: 'Your review',
    hint: 'Read it through as someone from another organisation would: the facts, the figures, the contact and the links.',
    emptyMessage: 'Say whether it is still right',
  },
  {
    id: 'changes', path: [], name: 'What needs changing', label: 'What needs changing? (if anything)', kind: 'paragraph', required: false, group: 'Your review',
    hint: 'What is out of date or wrong, and what it should say. A maintainer makes the change with you, or you can send a new version later.',
  },
  {
    ...fundingQuestion, path: [], group: 'Your review',
    hint: 'If the blueprint does not say yet, or says it wrongly, choose every source of the money, your own budgets included. The page then says who paid, with your review.',
  },
  {
    id: 'role', path: [], name: 'Role', label: 'Your role (optional)', kind: 'text', required: false, group: 'Your review',
    hint: 'For example “Digital programme manager, the team that wrote it”. It helps the maintainer who checks the review.',
  },
];

/** What the reviewer must confirm. A maintainer checks every review before it is merged. */
export const reviewDeclaration: Declaration = {
  id: 'confirm',
  label: 'Before you send it',
  description: 'Your review is public: it becomes a pull request that a maintainer checks.',
  statements: [
    { value: 'owner', label: 'I work in the team that wrote this blueprint, or that looks after it now' },
    { value: 'no-patient-data', label: 'This contains no patient information and nothing confidential' },
  ],
};

/** The site's own review page asks the declaration as a last question of checkboxes. */
export const reviewPageQuestions: readonly Question[] = [...reviewQuestions, declarationQuestion(reviewDeclaration)];

/** What the answers lack before a review can be sent: checked in the browser, and again by the gateway. */
export function missingReviewAnswers(values: DraftValues): FieldError[] {
  const errors = unanswered(reviewQuestions, values);
  const verdict = textOf(values, 'verdict');
  if (verdict && !reviewVerdicts.some((v) => v.value === verdict)) errors.push({ id: 'verdict', message: 'Choose one of the answers listed' });
  if (verdict === 'needs-changes' && !textOf(values, 'changes')) errors.push({ id: 'changes', message: 'Say what needs changing' });
  if (listOf(values, 'funding').some((f) => !fundingSources.some((t) => t.value === f))) errors.push({ id: 'funding', message: 'Choose only the sources listed' });
  errors.push(...contactDetailErrors(reviewQuestions, values));
  if (!confirmsAll(values, reviewDeclaration)) {
    errors.push({ id: reviewDeclaration.id, message: `Confirm both statements under “${reviewDeclaration.label}”` });
  }
  return errors;
}
