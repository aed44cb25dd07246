/**
 * axe-core finds no WCAG 2.2 A or AA failure on any kind of page. Search is checked with results
 * on screen, as that is where most of its markup is.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations, formatViolations } from '../support/axe';
import { browsedKinds, exampleAddress } from '../support/pages';
import { showSearchResults } from '../support/search-page';
import { useSite } from '../support/site';

describe('accessibility (axe, WCAG 2.2 AA)', () => {
  const site = useSite();

  for (const kind of browsedKinds) {
    it(`finds no violations on the ${kind} page`, async () => {
      const { page } = await site.open();
      const path = exampleAddress(kind);
      await page.goto(site.url(path));
      if (kind === 'search') await showSearchResults(page);
      const violations = await axeViolations(page);
      expect(violations.length, `\n${formatViolations(path, violations)}\n`).toBe(0);
    });
  }
});
