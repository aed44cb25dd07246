/**
 * With JavaScript turned off (as on some locked-down NHS machines), every kind of page still shows
 * its main content, and a reader can follow links from the home page to a blueprint.
 */
import { describe, expect, it } from 'vitest';
import { paths } from '../../src/lib/content/urls';
import { adoptionFormFile } from '../../src/lib/contribute/issue-form-files';
import { browsedKinds, exampleAddress } from '../support/pages';
import { useSite } from '../support/site';

describe('with JavaScript turned off', () => {
  const site = useSite();

  for (const kind of browsedKinds) {
    it(`shows the main content of the ${kind} page`, async () => {
      const { page } = await site.open({ javaScriptEnabled: false });
      await page.goto(site.url(exampleAddress(kind)));
      const main = page.locator('main');
      await expect(main.isVisible()).resolves.toBe(true);
      const heading = main.getByRole('heading', { level: 1 });
      await expect(heading.count()).resolves.toBe(1);
      await expect(heading.isVisible()).resolves.toBe(true);
      const text = (await main.innerText()).replace(/\s+/g, ' ').trim();
      expect(text.length, 'the main content has barely any visible text').toBeGreaterThan(100);
    });
  }

  it('lets a reader follow links from the home page to a blueprint', async () => {
    const { page } = await site.open({ javaScriptEnabled: false });
    await page.goto(site.url('/'));
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Blueprints', exact: true }).click();
    await page.waitForURL(/\/blueprints\/$/);
    const first = page.locator('main a[href*="/blueprints/"]:not([href$="/blueprints/"]):not([href*="/page/"])').first();
    const title = (await first.innerText()).trim();
    await first.click();
    await page.waitForURL(/\/blueprints\/[a-z0-9-]+\/$/);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(title);
    await page.locator('#key-facts').waitFor({ state: 'visible' });
  });

  it('sends an adoption record to GitHub’s issue form with the written answers', async () => {
    const { page, blocked } = await site.open({ javaScriptEnabled: false });
    await page.goto(site.url(paths.weAreUsingThis()));
    await page.getByLabel('Which blueprint are you using?').fill('electronic-observations-in-nine-months');
    await page.getByLabel('Your organisation', { exact: true }).selectOption('tarnside-community-health');
    await page.getByLabel('When did you reach this stage?').fill('2026-09');
    await page.getByRole('button', { name: 'Continue on GitHub' }).click();
    // Nothing leaves this machine in tests: the browser's attempt to open GitHub is recorded instead.
    await expect.poll(() => blocked.find((a) => a.includes('/issues/new'))).toBeTruthy();
    const address = new URL(blocked.find((a) => a.includes('/issues/new'))!);
    expect(address.searchParams.get('template')).toBe(adoptionFormFile.split('/').pop());
    expect(address.searchParams.get('blueprint')).toBe('electronic-observations-in-nine-months');
    expect(address.searchParams.get('organisation')).toBe('tarnside-community-health');
    expect(address.searchParams.get('date')).toBe('2026-09');
  });
});
