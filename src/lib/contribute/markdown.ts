/**
 * Small helpers for putting text into GitHub Markdown (PR bodies, issue bodies, comments).
 * Some of that text comes from strangers (an issue form), so it is made inert: no @mentions
 * that would notify people, no raw HTML, and table cells that cannot break the table.
 */

/** Stops `@name` notifying anyone, by putting a zero-width joiner after the @. */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(?=[A-Za-z0-9])/g, '@\u200d');
}

/** Text shown inline: HTML cannot open, mentions cannot notify. */
export function inline(text: string): string {
  return neutraliseMentions(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
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
