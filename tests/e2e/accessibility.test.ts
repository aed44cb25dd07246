/**
 * axe-core finds no WCAG 2.2 A or AA failure on any kind of page. Search is checked with results
 * on screen, as that is where most of its markup is.
 */
import { describe, expect, it } from 'vitest';
import { axeResults, axeViolations, forcedRules, formatViolations } from '../support/axe';
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

  it('runs the target-size rule (WCAG 2.2 SC 2.5.8) that Lighthouse checks, and finds it met', async () => {
    const { page } = await site.open({ viewport: { width: 320, height: 800 } });
    await page.goto(site.url(exampleAddress('taxonomy')));
    const results = await axeResults(page);
    const ran = [...results.passes, ...results.incomplete, ...results.violations].map((r) => r.id);
    for (const rule of forcedRules) expect(ran, rule).toContain(rule);
    expect(results.violations.map((v) => v.id)).not.toContain('target-size');
  });
});
