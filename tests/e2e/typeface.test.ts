/**
 * Every kind of page sets its text, headings and form controls in the NHS.UK fallback typeface
 * (Arial, then the system's sans-serif), never in the browser's default serif font. The site
 * leaves out NHS.UK's Frutiger font face, which is where NHS.UK frontend sets the font.
 */
import { describe, expect, it } from 'vitest';
import { browsedKinds, exampleAddress } from '../support/pages';
import { useSite } from '../support/site';

describe('the typeface', () => {
  const site = useSite();

  it('is Arial or sans-serif on every kind of page, for text, headings, links and form controls', async () => {
    const { page } = await site.open();
    const wrong: string[] = [];
    for (const kind of browsedKinds) {
      const path = exampleAddress(kind);
      await page.goto(site.url(path));
      const families = await page.evaluate(() =>
        [...document.querySelectorAll('main p, main h1, main h2, main a, main li, main label, main input, main select, main textarea, main button')]
          .filter((el) => (el as HTMLElement).checkVisibility())
          .map((el) => `${el.tagName.toLowerCase()}: ${getComputedStyle(el).fontFamily}`),
      );
      expect(families.length, `${path} has text to check`).toBeGreaterThan(0);
      for (const found of new Set(families)) {
        if (!/:\s*arial, sans-serif$/i.test(found)) wrong.push(`${path}  ${found}`);
      }
    }
    expect(wrong, 'Elements not set in Arial, sans-serif').toEqual([]);
  });
});
