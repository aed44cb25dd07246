/**
 * Related blueprints for each blueprint, computed once per build.
 * For now: the author's own `related` list. Search-based suggestions are added in src/lib/search.
 */
import { getCatalogue } from './catalogue';

let computed: Promise<Map<string, string[]>> | undefined;

export async function getRelated(slug: string): Promise<string[]> {
  computed ??= getCatalogue().then((c) => new Map(c.blueprints.map((b) => [b.slug, b.data.related])));
  return (await computed).get(slug) ?? [];
}
