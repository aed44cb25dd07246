/**
 * A reader opens "Page history" on a blueprint and a playbook page with the keyboard alone: the
 * section starts closed, opens with Enter on its summary, shows its dates, and the open section
 * passes axe's WCAG 2.2 AA checks (a closed section's contents are not checked by the page-wide test).
 */
import { describe, expect, it } from 'vitest';
import { axeViolations, formatViolations } from '../support/axe';
import { exampleAddress, type PageKind } from '../support/pages';
import { useSite } from '../support/site';

describe('page history in the browser', () => {
  const site = useSite();

  for (const kind of ['blueprint', 'playbook'] as PageKind[]) {
    it(`opens with the keyboard on a ${kind} page and has no accessibility failures when open`, async () => {
      const { page } = await site.open();
      const path = exampleAddress(kind);
      await page.goto(site.url(path));
      const details = page.locator('details#page-history');
      const firstPublished = details.locator('dd time').first();
      expect(await details.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
      expect(await firstPublished.isVisible()).toBe(false);

      await details.locator('summary').focus();
      await page.keyboard.press('Enter');
      expect(await details.evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
      expect(await firstPublished.isVisible()).toBe(true);
      expect(await details.locator('dt').first().textContent()).toBe('First published');

      const violations = await axeViolations(page);
      expect(violations.length, `\n${formatViolations(`${path} with Page history open`, violations)}\n`).toBe(0);
    });
  }
});
