/**
 * The one Pagefind client for browser code: its API as this site uses it, and loading it once
 * per page. The search page and the drafting form's "similar blueprints" hint both use it.
 * https://pagefind.app/docs/api/
 */

export interface PagefindData {
  url: string;
  excerpt: string;
  /** The page's indexed text. */
  content: string;
  /** One entry per section under a heading with an id. */
  sub_results?: { url: string; title: string; excerpt: string }[];
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}
export type Counts = Record<string, Record<string, number>>;
export interface PagefindResponse {
  results: PagefindResult[];
  filters: Counts;
}
export type PagefindFilters = Record<string, { any: string[] }>;
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  filters(): Promise<Counts>;
  search(term: string | null, options?: { filters?: PagefindFilters; sort?: Record<string, string> }): Promise<PagefindResponse | null>;
  /** Loads the index chunks the words of `term` fall in, and searches no further. */
  preload(term: string): Promise<void>;
}

let loading: Promise<Pagefind> | undefined;

/**
 * Loads Pagefind from the built site's script once and sets its options; later calls get the
 * same instance. Rejects, every time, when the script is not there (the dev server has no index).
 */
export function loadPagefind(scriptUrl: string, baseUrl: string, options: Record<string, unknown> = {}): Promise<Pagefind> {
  loading ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ scriptUrl)) as Pagefind;
    await pagefind.options({ baseUrl, ...options });
    return pagefind;
  })();
  return loading;
}
