/**
 * Drives the search page (/search/) as a reader would: type a query, wait for the results list.
 * Kept apart from tests/support/search/ (the search helper's own tests).
 */
import type { Page } from 'playwright-core';
import { expectedContent } from './content';

/** A query the content is sure to match: a distinctive word from the newest blueprint's title. */
export function knownQuery(): string {
  const [newest] = [...expectedContent().blueprints].sort((a, b) => b.data.published.getTime() - a.data.published.getTime());
  if (!newest) throw new Error('The content has no blueprints to search for.');
  const words = newest.data.title.split(/[^A-Za-z]+/).filter((w) => w.length >= 5);
  return words.sort((a, b) => b.length - a.length)[0] ?? newest.data.title;
}

/** The results list on the search page. */
export function resultsList(page: Page) {
  return page.getByRole('list', { name: 'Search results' });
}

/** Searches for `query` (or a query sure to match) and waits until results are on screen. */
export async function showSearchResults(page: Page, query = knownQuery()): Promise<void> {
  await page.getByRole('searchbox').first().fill(query);
  await page.getByRole('searchbox').first().press('Enter');
  await resultsList(page).getByRole('listitem').first().waitFor({ state: 'visible', timeout: 15_000 });
}
