/**
 * The "Propose a blueprint" issue form: the route for people who do not use Git.
 *
 * One field list, derived from the schema's taxonomy and the standard body sections, feeds:
 * - the generated form, .github/ISSUE_TEMPLATE/propose-blueprint.yml (`npm run generate:issue-form`);
 * - the bot that turns a submitted issue back into a blueprint (scripts/propose-from-issue.ts);
 * - the web drafting form, which pre-fills GitHub's form by putting these field ids in the
 *   query string (`issues/new?template=propose-blueprint.yml&title=…&cost-band=…`).
 *
 * Field ids are the front-matter path joined by "-" (`cost-band`, `outcome-headline`), and
 * `section-<heading slug>` for a body section. Treat them as a public contract: changing one
 * breaks links people have saved.
 */
import { stringify } from 'yaml';
import { blueprintSections } from '../content/sections';
import {
  audiences, capabilities, careSettings, contentTypes, costBands, domains, evidenceLevels, pillars, standards, suppliers,
  type Term,
} from '../schema/taxonomy';
import { slugify } from './slug';

export type FieldKind =
  /** One line of text. */
  | 'text'
  /** Several lines of text. */
  | 'paragraph'
  /** One value from a controlled list: a dropdown showing the labels. */
  | 'one'
  /** Several values from a controlled list: a multi-select dropdown showing the labels. */
  | 'many'
  /** A list typed one item per line (key questions). */
  | 'lines'
  /** A list typed with commas (partner slugs). */
  | 'list'
  /** A body section under its standard heading. */
  | 'section'
  /** A declaration the proposer must tick. */
  | 'confirm';

export interface IssueFormField {
  /** The form field id, and the query parameter that pre-fills it. */
  id: string;
  /** Where the answer goes in the front-matter; empty for sections and declarations. */
  path: readonly string[];
  kind: FieldKind;
  /** The question shown, and the `### heading` GitHub writes above the answer in the issue. */
  label: string;
  description: string;
  placeholder?: string;
  required: boolean;
  /** The controlled list for `one` and `many`. */
  terms?: readonly Term[];
  /** For `one`: the value selected before the proposer chooses. */
  defaultValue?: string;
  /** For `section`: the heading in the blueprint body. */
  heading?: string;
}

/** The label the form puts on every proposal; the bot workflow only runs for issues carrying it. */
export const proposalLabel = 'blueprint-proposal';
export const issueFormFile = '.github/ISSUE_TEMPLATE/propose-blueprint.yml';

function termList(list: readonly Term[]): string {
  return list.filter((t) => t.description).map((t) => `**${t.label}**: ${t.description}`).join(' ');
}

const frontMatterFields: IssueFormField[] = [
  { id: 'type', path: ['type'], kind: 'one', terms: contentTypes, defaultValue: 'blueprint', required: true, label: 'Blueprint or redprint?', description: termList(contentTypes) },
  { id: 'title', path: ['title'], kind: 'text', required: true, label: 'Title', description: 'What was done, in sentence case, 10 to 100 characters. Start with the thing that happened, not "An initiative to…".', placeholder: 'Moving 40 wards to electronic observations in nine months' },
  { id: 'summary', path: ['summary'], kind: 'paragraph', required: true, label: 'Summary', description: 'Two or three sentences a reader can decide from: what you did, where, and the result (40 to 400 characters).' },
  { id: 'keyQuestions', path: ['keyQuestions'], kind: 'lines', required: true, label: 'Key questions this answers', description: 'One to five questions another organisation would ask, one per line, each ending with a question mark.', placeholder: 'How do we roll out electronic observations without disrupting care?' },
  { id: 'domain', path: ['domain'], kind: 'one', terms: domains, required: true, label: 'Domain', description: termList(domains) },
  { id: 'organisation', path: ['organisation'], kind: 'text', required: true, label: 'Organisation', description: 'The short name of your organisation on this site: its page address, e.g. `northmoor-teaching-hospitals`. It must already be on the site’s Organisations page: if yours is not, say so in a comment on this issue and a maintainer will add it.', placeholder: 'northmoor-teaching-hospitals' },
  { id: 'organisation-name', path: [], kind: 'text', required: false, label: 'Organisation’s full name, if it is not on the site yet', description: 'For example "Northmoor Teaching Hospitals NHS Foundation Trust". A maintainer adds your organisation before your blueprint is published.' },
  { id: 'partners', path: ['partners'], kind: 'list', required: false, label: 'Partner organisations', description: 'Other organisations that worked on this or adopted it, as short names separated by commas. Leave empty if none.' },
  { id: 'pillars', path: ['pillars'], kind: 'many', terms: pillars, required: true, label: 'What Good Looks Like pillars', description: 'Choose every pillar this supports.' },
  { id: 'capabilities', path: ['capabilities'], kind: 'many', terms: capabilities, required: false, label: 'Capabilities', description: 'The Digital Maturity Assessment capability areas this touches.' },
  { id: 'careSettings', path: ['careSettings'], kind: 'many', terms: careSettings, required: true, label: 'Care settings', description: 'Where this was done.' },
  { id: 'eprSupplier', path: ['eprSupplier'], kind: 'one', terms: suppliers, defaultValue: 'none', required: true, label: 'EPR supplier', description: 'The electronic patient record supplier involved, if any.' },
  { id: 'standards', path: ['standards'], kind: 'many', terms: standards, required: false, label: 'Standards used', description: 'Information and safety standards you used.' },
  { id: 'audience', path: ['audience'], kind: 'many', terms: audiences, required: true, label: 'Who should read this', description: 'The roles this is most useful to.' },
  { id: 'startingPoint-problem', path: ['startingPoint', 'problem'], kind: 'text', required: false, label: 'The problem you started with', description: 'One sentence (up to 300 characters).' },
  { id: 'cost-band', path: ['cost', 'band'], kind: 'one', terms: costBands, required: true, label: 'Total cost', description: 'The total cost of the work, capital and revenue together.' },
  { id: 'cost-note', path: ['cost', 'note'], kind: 'text', required: false, label: 'What the money paid for', description: 'For example "two years of a 4 WTE team and licences" (up to 200 characters).' },
  { id: 'outcome-evidence', path: ['outcome', 'evidence'], kind: 'one', terms: evidenceLevels, required: true, label: 'How do you know it worked?', description: termList(evidenceLevels) },
  { id: 'outcome-headline', path: ['outcome', 'headline'], kind: 'text', required: true, label: 'Headline result', description: 'The main result in one sentence, with a number where you have one (10 to 200 characters).', placeholder: 'Late escalations fell by a third in the first year.' },
  { id: 'timeline-start', path: ['timeline', 'start'], kind: 'text', required: true, label: 'Started', description: 'The month the work started, written YYYY-MM, e.g. 2023-04.', placeholder: '2023-04' },
  { id: 'timeline-end', path: ['timeline', 'end'], kind: 'text', required: false, label: 'Finished', description: 'The month it finished, written YYYY-MM. Leave empty if it is still going.', placeholder: '2024-01' },
  { id: 'owner-name', path: ['owner', 'name'], kind: 'text', required: true, label: 'Owner', description: 'The person or team who will keep this up to date. They get a reminder when a review is due.', placeholder: 'Digital transformation team' },
  { id: 'owner-role', path: ['owner', 'role'], kind: 'text', required: false, label: 'Owner’s role', description: 'For example "Chief clinical information officer".' },
  { id: 'owner-github', path: ['owner', 'github'], kind: 'text', required: false, label: 'Owner’s GitHub user name', description: 'Without the @. Leave empty to use yours: review reminders mention this person.' },
  { id: 'contact', path: ['contact'], kind: 'text', required: true, label: 'Contact', description: 'How readers reach the team: a shared email address or a web address. Avoid personal email addresses.', placeholder: 'digital.team@example.nhs.uk' },
];

/** The field for a body section heading, e.g. "What we did" → `section-what-we-did`. */
export function sectionFieldId(heading: string): string {
  return `section-${slugify(heading, 200)}`;
}

const sectionFields: IssueFormField[] = blueprintSections.map((s) => ({
  id: sectionFieldId(s.heading),
  path: [],
  kind: 'section',
  required: false,
  label: s.heading,
  heading: s.heading,
  description: `${s.prompt}${s.requiredForRedprint ? ' **Required for a redprint.**' : ''} You can use Markdown: paragraphs, lists, **bold** and [links](https://example.org).`,
}));

const confirmField: IssueFormField = {
  id: 'confirm',
  path: [],
  kind: 'confirm',
  required: true,
  label: 'Before you submit',
  description: 'A maintainer reviews every proposal before it is published.',
  terms: [
    { value: 'no-patient-data', label: 'This contains no patient-identifiable information' },
    { value: 'ogl', label: 'My organisation agrees to publish this under the Open Government Licence v3.0' },
  ],
};

/** Every field of the form, in order. Other tools (the web drafting form) import this list. */
export const issueFormFields: readonly IssueFormField[] = [...frontMatterFields, ...sectionFields, confirmField];

function formElement(field: IssueFormField): Record<string, unknown> {
  const attributes: Record<string, unknown> = { label: field.label, description: field.description };
  if (field.placeholder) attributes.placeholder = field.placeholder;
  const validations = { required: field.required };
  switch (field.kind) {
    case 'text':
    case 'list':
      return { type: 'input', id: field.id, attributes, validations };
    case 'paragraph':
    case 'lines':
    case 'section':
      return { type: 'textarea', id: field.id, attributes, validations };
    case 'one':
    case 'many': {
      const terms = field.terms ?? [];
      attributes.multiple = field.kind === 'many';
      attributes.options = terms.map((t) => t.label);
      const index = terms.findIndex((t) => t.value === field.defaultValue);
      if (index >= 0) attributes.default = index;
      return { type: 'dropdown', id: field.id, attributes, validations };
    }
    case 'confirm':
      attributes.options = (field.terms ?? []).map((t) => ({ label: t.label, required: true }));
      return { type: 'checkboxes', id: field.id, attributes };
  }
}

/** The YAML of .github/ISSUE_TEMPLATE/propose-blueprint.yml. */
export function generateIssueForm(fields: readonly IssueFormField[] = issueFormFields): string {
  const form = {
    name: 'Propose a blueprint',
    description: 'Share what your organisation did (or what did not work) without using Git. A pull request is opened for you.',
    title: 'Proposal: ',
    labels: [proposalLabel, 'content'],
    body: [
      {
        type: 'markdown',
        attributes: {
          value: [
            'Thank you for sharing your work. Fill in what you can: a bot checks your answers within a few minutes and replies on this issue, either with a link to the pull request it opened or with what to fix.',
            '',
            'To change anything later, edit this issue: the bot updates the same pull request. Read [CONTRIBUTING.md](../blob/main/CONTRIBUTING.md) for what makes a good blueprint.',
          ].join('\n'),
        },
      },
      ...fields.map(formElement),
    ],
  };
  const header = [
    '# Generated by `npm run generate:issue-form` from src/lib/contribute/issue-form.ts,',
    '# the taxonomy (src/lib/schema/taxonomy.ts) and the body sections (src/lib/content/sections.ts).',
    '# Do not edit by hand: change those files and run the generator again.',
  ].join('\n');
  return `${header}\n${stringify(form, { lineWidth: 0 })}`;
}

// ---------------------------------------------------------------------------------------------
// Reading a submitted issue. Everything below handles text from strangers: it is parsed as data,
// never evaluated, and the result still goes through the full validator and MDX safety gate.
// ---------------------------------------------------------------------------------------------

/** GitHub's issue bodies are at most 65,536 characters; anything longer is not from the form. */
const maxIssueBody = 65_536;
const noResponse = '_No response_';

/**
 * Splits an issue-form body (`### Label` then the answer) into answers by field id. A heading
 * only starts a new answer when it is the label of a later field, so a proposer who writes
 * `### Something` inside a section keeps it as part of their text.
 */
export function parseIssueFormBody(body: string, fields: readonly IssueFormField[] = issueFormFields): Map<string, string> {
  const lines = body.slice(0, maxIssueBody).replace(/\r\n?/g, '\n').split('\n');
  const answers = new Map<string, string[]>();
  let current: number | undefined;
  for (const line of lines) {
    const heading = line.match(/^###\s+(.+?)\s*$/);
    if (heading) {
      const next = fields.findIndex((f, i) => f.label === heading[1] && (current === undefined || i > current));
      if (next >= 0) {
        current = next;
        answers.set(fields[next].id, []);
        continue;
      }
    }
    if (current !== undefined) answers.get(fields[current].id)!.push(line);
  }
  const result = new Map<string, string>();
  for (const [id, value] of answers) {
    const text = value.join('\n').trim();
    result.set(id, text === noResponse ? '' : text);
  }
  return result;
}

function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** A dropdown answer is the option's label; a pre-filled link may carry the value. */
function parseOne(answer: string, terms: readonly Term[]): string {
  return terms.find((t) => sameText(t.label, answer) || sameText(t.value, answer))?.value ?? answer.trim();
}

/**
 * A multi-select answer is the chosen labels joined by ", ". Labels may themselves contain a
 * comma ("Digital channels (NHS App, portals)"), so known labels are matched first and only
 * unknown text is split on commas (and passed on, so the schema names it as not allowed).
 */
export function parseMany(answer: string, terms: readonly Term[]): string[] {
  const byLength = [...terms].sort((a, b) => b.label.length - a.label.length);
  const values: string[] = [];
  let rest = answer.replace(/\n+/g, ', ').trim();
  while (rest) {
    const lower = rest.toLowerCase();
    let taken: string | undefined;
    for (const term of byLength) {
      taken = [term.label, term.value].find((name) => lower.startsWith(name.toLowerCase()) && /^\s*(,|$)/.test(rest.slice(name.length)));
      if (taken) {
        values.push(term.value);
        break;
      }
    }
    if (!taken) {
      const comma = rest.indexOf(',');
      taken = comma < 0 ? rest : rest.slice(0, comma);
      if (taken.trim()) values.push(taken.trim());
    }
    rest = rest.slice(taken.length).replace(/^\s*,\s*/, '').trim();
  }
  return values;
}

/** Key questions: one per line; list bullets and numbers people type are dropped. */
function parseLines(answer: string): string[] {
  return answer
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim())
    .filter(Boolean);
}

function parseList(answer: string): string[] {
  return answer.split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]] = value;
}

export interface Proposal {
  /** Front-matter for renderBlueprint. */
  data: Record<string, unknown>;
  /** Body section texts by heading. */
  sections: Record<string, string>;
  /** Field ids the form requires that were left empty (the schema also reports most of them). */
  missing: string[];
  /** Answers that help a maintainer but are not front-matter, by field id (e.g. organisation-name). */
  extras: Record<string, string>;
}

export interface ProposalContext {
  /** The date to publish under, YYYY-MM-DD (the day the proposal is turned into a pull request). */
  published: string;
  /** The proposer's GitHub user name, used as the owner's when that field is empty. */
  author?: string;
  /**
   * The issue's own title. A pre-filled link passes the blueprint title as `title`, which GitHub
   * uses for the issue title, so it stands in when the Title answer is empty.
   */
  issueTitle?: string;
}

/** Turns a submitted issue body into front-matter and body sections. */
export function proposalFromIssue(body: string, context: ProposalContext, fields: readonly IssueFormField[] = issueFormFields): Proposal {
  const answers = parseIssueFormBody(body, fields);
  const data: Record<string, unknown> = {};
  const sections: Record<string, string> = {};
  const extras: Record<string, string> = {};
  const missing: string[] = [];
  for (const field of fields) {
    const answer = answers.get(field.id) ?? '';
    if (!answer) {
      if (field.required && field.kind !== 'confirm') missing.push(field.id);
      continue;
    }
    if (field.path.length === 0 && field.kind !== 'section' && field.kind !== 'confirm') {
      extras[field.id] = answer;
      continue;
    }
    switch (field.kind) {
      case 'text':
      case 'paragraph':
        setPath(data, field.path, answer.replace(/\s*\n\s*/g, ' ').trim());
        break;
      case 'one':
        setPath(data, field.path, parseOne(answer, field.terms ?? []));
        break;
      case 'many':
        setPath(data, field.path, parseMany(answer, field.terms ?? []));
        break;
      case 'lines':
        setPath(data, field.path, parseLines(answer));
        break;
      case 'list':
        setPath(data, field.path, parseList(answer));
        break;
      case 'section':
        sections[field.heading!] = answer;
        break;
      case 'confirm':
        break;
    }
  }
  for (const field of fields.filter((f) => f.kind === 'confirm')) {
    const answer = answers.get(field.id) ?? '';
    const ticked = (label: string) => answer.split('\n').some((line) => /^\s*[-*]\s*\[[xX]\]\s*/.test(line) && sameText(line.replace(/^\s*[-*]\s*\[[xX]\]\s*/, ''), label));
    if (!(field.terms ?? []).every((t) => ticked(t.label))) missing.push(field.id);
  }
  const fromIssueTitle = context.issueTitle?.replace(/^\s*proposal:\s*/i, '').trim();
  if (data.title === undefined && fromIssueTitle) {
    data.title = fromIssueTitle;
    if (missing.includes('title')) missing.splice(missing.indexOf('title'), 1);
  }
  data.published = context.published;
  const owner = data.owner as Record<string, unknown> | undefined;
  if (owner && !owner.github && context.author && /^[A-Za-z0-9-]+$/.test(context.author)) owner.github = context.author;
  return { data, sections, missing, extras };
}

/** The form field a front-matter path belongs to, e.g. ["outcome", "headline"] → outcome-headline. */
export function fieldForPath(path: readonly (string | number)[], fields: readonly IssueFormField[] = issueFormFields): IssueFormField | undefined {
  const keys = path.map(String);
  return fields
    .filter((f) => f.path.length > 0 && f.path.every((k, i) => keys[i] === k))
    .sort((a, b) => b.path.length - a.path.length)[0];
}
