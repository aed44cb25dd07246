/**
 * Answers to the contribution questions (./questions.ts) turned into blueprint front-matter and
 * an MDX file. The web drafting form, the issue bot (after ./issue-answers.ts has read an issue)
 * and the gateway all hold answers as DraftValues and go through `toFrontMatter`.
 *
 * Runs in the browser as well as in Node: no I/O, no Node built-ins.
 */
import { comment, renderBlueprint } from '../content/render-blueprint';
import { blueprintSections } from '../content/sections';
import { isEmpty, linesOf, listOf, monthOf, organisationOf, textOf, withListBullets, type DraftValues } from './answers';
import { defaultAnswers, questions, sectionFieldId, type Question } from './questions';
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
    case 'month':
      return monthOf(textOf(values, question.id)) || undefined;
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
    blueprintSections.map((s) => [s.heading, withListBullets(textOf(values, sectionFieldId(s.heading)))] as const).filter(([, t]) => t),
  );
}

/** The MDX file a draft becomes: the same renderer `npm run new` and the issue bot use. */
export function draftToMdx(values: DraftValues, options: DraftOptions): string {
  return renderBlueprint(toFrontMatter(values, options), sectionsOf(values));
}

/** What a downloaded draft says, before its first section, of an organisation the site does not list yet. */
const notListedNote = 'Organisation not on the site yet: ';
/** That note as `comment` writes it, at the start of a body (after blank lines) with the blank line after it. */
const notListedNoteLine = new RegExp(`^(\\s*)\\{/\\* ${notListedNote}(.+?) \\*/\\}\\r?\\n(?:\\r?\\n)?`);

/**
 * A downloaded draft from an organisation the site does not list yet: the front-matter can hold
 * only the slug its full name becomes, so the name goes in a comment that renders nothing, before
 * the first section, and opening the file in the form again gives it back (`organisationNameIn`).
 * Braces are dropped and a comment's end made inert, so no name can end the comment early.
 */
export function withOrganisationName(mdx: string, name: string): string {
  const line = name.replace(/[{}]/g, '').replace(/\s+/g, ' ').trim();
  if (!line) return mdx;
  const at = mdx.indexOf('\n## ');
  return at < 0 ? mdx : `${mdx.slice(0, at + 1)}${comment(`${notListedNote}${line}`)}\n\n${mdx.slice(at + 1)}`;
}

/** The full name `withOrganisationName` put in a draft's body, and the body without it. */
export function organisationNameIn(body: string): { name?: string; body: string } {
  const found = notListedNoteLine.exec(body);
  return found ? { name: found[2], body: body.replace(notListedNoteLine, '$1') } : { body };
}

