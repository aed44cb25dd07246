/**
 * The questions a contributor answers about a new blueprint: one list, read by the web drafting
 * form, the GitHub issue-form generator, the issue bot's parser, `npm run new` and the gateway.
 *
 * A question's id is its front-matter path joined with "-" (`summary`, `cost-band`,
 * `outcome-headline`), or `section-<heading slug>` for a body section. The id is also the issue
 * form's field id and its query parameter in a pre-filled issue form address, so treat ids as a
 * public contract: changing one breaks links people have saved.
 *
 * Length limits in hints are the schema's: tests/unit/contribute-questions.test.ts compares them.
 * Runs in the browser as well as in Node: no I/O, no Node built-ins.
 */
import { blueprintSections } from '../content/sections';
import {
  audiences, capabilities, careSettings, contentTypes, costBands, domains, evidenceLevels, fundingSources, pillars, standards, suppliers,
  type Term,
} from '../schema/taxonomy';
import { slugify } from './slug';

export type QuestionKind =
  /** One line of text. */
  | 'text'
  /** Several lines of running text. */
  | 'paragraph'
  /** A list typed one item per line (key questions). */
  | 'lines'
  /** A list typed with commas (partner slugs). */
  | 'list'
  /** A month written YYYY-MM. */
  | 'month'
  /** One value from `terms`. */
  | 'one'
  /** Several values from `terms`. */
  | 'many'
  /** The publishing organisation: the web form lists the site's organisations, the issue form takes its slug. */
  | 'organisation'
  /** A body section under its standard heading. */
  | 'section';

export interface Question {
  /** Schema path joined with "-"; the issue form's field id and query parameter. */
  id: string;
  /** Where the answer goes in the front-matter; empty for sections and answers that only help a maintainer. */
  path: readonly string[];
  /** The short name that starts an error message, e.g. "Title". */
  name: string;
  /** The question asked; also the `### heading` GitHub writes above the answer in an issue. */
  label: string;
  hint?: string;
  kind: QuestionKind;
  /** The choices, for `one` and `many`. */
  terms?: readonly Term[];
  /** Shown as a drop-down list on the web form rather than as radios (long lists). */
  dropDown?: boolean;
  /** The value chosen before the contributor chooses. */
  defaultValue?: string;
  /** An example shown in the empty issue-form box. */
  placeholder?: string;
  required: boolean;
  /** Said instead of the schema's message when the question was left empty. */
  emptyMessage?: string;
  /** The web form's sub-heading this question sits under. */
  group: string;
  /** A body section's heading, for `section` questions. */
  section?: string;
}

/**
 * A declaration to confirm (./issue-form.ts), asked on the site's own pages as a last question of
 * checkboxes; on an issue form, GitHub's own checkboxes ask it.
 */
export function declarationQuestion(d: { id: string; label: string; description: string; statements: readonly Term[] }): Question {
  return { id: d.id, path: [], name: 'Confirmation', label: d.label, hint: d.description, kind: 'many', terms: d.statements, required: true, group: 'Confirm' };
}

/** A question id from a schema path: ["outcome", "headline"] → "outcome-headline". */
export function fieldId(path: readonly (string | number)[]): string {
  return path.join('-');
}

/** The question for a body section heading, e.g. "What we did" → `section-what-we-did`. */
export function sectionFieldId(heading: string): string {
  return `section-${slugify(heading, 200)}`;
}

/** The NHS.UK form control the web form answers a question with. */
export type Control = 'radios' | 'checkboxes' | 'select' | 'textarea' | 'input' | 'month';

export function controlOf(question: Question): Control {
  switch (question.kind) {
    case 'many':
      return 'checkboxes';
    case 'one':
      return question.dropDown ? 'select' : 'radios';
    case 'organisation':
      return 'select';
    case 'paragraph':
    case 'lines':
    case 'section':
      return 'textarea';
    case 'month':
      return 'month';
    default:
      return 'input';
  }
}

/** The web form's organisation value that means "my organisation is not listed". */
export const organisationNotListed = 'not-listed';

const frontMatterQuestions: Question[] = [
  {
    id: 'type', path: ['type'], name: 'Type', label: 'Is it a blueprint or a redprint?', kind: 'one', terms: contentTypes, defaultValue: 'blueprint',
    required: true, emptyMessage: 'Choose blueprint or redprint', group: 'About the work',
  },
  {
    id: 'domain', path: ['domain'], name: 'Domain', label: 'What kind of work was it?', kind: 'one', terms: domains, required: true,
    emptyMessage: 'Choose the kind of work', group: 'About the work',
  },
  {
    id: 'title', path: ['title'], name: 'Title', label: 'Title', kind: 'text', required: true, group: 'About the work',
    hint: 'Say what was done, in sentence case, in 10 to 100 characters. For example, “Moving 40 wards to electronic observations in 9 months”. Do not start with “An initiative to” or “How we”.',
    placeholder: 'Moving 40 wards to electronic observations in nine months',
  },
  {
    id: 'summary', path: ['summary'], name: 'Summary', label: 'Summary', kind: 'paragraph', required: true, group: 'About the work',
    hint: 'Two or three sentences another organisation can decide from: what you did, where, and what happened. 40 to 400 characters.',
  },
  {
    id: 'keyQuestions', path: ['keyQuestions'], name: 'Key questions', label: 'Key questions this answers', kind: 'lines', required: true, group: 'About the work',
    hint: 'The 1 to 5 questions someone planning similar work would ask. Write one question on each line, in 10 to 160 characters, ending with a question mark.',
    placeholder: 'How do we roll out electronic observations without disrupting care?',
    emptyMessage: 'Write at least one question this answers, one on each line',
  },
  {
    id: 'startingPoint-problem', path: ['startingPoint', 'problem'], name: 'Problem', label: 'What problem did you start with? (optional)', kind: 'text',
    required: false, group: 'About the work', hint: 'One sentence, up to 300 characters.',
  },
  {
    id: 'organisation', path: ['organisation'], name: 'Organisation', label: 'Your organisation', kind: 'organisation', required: true, group: 'Where and who',
    hint: 'The organisation that did the work, as it is listed on this site.',
    placeholder: 'northmoor-teaching-hospitals',
    emptyMessage: 'Choose your organisation, or “My organisation is not listed”',
  },
  {
    id: 'organisation-name', path: [], name: 'Organisation name', label: 'Your organisation’s full name, if it is not on the site yet', kind: 'text',
    required: false, group: 'Where and who', emptyMessage: 'Write your organisation’s full name, as it is not in the list',
    hint: 'For example, Northmoor Teaching Hospitals NHS Foundation Trust. The site team adds your organisation before your blueprint is published.',
  },
  {
    id: 'partners', path: ['partners'], name: 'Partners', label: 'Partner organisations (optional)', kind: 'list', required: false, group: 'Where and who',
    hint: 'Other organisations on the site that worked on this or adopted it, by their short names (as in their page addresses), separated by commas.',
    placeholder: 'riverside-community-health',
  },
  {
    id: 'careSettings', path: ['careSettings'], name: 'Care settings', label: 'Where was it done?', kind: 'many', terms: careSettings, required: true,
    hint: 'Choose all that apply.', emptyMessage: 'Choose at least one care setting', group: 'Where and who',
  },
  {
    id: 'pillars', path: ['pillars'], name: 'Pillars', label: 'Which What Good Looks Like pillars does it support?', kind: 'many', terms: pillars, required: true,
    hint: 'Choose all that apply.', emptyMessage: 'Choose at least one What Good Looks Like pillar', group: 'What it covers',
  },
  {
    id: 'capabilities', path: ['capabilities'], name: 'Capabilities', label: 'Which capability areas does it touch? (optional)', kind: 'many', terms: capabilities,
    required: false, hint: 'The capability areas of the Digital Maturity Assessment. Choose any that apply.', group: 'What it covers',
  },
  {
    id: 'eprSupplier', path: ['eprSupplier'], name: 'EPR supplier', label: 'Which electronic patient record (EPR) supplier was involved?', kind: 'one', terms: suppliers,
    dropDown: true, defaultValue: 'none', required: true,
    hint: 'Choose “No EPR supplier” if none was.', emptyMessage: 'Choose the EPR supplier, or “No EPR supplier”', group: 'What it covers',
  },
  {
    id: 'standards', path: ['standards'], name: 'Standards', label: 'Which standards did you use? (optional)', kind: 'many', terms: standards, required: false,
    hint: 'Choose any that apply.', group: 'What it covers',
  },
  {
    id: 'audience', path: ['audience'], name: 'Audience', label: 'Who should read it?', kind: 'many', terms: audiences, required: true,
    hint: 'Choose all that apply.', emptyMessage: 'Choose at least one kind of reader', group: 'What it covers',
  },
  {
    id: 'cost-band', path: ['cost', 'band'], name: 'Cost band', label: 'What did it cost in total?', kind: 'one', terms: costBands, required: true,
    hint: 'Capital and revenue together, including staff time.', emptyMessage: 'Choose what it cost in total', group: 'Cost and outcome',
  },
  {
    id: 'cost-note', path: ['cost', 'note'], name: 'Cost note', label: 'What did the money pay for? (optional)', kind: 'text', required: false, group: 'Cost and outcome',
    hint: 'For example, “Two years of a 4 WTE team, devices and licences”. Up to 200 characters.',
  },
  {
    id: 'funding', path: ['funding'], name: 'Funding', label: 'Who paid for it? (optional)', kind: 'many', terms: fundingSources, required: false,
    hint: 'Choose every source of the money, your own budgets included. Readers look for work paid for in ways they can copy.', group: 'Cost and outcome',
  },
  {
    id: 'outcome-evidence', path: ['outcome', 'evidence'], name: 'Evidence', label: 'How do you know what the outcome was?', kind: 'one', terms: evidenceLevels,
    required: true, emptyMessage: 'Choose how the outcome is known', group: 'Cost and outcome',
  },
  {
    id: 'outcome-headline', path: ['outcome', 'headline'], name: 'Headline result', label: 'Headline result', kind: 'text', required: true, group: 'Cost and outcome',
    hint: 'One sentence of 10 to 200 characters, with a number where you have one. For example, “Late escalations fell by a third in the first year”.',
    placeholder: 'Late escalations fell by a third in the first year.',
  },
  {
    id: 'timeline-start', path: ['timeline', 'start'], name: 'Start', label: 'When did the work start?', kind: 'month', required: true, group: 'Cost and outcome',
    hint: 'Month and year, for example April 2023.', placeholder: '2023-04',
    emptyMessage: 'Write when the work started, as a month and year, for example April 2023',
  },
  {
    id: 'timeline-end', path: ['timeline', 'end'], name: 'End', label: 'When did it finish? (optional)', kind: 'month', required: false, group: 'Cost and outcome',
    hint: 'Month and year, for example March 2024. Leave it empty if the work is still going.', placeholder: '2024-03',
  },
  {
    id: 'owner-name', path: ['owner', 'name'], name: 'Owner', label: 'Who will keep this up to date?', kind: 'text', required: true, group: 'Owner and contact',
    hint: 'A person or a team, in up to 100 characters, for example “Digital transformation team”. They get a reminder to review it every 12 months.',
    placeholder: 'Digital transformation team', emptyMessage: 'Write who will keep this up to date',
  },
  {
    id: 'owner-role', path: ['owner', 'role'], name: 'Owner role', label: 'Their role (optional)', kind: 'text', required: false, group: 'Owner and contact',
    hint: 'Up to 100 characters, for example Chief nursing information officer.',
  },
  {
    id: 'owner-github', path: ['owner', 'github'], name: 'GitHub user name', label: 'Their GitHub user name (optional)', kind: 'text', required: false,
    group: 'Owner and contact', hint: 'Without the @, for example jsmith-nhs. Reminders to review the page mention this person on GitHub.',
  },
  {
    id: 'contact', path: ['contact'], name: 'Contact', label: 'How can readers contact the team?', kind: 'text', required: true, group: 'Owner and contact',
    hint: 'A team email address, or a web address starting https://. It is shown on the page, so avoid personal email addresses.',
    placeholder: 'digital.team@example.nhs.uk', emptyMessage: 'Write an email address or a web address where readers can reach the team',
  },
];

const sectionQuestions: Question[] = blueprintSections.map((s) => ({
  id: sectionFieldId(s.heading),
  path: [],
  name: `The “${s.heading}” section`,
  label: s.heading,
  hint: s.prompt,
  kind: 'section',
  required: false,
  group: 'The write-up',
  section: s.heading,
  emptyMessage: s.requiredForRedprint ? `A redprint must say what went wrong: write the “${s.heading}” section` : undefined,
}));

/** Every question, in the order the web form asks them. */
export const questions: readonly Question[] = [...frontMatterQuestions, ...sectionQuestions];

const byId = new Map(questions.map((q) => [q.id, q]));

export function questionById(id: string): Question | undefined {
  return byId.get(id);
}

/** The answers a form starts with (its default choices), by question id. */
export const defaultAnswers: Readonly<Record<string, string>> = Object.fromEntries(
  questions.filter((q) => q.defaultValue !== undefined).map((q) => [q.id, q.defaultValue!]),
);

export interface QuestionAt {
  question: Question;
  /** For a problem with one item of a list answer (the third key question): its index. */
  item?: number;
}

/**
 * The question a schema problem belongs to. `path` is the problem's path, as zod gives it
 * (["keyQuestions", 2]) or as the validator writes it ("keyQuestions.2"). A problem with a
 * whole object (`timeline` ending before it starts, `cost` left out) goes to the question for
 * its last part that can be wrong on its own, or its first; undefined when no question asks for it.
 * `list` is the form's questions: the blueprint questions unless another form's are given.
 */
export function questionForProblem(path: readonly PropertyKey[] | string, list: readonly Question[] = questions): QuestionAt | undefined {
  const keys = (typeof path === 'string' ? path.split('.') : path.map(String)).filter(Boolean);
  if (keys.length === 0) return undefined;
  if (list === questions && keys.length === 1 && keys[0] === 'timeline') return { question: byId.get('timeline-end')! };
  const matching = list
    .filter((q) => q.path.length > 0 && q.path.every((k, i) => keys[i] === k))
    .sort((a, b) => b.path.length - a.path.length);
  const question = matching[0] ?? list.find((q) => q.path.length > 0 && q.path[0] === keys[0] && keys.length === 1);
  if (!question) return undefined;
  const index = Number(keys[question.path.length]);
  return Number.isInteger(index) && keys[question.path.length] !== undefined && index >= 0 ? { question, item: index } : { question };
}
