/**
 * A keyboard-only reader can use the site: the skip link comes first and takes them to the main
 * content, focus is always visible, and every control on the home, blueprint and search pages is
 * reached with Tab and works with Enter or Space.
 */
import { describe, expect, it } from 'vitest';
import { activations, catchActivations, operate, walkWithTab, type Walk } from '../support/keyboard';
import { exampleAddress, type PageKind } from '../support/pages';
import { showSearchResults } from '../support/search-page';
import { useSite } from '../support/site';

const keyboardPages: PageKind[] = ['home', 'blueprint', 'search'];

describe('a keyboard-only reader', () => {
  const site = useSite();

  it('meets the skip link at the first Tab, and Enter on it moves focus to the main content', async () => {
    const { page } = await site.open();
    await page.goto(site.url('/'));
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(first).toMatch(/skip to main content/i);
    await page.keyboard.press('Enter');
    const focus = await page.evaluate(() => {
      const el = document.activeElement;
      return { inMain: !!el?.closest('main'), on: `${el?.tagName.toLowerCase()}${el?.id ? `#${el.id}` : ''}` };
    });
    expect(focus.inMain, `focus is on ${focus.on}, not in <main> (<main tabindex="-1"> lets the skip link focus it)`).toBe(true);
  });

  for (const kind of keyboardPages) {
    describe(`on the ${kind} page`, () => {
      let walk: Walk;
      const failures: string[] = [];

      it('reaches every control with Tab', async () => {
        const { page } = await site.open();
        await page.goto(site.url(exampleAddress(kind)));
        // Search is walked with results on screen, so their links and "Show more" are reached too.
        if (kind === 'search') await showSearchResults(page);
        await catchActivations(page);
        walk = await walkWithTab(page, async (stop, control) => {
          if (!control?.interactive) return;
          const problem = await operate(page, control);
          if (problem) failures.push(`${control.description}: ${problem}`);
        });
        expect(walk.controls.length).toBeGreaterThan(0);
        expect(walk.unreached.map((c) => c.description), 'controls Tab never reached').toEqual([]);
        await activations(page);
      });

      it('shows where focus is on every control (its outline or box-shadow changes)', () => {
        expect(walk, 'the Tab walk did not run').toBeDefined();
        expect(walk.invisibleFocus.map((s) => `${s.description}  ${s.style}`), 'controls with no visible focus').toEqual([]);
      });

      it('operates every control with Enter or Space', () => {
        expect(walk, 'the Tab walk did not run').toBeDefined();
        expect(failures).toEqual([]);
      });
    });
  }
});
