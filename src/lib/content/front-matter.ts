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
import { astroFrontmatter } from './front-matter-fence';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';

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
 * Could the text hold an explicit YAML tag (!!str, !foo)? Cautious: "Go live!" does not match,
 * "wow !x" does (and then the `yaml` package decides). Tags are refused: Astro's reader turns
 * some into other types (!!binary, !!timestamp) and throws on the rest.
 */
const mayHoldTag = /(?:^|[\s[{,:?-])!/;

/** The first node with a tag written in the text, if any. */
function firstTagged(doc: ReturnType<typeof parseDocument>): (Node & { tag: string }) | undefined {
  let found: (Node & { tag: string }) | undefined;
  visit(doc, (_key, node) => {
    if (node && typeof node === 'object' && 'tag' in node && typeof node.tag === 'string' && node.tag) {
      found = node as Node & { tag: string };
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}

/** Could the text hold a YAML anchor (&a) or alias (*a)? Cheap and cautious: "A&E" does not match, " *x" and ":*x" do. */
const anchorOrAlias = /(?:^|[\s[{,:?-])[&*][^\s,[\]{}]/;

/**
 * Parses YAML that starts at line `firstLine` of its file, so positions point into the file.
 * Aliases are refused: no author needs them and they allow "billion laughs" inputs.
 */
export function parseYaml(text: string, firstLine = 1): ParsedYaml {
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA });
  } catch (e) {
    // Invalid, a duplicate key, or a tag js-yaml does not know (Astro's reader would throw too):
    // the `yaml` package says where and why, or js-yaml's own words when `yaml` accepts it.
    const withPositions = parseYamlWithPositions(text, firstLine);
    if (withPositions.error) return withPositions;
    const mark = (e as { mark?: { line: number; column: number }; reason?: string }).mark;
    const reason = (e as { reason?: string }).reason ?? (e as Error).message.split('\n')[0];
    return { ...withPositions, data: undefined, error: { message: `could not be read: ${reason}: write plain values, without YAML tags (!…)`, line: (mark?.line ?? 0) + firstLine, column: (mark?.column ?? 0) + 1 } };
  }
  // What was read is checked for aliases too, in one pass, so no way of writing one gets past the text's check.
  if (anchorOrAlias.test(text) || mayHoldTag.test(text) || usedAliases(data, text.length)) return parseYamlWithPositions(text, firstLine);
  let positions: ParsedYaml | undefined;
  return { data, positionOf: (path) => (positions ??= parseYamlWithPositions(text, firstLine)).positionOf(path) };
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
  const tagged = error ? undefined : firstTagged(doc);
  if (tagged) {
    const where = tagged.range ? toFile(tagged.range[0]) : top;
    return { data: undefined, positionOf, error: { message: `uses the YAML tag ${tagged.tag}: write plain values, without tags (!…)`, ...where } };
  }
  if (error) {
    return { data: undefined, positionOf, error: { message: `has a YAML syntax error: ${error.message.split('\n')[0]}`, ...toFile(error.pos[0]) } };
  }
  try {
    return { data: doc.toJS({ maxAliasCount: 0 }), positionOf };
  } catch (e) {
    return { data: undefined, positionOf, error: { message: `could not be read: ${(e as Error).message}`, ...top } };
  }
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** Where a file's front-matter text (and its offset in the file) and body are, or why its fences are wrong (a message and its line). */
type Split = { yaml: string; yamlAt: number; yamlLine: number; body: string; bodyLine: number } | { problem: string; line: number };

function splitSource(source: string): Split {
  const problem = (message: string, line = 1): Split => ({ problem: message, line });
  const match = astroFrontmatter.exec(source);
  if (!match) {
    return /^\uFEFF?\s*(?:---|\+\+\+)/.test(source)
      ? problem('has front-matter that is never closed: add a line of --- after the last field')
      : problem('has no front-matter: start the file with a line of ---, then the fields, then another line of ---');
  }
  const closeAt = match.index + match[0].length - 3;
  const openAt = closeAt - match[1].length - 3;
  const openLine = lineOf(source, openAt);
  const closeLine = lineOf(source, closeAt);
  if (source.startsWith('+++', openAt)) return problem('has TOML front-matter between lines of +++: write the fields as YAML between lines of ---', openLine);
  const opening = /^[ \t]*\r?\n/.exec(match[1]);
  if (!opening) return problem('has text after the opening ---: put the --- on a line of its own, and the first field on the next line', openLine);
  if (source.startsWith('+++', closeAt)) return problem('closes its front-matter with +++: close it with a line of ---', closeLine);
  const rest = /^[ \t]*(?:\r?\n|$)/.exec(source.slice(closeAt + 3));
  if (!rest) return problem(`has text straight after the --- on line ${closeLine}, the line that closes the front-matter: put the --- on a line of its own (a line that starts with --- always ends the front-matter)`, closeLine);
  return { yaml: match[1].slice(opening[0].length).replace(/\r?\n$/, ''), yamlAt: openAt + 3 + opening[0].length, yamlLine: openLine + 1, body: source.slice(closeAt + 3 + rest[0].length), bodyLine: closeLine + 1 };
}

/**
 * Where the value at `path` (e.g. ["steps", 2, "description"]) is written: the offsets of its
 * first character and of the character after it, quotes, block indicator or dashes included. Its
 * front-matter's for an MDX file (`yaml: false`), the whole file's for a YAML one. A text is
 * `text`; a list of texts is `list`, with whether it is written in brackets and, if not, what
 * precedes its first dash on that line. Undefined when the YAML cannot be read or holds neither there.
 */
export function valueRange(source: string, path: readonly (string | number)[], { yaml: whole }: { yaml: boolean }):
  | { kind: 'text'; at: [number, number] }
  | { kind: 'list'; at: [number, number]; flow: boolean; indent: string }
  | undefined {
  const split = whole ? { yaml: source, yamlAt: 0 } : splitSource(source);
  if ('problem' in split) return undefined;
  const doc = parseDocument(split.yaml, { uniqueKeys: true });
  if (doc.errors.length) return undefined;
  const node = doc.getIn(path, true);
  if ((!isScalar(node) && !isSeq(node)) || !node.range) return undefined;
  const at: [number, number] = [split.yamlAt + node.range[0], split.yamlAt + node.range[1]];
  if (isScalar(node)) return typeof node.value === 'string' ? { kind: 'text', at } : undefined;
  if (!isSeq(node) || !node.items.every((item) => isScalar(item) && typeof item.value === 'string')) return undefined;
  const lineStart = source.lastIndexOf('\n', at[0] - 1) + 1;
  return { kind: 'list', at, flow: Boolean(node.flow), indent: source.slice(lineStart, at[0]) };
}

/** Splits an MDX or Markdown file into its front-matter and body. */
export function parseSource(source: string): ParsedSource {
  const split = splitSource(source);
  if ('problem' in split) {
    const where = { line: split.line, column: 1 };
    return { data: undefined, body: source, bodyLine: 1, positionOf: () => where, error: { message: split.problem, ...where } };
  }
  const { body, bodyLine, yamlLine } = split;
  const yaml = parseYaml(split.yaml, yamlLine);
  if (!yaml.error && (!yaml.data || typeof yaml.data !== 'object' || Array.isArray(yaml.data))) {
    return { ...yaml, body, bodyLine, data: undefined, error: { message: 'front-matter should be fields written as key: value', line: yamlLine, column: 1 } };
  }
  return { ...yaml, body, bodyLine };
}

/**
 * Whether data read from YAML text used an alias: js-yaml gives an aliased list or map as the same
 * object twice, and an aliased text as more characters than the YAML holds. One pass over the
 * distinct nodes, so it ends however the aliases nest.
 */
function usedAliases(data: unknown, yamlLength: number): boolean {
  const seen = new Set<object>();
  let characters = 0;
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'string') characters += node.length;
    if (!node || typeof node !== 'object') continue;
    if (seen.has(node)) return true;
    seen.add(node);
    for (const [key, value] of Object.entries(node)) {
      characters += key.length;
      stack.push(value);
    }
  }
  return characters > yamlLength;
}

/**
 * A file's fields and body read with js-yaml alone, for the browser, which then need not load the
 * `yaml` package's parser. js-yaml refuses tags outside the core schema itself; aliases, which
 * `parseSource` refuses with the other parser, are found in what was read. Messages carry no
 * position. Not a gate: what it reads is checked again before it goes anywhere.
 */
export function readSourceData(source: string): { data: Record<string, unknown>; body: string } | { error: string } {
  const split = splitSource(source);
  if ('problem' in split) return { error: split.problem };
  let data: unknown;
  try {
    data = load(split.yaml, { schema: CORE_SCHEMA });
  } catch (e) {
    return { error: `has front-matter that could not be read: ${(e as { reason?: string }).reason ?? (e as Error).message.split('\n')[0]}` };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { error: 'has front-matter that is not fields written as key: value' };
  if (usedAliases(data, split.yaml.length)) return { error: 'has YAML aliases (*name), which a file written by the site never has' };
  return { data: data as Record<string, unknown>, body: split.body };
}

/** The slug of a content file is its file name without the extension. */
export function slugOf(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.(mdx|md|ya?ml|json)$/i, '');
}
