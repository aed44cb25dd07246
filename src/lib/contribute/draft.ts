/**
 * The web drafting form's pure core: which questions the form asks, how its answers become
 * blueprint front-matter and an MDX file, how the blueprint schema's problems map back onto
 * questions, and the GitHub addresses a finished draft is handed off to.
 *
 * Field ids are those of the GitHub issue form (./issue-form.ts): the schema path joined with
 * "-" (`summary`, `cost-band`, `outcome-headline`), and `section-<heading slug>` for a body
 * section. A field's id is also its query parameter in a pre-filled issue form address.
 *
 * Runs in the browser as well as in Node: no I/O, no Node built-ins.
 */
import { renderBlueprint } from '../content/render-blueprint';
import { blueprintSections } from '../content/sections';
import { blueprintSchema } from '../schema/blueprint';
import {
  audiences, capabilities, careSettings, contentTypes, costBands, domains, evidenceLevels, labelOf, pillars, standards, suppliers,
  type Term,
} from '../schema/taxonomy';
import { issueFormFields, sectionFieldId, type IssueFormField } from './issue-form';
import { slugify } from './slug';

export { sectionFieldId, slugify };

/** What the form holds: one string per field, or a list for checkboxes. Keyed by field id. */
export type DraftValues = Record<string, string | string[] | undefined>;

export type Control = 'input' | 'textarea' | 'lines' | 'radios' | 'checkboxes' | 'select' | 'month';

export interface DraftField {
  /** Schema path joined with "-"; also the issue form's field id. */
  id: string;
  /** Where the value goes in the front-matter; empty for fields that only help the form. */
  path: string[];
  /** The short name that starts each error message, e.g. "Title". */
  name: string;
  /** The question the form asks. */
  label: string;
  hint?: string;
  control: Control;
  /** The choices, for radios, checkboxes and selects. Organisations are added by the page. */
  terms?: readonly Term[];
  /** Shown instead of the schema's message when the field was left empty. */
  emptyMessage?: string;
  optional?: boolean;
  /** The form's sub-heading this field sits under. */
  group: string;
  /** A body section's heading, for section fields. */
  section?: string;
}

/** A field id from a schema path: ["outcome", "headline"] → "outcome-headline". */
export function fieldId(path: readonly (string | number)[]): string {
  return path.join('-');
}

/** The file name for a title: the same slug the issue bot makes from it, so both name it alike. */
export function slugFromTitle(title: string): string {
  return slugify(title, 60);
}

/** The value of the organisation select that means "my organisation is not listed". */
export const organisationNotListed = 'not-listed';

export const draftFields: readonly DraftField[] = [
  {
    id: 'type', path: ['type'], name: 'Type', label: 'Is it a blueprint or a redprint?', control: 'radios', terms: contentTypes,
    emptyMessage: 'Choose blueprint or redprint', group: 'About the work',
  },
  {
    id: 'domain', path: ['domain'], name: 'Domain', label: 'What kind of work was it?', control: 'radios', terms: domains,
    emptyMessage: 'Choose the kind of work', group: 'About the work',
  },
  {
    id: 'title', path: ['title'], name: 'Title', label: 'Title', control: 'input', group: 'About the work',
    hint: 'Say what was done, in sentence case, in 10 to 100 characters. For example, “Moving 40 wards to electronic observations in 9 months”. Do not start with “An initiative to” or “How we”.',
  },
  {
    id: 'summary', path: ['summary'], name: 'Summary', label: 'Summary', control: 'textarea', group: 'About the work',
    hint: 'Two or three sentences another organisation can decide from: what you did, where, and what happened. 40 to 400 characters.',
  },
  {
    id: 'keyQuestions', path: ['keyQuestions'], name: 'Key questions', label: 'Key questions this answers', control: 'lines', group: 'About the work',
    hint: 'The 1 to 5 questions someone planning similar work would ask. Write one question on each line, ending with a question mark.',
    emptyMessage: 'Write at least one question this answers, one on each line',
  },
  {
    id: 'organisation', path: ['organisation'], name: 'Organisation', label: 'Your organisation', control: 'select', group: 'Where and who',
    emptyMessage: 'Choose your organisation, or “My organisation is not listed”',
  },
  {
    id: 'organisation-name', path: [], name: 'Organisation name', label: 'Your organisation’s full name', control: 'input', group: 'Where and who',
    hint: 'For example, Northmoor Teaching Hospitals NHS Foundation Trust. The site team adds your organisation before your blueprint is published.',
    optional: true, emptyMessage: 'Write your organisation’s full name, as it is not in the list',
  },
  {
    id: 'careSettings', path: ['careSettings'], name: 'Care settings', label: 'Where was it done?', control: 'checkboxes', terms: careSettings,
    hint: 'Choose all that apply.', emptyMessage: 'Choose at least one care setting', group: 'Where and who',
  },
  {
    id: 'pillars', path: ['pillars'], name: 'Pillars', label: 'Which What Good Looks Like pillars does it support?', control: 'checkboxes', terms: pillars,
    hint: 'Choose all that apply.', emptyMessage: 'Choose at least one What Good Looks Like pillar', group: 'Where and who',
  },
  {
    id: 'capabilities', path: ['capabilities'], name: 'Capabilities', label: 'Which capability areas does it touch? (optional)', control: 'checkboxes', terms: capabilities,
    hint: 'The capability areas of the Digital Maturity Assessment. Choose any that apply.', optional: true, group: 'Where and who',
  },
  {
    id: 'eprSupplier', path: ['eprSupplier'], name: 'EPR supplier', label: 'Which electronic patient record (EPR) supplier was involved?', control: 'select', terms: suppliers,
    hint: 'Choose “No EPR supplier” if none was.', emptyMessage: 'Choose the EPR supplier, or “No EPR supplier”', group: 'Where and who',
  },
  {
    id: 'standards', path: ['standards'], name: 'Standards', label: 'Which standards did you use? (optional)', control: 'checkboxes', terms: standards,
    hint: 'Choose any that apply.', optional: true, group: 'Where and who',
  },
  {
    id: 'audience', path: ['audience'], name: 'Audience', label: 'Who should read it?', control: 'checkboxes', terms: audiences,
    hint: 'Choose all that apply.', emptyMessage: 'Choose at least one kind of reader', group: 'Where and who',
  },
  {
    id: 'cost-band', path: ['cost', 'band'], name: 'Cost band', label: 'What did it cost in total?', control: 'radios', terms: costBands,
    hint: 'Capital and revenue together, including staff time.', emptyMessage: 'Choose what it cost in total', group: 'Cost and outcome',
  },
  {
    id: 'cost-note', path: ['cost', 'note'], name: 'Cost note', label: 'What did the money pay for? (optional)', control: 'input', optional: true, group: 'Cost and outcome',
    hint: 'For example, “Two years of a 4 WTE team, devices and licences”. Up to 200 characters.',
  },
  {
    id: 'outcome-evidence', path: ['outcome', 'evidence'], name: 'Evidence', label: 'How do you know what the outcome was?', control: 'radios', terms: evidenceLevels,
    emptyMessage: 'Choose how the outcome is known', group: 'Cost and outcome',
  },
  {
    id: 'outcome-headline', path: ['outcome', 'headline'], name: 'Headline result', label: 'Headline result', control: 'input', group: 'Cost and outcome',
    hint: 'One sentence, with a number where you have one. For example, “Late escalations fell by a third in the first year”.',
  },
  {
    id: 'timeline-start', path: ['timeline', 'start'], name: 'Start', label: 'When did the work start?', control: 'month', group: 'Cost and outcome',
    hint: 'Year and month, for example 2023-04.', emptyMessage: 'Write when the work started, as year and month, for example 2023-04',
  },
  {
    id: 'timeline-end', path: ['timeline', 'end'], name: 'End', label: 'When did it finish? (optional)', control: 'month', optional: true, group: 'Cost and outcome',
    hint: 'Year and month, for example 2024-03. Leave it empty if the work is still going.',
  },
  {
    id: 'owner-name', path: ['owner', 'name'], name: 'Owner', label: 'Who will keep this up to date?', control: 'input', group: 'Owner and contact',
    hint: 'A person or a team, for example “Digital transformation team”. They get a reminder to review it every 12 months.',
    emptyMessage: 'Write who will keep this up to date',
  },
  {
    id: 'owner-role', path: ['owner', 'role'], name: 'Owner role', label: 'Their role (optional)', control: 'input', optional: true, group: 'Owner and contact',
    hint: 'For example, Chief nursing information officer.',
  },
  {
    id: 'owner-github', path: ['owner', 'github'], name: 'GitHub user name', label: 'Their GitHub user name (optional)', control: 'input', optional: true,
    group: 'Owner and contact', hint: 'Without the @, for example jsmith-nhs. Reminders to review the page mention this person on GitHub.',
  },
  {
    id: 'contact', path: ['contact'], name: 'Contact', label: 'How can readers contact the team?', control: 'input', group: 'Owner and contact',
    hint: 'A team email address, or a web address starting https://. It is shown on the page.',
    emptyMessage: 'Write an email address or a web address where readers can reach the team',
  },
  ...blueprintSections.map((s): DraftField => ({
    id: sectionFieldId(s.heading), path: [], name: `The “${s.heading}” section`, label: s.heading, hint: s.prompt, control: 'textarea',
    optional: true, group: 'The write-up', section: s.heading,
    emptyMessage: s.requiredForRedprint ? `A redprint must say what went wrong: write the “${s.heading}” section` : undefined,
  })),
];

const fieldsById = new Map(draftFields.map((f) => [f.id, f]));

export function draftField(id: string): DraftField | undefined {
  return fieldsById.get(id);
}

function textOf(values: DraftValues, id: string): string {
  const v = values[id];
  return (Array.isArray(v) ? v.join(', ') : (v ?? '')).trim();
}

function listOf(values: DraftValues, id: string): string[] {
  const v = values[id];
  if (Array.isArray(v)) return v.map((x) => x.trim()).filter(Boolean);
  return v?.trim() ? [v.trim()] : [];
}

/** One item per non-empty line, e.g. key questions. */
export function linesOf(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

function isEmpty(values: DraftValues, id: string): boolean {
  return listOf(values, id).length === 0;
}

/** Drops keys whose value is undefined, and objects left with no keys. */
function compact(value: Record<string, unknown>): Record<string, unknown> | undefined {
  const out = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
  return Object.keys(out).length ? out : undefined;
}

/** The organisation slug: the chosen one, or the slug of the name typed for one not listed. */
function organisationOf(values: DraftValues): string | undefined {
  const chosen = textOf(values, 'organisation');
  if (chosen === organisationNotListed) return textOf(values, 'organisation-name') ? slugify(textOf(values, 'organisation-name'), 100) : undefined;
  return chosen || undefined;
}

export interface DraftOptions {
  /** Today's date as YYYY-MM-DD: the published date of a new blueprint. */
  today: string;
  /** Slugs of the made-up example organisations; a blueprint from one is illustrative too. */
  illustrativeOrganisations?: readonly string[];
}

/**
 * The front-matter a draft becomes, before the schema's defaults: what the author gave, plus
 * `published` (today), `status: published` (review happens in the pull request), the OGL licence
 * and `illustrative`, true only when the organisation is one of the made-up examples (a rule of
 * the validator). Empty fields are left out, so the schema says they are required rather than
 * too short.
 */
export function toFrontMatter(values: DraftValues, { today, illustrativeOrganisations = [] }: DraftOptions): Record<string, unknown> {
  const organisation = organisationOf(values);
  const text = (id: string) => textOf(values, id) || undefined;
  const list = (id: string) => (isEmpty(values, id) ? undefined : listOf(values, id));
  const questions = linesOf(textOf(values, 'keyQuestions'));
  return compact({
    type: text('type'),
    domain: text('domain'),
    title: text('title'),
    summary: text('summary'),
    keyQuestions: questions.length ? questions : undefined,
    organisation,
    pillars: list('pillars') ?? [],
    capabilities: list('capabilities'),
    careSettings: list('careSettings') ?? [],
    eprSupplier: text('eprSupplier'),
    standards: list('standards'),
    audience: list('audience') ?? [],
    cost: compact({ band: text('cost-band'), note: text('cost-note') }) ?? {},
    outcome: compact({ evidence: text('outcome-evidence'), headline: text('outcome-headline') }) ?? {},
    timeline: compact({ start: text('timeline-start'), end: text('timeline-end') }) ?? {},
    published: today,
    owner: compact({ name: text('owner-name'), role: text('owner-role'), github: text('owner-github')?.replace(/^@/, '') }) ?? {},
    contact: text('contact'),
    status: 'published',
    licence: 'OGL-3.0',
    illustrative: organisation !== undefined && illustrativeOrganisations.includes(organisation),
  })!;
}

/** Answers the form starts with, so a draft holding only these has nothing of the author's in it. */
export const initialValues: Readonly<DraftValues> = { type: 'blueprint', eprSupplier: 'none' };

/** Whether the author has written or chosen anything beyond the form's starting answers. */
export function hasAnswers(values: DraftValues): boolean {
  return draftFields.some((f) => {
    const answer = listOf(values, f.id);
    return answer.length > 0 && !(answer.length === 1 && answer[0] === initialValues[f.id]);
  });
}

/** Section texts keyed by heading, as renderBlueprint takes them. */
export function sectionsOf(values: DraftValues): Record<string, string> {
  return Object.fromEntries(
    blueprintSections.map((s) => [s.heading, textOf(values, sectionFieldId(s.heading))] as const).filter(([, t]) => t),
  );
}

/** The MDX file a draft becomes: the same renderer `npm run new` and the issue bot use. */
export function draftToMdx(values: DraftValues, options: DraftOptions): string {
  return renderBlueprint(toFrontMatter(values, options), sectionsOf(values));
}

export interface FieldError {
  /** The field id; the form shows the message beside that field. */
  id: string;
  message: string;
}

/** Which form field a schema problem belongs to. */
function fieldForPath(path: readonly PropertyKey[], values: DraftValues): string {
  const [head, second] = path;
  if (head === 'timeline' && second === undefined) return 'timeline-end';
  if (head === 'organisation' && textOf(values, 'organisation') === organisationNotListed) return 'organisation-name';
  if (head === 'keyQuestions') return 'keyQuestions';
  const id = fieldId(path.filter((p): p is string => typeof p === 'string'));
  if (fieldsById.has(id)) return id;
  // A list item (careSettings.0) or an object left out entirely (cost): the field for its first part.
  return draftFields.find((f) => f.path[0] === head)?.id ?? '';
}

function messageFor(field: DraftField | undefined, path: readonly PropertyKey[], message: string, values: DraftValues): string {
  if (!field) return `The draft ${message}`;
  if (field.emptyMessage && isEmpty(values, field.id)) return field.emptyMessage;
  if (field.id === 'keyQuestions' && typeof path[1] === 'number') return `Question ${path[1] + 1} ${message}`;
  return `${field.name} ${message}`;
}

/**
 * Checks a draft with the blueprint schema, the same one the site build and `npm run validate`
 * use, plus what only the form can know (a name for an organisation not listed; a redprint's
 * "what went wrong" section). One message per field, in the order the form shows the fields.
 */
export function validateDraft(values: DraftValues, options: DraftOptions): FieldError[] {
  const errors = new Map<string, string>();
  const add = (id: string, message: string) => {
    if (!errors.has(id)) errors.set(id, message);
  };

  if (textOf(values, 'organisation') === organisationNotListed && !textOf(values, 'organisation-name')) {
    add('organisation-name', draftField('organisation-name')!.emptyMessage!);
  }
  const result = blueprintSchema.safeParse(toFrontMatter(values, options));
  if (!result.success) {
    const { issues } = result.error;
    for (const issue of issues) {
      // The schema compares the dates even when one is not a month at all: say only that.
      const isOrder = issue.path.length === 1 && issue.path[0] === 'timeline' && issue.code === 'custom';
      if (isOrder && issues.some((other) => other.path[0] === 'timeline' && other.path.length > 1)) continue;
      const id = fieldForPath(issue.path, values);
      const message = isOrder ? 'is before the start: check when the work started and finished' : issue.message;
      add(id, messageFor(fieldsById.get(id), issue.path, message, values));
    }
  }
  if (textOf(values, 'type') === 'redprint') {
    for (const section of blueprintSections.filter((s) => s.requiredForRedprint)) {
      const id = sectionFieldId(section.heading);
      if (!textOf(values, id)) add(id, draftField(id)!.emptyMessage!);
    }
  }
  return mergeErrors([...errors].map(([id, message]) => ({ id, message })));
}

/** One message per field (the first given), in the order the form shows its fields. */
export function mergeErrors(...lists: readonly FieldError[][]): FieldError[] {
  const order = (id: string) => {
    const i = draftFields.findIndex((f) => f.id === id);
    return i === -1 ? draftFields.length : i;
  };
  const seen = new Set<string>();
  return lists
    .flat()
    .filter((e) => !seen.has(e.id) && seen.add(e.id))
    .sort((a, b) => order(a.id) - order(b.id));
}

/** A problem the MDX safety gate found at a line of the draft's MDX file. */
export interface LineProblem {
  line: number;
  message: string;
}

/**
 * Puts safety-gate problems beside the section they are in: each section's text follows its
 * "## Heading" line in the rendered file, so the line number says which section it is.
 */
export function sectionErrors(mdx: string, problems: readonly LineProblem[]): FieldError[] {
  const lines = mdx.split('\n');
  const starts = blueprintSections
    .map((s) => ({ heading: s.heading, line: lines.indexOf(`## ${s.heading}`) + 1 }))
    .filter((s) => s.line > 0)
    .sort((a, b) => a.line - b.line);
  const errors = new Map<string, string>();
  for (const problem of problems) {
    const section = starts.filter((s) => s.line <= problem.line).at(-1);
    const id = section ? sectionFieldId(section.heading) : '';
    const where = section ? `The “${section.heading}” section, line ${problem.line - section.line - 1},` : 'The draft';
    if (!errors.has(id)) errors.set(id, `${where} ${problem.message}`);
  }
  return [...errors].map(([id, message]) => ({ id, message }));
}

/** GitHub keeps addresses to about 8,000 characters; longer ones fail with "URI too long". */
export const maxUrlLength = 8000;

/** Where a new blueprint file goes in the repository. */
export function draftPath(slug: string): string {
  return `src/content/blueprints/${slug}.mdx`;
}

/**
 * An answer as the issue form takes it: labels for its dropdowns (GitHub lists the labels, and
 * the issue bot reads labels or values), one key question per line, text as written.
 */
function issueValue(field: IssueFormField, values: DraftValues): string {
  if (field.id === 'organisation' && textOf(values, 'organisation') === organisationNotListed) return '';
  if (field.kind === 'one' || field.kind === 'many') return listOf(values, field.id).map((v) => labelOf(field.terms ?? [], v)).join(', ');
  if (field.kind === 'lines') return linesOf(textOf(values, field.id)).join('\n');
  return textOf(values, field.id);
}

export interface IssueLink {
  url: string;
  /** Questions left out to keep the address under GitHub's limit; the author pastes them in. */
  omitted: DraftField[];
}

/**
 * The issue form, pre-filled. GitHub takes `title` as the issue's title, and the form's Title
 * question has the id `title` too, so the blueprint title goes there as it is: whichever of the
 * two GitHub fills, the bot reads the same title back. Every other answer goes under its id. When the address would be too long, the longest body
 * sections are left out (and listed) until it fits: everything else in a valid draft is short.
 */
export function issueFormUrl(repository: string, values: DraftValues): IssueLink {
  const base = `https://github.com/${repository}/issues/new?template=propose-blueprint.yml`;
  const params = issueFormFields
    .filter((f) => f.id !== 'title' && fieldsById.has(f.id))
    .map((field) => ({ field: fieldsById.get(field.id)!, value: issueValue(field, values) }))
    .filter((p) => p.value);
  const build = (included: typeof params) =>
    [base, `title=${encodeURIComponent(textOf(values, 'title'))}`, ...included.map((p) => `${p.field.id}=${encodeURIComponent(p.value)}`)].join('&');

  const omitted: DraftField[] = [];
  let included = params;
  let url = build(included);
  const sectionsBySize = params.filter((p) => p.field.section).sort((a, b) => b.value.length - a.value.length);
  for (const drop of sectionsBySize) {
    if (url.length <= maxUrlLength) break;
    included = included.filter((p) => p !== drop);
    omitted.push(drop.field);
    url = build(included);
  }
  return { url, omitted };
}

/**
 * GitHub's "create new file" page with the file already written, or undefined when the address
 * would be too long (the author downloads the file instead). People without write access get a
 * copy of the repository (a fork) and a pull request from it.
 */
export function newFileUrl(repository: string, branch: string, slug: string, mdx: string): string | undefined {
  const url = `https://github.com/${repository}/new/${encodeURIComponent(branch)}?filename=${draftPath(slug)}&value=${encodeURIComponent(mdx)}`;
  return url.length <= maxUrlLength ? url : undefined;
}

export interface HandOff {
  slug: string;
  /** e.g. moving-40-wards-to-electronic-observations.mdx */
  fileName: string;
  mdx: string;
  issue: IssueLink;
  /** Undefined when too long for an address, or when the organisation still has to be added. */
  newFile?: string;
  /** Why there is no new-file link, when there is none. */
  newFileUnavailable?: 'too-long' | 'organisation-not-listed';
}

/** Everything the form offers once a draft is valid. */
export function handOff(values: DraftValues, options: DraftOptions & { repository: string; branch: string }): HandOff {
  const slug = slugFromTitle(textOf(values, 'title'));
  const mdx = draftToMdx(values, options);
  const issue = issueFormUrl(options.repository, values);
  if (textOf(values, 'organisation') === organisationNotListed) {
    return { slug, fileName: `${slug}.mdx`, mdx, issue, newFileUnavailable: 'organisation-not-listed' };
  }
  const newFile = newFileUrl(options.repository, options.branch, slug, mdx);
  return { slug, fileName: `${slug}.mdx`, mdx, issue, newFile, newFileUnavailable: newFile ? undefined : 'too-long' };
}

/** Today as YYYY-MM-DD in the author's own time zone, not UTC. */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const stopWords = new Set([
  'a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'how', 'in', 'into', 'of', 'on', 'or', 'our', 'the', 'to', 'we', 'what', 'with',
]);

/** The words of a title that carry its meaning, crudely stemmed so "moving" meets "move". */
function keyWords(text: string): Set<string> {
  return new Set(
    slugify(text, 1000)
      .split('-')
      .filter((w) => w.length > 2 && !stopWords.has(w))
      .map((w) => w.replace(/(ing|ed|es|s|e)$/, '')),
  );
}

/**
 * Whether another page's title is close to the draft's: they share at least two key words, and
 * those are at least 40% of the draft title's. The search index finds candidates; this keeps
 * the warning to pages that are plausibly about the same work.
 */
export function isSimilarTitle(draftTitle: string, otherTitle: string): boolean {
  const mine = keyWords(draftTitle);
  const theirs = keyWords(otherTitle);
  const shared = [...mine].filter((w) => theirs.has(w)).length;
  return shared >= 2 && shared / mine.size >= 0.4;
}
