/**
 * Suggesting a change to a blueprint without a GitHub account: one list of questions, read by the
 * site's change page (src/pages/suggest-a-change.astro) and the submission gateway, which turns
 * the answers into a pull request changing one part of the blueprint (./section-change.ts). It is
 * "Edit this page on GitHub" for everyone else. The page lists the blueprint's parts and fills in
 * the chosen part's text from the gateway, so the contributor edits rather than retypes. Ids are a
 * public contract, as in ./questions.ts.
 *
 * Runs in the browser as well as in Node: no I/O, no Node built-ins.
 */
import type { FieldError } from './draft-check';
import { answerOverLimit, confirmsAll, textOf, unanswered, type DraftValues } from './answers';
import type { Declaration } from './issue-form';
import { declarationQuestion, type Question } from './questions';
import { headingLineIn } from '../content/body-headings';

export const changeQuestions: readonly Question[] = [
  {
    id: 'blueprint', path: [], name: 'Blueprint', label: 'Which blueprint?', kind: 'text', required: true, group: 'Your change',
    hint: 'Its short name, as in its page address: /blueprints/<short name>/. “Suggest a change”, at the foot of its page, fills this in.',
    emptyMessage: 'Write the short name of the blueprint, from its page address',
  },
  {
    id: 'section', path: [], name: 'Part', label: 'Which part of it?', kind: 'one', dropDown: true, terms: [], required: true, group: 'Your change',
    hint: 'The heading of the part you want to change, as on the page. Its text appears below for you to change.',
    emptyMessage: 'Choose the part of the blueprint to change',
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
    hint: 'For the site team and the blueprint’s owners, who check it: for example “The figures are from the 2025 audit, not the 2023 one”.',
    emptyMessage: 'Say why it should change',
  },
  {
    id: 'role', path: [], name: 'Role', label: 'Your role (optional)', kind: 'text', required: false, group: 'Your change',
    hint: 'For example “Informatics nurse at a trust that adapted it”. It helps whoever checks the change.',
  },
];

/** What the contributor must confirm. The site team and the blueprint's owners check every change. */
export const changeDeclaration: Declaration = {
  id: 'confirm',
  label: 'Before you send it',
  description: 'Your change is public: it becomes a pull request that the site team checks with the blueprint’s owners.',
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
  const line = headingLineIn(text);
  if (line) errors.push({ id: 'text', message: `New text has a heading on line ${line} that would start a new part: use ### for a heading inside a part, and leave a blank line above a line of dashes` });
  if (!confirmsAll(values, changeDeclaration)) {
    errors.push({ id: changeDeclaration.id, message: `Confirm both statements under “${changeDeclaration.label}”` });
  }
  return errors;
}
