/**
 * Checking a draft: the blueprint schema's problems and the MDX safety gate's, put beside the
 * question each belongs to, in the order the questions are asked.
 *
 * Runs in the browser as well as in Node: no I/O, no Node built-ins.
 */
import { headingLineIn } from '../content/body-headings';
import { blueprintSections } from '../content/sections';
import { whatWentWrongShortfall } from '../content/what-went-wrong';
import { blueprintSchema } from '../schema/blueprint';
import { maxFileBytes } from '../validate/rules/file-size';
import { draftToMdx, toFrontMatter, type DraftOptions } from './draft';
import { answerOverLimit, isEmpty, textOf, type DraftValues } from './answers';
import { organisationNotListed, questionById, questionForProblem, questions, sectionFieldId, type Question } from './questions';

export interface FieldError {
  /** The question id; the form shows the message beside that question. */
  id: string;
  message: string;
}

/** Which question a schema problem belongs to, on the web form. */
function questionFor(path: readonly PropertyKey[], values: DraftValues): { question?: Question; item?: number } {
  // The web form's organisation is a choice; when it is "not listed", the slug comes from the name typed.
  if (path[0] === 'organisation' && textOf(values, 'organisation') === organisationNotListed) return { question: questionById('organisation-name') };
  return questionForProblem(path) ?? {};
}

function messageFor({ question, item }: { question?: Question; item?: number }, message: string, values: DraftValues): string {
  if (!question) return `The draft ${message}`;
  if (question.emptyMessage && isEmpty(values, question.id)) return question.emptyMessage;
  if (question.kind === 'lines' && item !== undefined) return `Question ${item + 1} ${message}`;
  // The schema's "YYYY-MM" and "slug" are for people editing files: the form says what to type.
  if (question.kind === 'month' && /should be a month/.test(message)) return `${question.name} should be a month and year, for example April 2023`;
  if (/should be a slug/.test(message)) return `${question.name} should be the short names in the organisations’ page addresses on this site, such as northmoor-teaching-hospitals, with commas between`;
  return `${question.name} ${message}`;
}

/**
 * Checks a draft with the blueprint schema, the same one the site build and `npm run validate`
 * use, plus what only the form can know (a name for an organisation not listed; a redprint's
 * "what went wrong" section, and the words and the lesson any such section must hold). One
 * message per question, in the order the questions are asked.
 */
export function validateDraft(values: DraftValues, options: DraftOptions): FieldError[] {
  const errors: FieldError[] = [];
  const add = (id: string, message: string) => {
    if (!errors.some((e) => e.id === id)) errors.push({ id, message });
  };

  if (textOf(values, 'organisation') === organisationNotListed && !textOf(values, 'organisation-name')) {
    add('organisation-name', questionById('organisation-name')!.emptyMessage!);
  }
  const result = blueprintSchema.safeParse(toFrontMatter(values, options));
  if (!result.success) {
    const { issues } = result.error;
    for (const issue of issues) {
      // The schema compares the dates even when one is not a month at all: say only that.
      const isOrder = issue.path.length === 1 && issue.path[0] === 'timeline' && issue.code === 'custom';
      if (isOrder && issues.some((other) => other.path[0] === 'timeline' && other.path.length > 1)) continue;
      const at = questionFor(issue.path, values);
      const message = isOrder ? 'is before the start: check when the work started and finished' : issue.message;
      add(at.question?.id ?? '', messageFor(at, message, values));
    }
  }
  for (const section of blueprintSections.filter((s) => s.requiredForRedprint)) {
    const id = sectionFieldId(section.heading);
    const text = textOf(values, id);
    // A blueprint may leave the section out; whatever is written is held to what the build asks.
    if (!text && textOf(values, 'type') === 'redprint') add(id, questionById(id)!.emptyMessage!);
    const shortfall = text ? whatWentWrongShortfall(text) : undefined;
    if (shortfall) add(id, `The “${section.heading}” section ${shortfall}`);
  }
  for (const section of blueprintSections) {
    // A heading of the section's own level would start a new section (and split it when the draft is opened again).
    const id = sectionFieldId(section.heading);
    const line = headingLineIn(textOf(values, id));
    if (line) add(id, `The “${section.heading}” section has a heading on line ${line} that would start a new section: write a heading inside a section as ### Heading, and leave a blank line above a line of dashes`);
  }
  for (const question of questions) {
    const over = answerOverLimit(values[question.id]);
    if (over) errors.push({ id: question.id, message: `${question.name} ${over}` });
  }
  const tooLarge = fileSizeProblem(values, options);
  if (tooLarge) errors.push(tooLarge);
  return mergeErrors(errors);
}

const kib = (bytes: number) => Math.ceil(bytes / 1024);
const utf8 = new TextEncoder();

/**
 * The file a draft becomes may be no larger than the build allows any blueprint (maxFileBytes).
 * Said beside the longest section, so the writer knows where to cut.
 */
function fileSizeProblem(values: DraftValues, options: DraftOptions): FieldError | undefined {
  const bytes = utf8.encode(draftToMdx(values, options)).length;
  if (bytes <= maxFileBytes) return undefined;
  const longest = questions
    .filter((q) => q.section)
    .map((q) => ({ q, bytes: utf8.encode(textOf(values, q.id)).length }))
    .sort((a, b) => b.bytes - a.bytes)[0];
  const where = longest && longest.bytes > 0 ? ` The longest section, “${longest.q.section}”, is ${kib(longest.bytes)} KiB.` : '';
  return {
    id: longest && longest.bytes > 0 ? longest.q.id : '',
    message: `The blueprint comes to ${kib(bytes)} KiB, over the ${kib(maxFileBytes)} KiB one blueprint may be: shorten the longest sections, or link to long documents from the Resources section instead of pasting them in.${where}`,
  };
}

/**
 * One entry per question, in the order the questions are asked. Different messages for the same
 * question are joined, so every problem shows at once.
 */
export function mergeErrors(...lists: readonly FieldError[][]): FieldError[] {
  return mergeErrorsInOrder(questions.map((q) => q.id), lists.flat());
}

/** One entry per field id, in the order of `ids` (others last), each field's messages joined. */
export function mergeErrorsInOrder(ids: readonly string[], errors: readonly FieldError[]): FieldError[] {
  const order = (id: string) => {
    const i = ids.indexOf(id);
    return i === -1 ? ids.length : i;
  };
  const messages = new Map<string, string[]>();
  for (const { id, message } of errors) {
    const list = messages.get(id) ?? [];
    if (!list.includes(message)) list.push(message);
    messages.set(id, list);
  }
  return [...messages]
    .map(([id, list]) => ({ id, message: list.join(' ') }))
    .sort((a, b) => order(a.id) - order(b.id));
}

/** A problem the MDX safety gate found at a line of the draft's MDX file. */
export interface LineProblem {
  line: number;
  message: string;
}

/**
 * Puts safety-gate problems beside the section they are in: each section's text follows its
 * "## Heading" line in the rendered file, so the line number says which section it is. Every
 * problem in a section is reported at once, by its line within the section.
 */
export function sectionErrors(mdx: string, problems: readonly LineProblem[]): FieldError[] {
  const lines = mdx.split('\n');
  const starts = blueprintSections
    .map((s) => ({ heading: s.heading, line: lines.indexOf(`## ${s.heading}`) + 1 }))
    .filter((s) => s.line > 0)
    .sort((a, b) => a.line - b.line);
  const bySection = new Map<string, { heading?: string; parts: string[] }>();
  for (const problem of [...problems].sort((a, b) => a.line - b.line)) {
    const section = starts.filter((s) => s.line <= problem.line).at(-1);
    const id = section ? sectionFieldId(section.heading) : '';
    const entry = bySection.get(id) ?? { heading: section?.heading, parts: [] };
    const part = section ? `line ${problem.line - section.line - 1}, ${problem.message}` : problem.message;
    if (!entry.parts.includes(part)) entry.parts.push(part);
    bySection.set(id, entry);
  }
  return [...bySection].map(([id, { heading, parts }]) => ({
    id,
    message: heading ? `The “${heading}” section, ${parts.join('; and ')}` : `The draft ${parts.join('; and ')}`,
  }));
}
