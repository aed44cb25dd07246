/**
 * Writes a blueprint MDX file from front-matter fields and section texts. Used by `npm run new`,
 * the issue-form bot and the web drafting form, so all three produce the same shape of file.
 *
 * Section texts are written as given; callers that take text from strangers must still run the
 * validator (and so the MDX safety gate) on the result before it goes anywhere.
 */
import { blueprintSections } from './sections';
import { writeYaml } from './yaml-writer';

/** Front-matter fields in the order authors read them; unknown keys follow in their own order. */
const fieldOrder = [
  'type', 'domain', 'title', 'summary', 'keyQuestions', 'organisation', 'partners', 'pillars', 'capabilities',
  'careSettings', 'eprSupplier', 'standards', 'audience', 'startingPoint', 'cost', 'funding', 'outcome', 'timeline',
  'published', 'lastReviewed', 'reviewBy', 'owner', 'contact', 'status', 'licence', 'related', 'illustrative', 'sources',
];

function ordered(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of fieldOrder) if (data[key] !== undefined) out[key] = data[key];
  for (const [key, value] of Object.entries(data)) if (!(key in out) && value !== undefined) out[key] = value;
  return out;
}

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

/** Makes an author's prompt (or any one line) safe to sit inside an MDX comment. */
export function comment(text: string): string {
  return `{/* ${text.replace(/\*\//g, '* /')} */}`;
}

/** What a section left empty is written with: its prompt for the author, as a comment that renders nothing. */
export function emptySection(section: { prompt: string }): string {
  return comment(section.prompt);
}

export function renderFrontMatter(data: Record<string, unknown>): string {
  return `---\n${writeYaml(plain(ordered(data)) as Record<string, unknown>)}---\n`;
}

/**
 * `sections` maps a standard heading to its text. Headings left out get the author prompt as an
 * MDX comment, so the skeleton tells the author what to write and renders nothing.
 */
export function renderBlueprint(data: Record<string, unknown>, sections: Record<string, string> = {}): string {
  const body = blueprintSections
    .map(({ heading, prompt }) => {
      const text = sections[heading]?.trim();
      return `## ${heading}\n\n${text ? text : emptySection({ prompt })}\n`;
    })
    .join('\n');
  return `${renderFrontMatter(data)}\n${body}`;
}
