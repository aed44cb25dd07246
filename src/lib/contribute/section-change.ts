/**
 * A suggested change to one part of a blueprint, playbook or template, for someone with no GitHub
 * account (./change-questions.ts asks for it): the text under one `## heading` of the body, or a
 * text held in the YAML (a playbook step's description; a template's summary, when to use it, a
 * section's guidance or a column's hint), replaced by what the contributor wrote. Nothing else in
 * the file changes, byte for byte, so the pull request shows exactly the suggestion. The
 * contributor edits the text as it was when they started, and the change is made only if the part
 * still reads that way: the gateway checks it against its own copy, and its worker again against
 * the file as it is on GitHub, so a change merged meanwhile is never overwritten.
 *
 * Runs in the browser as well as in Node: no I/O, no Node built-ins.
 */
import { astroFrontmatter } from '../content/front-matter-fence';
import { afterLine, headingLineIn, headingOf } from '../content/body-headings';
import { parseSource, parseYaml, valueRange } from '../content/front-matter';
import { joinedParagraphs, normalisedText, paragraphsOf, stepPrefix, templateParts } from './part-text';
import type { ChangeablePageKind } from './change-questions';

/** Why a change cannot be made to this file; the message follows "The blueprint …" (or "The playbook …", "The template …"). */
export class ChangeError extends Error {}

/** One part of a page's body: its `## heading` and the Markdown under it, trimmed. */
export interface BodySection {
  heading: string;
  text: string;
}

interface Located extends BodySection {
  /** Offsets in the source: the first character after the heading's line, and the start of the next heading's line (or the end). */
  from: number;
  to: number;
}

/** Where the body starts: after the front-matter's closing fence, if there is one. */
function bodyStart(source: string): number {
  const fence = astroFrontmatter.exec(source);
  return fence ? fence.index + fence[0].length : 0;
}

/** Every `## heading` of the body outside code blocks, with what is under it. */
function locate(source: string): Located[] {
  const found: { heading: string; lineStart: number; lineEnd: number }[] = [];
  let at = bodyStart(source);
  let open: string | undefined;
  while (at <= source.length) {
    const next = source.indexOf('\n', at);
    const end = next < 0 ? source.length : next + 1;
    const line = source.slice(at, end).replace(/\r?\n$/, '');
    const read = afterLine(open, line);
    open = read.open;
    const heading = read.code ? undefined : headingOf(line);
    if (heading !== undefined) found.push({ heading, lineStart: at, lineEnd: end });
    if (next < 0) break;
    at = end;
  }
  return found.map((h, i) => {
    const to = i + 1 < found.length ? found[i + 1].lineStart : source.length;
    return { heading: h.heading, from: h.lineEnd, to, text: normalisedText(source.slice(h.lineEnd, to)) };
  });
}

/** The parts of a page's body, in order. */
export function sectionsOf(source: string): BodySection[] {
  return locate(source).map(({ heading, text }) => ({ heading, text }));
}

/** A part held in a YAML field: a playbook step's description, or one of a template's texts. */
interface FieldPart {
  heading: string;
  /** Where the field is, e.g. ["steps", 2, "description"]. */
  path: (string | number)[];
  shape: 'paragraph' | 'paragraphs';
  /** Its value as read: a text, or a list of paragraphs. */
  value: string | string[];
}

const textIn = (value: unknown) => (typeof value === 'string' ? value : '');
const listIn = (value: unknown) => (Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : []);
const listed = (value: unknown) => (Array.isArray(value) ? (value as ({ [key: string]: unknown } | null)[]) : []);

/** The parts of a page held in its YAML, in order, each with a text to change. */
function fieldPartsOf(kind: ChangeablePageKind, data: unknown): FieldPart[] {
  const d = (data && typeof data === 'object' ? data : {}) as { [key: string]: unknown };
  const parts: FieldPart[] = [];
  if (kind === 'playbook') {
    listed(d.steps).forEach((s, i) => parts.push({ heading: `${stepPrefix}${String(s?.title ?? '')}`, path: ['steps', i, 'description'], shape: 'paragraph', value: textIn(s?.description) }));
  }
  if (kind === 'template') {
    parts.push({ heading: templateParts.summary, path: ['summary'], shape: 'paragraph', value: textIn(d.summary) });
    parts.push({ heading: templateParts.whenToUse, path: ['whenToUse'], shape: 'paragraph', value: textIn(d.whenToUse) });
    listed(d.sections).forEach((s, i) => parts.push({ heading: `${templateParts.section}${String(s?.heading ?? '')}`, path: ['sections', i, 'guidance'], shape: 'paragraphs', value: listIn(s?.guidance) }));
    listed(d.columns).forEach((c, i) => parts.push({ heading: `${templateParts.column}${String(c?.name ?? '')}`, path: ['columns', i, 'hint'], shape: 'paragraph', value: textIn(c?.hint) }));
  }
  return parts.filter((p) => p.value.length > 0 && !/: $/.test(p.heading));
}

/** A field part's text, as offered and compared: paragraphs with a blank line between. */
const textOfField = (part: FieldPart) => (typeof part.value === 'string' ? normalisedText(part.value) : joinedParagraphs(part.value));

/** The file read as the build reads it: a template is all YAML; a blueprint or playbook is front-matter and body. */
function read(kind: ChangeablePageKind, source: string): { data: unknown; error?: unknown; body: string } {
  return kind === 'template' ? { ...parseYaml(source), body: '' } : parseSource(source);
}

/** What the change form offers: the body's parts, in order, then those in the YAML (a playbook's steps, a template's texts). */
export function changeablePartsOf(source: string, kind: ChangeablePageKind): BodySection[] {
  const body = kind === 'template' ? [] : sectionsOf(source);
  return [...body, ...fieldPartsOf(kind, read(kind, source).data).map((p) => ({ heading: p.heading, text: textOfField(p) }))];
}

/** The new value for a field part from the contributor's text, or why it cannot be one. */
function fieldValue(part: FieldPart, text: string): string | string[] {
  if (part.shape === 'paragraph') {
    const value = normalisedText(text);
    if (value.includes('\n')) throw new ChangeError(`keeps “${part.heading}” as one paragraph: take out the line breaks`);
    return value;
  }
  const paragraphs = paragraphsOf(text);
  if (paragraphs.some((p) => p.includes('\n'))) throw new ChangeError(`keeps each paragraph of “${part.heading}” on one line: leave a blank line between paragraphs and no line break inside one`);
  return paragraphs;
}

/**
 * The file with the field part headed `heading` reading `text`, written where the old value stood
 * as double-quoted YAML (a list of them, for paragraphs); nothing else changes.
 */
function changedField(source: string, kind: ChangeablePageKind, heading: string, before: string, text: string): string {
  const was = read(kind, source);
  const matching = fieldPartsOf(kind, was.data).filter((p) => p.heading === heading);
  if (matching.length === 0) throw new ChangeError(`has no part “${heading}” now: it may have been renamed since`);
  if (matching.length > 1) throw new ChangeError(`has more than one part “${heading}”: a maintainer needs to make this change by hand`);
  const part = matching[0];
  if (textOfField(part) !== normalisedText(before)) throw new ChangeError(`has had its part “${heading}” changed since you started: open the page again and make your change to the new text`);
  const value = fieldValue(part, text);
  const unsafe = () => new ChangeError('is written in a way this change cannot be made to safely: a maintainer will do it by hand');
  const range = valueRange(source, part.path, { yaml: kind === 'template' });
  if (!range || (range.kind === 'list') !== Array.isArray(value)) throw unsafe();
  // JSON's string syntax is YAML's double-quoted style: every character that needs it is escaped.
  // A block scalar's or block list's range ends with its line break, which stays.
  const written = source.slice(range.at[0], range.at[1]);
  const lineBreak = /\r?\n$/.exec(written)?.[0] ?? '';
  const quoted = (list: string[]) => list.map((p) => JSON.stringify(p));
  let replacement: string;
  if (range.kind === 'text') replacement = JSON.stringify(value);
  else if (range.flow) replacement = `[${quoted(value as string[]).join(', ')}]`;
  else if (/^[ \t]*$/.test(range.indent)) replacement = quoted(value as string[]).map((p) => `- ${p}`).join(`${source.includes('\r\n') ? '\r\n' : '\n'}${range.indent}`);
  else throw unsafe();
  const after = `${source.slice(0, range.at[0])}${replacement}${lineBreak}${source.slice(range.at[1])}`;

  // Read again: the same fields but this one, and the same body.
  const now = read(kind, after);
  const expected = structuredClone(was.data) as { [key: string]: unknown };
  let at: { [key: string | number]: unknown } = expected;
  for (const key of part.path.slice(0, -1)) at = at[key] as typeof at;
  at[part.path[part.path.length - 1]] = value;
  if (now.error || now.body !== was.body || JSON.stringify(now.data) !== JSON.stringify(expected)) throw unsafe();
  return after;
}

/**
 * The file of a page of this kind with the part headed `heading` reading `text` instead: `before`
 * is that part as the contributor saw it, and the change is made only if it still reads so.
 */
export function changedSource(source: string, kind: ChangeablePageKind, heading: string, before: string, text: string): string {
  const parts = kind === 'template' ? [] : locate(source);
  const matching = parts.filter((p) => p.heading === heading);
  if (matching.length === 0) return changedField(source, kind, heading, before, text);
  if (matching.length > 1) throw new ChangeError(`has more than one part headed “${heading}”: a maintainer needs to make this change by hand`);
  const part = matching[0];
  if (part.text !== normalisedText(before)) throw new ChangeError(`has had its part “${heading}” changed since you started: open the page again and make your change to the new text`);
  const line = headingLineIn(text);
  if (line) throw new ChangeError(`would gain a heading on line ${line} of the new text, starting a new part: use ### for a heading inside a part, and leave a blank line above a line of dashes`);
  const newline = source.includes('\r\n') ? '\r\n' : '\n';
  const written = normalisedText(text).split('\n').join(newline);
  const last = part.to === source.length;
  const after = `${source.slice(0, part.from)}${newline}${written}${newline}${last ? '' : newline}${source.slice(part.to)}`;

  // The change is checked by reading the file again: the same front-matter, the same parts, and only this one's text different.
  const was = parseSource(source);
  const now = parseSource(after);
  const others = (list: BodySection[]) => list.map((p) => (p.heading === heading ? { heading } : p));
  const nowParts = sectionsOf(after);
  if (now.error !== was.error || JSON.stringify(now.data) !== JSON.stringify(was.data)
    || JSON.stringify(others(nowParts)) !== JSON.stringify(others(parts.map(({ heading: h, text: t }) => ({ heading: h, text: t }))))
    || nowParts.find((p) => p.heading === heading)?.text !== normalisedText(text)) {
    throw new ChangeError('is written in a way this change cannot be made to safely: a maintainer will do it by hand');
  }
  return after;
}
