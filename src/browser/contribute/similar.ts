/**
 * Looks for blueprints like the one being drafted, in the site's Pagefind index, so an author
 * can improve an existing page instead of writing a second one. Only a hint: when the index is
 * not there (the dev server has none) nothing is shown.
 * https://pagefind.app/docs/api/
 */
import { isSimilarTitle } from '../../lib/search/similar-title';
import { loadPagefind } from '../pagefind';

export interface Match {
  title: string;
  url: string;
}

/** Up to `limit` blueprint pages whose titles are close to this one. */
export async function findSimilar(scriptUrl: string, base: string, title: string, limit = 3): Promise<Match[]> {
  try {
    const pagefind = await loadPagefind(scriptUrl, base);
    const search = await pagefind.search(title);
    if (!search) return [];
    const blueprintPage = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}blueprints/(?!page/)[^/]+/$`);
    const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
    return data
      .filter((d) => blueprintPage.test(d.url) && d.meta.title && isSimilarTitle(title, d.meta.title))
      .slice(0, limit)
      .map((d) => ({ title: d.meta.title!, url: d.url }));
  } catch {
    return [];
  }
}
