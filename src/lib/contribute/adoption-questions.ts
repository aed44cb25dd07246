/**
 * The questions an organisation answers to say "We are using this" about a blueprint: one list,
 * read by the issue-form generator (./issue-form.ts writes .github/ISSUE_TEMPLATE/we-are-using-this.yml),
 * the issue bot's parser (./issue-answers.ts) and the link on each blueprint page, which fills in
 * the blueprint. Ids are the adoption schema's field names (src/lib/schema/adoption.ts), so a
 * schema problem names its question; as with ./questions.ts, ids are a public contract.
 *
 * Runs in the browser as well as in Node: no I/O, no Node built-ins.
 */
import { adoptionStages } from '../schema/adoption-stages';
import { terms } from '../schema/taxonomy';
import type { FieldError } from './draft-check';
import { monthPattern } from '../schema/month';
import { confirmsAll, monthOf, textOf, unanswered, type DraftValues } from './answers';
import type { Declaration } from './issue-form';
import { declarationQuestion, organisationNotListed, type Question } from './questions';

/** The answers to "may we publish a contact?"; only `yes` sets contactOptIn: true. */
export const contactChoices = terms([
  { value: 'no', label: 'No, do not publish a contact' },
  { value: 'yes', label: 'Yes, publish the team address below' },
]);

export const adoptionQuestions: readonly Question[] = [
  {
    id: 'blueprint', path: ['blueprint'], name: 'Blueprint', label: 'Which blueprint are you using?', kind: 'text', required: true, group: 'The adoption',
    hint: 'Its short name, as in its page address: /blueprints/<short name>/. The “We are using this” link on the blueprint’s page fills this in.',
    placeholder: 'electronic-observations-in-nine-months', emptyMessage: 'Write the short name of the blueprint you are using, from its page address',
  },
  {
    id: 'organisation', path: ['organisation'], name: 'Organisation', label: 'Your organisation', kind: 'organisation', required: true, group: 'The adoption',
    hint: 'The organisation using it, as it is listed on this site.', placeholder: 'fellbrook-hospitals',
    emptyMessage: 'Choose your organisation, or “My organisation is not listed”',
  },
  {
    id: 'organisation-name', path: [], name: 'Organisation name', label: 'Your organisation’s full name, if it is not on the site yet', kind: 'text', required: false, group: 'The adoption',
    hint: 'The site team adds your organisation before your record is published.',
  },
  {
    id: 'stage', path: ['stage'], name: 'Stage', label: 'How far have you got?', kind: 'one', terms: adoptionStages, required: true, group: 'The adoption',
    emptyMessage: 'Choose how far you have got',
  },
  {
    id: 'date', path: ['date'], name: 'Date', label: 'When did you reach this stage?', kind: 'month', required: true, group: 'The adoption',
    hint: 'Month and year, for example April 2025.', placeholder: '2025-04', emptyMessage: 'Write when you reached this stage, as a month and year, for example April 2025',
  },
  {
    id: 'outcome', path: ['outcome'], name: 'Outcome', label: 'What has happened so far? (optional)', kind: 'paragraph', required: false, group: 'The adoption',
    hint: 'One or two sentences, up to 300 characters: what you changed, what happened, or why you stopped.',
  },
  {
    id: 'contactOptIn', path: ['contactOptIn'], name: 'Publish a contact', label: 'May we publish a contact for this adoption?', kind: 'one', terms: contactChoices,
    defaultValue: 'no', required: true, group: 'Contact', hint: 'Other organisations could then ask you how it went. Say yes only if your organisation agrees.',
  },
  {
    id: 'contact', path: ['contact'], name: 'Contact', label: 'A team email address (optional)', kind: 'text', required: false, group: 'Contact',
    hint: 'A shared team address at your organisation, ending nhs.net, nhs.uk or gov.uk, never a personal one. Published only if you said yes above.',
    placeholder: 'digital.team@example.nhs.uk',
  },
];

/** What the person sending a record must confirm. */
export const adoptionDeclaration: Declaration = {
  id: 'confirm',
  label: 'Before you submit',
  description: 'A maintainer reviews every record before it is published.',
  statements: [
    { value: 'no-patient-data', label: 'This contains no patient-identifiable information' },
    { value: 'may-share', label: 'My organisation agrees to this record being published' },
  ],
};

/**
 * The questions of the site's own "We are using this" page: the record's, then the declaration as
 * a last question of checkboxes (on the issue form, GitHub's own checkboxes ask it).
 */
export const adoptionPageQuestions: readonly Question[] = [...adoptionQuestions, declarationQuestion(adoptionDeclaration)];

/**
 * What the answers lack before a record can be made from them: a required answer, the name of an
 * organisation not listed, a date that is not a month, a contact to publish left empty, a
 * statement not confirmed. Checked in the browser before sending and again by the gateway, before
 * the schema and the validator see the record.
 */
export function missingAdoptionAnswers(values: DraftValues): FieldError[] {
  const errors = unanswered(adoptionQuestions, values);
  if (textOf(values, 'organisation') === organisationNotListed && !textOf(values, 'organisation-name')) {
    errors.push({ id: 'organisation-name', message: 'Write your organisation’s full name, as it is not in the list' });
  }
  if (textOf(values, 'date') && !monthPattern.test(monthOf(textOf(values, 'date')))) {
    errors.push({ id: 'date', message: 'Write when you reached this stage as a month and year, for example April 2025' });
  }
  if (textOf(values, 'contactOptIn') === 'yes' && !textOf(values, 'contact')) {
    errors.push({ id: 'contact', message: 'Write the team email address to publish, or choose not to publish a contact' });
  }
  if (!confirmsAll(values, adoptionDeclaration)) {
    errors.push({ id: adoptionDeclaration.id, message: `Confirm both statements under “${adoptionDeclaration.label}”` });
  }
  return errors;
}

/**
 * The answers worth keeping: a contact typed without agreeing to publish it is never published,
 * so it is not kept either (the gateway stores answers for as long as the record is public).
 */
export function keptAdoptionAnswers(values: DraftValues): DraftValues {
  if (textOf(values, 'contactOptIn') === 'yes') return values;
  const { contact: _unpublished, ...kept } = values;
  return kept;
}
