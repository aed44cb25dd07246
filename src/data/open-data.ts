/**
 * The Astro adapter around src/lib/open-data/files.ts: gathers the catalogue, glossary and related
 * blueprints, and computes every API file once per build, with one build time for all of them.
 */
import { getCollection } from 'astro:content';
import { getCatalogue } from './catalogue';
import { getBlueprintSearchData } from './search';
import { contentLicence } from '../lib/content/licence';
import { paths } from '../lib/content/urls';
import { absoluteUrl } from '../site';
import { openDataFiles, type OpenDataFile } from '../lib/open-data/files';

let computing: Promise<OpenDataFile[]> | undefined;

export function getOpenDataFiles(): Promise<OpenDataFile[]> {
  computing ??= (async () => {
    const generatedAt = new Date();
    const [catalogue, glossary] = await Promise.all([getCatalogue(), getCollection('glossary')]);
    const related = new Map(
      await Promise.all(catalogue.blueprints.map(async (b) => [b.slug, (await getBlueprintSearchData(b.slug)).related] as const)),
    );
    return openDataFiles({
      catalogue,
      glossary: glossary.map((g) => ({ id: g.id, data: g.data })),
      related: (slug) => related.get(slug) ?? [],
      addresses: {
        page: (kind, slug) => absoluteUrl(paths[kind](slug)),
        file: (name) => absoluteUrl(paths.openDataFile(name)),
      },
      generatedAt,
      licence: contentLicence,
    });
  })();
  return computing;
}
