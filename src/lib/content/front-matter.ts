/**
 * The one front-matter reader for the content gate, scripts and tests. Astro reads the same
 * files with js-yaml; tests/unit/front-matter.test.ts checks that both agree on every bundled file.
 *
 * Two parsers, for speed: js-yaml (Astro's, about ten times faster) reads the data, with the
 * YAML 1.2 core schema so dates stay text as the schemas expect; the `yaml` package, which keeps
 * every node's position, is used only when a position or an error message is needed, or when the
 * text may hold anchors or aliases (which are refused). At 3,000 blueprints this is seconds.
 */
// @ts-expect-error js-yaml ships no types; it is the parser Astro reads front-matter with.
import { CORE_SCHEMA, load } from 'js-yaml';
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

/** Could the text hold a YAML anchor (&a) or alias (*a)? Cheap and cautious: "A&E" does not match, " *x" does. */
const anchorOrAlias = /(?:^|[\s[{,])[&*][^\s,[\]{}]/;

/**
 * Parses YAML that starts at line `firstLine` of its file, so positions point into the file.
 * Aliases are refused: no author needs them and they allow "billion laughs" inputs.
 */
export function parseYaml(text: string, firstLine = 1): ParsedYaml {
  if (!anchorOrAlias.test(text)) {
    let data: unknown;
    try {
      data = load(text, { schema: CORE_SCHEMA });
    } catch {
      // Invalid (or a duplicate key): the `yaml` package says where and why.
      return parseYamlWithPositions(text, firstLine);
    }
    let positions: ParsedYaml | undefined;
    return { data, positionOf: (path) => (positions ??= parseYamlWithPositions(text, firstLine)).positionOf(path) };
  }
  return parseYamlWithPositions(text, firstLine);
}

/** The `yaml` package's reading: every node's position, precise errors, aliases refused. */
function parseYamlWithPositions(text: string, firstLine: number): ParsedYaml {
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
