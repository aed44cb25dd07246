/**
 * Where the parts of a Markdown body begin: a `## heading` line outside code blocks. The change
 * form (src/lib/contribute/section-change.ts) finds a blueprint's parts by it, and the forms refuse
 * written text that would start a part of its own. Kept apart from the front-matter reader, so the
 * drafting form's script stays small.
 *
 * Runs in the browser as well as in Node: no I/O, no Node built-ins.
 */

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/**
 * The text of a `## heading` line (closing `#`s are not part of it), or undefined when the line is
 * not one. Read with string steps, not a pattern: a pattern with a lazy text before optional
 * spaces tried every space of a long line against every other, seconds for a 90,000-space line.
 */
export function headingOf(line: string): string | undefined {
  // "## " alone is no heading, as the parts have always been read; "##  " is an empty one.
  if (!line.startsWith('##') || !isBlank(line[2]) || line.length < 4) return undefined;
  let from = 2;
  while (isBlank(line[from])) from++;
  let to = line.length;
  while (to > from && isBlank(line[to - 1])) to--;
  // Closing #s count only after a space or tab, and not when they are the whole heading.
  let hashes = to;
  while (hashes > from && line[hashes - 1] === '#') hashes--;
  if (hashes < to && hashes > from && isBlank(line[hashes - 1])) {
    to = hashes;
    while (to > from && isBlank(line[to - 1])) to--;
  }
  return line.slice(from, to);
}

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
