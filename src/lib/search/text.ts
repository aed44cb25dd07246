/**
 * Text for the lunr layer: MDX bodies reduced to plain words, and the one tokeniser every lunr
 * document, query and term vector goes through (lunr's own, so they always agree).
 */
import lunr from 'lunr';
import { remember } from './remember';

/**
 * MDX to plain text, cheaply. This is for search, not display: it drops comments, imports,
 * component tags (keeping what is between them), link targets and Markdown punctuation. The
 * content gate has already refused anything unsafe, so nothing here is ever executed.
 */
export function mdxToText(mdx: string): string {
  return mdx
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ') // {/* MDX comments */}
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/^\s*(import|export)\s.*$/gm, ' ')
    .replace(/```[^\n]*\n([\s\S]*?)```/g, '$1') // keep code, drop fences
    .replace(/<\/?[A-Za-z][\w.-]*(\s[^<>]*)?\/?>/g, ' ') // component and HTML tags, not their children
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images: keep the alt text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links: keep the text
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '') // headings, quotes, list markers
    .replace(/[*_`~|]+/g, ' ')
    .replace(/(^|\s):?-{3,}:?(?=\s|$)/g, ' ') // table rules and thematic breaks
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * lunr's stemmer, remembering each word it has seen: the stemmer is the slow part of indexing.
 * Registered once per lunr: the build loads this module twice (the integrations through Node,
 * the pages through Vite), and both copies then share the first one's function and its memory.
 */
const stems = new Map<string, string>();
const registered = (lunr.Pipeline as unknown as { registeredFunctions: Record<string, lunr.PipelineFunction> }).registeredFunctions;
export const rememberingStemmer: lunr.PipelineFunction = registered.rememberingStemmer ?? ((token) =>
  token.update((word: string) => stems.get(word) ?? remember(stems, word, String(lunr.stemmer(new lunr.Token(word, {}))))));
if (!registered.rememberingStemmer) lunr.Pipeline.registerFunction(rememberingStemmer, 'rememberingStemmer');

const pipeline = new lunr.Pipeline();
pipeline.add(lunr.trimmer, lunr.stopWordFilter, rememberingStemmer);

/**
 * Each distinct word's term, remembered: a catalogue has tens of thousands of distinct words
 * but millions of words in all, and lunr's stemmer is the slow part.
 */
const termOf = new Map<string, string | null>();

/** Words as lunr indexes them: lower case, stop words removed, stemmed ("wards" → "ward"). */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const word of text.toLowerCase().split(lunr.tokenizer.separator)) {
    if (!word) continue;
    let term = termOf.get(word);
    if (term === undefined) {
      const [first] = pipeline.runString(word);
      term = remember(termOf, word, first && first.length > 1 ? first : null);
    }
    if (term) out.push(term);
  }
  return out;
}
