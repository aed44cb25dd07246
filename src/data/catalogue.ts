/**
 * The Astro adapter around src/lib/content/catalogue.ts: loads the collections once per build
 * and memoises the result, so every page shares one catalogue.
 */
import { getCollection } from 'astro:content';
import { buildCatalogue, type Catalogue } from '../lib/content/catalogue';

let loading: Promise<Catalogue> | undefined;

export function getCatalogue(): Promise<Catalogue> {
  loading ??= (async () => {
    const [blueprints, playbooks, organisations, adoptions] = await Promise.all([
      getCollection('blueprints'),
      getCollection('playbooks'),
      getCollection('organisations'),
      getCollection('adoptions'),
    ]);
    const toEntry = <T>(e: { id: string; filePath?: string; data: T }) => ({ slug: e.id, filePath: e.filePath ?? '', data: e.data });
    return buildCatalogue({
      blueprints: blueprints.map(toEntry),
      playbooks: playbooks.map(toEntry),
      organisations: organisations.map(toEntry),
      adoptions: adoptions.map(toEntry),
    });
  })();
  return loading;
}
