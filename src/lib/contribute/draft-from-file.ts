/**
 * A draft downloaded from the drafting form, read back into the form's answers: the inverse of
 * `draftToMdx` (./draft.ts), so a draft can be carried on with on another device or by a
 * colleague. Kept apart from ./draft.ts because it needs the front-matter reader, which the form
 * loads only when an author opens a file.
 *
 * Runs in the browser as well as in Node: no I/O, no Node built-ins.
 */
import { readSourceData } from '../content/front-matter';
import { emptySection } from '../content/render-blueprint';
import { blueprintSections } from '../content/sections';
import { organisationOf, typedBullet, type DraftValues } from './answers';
import { organisationNameIn } from './draft';
import { organisationNotListed, questions, sectionFieldId } from './questions';

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
 * listed" with the full name the file gives before its first section (`withOrganisationName`),
 * or else the slug as its name, either of which `toFrontMatter` turns back into the same slug. What the
 * form has no question for (related blueprints, sources, a choice it does not offer) is named in
 * `leftOut` rather than dropped silently.
 */
export function answersFromMdx(source: string, organisations: readonly string[]): DraftFromFile {
  const parsed = readSourceData(source);
  if ('error' in parsed) return { error: `it is not a blueprint file: it ${parsed.error}` };
  const { data } = parsed;
  // An organisation not on the site yet: its full name, as the form wrote it before the first section.
  const note = organisationNameIn(parsed.body);
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
      else Object.assign(values, { organisation: organisationNotListed, 'organisation-name': note.name && organisationOf({ organisation: organisationNotListed, 'organisation-name': note.name }) === texts[0] ? note.name : texts[0] });
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
  const { texts, before } = sectionTexts(note.body);
  for (const [heading, text] of Object.entries(texts)) values[sectionFieldId(heading)] = text;
  if (before) leftOut.push('the text before the first standard section');
  return { values, leftOut };
}

/** Every question's place in the front-matter, as a dotted path. */
const asked = questions.map((q) => q.path.join('.')).filter(Boolean);

/** The fields of a file no question asks for, as dotted paths (startingPoint.emramStage, related), other than those the form sets. */
function unasked(data: Record<string, unknown>, at: readonly string[] = []): string[] {
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
