/**
 * Where the parts of a Markdown body begin: a `## heading` line outside code blocks. The change
 * form (src/lib/contribute/section-change.ts) finds a blueprint's parts by it, and the forms refuse
 * written text that would start a part of its own. Kept apart from the front-matter reader, so the
 * drafting form's script stays small.
 *
 * Runs in the browser as well as in Node: no I/O, no Node built-ins.
 */

/** A `## heading` line, with the heading's text; closing `#`s are not part of it. */
export const headingLine = /^##[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/;

/** A line that opens or closes a fenced code block, with its fence. */
const fenceLine = /^[ \t]{0,3}(`{3,}|~{3,})/;

/**
 * Reading a body line by line: the code fence open after `line`, given the one open before it,
 * and whether the line belongs to a code block (its fences included), where nothing is a heading.
 */
export function afterLine(open: string | undefined, line: string): { open: string | undefined; code: boolean } {
  const fence = fenceLine.exec(line)?.[1];
  if (open) return { open: fence && fence[0] === open[0] && fence.length >= open.length ? undefined : open, code: true };
  return { open: fence, code: fence !== undefined };
}

/** The first line of `text` that would start a part of its own (`# `, `## ` or a line underlined), outside code blocks; 0 when none. */
export function headingLineIn(text: string): number {
  let open: string | undefined;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (const [i, line] of lines.entries()) {
    const read = afterLine(open, line);
    open = read.open;
    if (read.code) continue;
    if (/^[ \t]{0,3}#{1,2}([ \t]|$)/.test(line)) return i + 1;
    // A line of = or - straight under text makes that text a heading too (a "setext" heading).
    if (i > 0 && lines[i - 1].trim() !== '' && /^[ \t]{0,3}(=+|-+)[ \t]*$/.test(line)) return i;
  }
  return 0;
}
