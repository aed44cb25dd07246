/**
 * The Astro adapter for search data computed once per build: related blueprints for every
 * blueprint (src/lib/search/related.ts) and the synonym vocabulary the search page corrects
 * misspellings with. Both are memoised, so 3,000 blueprint pages share one computation.
 */
import { getCollection } from 'astro:content';
import { getCatalogue } from './catalogue';
import { readVocabulary } from '../integrations/pagefind';
import { blueprintDocument } from '../lib/search/documents';
import { computeRelated } from '../lib/search/related';
import type { Synonyms } from '../lib/search/synonyms';

let vocabulary: Synonyms | undefined;

/** Synonym groups from the glossary and src/content/synonyms.yaml. */
export function getVocabulary(): Synonyms {
  vocabulary ??= readVocabulary(process.cwd());
  return vocabulary;
}

let computed: Promise<Map<string, string[]>> | undefined;

async function computeAll(): Promise<Map<string, string[]>> {
  const catalogue = await getCatalogue();
  const bodies = new Map((await getCollection('blueprints')).map((e) => [e.id, e.body ?? '']));
  const synonyms = getVocabulary();
  const started = performance.now();
  const docs = catalogue.blueprints.map((b) =>
    blueprintDocument(b, bodies.get(b.slug) ?? '', catalogue.organisation(b.data.organisation)?.data, synonyms),
  );
  const related = computeRelated(docs, new Map(catalogue.blueprints.map((b) => [b.slug, b.data.related])));
  // One line per build, so the cost stays visible as the catalogue grows.
  console.info(`[search] related blueprints for ${docs.length} blueprints in ${Math.round(performance.now() - started)} ms`);
  return related;
}

/** Up to four related blueprints: the author's choices first, then the most similar. */
export async function getRelated(slug: string): Promise<string[]> {
  computed ??= computeAll();
  return (await computed).get(slug) ?? [];
}
