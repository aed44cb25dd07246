/**
 * Answers to the contribution questions (./questions.ts) turned into blueprint front-matter and
 * an MDX file. The web drafting form, the issue bot (after ./issue-answers.ts has read an issue)
 * and the gateway all hold answers as DraftValues and go through `toFrontMatter`.
 *
 * Runs in the browser as well as in Node: no I/O, no Node built-ins.
 */
import { parseSource } from '../content/front-matter';
import { emptySection, renderBlueprint } from '../content/render-blueprint';
import { blueprintSections } from '../content/sections';
import { isEmpty, linesOf, listOf, organisationOf, textOf, typedBullet, type DraftValues } from './answers';
import { defaultAnswers, organisationNotListed, questions, sectionFieldId, type Question } from './questions';
import { licences } from '../schema/taxonomy';
import { slugForTitle } from './slug';

/** The file name for a title: the same slug the issue bot makes from a Latin-letter title, so both name it alike. */
export function slugFromTitle(title: string): string {
  return slugForTitle(title, 'blueprint');
}

export interface DraftOptions {
  /** The published date of the new blueprint, YYYY-MM-DD (today, or the day an issue was opened). */
  today: string;
  /** Slugs of the made-up example organisations; a blueprint from one is illustrative too. */
  illustrativeOrganisations?: readonly string[];
}

/** The front-matter value of one answer, or undefined when it was left empty. */
function answerOf(question: Question, values: DraftValues): unknown {
  if (question.id === 'organisation') return organisationOf(values);
  switch (question.kind) {
    case 'many':
      return isEmpty(values, question.id) ? undefined : listOf(values, question.id);
    case 'lines': {
      const lines = linesOf(textOf(values, question.id));
      return lines.length ? lines : undefined;
    }
    case 'list': {
      const items = textOf(values, question.id).split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
      return items.length ? items : undefined;
    }
    default: {
      // Front-matter text is one line: a line break typed in an answer becomes a space.
      const text = textOf(values, question.id).replace(/\s*\n\s*/g, ' ');
      if (question.id === 'owner-github') return text.replace(/^@/, '') || undefined;
      return text || undefined;
    }
  }
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]] = value;
}

/**
 * The front-matter a draft becomes, before the schema's defaults: what the author gave, plus
 * `published` (`today`), `status: published` (review happens in the pull request), the OGL
 * licence and `illustrative`, true only when the organisation is one of the made-up examples (a
 * rule of the validator). Empty answers are left out, so the schema says they are required
 * rather than too short; a required list left empty is an empty list and a required nested
 * answer keeps its parent object, so the problem lands on the question, not on its parent.
 */
export function toFrontMatter(values: DraftValues, { today, illustrativeOrganisations = [] }: DraftOptions): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const question of questions) {
    if (question.path.length === 0) continue;
    const answer = answerOf(question, values);
    if (answer !== undefined) setPath(data, question.path, answer);
    else if (question.required && question.kind === 'many') setPath(data, question.path, []);
    else if (question.required && question.path.length > 1) data[question.path[0]] ??= {};
  }
  const organisation = data.organisation as string | undefined;
  return {
    ...data,
    published: today,
    status: 'published',
    licence: licences[0].value,
    illustrative: organisation !== undefined && illustrativeOrganisations.includes(organisation),
  };
}

/** Answers the form starts with, so a draft holding only these has nothing of the author's in it. */
export const initialValues: Readonly<DraftValues> = defaultAnswers;

/** Whether the author has written or chosen anything beyond the form's starting answers. */
export function hasAnswers(values: DraftValues): boolean {
  return questions.some((q) => {
    const answer = listOf(values, q.id);
    return answer.length > 0 && !(answer.length === 1 && answer[0] === initialValues[q.id]);
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

/** What a downloaded file gives back to the form: the answers, and what in it the form has no question for. */
export type DraftFromFile = { values: DraftValues; leftOut: string[] } | { error: string };

/** Fields the form sets itself when it writes the file, so a file's own values for them are not answers. */
const setByTheForm = new Set(['published', 'status', 'licence', 'illustrative']);

function valueAt(data: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined), data);
}

const scalar = (value: unknown): value is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof value);

/**
 * The answers a blueprint file holds, read back the way `draftToMdx` wrote them, so a draft
 * downloaded on one device (or sent by a colleague) can be carried on with on another: each
 * question's front-matter value, and each standard section's text (an author's prompt left as a
 * comment is no answer). `organisations` are the slugs the form lists; any other becomes "not
 * listed" with the slug as its name, which `toFrontMatter` turns back into the same slug. What the
 * form has no question for (related blueprints, sources, a choice it does not offer) is named in
 * `leftOut` rather than dropped silently.
 */
export function answersFromMdx(source: string, organisations: readonly string[]): DraftFromFile {
  const parsed = parseSource(source);
  if (parsed.error || !parsed.data || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
    return { error: `it is not a blueprint file: it ${parsed.error?.message ?? 'has no fields at the top'}` };
  }
  const data = parsed.data as Record<string, unknown>;
  const values: DraftValues = {};
  const leftOut: string[] = [];
  for (const question of questions) {
    if (question.path.length === 0) continue;
    const value = valueAt(data, question.path);
    if (value === undefined || value === null) continue;
    const name = question.path.join('.');
    const items = Array.isArray(value) ? value : [value];
    if (!items.every(scalar)) {
      leftOut.push(name);
      continue;
    }
    const texts = items.map(String);
    if (question.kind === 'organisation') {
      if (organisations.includes(texts[0])) values.organisation = texts[0];
      else Object.assign(values, { organisation: organisationNotListed, 'organisation-name': texts[0] });
    } else if (question.kind === 'many') {
      const offered = new Set(question.terms?.map((t) => t.value));
      values[question.id] = texts.filter((t) => offered.has(t));
      for (const t of texts.filter((t) => !offered.has(t))) leftOut.push(`${name}: ${t}`);
    } else if (question.kind === 'one' && !question.terms?.some((t) => t.value === texts[0])) {
      leftOut.push(`${name}: ${texts[0]}`);
    } else if (question.kind === 'lines') {
      // linesOf drops one bullet or number typed before an item, so an item that starts like one gets one to drop.
      values[question.id] = texts.map((t) => (typedBullet.test(t) ? `- ${t}` : t)).join('\n');
    } else values[question.id] = texts.join(question.kind === 'list' ? ', ' : '\n');
  }
  leftOut.push(...unasked(data));
  const { texts, before } = sectionTexts(parsed.body);
  for (const [heading, text] of Object.entries(texts)) values[sectionFieldId(heading)] = text;
  if (before) leftOut.push('the text before the first standard section');
  return { values, leftOut };
}

/** The fields of a file no question asks for, as dotted paths (startingPoint.emramStage, related), other than those the form sets. */
function unasked(data: Record<string, unknown>, at: readonly string[] = []): string[] {
  const asked = questions.map((q) => q.path.join('.')).filter(Boolean);
  return Object.entries(data).flatMap(([key, value]) => {
    const path = [...at, key].join('.');
    if (asked.includes(path) || (at.length === 0 && setByTheForm.has(key))) return [];
    const within = asked.some((a) => a.startsWith(`${path}.`));
    return within && value && typeof value === 'object' && !Array.isArray(value) ? unasked(value as Record<string, unknown>, [...at, key]) : [path];
  });
}

/** The text under each standard heading of a body, without the prompts left as comments, and whether any came before the first. */
function sectionTexts(body: string): { texts: Record<string, string>; before: boolean } {
  const known = new Map(blueprintSections.map((s) => [s.heading, emptySection(s)]));
  const texts: Record<string, string> = {};
  let heading: string | undefined;
  let lines: string[] = [];
  let before = false;
  const close = () => {
    const text = lines.join('').trim();
    if (!heading) before = text !== '';
    else if (text && text !== known.get(heading)) texts[heading] = text;
  };
  // Each line keeps its own ending, so text written with \r\n comes back byte for byte.
  for (const line of body.split(/(?<=\n)/)) {
    const standard = /^## (.+?)\s*$/.exec(line)?.[1];
    if (standard && known.has(standard)) {
      close();
      heading = standard;
      lines = [];
    } else lines.push(line);
  }
  close();
  return { texts, before };
}
