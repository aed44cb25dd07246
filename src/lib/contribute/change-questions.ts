/**
 * Suggesting a change to a blueprint, playbook or template without a GitHub account: one list of
 * questions, read by the site's change page (src/pages/suggest-a-change.astro) and the submission
 * gateway, which turns the answers into a pull request changing one part of the page
 * (./section-change.ts). It is "Edit this page on GitHub" for everyone else. The page lists the
 * parts and fills in the chosen part's text from the gateway, so the contributor edits rather than
 * retypes. Ids are a public contract, as in ./questions.ts.
 *
 * Runs in the browser as well as in Node: no I/O, no Node built-ins.
 */
import type { FieldError } from './draft-check';
import { answerOverLimit, confirmsAll, textOf, unanswered, type DraftValues } from './answers';
import type { Declaration } from './issue-form';
import { declarationQuestion, type Question } from './questions';
import { pageNamed, type FeedbackPageKind } from './feedback-questions';
import { clip } from './markdown';
import { headingLineIn } from '../content/body-headings';
import { normalisedText, paragraphsOf, partShape } from './part-text';

/** The pages whose text can be changed here: every page feedback can be about. */
export type ChangeablePageKind = FeedbackPageKind;

/**
 * The page the answer to "Which page?" names: its address (/blueprints/<short name>/,
 * /playbooks/<short name>/ or /templates/<short name>/, alone or in a full link), its file, or a
 * blueprint's short name alone.
 */
export function changedPageOf(answer: string): { kind: ChangeablePageKind; slug: string } | undefined {
  const text = answer.trim();
  const named = pageNamed(text);
  if (named) return named;
  return /^[a-z0-9-]+$/i.test(text) ? { kind: 'blueprint', slug: text.toLowerCase() } : undefined;
}

/** Said beside "Which page?" when the answer names no blueprint, playbook or template of the site (a title, say, or an address of another kind of page). */
export function notAChangeablePage(answer: string): string {
  return `We could not find a blueprint, playbook or template from “${clip(answer.trim(), 81)}”: copy the page’s address from your browser, such as /blueprints/<short name>/`;
}

export const changeQuestions: readonly Question[] = [
  {
    id: 'page', path: [], name: 'Page', label: 'Which page?', kind: 'text', required: true, group: 'Your change',
    hint: 'Its address, as in your browser: /blueprints/<short name>/, /playbooks/<short name>/ or /templates/<short name>/. “Suggest a change”, at the foot of the page, fills this in.',
    emptyMessage: 'Write the address of the blueprint, playbook or template to change',
  },
  {
    id: 'section', path: [], name: 'Part', label: 'Which part of it?', kind: 'one', dropDown: true, terms: [], required: true, group: 'Your change',
    hint: 'The heading of the part you want to change, as on the page; a playbook’s steps are listed as “Step:” and the step, a template’s sections and columns as “Section:” and “Column:”. Its text appears below for you to change.',
    emptyMessage: 'Choose the part of the page to change',
  },
  {
    id: 'text', path: [], name: 'New text', label: 'The part as it should read', kind: 'section', required: true, group: 'Your change',
    hint: 'Change what needs changing and leave the rest. Leave a blank line between paragraphs; start a list item with “- ” and a heading inside the part with “### ”.',
    emptyMessage: 'Write the part as it should read',
  },
  {
    id: 'original', path: [], name: 'Text you started from', label: 'The part as it read when you started', kind: 'section', required: false, group: 'Your change',
    hint: 'Filled in by the page, out of sight: the change is made only if the part still reads so, so that nobody’s change made since is overwritten.',
  },
  {
    id: 'why', path: [], name: 'Why', label: 'Why should it change?', kind: 'paragraph', required: true, group: 'Your change',
    hint: 'For the site team and the page’s owners, who check it: for example “The figures are from the 2025 audit, not the 2023 one”.',
    emptyMessage: 'Say why it should change',
  },
  {
    id: 'role', path: [], name: 'Role', label: 'Your role (optional)', kind: 'text', required: false, group: 'Your change',
    hint: 'For example “Informatics nurse at a trust that adapted it”. It helps whoever checks the change.',
  },
];

/** What the contributor must confirm. The site team and the page's owners check every change. */
export const changeDeclaration: Declaration = {
  id: 'confirm',
  label: 'Before you send it',
  description: 'Your change is public: it becomes a pull request that the site team checks with the page’s owners.',
  statements: [
    { value: 'accurate', label: 'To the best of my knowledge the new text is accurate' },
    { value: 'no-patient-data', label: 'It contains no patient information and nothing confidential' },
  ],
};

/** The site's change page asks the declaration as a last question of checkboxes. */
export const changePageQuestions: readonly Question[] = [...changeQuestions, declarationQuestion(changeDeclaration)];

/**
 * What the answers lack before a change can be sent: checked in the browser, and again by the
 * gateway, which also checks the part exists, the new text differs and the file still passes
 * every check the build makes.
 */
export function missingChangeAnswers(values: DraftValues): FieldError[] {
  const errors = unanswered(changeQuestions, values);
  const text = textOf(values, 'text');
  const over = answerOverLimit(text);
  if (over) errors.push({ id: 'text', message: `New text ${over}` });
  const page = changedPageOf(textOf(values, 'page'));
  const shape = page ? partShape(page.kind, textOf(values, 'section')) : 'markdown';
  const line = headingLineIn(text);
  if (shape === 'paragraph' && normalisedText(text).includes('\n')) {
    errors.push({ id: 'text', message: 'New text has line breaks, and this part is one paragraph: take them out' });
  } else if (shape === 'paragraphs' && paragraphsOf(text).some((p) => p.includes('\n'))) {
    errors.push({ id: 'text', message: 'New text has a line break inside a paragraph: leave a blank line between paragraphs and none inside one' });
  } else if (shape === 'markdown' && line) errors.push({ id: 'text', message: `New text has a heading on line ${line} that would start a new part: use ### for a heading inside a part, and leave a blank line above a line of dashes` });
  if (!confirmsAll(values, changeDeclaration)) {
    errors.push({ id: changeDeclaration.id, message: `Confirm both statements under “${changeDeclaration.label}”` });
  }
  return errors;
}
