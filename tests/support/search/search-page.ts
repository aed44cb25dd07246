/**
 * Runs searches on the built search page the way a reader does (the address carries the query,
 * the page's own script runs Pagefind), and reads back what it shows. Used by the search quality
 * and search page tests.
 */
import type { Page } from 'playwright-core';
import { paths } from '../../../src/lib/content/urls';
import { unserved } from '../site-dir';
import type { Site } from '../site';

export interface Shown {
  /** Site paths of the results on screen, in order, e.g. "/blueprints/x/". */
  paths: string[];
  /** What the live region said. */
  status: string;
}

/** Waits until the page has finished searching and says so in its live region. */
export async function searchSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('[data-search-results]')?.getAttribute('aria-busy') === 'false' && !!document.querySelector('[data-search-status]')?.textContent,
    null,
    { timeout: 15_000 },
  );
}

export async function shownResults(page: Page): Promise<Shown> {
  const hrefs = await page.locator('[data-search-results] h2 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  return {
    paths: hrefs.map((href) => unserved(new URL(href).pathname) ?? href),
    status: (await page.locator('[data-search-status]').textContent()) ?? '',
  };
}

/** Opens the search page at `address` (the search page's URL with a query string) and returns the results. */
export async function searchAt(page: Page, address: string): Promise<Shown> {
  await page.goto(address);
  await searchSettled(page);
  return shownResults(page);
}

/** Searches the built site for `query` in a page of its own, as a reader arriving with a query would. */
export async function searchSite(site: Site, query: string): Promise<Shown> {
  const { page, close } = await site.open();
  try {
    return await searchAt(page, `${site.url(paths.search())}?q=${encodeURIComponent(query)}`);
  } finally {
    await close();
  }
}

/** Every result, pressing "Show more results" until there are no more (at most 50 times). */
export async function allResults(page: Page): Promise<string[]> {
  const more = page.locator('[data-search-more]');
  for (let i = 0; i < 50 && (await more.isVisible()); i++) {
    const before = await page.locator('[data-search-results] > li').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-search-results] > li').length > n, before);
  }
  return (await shownResults(page)).paths;
}
