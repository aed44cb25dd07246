/**
 * A playbook prints cleanly (readers asked for printable versions): the site header, footer and
 * navigation are left out, and the checklist and key questions are on the page.
 */
import { describe, expect, it } from 'vitest';
import { expectedContent } from '../support/content';
import { onePageOf } from '../support/pages';
import { useSite } from '../support/site';

describe('printing a playbook', () => {
  const site = useSite();

  it('leaves out the header, footer and navigation and keeps the checklist and key questions', async () => {
    const playbook = onePageOf('playbook');
    const slug = playbook.path.split('/').filter(Boolean).at(-1);
    const data = expectedContent().playbooks.find((p) => p.slug === slug)!.data;
    const { page } = await site.open();
    await page.goto(site.url(playbook.path));
    await page.emulateMedia({ media: 'print' });

    // The site's frame: the header, the footer, every <nav> outside the main content (menu,
    // breadcrumbs) and the skip link. Each must be on the page, and none printed.
    const frame = { header: 'header:not(main header)', footer: 'footer:not(main footer)', navigation: 'nav:not(main nav)', 'skip link': 'a[href="#maincontent"]' };
    for (const [name, selector] of Object.entries(frame)) {
      const all = page.locator(selector);
      expect(await all.count(), `the page has no ${name} (${selector})`).toBeGreaterThan(0);
      const printed = await all.evaluateAll((els) => els.filter((el) => (el as HTMLElement).checkVisibility()).length);
      expect(printed, `the ${name} is printed`).toBe(0);
    }
    for (const id of ['checklist', 'key-questions']) {
      await expect(page.locator(`#${id}`).isVisible(), `#${id} is not printed`).resolves.toBe(true);
    }
    const main = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    for (const item of [...data.checklist, ...data.keyQuestions]) expect(main).toContain(item);
  });

  it('makes a PDF', async () => {
    const { page } = await site.open();
    await page.goto(site.url(onePageOf('playbook').path));
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1000);
  });
});
