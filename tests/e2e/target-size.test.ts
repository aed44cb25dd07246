/**
 * WCAG 2.2 SC 2.5.8 Target Size (Minimum), measured in Chromium: every link, button and form
 * control on each kind of page is at least 24 by 24 CSS pixels, or a 24 px circle centred on it
 * touches no other target's circle (the spacing exception), or it sits in a sentence (the inline
 * exception). Lighthouse's accessibility audit flagged the header's home link; this is its check,
 * run on every page kind at a phone's width and a desktop's.
 * https://www.w3.org/WAI/WCAG22/Understanding/target-size-minimum.html
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browsedKinds, exampleAddress } from '../support/pages';
import { showSearchResults } from '../support/search-page';
import { useSite } from '../support/site';

const minimum = 24;

/** Targets too small with no spacing or inline exception, described as "selector (width×height)". */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])';
    const visible = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      // A skip link is 1 px and clipped until it has focus (visually hidden); then it is full size, measured below.
      return style.visibility !== 'hidden' && style.display !== 'none' && box.width > 1 && box.height > 1 && !el.closest('[hidden]');
    });
    const boxes = visible.map((el) => ({ el, box: el.getBoundingClientRect() }));
    /** A link in running text: a block of text where the link is not the only thing (the inline exception). */
    const inSentence = (el: HTMLElement) => {
      if (getComputedStyle(el).display !== 'inline') return false;
      const block = el.closest('p, li, dd, td, th, label, figcaption, .nhsuk-hint');
      return !!block && (block.textContent ?? '').trim().length > (el.textContent ?? '').trim().length + 1;
    };
    const centre = (b: DOMRect) => ({ x: b.left + b.width / 2, y: b.top + b.height / 2 });
    const describe = (el: HTMLElement, b: DOMRect) => {
      const name = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : '');
      return `${name} "${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 40)}" (${Math.round(b.width * 10) / 10}×${Math.round(b.height * 10) / 10})`;
    };
    const problems: string[] = [];
    for (const { el, box } of boxes) {
      if (box.width >= min && box.height >= min) continue;
      if (inSentence(el)) continue;
      // Spacing exception: a 24 px circle on this target's centre must not meet any other target's box or circle.
      const c = centre(box);
      const crowded = boxes.some((other) => {
        if (other.el === el || other.el.contains(el) || el.contains(other.el)) return false;
        const o = other.box;
        const nearestX = Math.max(o.left, Math.min(c.x, o.right));
        const nearestY = Math.max(o.top, Math.min(c.y, o.bottom));
        const small = o.width < min || o.height < min;
        const oc = centre(o);
        return Math.hypot(c.x - nearestX, c.y - nearestY) < min / 2 || (small && Math.hypot(c.x - oc.x, c.y - oc.y) < min);
      });
      if (crowded) problems.push(describe(el, box));
    }
    return problems;
  }, minimum);
}

describe('target size (WCAG 2.2 SC 2.5.8)', () => {
  const site = useSite();

  // Every kind at a phone's width, where targets crowd most; a few at a desktop's, where the header lays out differently.
  const runs = [
    { width: 320, kinds: browsedKinds },
    { width: 1024, kinds: browsedKinds.filter((k) => ['home', 'blueprint', 'taxonomy', 'where-to-start'].includes(k)) },
  ];
  for (const { width, kinds } of runs) {
    for (const kind of kinds) {
      it(`every control on the ${kind} page is at least 24 px or well spaced, ${width} px wide`, async () => {
        const { page } = await site.open({ viewport: { width, height: 800 } });
        const path = exampleAddress(kind);
        await page.goto(site.url(path));
        if (kind === 'search') await showSearchResults(page);
        expect(await smallTargets(page), path).toEqual([]);
      });
    }
  }

  it('the header home link and the focused skip link are at least 24 by 24 px, whatever the spacing', async () => {
    const { page } = await site.open({ viewport: { width: 320, height: 800 } });
    await page.goto(site.url(exampleAddress('blueprint')));
    const home = await page.locator('header .nhsuk-header__service-logo').boundingBox();
    await page.keyboard.press('Tab');
    const skip = await page.locator('.nhsuk-skip-link:focus').boundingBox();
    for (const box of [home, skip]) {
      expect(box!.height).toBeGreaterThanOrEqual(minimum);
      expect(box!.width).toBeGreaterThanOrEqual(minimum);
    }
  });
});
