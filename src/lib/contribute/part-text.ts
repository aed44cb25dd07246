/**
 * How two texts of one part of a page are compared (./section-change.ts makes the change): apart
 * from the file's reader, so the change form in the browser can compare without a YAML parser.
 *
 * Runs in the browser as well as in Node: no I/O, no Node built-ins.
 */
import type { ChangeablePageKind } from './change-questions';

/** How a playbook step is offered as a part: its description, under "Step: " and its title. */
export const stepPrefix = 'Step: ';

/** How a template's fields are offered as parts: its summary, when to use it, each section's guidance and each column's hint. */
export const templateParts = { summary: 'Summary', whenToUse: 'When to use it', section: 'Section: ', column: 'Column: ' } as const;

/**
 * What a part's text may be: Markdown under a `## ` heading of a page's body; one paragraph (a
 * step's description, a template's summary or a column's hint); or up to four paragraphs with a
 * blank line between (a template section's guidance), none with line breaks inside.
 */
export type PartShape = 'markdown' | 'paragraph' | 'paragraphs';

/** The shape of the part headed `heading` of a page of this kind, as the change form offers it. */
export function partShape(kind: ChangeablePageKind, heading: string): PartShape {
  if (kind === 'template') return heading.startsWith(templateParts.section) ? 'paragraphs' : 'paragraph';
  return kind === 'playbook' && heading.startsWith(stepPrefix) ? 'paragraph' : 'markdown';
}

/** Paragraphs as a text of them, a blank line between: how a list of paragraphs is offered and compared. */
export const joinedParagraphs = (paragraphs: readonly string[]) => paragraphs.map(normalisedText).join('\n\n');

/** A text's paragraphs: the pieces between blank lines, each trimmed, empty ones left out. */
export const paragraphsOf = (text: string) => normalisedText(text).split(/\n[ \t]*\n/).map((p) => p.trim()).filter(Boolean);

/** Line endings as Unix ones and the ends trimmed: how two texts of one part are compared. */
export const normalisedText = (text: string) => text.replace(/\r\n?/g, '\n').split('\n').map((line) => line.trimEnd()).join('\n').trim();

/**
 * Where a change kept in the browser stands against the part as the site has it now: `landed`
 * when the part already reads as changed (the pull request was merged), `overtaken` when the
 * part has changed since the contributor started (sending it would be refused), else `open`.
 */
export function keptChangeState(kept: { original: string; text: string }, current: string): 'landed' | 'overtaken' | 'open' {
  const now = normalisedText(current);
  if (normalisedText(kept.text) === now) return 'landed';
  return normalisedText(kept.original) === now ? 'open' : 'overtaken';
}
