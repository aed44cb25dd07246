/**
 * Parses the body of an MDX file the way the site's MDX compiler will, for the rules that look
 * inside bodies (the safety gate, the redprint section check), with the parser the caller passes.
 *
 * The gate must judge exactly the text the compiler sees, so the front-matter is found with the
 * same pattern Astro uses (@astrojs/internal-helpers/frontmatter, `extractFrontmatter`) and blanked
 * out with spaces, as Astro does ("empty-with-spaces"). That keeps every line and column equal to
 * the file's own, and means a file whose fences we read differently from Astro is still checked
 * in full: nothing can hide in text that we treat as front-matter but Astro compiles.
 */
import type { Root } from 'mdast';
import type { Node, Parent } from 'unist';
import { astroFrontmatter } from '../content/front-matter-fence';
import { structureProblem } from './limits';

export interface MdxSyntaxError {
  message: string;
  line: number;
  column: number;
  /** The parser's name for the problem, e.g. "unexpected-character". */
  ruleId?: string;
}

export type ParsedBody = { tree: Root; error?: undefined } | { tree?: undefined; error: MdxSyntaxError };


/** The file as the MDX compiler sees it: front-matter replaced by spaces, line breaks kept. */
export function compiledText(source: string): string {
  const match = astroFrontmatter.exec(source);
  if (!match) return source;
  const start = match.index + match[0].length - match[1].length - 6;
  const blank = `   ${match[1].replace(/[^\r\n]/g, ' ')}   `;
  return source.slice(0, start) + blank + source.slice(match.index + match[0].length);
}

/** A parser from an MDX file's text (front-matter blanked) to its syntax tree; it throws on bad syntax. */
export type MdxParser = (text: string) => Root;

/** satteri puts the position in the message: "3:5: reason (source:rule-id)". */
const nativeError = /^(\d+):(\d+): ([\s\S]*?)(?: \(([\w-]+):([\w-]+)\))?$/;

/**
 * Parses a whole MDX file's body with `parse`; positions in the tree are positions in the file.
 * A file that breaks a structural limit (./limits.ts) is not parsed at all.
 */
export function parseMdxBody(source: string, parse: MdxParser): ParsedBody {
  const tooDeep = structureProblem(source);
  if (tooDeep) return { error: { ...tooDeep, ruleId: 'structure' } };
  return parseWithinLimits(source, parse);
}

/** The same, for text already known to be within the structural limits (the corpus checks every file first). */
export function parseWithinLimits(source: string, parse: MdxParser): ParsedBody {
  try {
    return { tree: parse(compiledText(source)) };
  } catch (e) {
    const err = e as { reason?: string; message: string; line?: number; column?: number; ruleId?: string };
    const native = err.line === undefined ? nativeError.exec(err.message) : null;
    return native
      ? { error: { message: native[3], line: Number(native[1]), column: Number(native[2]), ruleId: native[5] } }
      : { error: { message: err.reason ?? err.message, line: err.line ?? 1, column: err.column ?? 1, ruleId: err.ruleId } };
  }
}

/**
 * Calls `fn` on every node of a tree, parents before children, in document order. A loop with
 * its own stack, so a deeply nested file cannot overflow the call stack; and about 15 times
 * faster than unist-util-visit over 3,000 bodies (0.07 s against 1 s, measured).
 */
export function eachNode(tree: Node, fn: (node: Node) => void): void {
  const stack: Node[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    fn(node);
    const children = (node as Parent).children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}
