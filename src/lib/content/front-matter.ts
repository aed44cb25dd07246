/**
 * The one front-matter reader for scripts and tests. Astro reads the same files with its own
 * YAML parser; tests/unit/front-matter.test.ts checks that both agree on every bundled file.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

export interface SourcePosition {
  line: number;
  column: number;
}

export interface ParsedYaml {
  /** The YAML as plain data, or undefined when it is not valid YAML. */
  data: unknown;
  /** A YAML syntax problem, if any, with its position in the file. */
  error?: { message: string } & SourcePosition;
  /** Where a field path (e.g. ["outcome", "headline"]) starts in the file, or the top of the YAML. */
  positionOf(path: readonly PropertyKey[]): SourcePosition;
}

export interface ParsedSource extends ParsedYaml {
  /** The body after the closing `---`. */
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
}

/**
 * Parses YAML that starts at line `firstLine` of its file, so positions point into the file.
 * Aliases are refused: no author needs them and they allow "billion laughs" inputs.
 */
export function parseYaml(text: string, firstLine = 1): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const top: SourcePosition = { line: firstLine, column: 1 };
  const toFile = (offset: number): SourcePosition => {
    const p = lines.linePos(offset);
    return { line: p.line + firstLine - 1, column: p.col };
  };
  const positionOf = (path: readonly PropertyKey[]): SourcePosition => {
    let node: unknown = doc.contents;
    let best = top;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
        if (!pair) break;
        if (isScalar(pair.key) && pair.key.range) best = toFile(pair.key.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
        node = node.items[key];
        const range = (node as Node).range;
        if (range) best = toFile(range[0]);
      } else break;
    }
    return best;
  };
  const error = doc.errors[0];
  if (error) {
    return { data: undefined, positionOf, error: { message: `has a YAML syntax error: ${error.message.split('\n')[0]}`, ...toFile(error.pos[0]) } };
  }
  try {
    return { data: doc.toJS({ maxAliasCount: 0 }), positionOf };
  } catch (e) {
    return { data: undefined, positionOf, error: { message: `could not be read: ${(e as Error).message}`, ...top } };
  }
}

const fence = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

/** Splits an MDX or Markdown file into its front-matter and body. */
export function parseSource(source: string): ParsedSource {
  const match = source.match(fence);
  if (!match) {
    const top = { line: 1, column: 1 };
    return { data: undefined, body: source, bodyLine: 1, positionOf: () => top, error: { message: 'has no front-matter: start the file with a line of ---, then the fields, then another line of ---', ...top } };
  }
  const yaml = parseYaml(match[1], 2);
  const bodyLine = match[0].split('\n').length;
  const body = source.slice(match[0].length);
  if (!yaml.error && (!yaml.data || typeof yaml.data !== 'object' || Array.isArray(yaml.data))) {
    return { ...yaml, body, bodyLine, data: undefined, error: { message: 'front-matter should be fields written as key: value', line: 2, column: 1 } };
  }
  return { ...yaml, body, bodyLine };
}

/** The slug of a content file is its file name without the extension. */
export function slugOf(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.(mdx|md|ya?ml|json)$/i, '');
}
