/**
 * The Astro adapter for search data computed once per build: for every blueprint, its related
 * blueprints (src/lib/search/related.ts) and the tokens of the synonym groups' names it uses
 * (src/lib/search/synonym-tokens.ts); and the synonym vocabulary the search page
 * corrects misspellings with. All memoised, so 3,000 blueprint pages share one computation.
 */
import { readFileSync } from 'node:fs';
import { getCatalogue } from './catalogue';
import { getGlossary } from './glossary';
import { parseSource } from '../lib/content/front-matter';
import { readVocabulary } from '../node/content-files';
import { definedAcronyms } from '../integrations/defined-acronyms-slot';
import { judgedContent, judgedData } from '../integrations/judged-content';
import type { GlossaryTerm } from '../lib/schema';
import type { SynonymGroup } from '../lib/schema/synonyms';
import { buildSynonyms } from '../lib/search/synonyms';
import { takeSearchData } from '../integrations/search-data-slot';
import { blueprintSearchData, type BlueprintSearchData } from '../lib/search/build-data';
import { blueprintDocument } from '../lib/search/documents';
import type { Synonyms } from '../lib/search/synonyms';

let vocabulary: Synonyms | undefined;

/**
 * Synonym groups from the glossary, src/content/synonyms.yaml and the acronyms the content
 * defines, which the content gate found (src/integrations/defined-acronyms-slot.ts). In a build,
 * from the data the gate passed (src/integrations/judged-content.ts); in `astro dev`, from the files.
 */
export function getVocabulary(): Synonyms {
  if (!vocabulary) {
    const defined = definedAcronyms();
    if (!defined) throw new Error('Search needs the acronyms the content gate finds: list contentGate() first in astro.config.mjs.');
    const judged = judgedContent();
    vocabulary = judged
      ? buildSynonyms(judgedData(judged, 'synonyms').flat() as SynonymGroup[], judgedData(judged, 'glossary').flat() as GlossaryTerm[], defined)
      : readVocabulary(process.cwd(), defined);
  }
  return vocabulary;
}

let computed: Promise<Map<string, BlueprintSearchData>> | undefined;

async function computeAll(): Promise<Map<string, BlueprintSearchData>> {
  const catalogue = await getCatalogue();
  const synonyms = getVocabulary();
  const started = performance.now();
  // Astro's store keeps no bodies (src/content.config.ts), so each is read from its file.
  const docs = catalogue.blueprints.map((b) =>
    blueprintDocument(b, parseSource(readFileSync(b.filePath, 'utf8')).body, catalogue.organisation(b.data.organisation)?.data, synonyms),
  );
  const data = blueprintSearchData(docs, new Map(catalogue.blueprints.map((b) => [b.slug, b.data.related])), [...(await getGlossary()).values()]);
  // One line per build, so the cost stays visible as the catalogue grows.
  console.info(`[search] related blueprints and synonyms for ${docs.length} blueprints in ${Math.round(performance.now() - started)} ms`);
  return data;
}

/**
 * A blueprint's related blueprints and synonym tokens: from the worker the build started
 * (src/integrations/search-data.ts), or computed here when there is none (`astro dev`).
 */
export async function getBlueprintSearchData(slug: string): Promise<BlueprintSearchData> {
  computed ??= takeSearchData() ?? computeAll();
  return (await computed).get(slug) ?? { related: [], synonymTokens: [], abbreviations: [] };
}
