/**
 * Cheap structural limits, checked on a file's text before any parser sees it.
 *
 * Parsers of Markdown, MDX and YAML recurse into nested structure, and their cost grows faster
 * than the text: measured here on one machine, 5,000 nested list items on one line ("> - > - …",
 * 20 KB) made satteri's compiler (the build's) crash with a segmentation fault and remark (the
 * validator's) overflow its stack after 9 s; 1,000 list items nested by indentation took remark
 * 32 s; 20,000 nested components took satteri 14 s. No real blueprint comes near these limits
 * (the bundled content needs at most one marker at the start of a line, five columns of
 * indentation, runs of two, and nothing open inside anything else), so each is generous, and each message says what to
 * change. The scan is one pass over the text with no backtracking.
 */

export interface StructureProblem {
  line: number;
  column: number;
  message: string;
}

export const structureLimits = {
  /** Quote and list markers starting one line ("> - > 1. x" is 4). */
  containerMarkers: 10,
  /** Columns of indentation at the start of a line, markers' own spaces included (a tab counts 4). */
  indentColumns: 64,
  /** Repeats of one of * _ ~ ` [ ] ( ) { } < > in a row. */
  punctuationRun: 50,
  /** [ or ( left open within a paragraph, or { left open anywhere. */
  bracketDepth: 32,
  /** Components and HTML tags open inside each other. */
  tagDepth: 24,
  /** Runs of * _ or ~ left open within a paragraph: emphasis inside emphasis. */
  emphasisDepth: 32,
  /** Columns of a table, and the cells of its rows, each row counted as wide as the table's head. */
  tableColumns: 64,
  tableCells: 20_000,
} as const;

const nestingPunctuation = new Set(['*', '_', '~', '`', '[', ']', '(', ')', '{', '}', '<', '>']);

/** Elements that never close, so they never nest. */
const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

const closerOf: Record<string, string> = { '[': ']', '(': ')', '{': '}' };
const openerOf: Record<string, string> = { ']': '[', ')': '(', '}': '{' };

/** ASCII characters the scan below acts on; every other character (most of a text) is passed over at once. */
const special = new Uint8Array(128);
for (const c of [...nestingPunctuation, '\n', '\\', '/', '|']) special[c.charCodeAt(0)] = 1;

const isSpace = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** A table's delimiter row ("| --- | :-: |"): only spaces, pipes, colons and dashes, with a pipe and a dash. */
function isDelimiterRow(text: string, from: number, to: number): boolean {
  let pipe = false;
  let dash = false;
  for (let k = from; k < to; k++) {
    const c = text[k];
    if (c === '|') pipe = true;
    else if (c === '-') dash = true;
    else if (c !== ' ' && c !== '\t' && c !== ':' && c !== '\r') return false;
  }
  return pipe && dash;
}

const isLetter = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isDigit = (c: string) => c >= '0' && c <= '9';

/**
 * The first structural limit the text breaks, or undefined. Lines and columns are 1-based
 * positions in `text`.
 */
export function structureProblem(text: string): StructureProblem | undefined {
  const limits = structureLimits;
  const depth: Record<string, number> = { '[': 0, '(': 0, '{': 0 };
  let tags = 0;
  let emphasis = 0;
  // Pipes on the line before (a table's head, if the next is its delimiter row), and the table being read.
  let pipes = 0;
  let pipesBefore = 0;
  // Pipes at either end of the line before, which bound its cells rather than part them.
  let edgePipes = 0;
  let edgePipesBefore = 0;
  let tableWidth = 0;
  let tableCells = 0;
  let line = 1;
  let lineStart = 0;
  let atLineStart = true;
  let blankLine = true;

  for (let i = 0; i < text.length; i++) {
    if (atLineStart) {
      atLineStart = false;
      // The container prefix: whitespace, quote markers and list markers before the line's text.
      let columns = 0;
      let markers = 0;
      let j = i;
      for (;;) {
        const c = text[j];
        if (c === ' ') {
          columns += 1;
          j += 1;
        } else if (c === '\t') {
          columns += 4 - (columns % 4);
          j += 1;
        } else if (c === '>') {
          markers += 1;
          columns += 1;
          j += 1;
        } else if ((c === '-' || c === '*' || c === '+') && (text[j + 1] === ' ' || text[j + 1] === '\t')) {
          markers += 1;
          columns += 1;
          j += 1;
        } else if (isDigit(c ?? '')) {
          let k = j;
          while (k - j < 9 && isDigit(text[k] ?? '')) k += 1;
          if ((text[k] === '.' || text[k] === ')') && (text[k + 1] === ' ' || text[k + 1] === '\t')) {
            markers += 1;
            columns += k + 1 - j;
            j = k + 1;
          } else break;
        } else break;
        if (markers > limits.containerMarkers) {
          return at(line, lineStart, j, `starts with ${markers} or more quote and list markers nested inside each other ("> - > 1."): at most ${limits.containerMarkers} are allowed, so the page stays quick to build: flatten the quote or list, or write \\> or \\- for the characters themselves`);
        }
        if (columns > limits.indentColumns) {
          return at(line, lineStart, j, `is indented more than ${limits.indentColumns} columns, which nests lists and quotes too deep to build quickly: indent it less`);
        }
      }
      let end = text.indexOf('\n', i);
      if (end < 0) end = text.length;
      const trimmed = text.slice(i, end).trim();
      blankLine = trimmed === '';
      edgePipesBefore = edgePipes;
      edgePipes = (trimmed.startsWith('|') ? 1 : 0) + (trimmed.length > 1 && trimmed.endsWith('|') ? 1 : 0);
      if (blankLine) {
        // Links and emphasis cannot run across a blank line, so open [ ( * _ ~ end there, and so does a table.
        depth['['] = 0;
        depth['('] = 0;
        emphasis = 0;
        tableWidth = 0;
      } else if (tableWidth > 0) {
        // Every row is built as wide as the head, however few cells it writes.
        tableCells += tableWidth;
        if (tableCells > limits.tableCells) {
          return at(line, lineStart, i, `takes a table past ${limits.tableCells.toLocaleString('en-GB')} cells (each row counts as many cells as the table has columns): split the table, or link to a spreadsheet`);
        }
      } else if (pipesBefore > 0 && isDelimiterRow(text, i, end)) {
        tableWidth = Math.max(1, pipesBefore + 1 - edgePipesBefore);
        tableCells = tableWidth;
        if (tableWidth > limits.tableColumns) {
          return at(line, lineStart, i, `makes the line above it the head of a table of ${tableWidth} columns: at most ${limits.tableColumns} are allowed: split the table, or link to a spreadsheet`);
        }
      }
    }

    const code = text.charCodeAt(i);
    if (code >= 128 || special[code] === 0) continue;
    const c = text[i];
    if (c === '\n') {
      line += 1;
      lineStart = i + 1;
      atLineStart = true;
      pipesBefore = pipes;
      pipes = 0;
      continue;
    }
    if (c === '|') {
      pipes += 1;
      continue;
    }
    if (c === '\\') {
      i += 1; // an escaped character nests nothing
      continue;
    }
    if (nestingPunctuation.has(c)) {
      let run = 1;
      while (text[i + run] === c) run += 1;
      if (run > limits.punctuationRun) {
        return at(line, lineStart, i, `has ${run} "${c}" characters in a row: at most ${limits.punctuationRun} are allowed: shorten the run, or escape each one as \\${c}`);
      }
      if (c === '*' || c === '_' || c === '~') {
        // A run with text after it and space before opens emphasis; one the other way round closes it.
        const opens = !isSpace(text[i + run]) && isSpace(text[i - 1]);
        const closes = isSpace(text[i + run]) && !isSpace(text[i - 1]);
        emphasis = opens ? emphasis + 1 : closes ? Math.max(0, emphasis - 1) : emphasis;
        if (emphasis > limits.emphasisDepth) {
          return at(line, lineStart, i, `opens emphasis ("${c}") more than ${limits.emphasisDepth} times inside itself without closing it: close each one, or write \\${c} for the character itself`);
        }
        i += run - 1;
        continue;
      }
    }
    const opener = closerOf[c] === undefined ? openerOf[c] : c;
    if (opener !== undefined) {
      // [ ( { count up when opened and down when closed, never below nothing.
      depth[opener] = c === opener ? depth[opener] + 1 : Math.max(0, depth[opener] - 1);
      if (depth[opener] > limits.bracketDepth) return at(line, lineStart, i, depthMessage(opener, closerOf[opener]));
    }
    switch (c) {
      case '<': {
        const next = text[i + 1] ?? '';
        if (next === '/') {
          tags = Math.max(0, tags - 1);
        } else if (isLetter(next)) {
          let k = i + 1;
          while (k - i < 40 && /[\w.:-]/.test(text[k] ?? '')) k += 1;
          if (!voidElements.has(text.slice(i + 1, k).toLowerCase())) {
            tags += 1;
            if (tags > limits.tagDepth) {
              return at(line, lineStart, i, `opens more than ${limits.tagDepth} components or tags inside each other: close each one (</Callout>) before opening the next`);
            }
          }
        }
        break;
      }
      case '/':
        if (text[i + 1] === '>') tags = Math.max(0, tags - 1); // <Component />
        break;
    }
  }
  return undefined;
}

function depthMessage(open: string, close: string): string {
  return `opens "${open}" more than ${structureLimits.bracketDepth} times without closing it: close each with "${close}", or write \\${open} for the character itself`;
}

function at(line: number, lineStart: number, index: number, message: string): StructureProblem {
  return { line, column: index - lineStart + 1, message: `line ${line} ${message}` };
}

/**
 * How much the drafting form checks in the browser. It parses with remark, whose time grows with
 * the square of the number of list items: on the development machine 5 KiB of "- x" lines took
 * remark 1.4 s, 20 KiB of "- - x" lines 12 s, and 100 KiB of "> > > > > - - - - - x" lines 43 s
 * (satteri, which the gateway and the build use, read each in under 0.1 s). A draft past either
 * limit is left to those checks, which see every draft anyway; a real blueprint is about 10 KiB
 * with a few dozen list items.
 */
export const browserCheckLimits = { bytes: 32 * 1024, listItems: 1000 } as const;

/** Whether the drafting form should leave this text's safety check to the gateway and the build. */
export function tooLongToCheckInTheBrowser(text: string): boolean {
  if (text.length > browserCheckLimits.bytes) return true;
  const listItems = text.match(/^[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]/gm)?.length ?? 0;
  return listItems > browserCheckLimits.listItems;
}
