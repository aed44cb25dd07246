/**
 * A suggested change to one part of a blueprint or playbook, for someone with no GitHub account
 * (./change-questions.ts asks for it): the text under one `## heading` of the body, or a
 * playbook step's description in the front-matter, replaced by what the contributor wrote. Nothing else in the file changes, byte for byte, so the pull request
 * shows exactly the suggestion. The contributor edits the text as it was when they started, and
 * the change is made only if the part still reads that way: the gateway checks it against its own
 * copy, and its worker again against the file as it is on GitHub, so a change merged meanwhile is
 * never overwritten.
 *
 * Runs in the browser as well as in Node: no I/O, no Node built-ins.
 */
import { astroFrontmatter } from '../content/front-matter-fence';
import { afterLine, headingLine, headingLineIn } from '../content/body-headings';
import { parseSource, textValueRange } from '../content/front-matter';
import { normalisedText, stepPrefix } from './part-text';

/** Why a change cannot be made to this file; the message follows "The blueprint …" (or "The playbook …"). */
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
    const heading = read.code ? undefined : headingLine.exec(line)?.[1];
    if (heading) found.push({ heading: heading.trim(), lineStart: at, lineEnd: end });
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

/** The steps in a page's front-matter as read (a playbook's), each title with its description, as written. */
function stepsOf(data: unknown): { title: string; description: string }[] {
  const steps = (data as { steps?: unknown } | undefined)?.steps;
  if (!Array.isArray(steps)) return [];
  return steps.map((s: { title?: unknown; description?: unknown } | null) => ({ title: String(s?.title ?? ''), description: typeof s?.description === 'string' ? s.description : '' }));
}

/** What the change form offers: the body's parts, in order, then each step's description (a playbook's). */
export function changeablePartsOf(source: string): BodySection[] {
  return [...sectionsOf(source), ...stepsOf(parseSource(source).data).filter((s) => s.title && s.description).map((s) => ({ heading: `${stepPrefix}${s.title}`, text: normalisedText(s.description) }))];
}

/** The file with the step titled `title` described by `text`, written as a double-quoted YAML string; nothing else changes. */
function changedStep(source: string, title: string, before: string, text: string): string {
  const was = parseSource(source);
  const steps = stepsOf(was.data);
  const at = steps.flatMap((s, i) => (s.title === title ? [i] : []));
  if (at.length === 0) throw new ChangeError(`has no step titled “${title}” now: it may have been renamed since`);
  if (at.length > 1) throw new ChangeError(`has more than one step titled “${title}”: a maintainer needs to make this change by hand`);
  const i = at[0];
  if (normalisedText(steps[i].description) !== normalisedText(before)) throw new ChangeError(`has had its step “${title}” changed since you started: open the page again and make your change to the new text`);
  const description = normalisedText(text);
  if (description.includes('\n')) throw new ChangeError(`keeps each step's description as one paragraph: take out the line breaks`);
  const range = textValueRange(source, ['steps', i, 'description']);
  if (!range) throw new ChangeError('is written in a way this change cannot be made to safely: a maintainer will do it by hand');
  // JSON's string syntax is YAML's double-quoted style: every character that needs it is escaped.
  // A block scalar's range ends with its line break, which stays.
  const lineBreak = /\r?\n$/.exec(source.slice(range[0], range[1]))?.[0] ?? '';
  const after = `${source.slice(0, range[0])}${JSON.stringify(description)}${lineBreak}${source.slice(range[1])}`;

  // Read again: the same fields but this one, and the same body.
  const now = parseSource(after);
  const expected = structuredClone(was.data) as { steps: { description: string }[] };
  expected.steps[i].description = description;
  if (now.error || now.body !== was.body || JSON.stringify(now.data) !== JSON.stringify(expected)) {
    throw new ChangeError('is written in a way this change cannot be made to safely: a maintainer will do it by hand');
  }
  return after;
}

/**
 * The file with the part headed `heading` reading `text` instead: `before` is that part as the
 * contributor saw it, and the change is made only if it still reads so.
 */
export function changedSource(source: string, heading: string, before: string, text: string): string {
  const parts = locate(source);
  const matching = parts.filter((p) => p.heading === heading);
  if (matching.length === 0 && heading.startsWith(stepPrefix)) return changedStep(source, heading.slice(stepPrefix.length), before, text);
  if (matching.length === 0) throw new ChangeError(`has no part headed “${heading}” now: it may have been renamed since`);
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
