/**
 * No page asks another site for anything (fonts, scripts, images, analytics) and nothing it asks
 * for is missing: readers' browsing stays between them and this site, and every page loads whole.
 * Requests off the machine are blocked by the harness and recorded; local errors are recorded too.
 */
import { describe, expect, it } from 'vitest';
import { browsedKinds, exampleAddress } from '../support/pages';
import { showSearchResults } from '../support/search-page';
import { useSite } from '../support/site';

describe('what each page loads', () => {
  const site = useSite();

  for (const kind of browsedKinds) {
    it(`the ${kind} page loads nothing from other sites, and everything it loads exists`, async () => {
      const { page, blocked, failed } = await site.open();
      await page.goto(site.url(exampleAddress(kind)), { waitUntil: 'load' });
      if (kind === 'search') await showSearchResults(page);
      await page.waitForLoadState('networkidle');
      // The 404 page is meant to answer 404 itself; anything else failing is a missing file.
      const missing = failed.filter((f) => !(kind === '404' && f.startsWith('404 ') && f.endsWith(exampleAddress('404'))));
      expect({ 'requests to other sites': [...new Set(blocked)], 'requests that failed': [...new Set(missing)] }).toEqual({
        'requests to other sites': [],
        'requests that failed': [],
      });
    });
  }
});
