/**
 * Feedback on a page: one list of questions, read by the issue-form generator (./issue-form.ts
 * writes .github/ISSUE_TEMPLATE/feedback.yml), the site's own feedback page
 * (src/pages/feedback.astro) and the submission gateway, which opens the issue for someone
 * without a GitHub account. "Give feedback on this page", at the foot of each content page, fills
 * in `page`: on GitHub's issue form with the page's file, on the site's own form with its web address. Ids are a public contract, as in ./questions.ts: GitHub fills a
 * field from the query parameter named after its id.
 *
 * Runs in the browser as well as in Node: no I/O, no Node built-ins.
 */
import { terms } from '../schema/taxonomy';
import type { FieldError } from './draft-check';
import { confirmsAll, contactDetailErrors, textOf, unanswered, type DraftValues } from './answers';
import type { Declaration } from './issue-form';
import { declarationQuestion, type Question } from './questions';

/** The label on every feedback issue, whichever way it was sent. */
export const feedbackLabel = 'feedback';

export const feedbackKinds = terms([
  { value: 'wrong', label: 'Something is wrong or out of date' },
  { value: 'missing', label: 'Something is missing' },
  { value: 'unclear', label: 'Something is hard to understand' },
  { value: 'broken', label: 'Something does not work (a link, search, the layout)' },
  { value: 'other', label: 'Something else' },
]);

export const feedbackQuestions: readonly Question[] = [
  {
    id: 'page', path: [], name: 'Page', label: 'Which page? (optional)', kind: 'text', required: false, group: 'Your feedback',
    hint: 'The page’s web address or title; leave it empty if your feedback is about the whole site. “Give feedback on this page”, at the foot of each page, fills this in.',
  },
  {
    id: 'kind', path: [], name: 'Kind of feedback', label: 'What kind of feedback is it?', kind: 'one', terms: feedbackKinds, required: true, group: 'Your feedback',
    dropDown: true, emptyMessage: 'Choose what kind of feedback it is',
  },
  {
    id: 'feedback', path: [], name: 'Feedback', label: 'Your feedback', kind: 'paragraph', required: true, group: 'Your feedback',
    hint: 'What did you expect, and what did you find? If you know the right answer, say it.',
    emptyMessage: 'Write your feedback',
  },
  {
    id: 'role', path: [], name: 'Role', label: 'Your role (optional)', kind: 'text', required: false, group: 'Your feedback',
    hint: 'For example “CCIO at an acute trust”. It helps us see who uses the site.',
  },
];

/** What the person sending feedback must confirm: it is published as it is. */
export const feedbackDeclaration: Declaration = {
  id: 'confirm',
  label: 'Before you send it',
  description: 'Feedback is public: anyone can read it on GitHub.',
  statements: [{ value: 'no-patient-data', label: 'This contains no patient information and nothing confidential' }],
};

/** The site's own feedback page asks the declaration as a last question of checkboxes. */
export const feedbackPageQuestions: readonly Question[] = [...feedbackQuestions, declarationQuestion(feedbackDeclaration)];

/** What the answers lack before feedback can be sent: checked in the browser, and again by the gateway. */
export function missingFeedbackAnswers(values: DraftValues): FieldError[] {
  const errors = unanswered(feedbackQuestions, values);
  const kind = textOf(values, 'kind');
  if (kind && !feedbackKinds.some((k) => k.value === kind)) errors.push({ id: 'kind', message: 'Choose one of the kinds of feedback listed' });
  errors.push(...contactDetailErrors(feedbackQuestions, values));
  if (!confirmsAll(values, feedbackDeclaration)) {
    errors.push({ id: feedbackDeclaration.id, message: `Confirm the statement under “${feedbackDeclaration.label}”` });
  }
  return errors;
}

/** The kinds of page feedback can name by address, and the content folder each comes from. */
const pageKinds = { blueprints: 'blueprint', playbooks: 'playbook', templates: 'template' } as const;
export type FeedbackPageKind = (typeof pageKinds)[keyof typeof pageKinds];

/**
 * The page an answer to "Which page?" names: a content file as the link fills it in
 * (src/content/blueprints/x.mdx), or a page's address as people paste it (…/blueprints/x/, with
 * any site origin or base path). Undefined when it names neither, e.g. a title.
 */
export function pageNamed(answer: string): { kind: FeedbackPageKind; slug: string } | undefined {
  const text = answer.trim();
  const file = text.match(/^src\/content\/(blueprints|playbooks|templates)\/(?:[a-z0-9-]+\/)*([a-z0-9-]+)\.(?:mdx|ya?ml)$/);
  const address = text.match(/(?:^|\/)(blueprints|playbooks|templates)\/([a-z0-9-]+)\/?(?:[?#]\S*)?$/i);
  const found = file ?? address;
  if (!found) return undefined;
  return { kind: pageKinds[found[1].toLowerCase() as keyof typeof pageKinds], slug: found[2].toLowerCase() };
}
