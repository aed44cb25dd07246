/**
 * How two texts of one part of a page are compared (./section-change.ts makes the change): apart
 * from the file's reader, so the change form in the browser can compare without a YAML parser.
 *
 * Runs in the browser as well as in Node: no I/O, no Node built-ins.
 */

/** How a playbook step is offered as a part: its description, under "Step: " and its title. */
export const stepPrefix = 'Step: ';

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
