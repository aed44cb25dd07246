/**
 * On a 320 px wide screen (WCAG 1.4.10 Reflow: 320 CSS px) no page scrolls sideways; wide tables
 * wrap or scroll inside their own container. The search page is measured with results shown.
 */
import { describe, expect, it } from 'vitest';
import { browsedKinds, exampleAddress, pagesOfKind, type PageKind } from '../support/pages';
import { showSearchResults } from '../support/search-page';
import { useSite } from '../support/site';

/** Pages per kind to check: all of a kind, up to this many, spread across the list. */
const perKind = 12;

function addressesOf(kind: PageKind): string[] {
  const pages = pagesOfKind(kind);
  if (kind === '404' || pages.length === 0) return [exampleAddress(kind)];
  const step = Math.max(1, Math.ceil(pages.length / perKind));
  return pages.filter((_, i) => i % step === 0).map((p) => p.path);
}

describe('at 320 px wide', () => {
  const site = useSite();

  for (const kind of browsedKinds) {
    it(`the ${kind} page does not scroll sideways`, async () => {
      const { page } = await site.open({ viewport: { width: 320, height: 640 } });
      const wide: string[] = [];
      for (const path of addressesOf(kind)) {
        await page.goto(site.url(path));
        if (kind === 'search') await showSearchResults(page);
        const { scrollWidth, clientWidth, culprit } = await page.evaluate(() => {
          const root = document.documentElement;
          // The widest element that sticks out, to say what to fix.
          let culprit = '';
          let widest = root.clientWidth;
          const clipped = (el: Element) => {
            for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
              if (getComputedStyle(a).overflowX !== 'visible') return true;
            }
            return false;
          };
          for (const el of document.body.querySelectorAll('*')) {
            const right = el.getBoundingClientRect().right;
            if (right > widest + 1 && !clipped(el)) {
              widest = right;
              culprit = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
            }
          }
          return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprit };
        });
        if (scrollWidth > clientWidth) wide.push(`${path}  ${scrollWidth}px wide (widest: ${culprit})`);
      }
      expect(wide).toEqual([]);
    });
  }
});
