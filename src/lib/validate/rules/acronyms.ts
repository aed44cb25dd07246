/**
 * A warning, not a problem: an acronym in a blueprint or playbook that the glossary does not know.
 * Readers outside the organisation that wrote it may not know it either, and search cannot link it
 * to what it stands for. The fix is a glossary entry (src/content/glossary.yaml) or writing it out,
 * as "Full Name (ACRONYM)" on the page, which also gives search the pair.
 */
import type { Node } from 'unist';
import { definedAcronymGroups } from '../../search/defined-acronyms';
import type { Corpus, CorpusEntry } from '../corpus';
import { eachNode } from '../mdx-body';
import type { Problem } from '../problem';

/**
 * Two or more capitals, perhaps with digits or "&" between them (GP, EPR, A&E, DCB0129), and a
 * plural "s". Not inside a longer word, and not a Roman numeral standing alone.
 */
const acronym = /(?<![\p{L}\p{N}&])([A-Z][A-Z0-9&]*[A-Z0-9])s?(?![\p{L}\p{N}&])/gu;
/** Two capitals in a row, the cheap test a text must pass before the full pattern runs over it. */
const mayHoldAcronym = /[A-Z][A-Z0-9&]*[A-Z0-9]/;
const romanNumeral = /^[IVXLC]+$/;

/** Every acronym the glossary and the synonyms name: terms, aliases and synonym groups. */
function knownAcronyms(corpus: Corpus): Set<string> {
  const known = new Set<string>();
  const add = (text: string) => {
    for (const [, found] of text.matchAll(acronym)) known.add(found);
  };
  for (const entry of corpus.entries) {
    if (entry.kind === 'glossary' && Array.isArray(entry.data)) {
      for (const term of entry.data as { term: string; aliases?: string[] }[]) [term.term, ...(term.aliases ?? [])].forEach(add);
    }
    if (entry.kind === 'synonyms' && Array.isArray(entry.data)) {
      for (const group of entry.data as { terms: string[] }[]) group.terms.forEach(add);
    }
  }
  return known;
}

/**
 * The text a reader sees, with where it starts: front-matter strings, then the body's text. A
 * front-matter position costs a second, position-keeping parse of the YAML, so it is worked out
 * only for a text that gets a warning.
 */
function readerText(entry: CorpusEntry, corpus: Corpus): { text: string; at: () => { line: number; column: number } }[] {
  const found: { text: string; at: () => { line: number; column: number } }[] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') found.push({ text: value, at: () => entry.parsed.positionOf(path) });
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => walk(v, [...path, k]));
  };
  walk(entry.parsed.data, []);
  const tree = corpus.bodyOf(entry)?.tree;
  if (tree) {
    eachNode(tree, (node: Node) => {
      if (node.type === 'text') {
        const start = node.position?.start ?? { line: 1, column: 1 };
        found.push({ text: (node as unknown as { value: string }).value, at: () => ({ line: start.line, column: start.column }) });
      }
    });
  }
  return found;
}

export function checkAcronyms(corpus: Corpus): Problem[] {
  const known = knownAcronyms(corpus);
  if (known.size === 0) return []; // no glossary in this set of files: nothing to compare with
  return corpus.entries
    .filter((e) => (e.kind === 'blueprint' || e.kind === 'playbook') && e.data)
    .flatMap((entry) => {
      // An acronym the page itself defines, as "Full Name (ACRONYM)", is written out for its readers.
      const defined = new Set(definedAcronymGroups([entry]).map(([acronym]) => acronym));
      const reported = new Set<string>();
      const warnings: Problem[] = [];
      for (const { text, at } of readerText(entry, corpus)) {
        if (!mayHoldAcronym.test(text)) continue;
        for (const [, found] of text.matchAll(acronym)) {
          if (known.has(found) || defined.has(found) || defined.has(found.replace(/s$/, '')) || reported.has(found) || romanNumeral.test(found)) continue;
          reported.add(found);
          warnings.push({
            file: entry.file.path,
            ...at(),
            field: 'acronyms',
            message: `"${found}" is not in the glossary: add it to src/content/glossary.yaml with what it stands for, or write it out in full`,
          });
        }
      }
      return warnings;
    });
}
