/**
 * Small helpers for putting text into GitHub Markdown (PR bodies, issue bodies, comments).
 * Some of that text comes from strangers (an issue form, a draft), so it is made inert: no
 * @mentions that would notify people, no closing keywords or issue references that would act
 * on the repository, no links or images (nothing clickable or loaded from a stranger's
 * address), no raw HTML, and table cells that cannot break the table. Invisible joiners break
 * what GitHub would recognise while the text still reads the same.
 */

const joiner = '\u200d';

/** Stops `@name` notifying anyone, by putting a zero-width joiner after the @. */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(?=[A-Za-z0-9])/g, '@\u200d');
}

/**
 * The words GitHub reads as "close this issue" before a reference: close, closes, closed, fix,
 * fixes, fixed, resolve, resolves, resolved, in any case.
 * https://docs.github.com/en/issues/tracking-your-work-with-issues/using-issues/linking-a-pull-request-to-an-issue
 */
const closingKeyword = /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\b/gi;

/**
 * Stops text closing or linking issues: a joiner inside each closing keyword, and after the `#`
 * or `GH-` of an issue reference (`#7`, `org/repo#7`, `GH-7`), so GitHub sees neither.
 */
export function neutraliseReferences(text: string): string {
  return text
    .replace(closingKeyword, (word) => `${word[0]}${joiner}${word.slice(1)}`)
    .replace(/#(?=\d)/g, `#${joiner}`)
    .replace(/\bGH-(?=\d)/gi, (prefix) => `${prefix}${joiner}`);
}

/**
 * Stops text making links or images: brackets are escaped (no `[text](url)`, `![alt](url)` or
 * `[ref]: url`), and web addresses are broken up so GitHub does not link them by itself
 * (`https://…`, `www.…`; e-mail addresses are broken by neutraliseMentions).
 */
export function neutraliseLinks(text: string): string {
  return text
    // A backslash of the text's own first, or "\[" would become "\\[", an escaped backslash before a live bracket.
    .replace(/[\\[\]]/g, (character) => `\\${character}`)
    .replace(/:\/\//g, `:${joiner}//`)
    .replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}${joiner}.`);
}

/** Any line break: what ends a line of Markdown, as CommonMark reads it and as Unicode does. */
export const lineBreak = /\r\n?|[\n\u0085\u2028\u2029]/;

/**
 * Text shown inline, on one line: a line break cannot start a heading or end a quote, HTML cannot
 * open, mentions cannot notify, references cannot act, links cannot be followed.
 */
export function inline(text: string): string {
  const oneLine = text.split(lineBreak).map((line) => line.trim()).filter(Boolean).join(' ');
  const escaped = oneLine.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return neutraliseMentions(neutraliseReferences(neutraliseLinks(escaped)));
}

/** Text inside one cell of a Markdown table: one line, pipes escaped. */
export function cell(text: string): string {
  return inline(text.replace(/\s*\r?\n\s*/g, ' ')).replace(/\|/g, '\\|');
}

/** A hidden marker a bot uses to find its own comment or issue again. */
export function marker(name: string): string {
  return `<!-- blueprint-commons:${name} -->`;
}

/** Cuts text to `max` characters, ending with an ellipsis when it was cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}
