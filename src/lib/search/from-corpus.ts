/**
 * Search documents from the validator's corpus, for the command-line tools and the build's
 * search-data worker (src/integrations/search-data-worker.ts): the same validated entries the
 * build gate reads, never the built HTML.
 */
import type { Corpus, CorpusEntry } from '../validate/corpus';
import { isListed, type Blueprint, type GlossaryTerm, type Organisation } from '../schema';
import type { SynonymGroup } from '../schema/synonyms';
import { definedAcronymGroups } from './defined-acronyms';
import { blueprintDocument, type SearchDocument } from './documents';
import { buildSynonyms, type Synonyms } from './synonyms';

export interface SearchCorpus {
  docs: SearchDocument[];
  synonyms: Synonyms;
  organisations: Map<string, Organisation>;
  /** Each blueprint's own `related` list, as its author wrote it. */
  authorLists: Map<string, string[]>;
  glossary: GlossaryTerm[];
}

/** What search needs of a corpus entry: plain data, so it can be sent to a worker thread. */
export type SearchEntry = Pick<CorpusEntry, 'kind' | 'slug' | 'data'> & { parsed: { body: string } };

/** The validated entries of a corpus, as search needs them. */
export function searchEntries(corpus: Corpus): SearchEntry[] {
  return corpus.entries.filter((e) => e.data !== undefined).map((e) => ({ kind: e.kind, slug: e.slug, data: e.data, parsed: { body: e.parsed.body } }));
}

/**
 * Listed blueprints (published or needing review) as documents; drafts and archived ones are left
 * out. `defined` are the acronym groups the entries define, when the caller has found them already
 * (the build's content gate does, once); otherwise they are found here.
 */
export function searchCorpus(corpus: { entries: SearchEntry[] }, defined: readonly (readonly string[])[] = definedAcronymGroups(corpus.entries)): SearchCorpus {
  const of = (kind: string) => corpus.entries.filter((e) => e.kind === kind && e.data !== undefined);
  const glossary = of('glossary').flatMap((e) => e.data as GlossaryTerm[]);
  const synonyms = buildSynonyms(of('synonyms').flatMap((e) => e.data as SynonymGroup[]), glossary, defined);
  const organisations = new Map(of('organisation').map((e) => [e.slug, e.data as Organisation]));
  const authorLists = new Map(of('blueprint').map((e) => [e.slug, (e.data as Blueprint).related]));
  const docs = of('blueprint')
    .filter((e) => isListed(e.data as Blueprint))
    .map((e) => blueprintDocument({ slug: e.slug, data: e.data as Blueprint }, e.parsed.body, organisations.get((e.data as Blueprint).organisation), synonyms));
  return { docs, synonyms, organisations, authorLists, glossary };
}
