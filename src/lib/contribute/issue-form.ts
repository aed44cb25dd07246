/**
 * The issue forms, generated from their question lists: "Propose a blueprint" from the
 * contribution questions (./questions.ts), the route for people who do not use Git, "We are
 * using this" from the adoption questions (./adoption-questions.ts), and "Feedback on a page"
 * from the feedback questions (./feedback-questions.ts). `npm run generate:issue-form`
 * writes them to .github/ISSUE_TEMPLATE/; ./issue-answers.ts reads a submitted one back.
 */
import { stringify } from 'yaml';
import type { Term } from '../schema/taxonomy';
import { githubIssueForm } from '../content/github';
import { adoptionDeclaration, adoptionQuestions } from './adoption-questions';
import { feedbackDeclaration, feedbackLabel, feedbackQuestions } from './feedback-questions';
import { adoptionFormFile, feedbackFormFile, issueFormFile } from './issue-form-files';
import { organisationNotListed, questions, type Question } from './questions';

/** The label the form puts on every proposal; the bot workflow only runs for issues carrying it. */
export const proposalLabel = 'blueprint-proposal';

/** The label the "We are using this" form puts on every adoption record it sends. */
export const adoptionLabel = 'adoption-record';

/** A declaration the proposer must tick: asked only on the issue form, where the proposal is sent. */
export interface Declaration {
  id: string;
  label: string;
  description: string;
  statements: readonly Term[];
}

export const declaration: Declaration = {
  id: 'confirm',
  label: 'Before you submit',
  description: 'A maintainer reviews every proposal before it is published.',
  statements: [
    { value: 'no-patient-data', label: 'This contains no patient-identifiable information' },
    { value: 'ogl', label: 'My organisation agrees to publish this under the Open Government Licence v3.0' },
  ],
};

/** Choices described one after another, for a dropdown (which cannot show a hint per option). */
function termList(list: readonly Term[]): string {
  return list.filter((t) => t.description).map((t) => `**${t.label}**: ${t.description}`).join(' ');
}

function description(question: Question): string {
  if (question.kind === 'section') {
    const required = question.emptyMessage ? ' **Required for a redprint.**' : '';
    return `${question.hint}${required} You can use Markdown: paragraphs, lists, **bold** and [links](https://example.org).`;
  }
  if (question.kind === 'organisation') {
    return `The short name of your organisation on this site: its page address, e.g. \`northmoor-teaching-hospitals\`. If it is not on the site’s Organisations page yet, write \`${organisationNotListed}\` and give its full name in the next answer.`;
  }
  const terms = question.kind === 'one' && !question.dropDown ? termList(question.terms ?? []) : '';
  return [question.hint, terms].filter(Boolean).join(' ');
}

function formElement(question: Question): Record<string, unknown> {
  const attributes: Record<string, unknown> = { label: question.label, description: description(question) };
  if (question.placeholder) attributes.placeholder = question.placeholder;
  const validations = { required: question.required };
  switch (question.kind) {
    case 'text':
    case 'list':
    case 'month':
    case 'organisation':
      return { type: 'input', id: question.id, attributes, validations };
    case 'paragraph':
    case 'lines':
    case 'section':
      return { type: 'textarea', id: question.id, attributes, validations };
    case 'one':
    case 'many': {
      const terms = question.terms ?? [];
      attributes.multiple = question.kind === 'many';
      attributes.options = terms.map((t) => t.label);
      const index = terms.findIndex((t) => t.value === question.defaultValue);
      if (index >= 0) attributes.default = index;
      return { type: 'dropdown', id: question.id, attributes, validations };
    }
  }
}

function declarationElement(d: Declaration): Record<string, unknown> {
  return {
    type: 'checkboxes',
    id: d.id,
    attributes: { label: d.label, description: d.description, options: d.statements.map((t) => ({ label: t.label, required: true })) },
  };
}

/** One issue form: its questions, in order, and the declaration asked last. */
export interface IssueFormSpec {
  file: string;
  name: string;
  description: string;
  title: string;
  labels: string[];
  intro: string[];
  questions: readonly Question[];
  declaration: Declaration;
  /** Where the generated file comes from, for its header comment. */
  sources: string[];
}

export const blueprintForm: IssueFormSpec = {
  file: issueFormFile,
  name: 'Propose a blueprint',
  description: 'Share what your organisation did (or what did not work) without using Git. A pull request is opened for you.',
  title: 'Proposal: ',
  labels: [proposalLabel, 'content'],
  intro: [
    'Thank you for sharing your work. Fill in what you can: a bot checks your answers within a few minutes and replies on this issue, either with a link to the pull request it opened or with what to fix.',
    '',
    'To change anything later, edit this issue: the bot updates the same pull request. Read [CONTRIBUTING.md](../blob/main/CONTRIBUTING.md) for what makes a good blueprint.',
  ],
  questions,
  declaration,
  sources: [
    '# Generated by `npm run generate:issue-form` from the contribution questions (src/lib/contribute/questions.ts),',
    '# the taxonomy (src/lib/schema/taxonomy.ts) and the body sections (src/lib/content/sections.ts).',
  ],
};

export const adoptionForm: IssueFormSpec = {
  file: adoptionFormFile,
  name: 'We are using this',
  description: 'Tell other organisations you are exploring, piloting or using a blueprint, or that you stopped. A pull request is opened for you.',
  title: 'We are using: ',
  labels: [adoptionLabel, 'content'],
  intro: [
    'Thank you for telling us. Records like this show which blueprints spread, and who to ask. A bot checks your answers within a few minutes and replies on this issue, either with a link to the pull request it opened or with what to fix.',
    '',
    'When you move on (from piloting to live, or if you stop), edit this issue or send the form again: the same record is updated.',
  ],
  questions: adoptionQuestions,
  declaration: adoptionDeclaration,
  sources: [
    '# Generated by `npm run generate:issue-form` from the adoption questions (src/lib/contribute/adoption-questions.ts)',
    '# and the adoption stages (src/lib/schema/adoption-stages.ts).',
  ],
};

/**
 * The "We are using this" form with the blueprint filled in, for the link on each blueprint page.
 * GitHub fills a field from the query parameter named after its id.
 */
export function adoptionIssueUrl(repository: string, blueprint: { slug: string; title: string }): string {
  return githubIssueForm(repository, adoptionFormFile, { title: `${adoptionForm.title}${blueprint.title}`, blueprint: blueprint.slug });
}

export const feedbackForm: IssueFormSpec = {
  file: feedbackFormFile,
  name: 'Feedback on a page',
  description: 'Tell us what is wrong, missing or unclear on a page of the site.',
  title: 'Feedback: ',
  labels: [feedbackLabel],
  intro: [
    'Thank you. “Give feedback on this page”, at the foot of each page, fills in the page for you. The site team reads every piece of feedback and replies here.',
  ],
  questions: feedbackQuestions,
  declaration: feedbackDeclaration,
  sources: ['# Generated by `npm run generate:issue-form` from the feedback questions (src/lib/contribute/feedback-questions.ts).'],
};

/** Every generated issue form. */
export const issueForms: readonly IssueFormSpec[] = [blueprintForm, adoptionForm, feedbackForm];

/** The YAML of one generated issue form. */
export function issueFormYaml(spec: IssueFormSpec): string {
  const form = {
    name: spec.name,
    description: spec.description,
    title: spec.title,
    labels: spec.labels,
    body: [{ type: 'markdown', attributes: { value: spec.intro.join('\n') } }, ...spec.questions.map(formElement), declarationElement(spec.declaration)],
  };
  const header = [...spec.sources, '# Do not edit by hand: change those files and run the generator again.'].join('\n');
  return `${header}\n${stringify(form, { lineWidth: 0 })}`;
}

/** The YAML of .github/ISSUE_TEMPLATE/propose-blueprint.yml. */
export function generateIssueForm(): string {
  return issueFormYaml(blueprintForm);
}
