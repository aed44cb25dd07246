/**
 * The search page in a real browser: its address keeps the search (so back, forward and shared
 * links work), filters and sort change the results, the live region says how many there are,
 * and Pagefind's files load only when a search is made.
 */
import { describe, expect, it } from 'vitest';
import { useSite } from '../support/site';
import { expectedContent } from '../support/content';
import { allResults, searchAt, searchSettled, shownResults } from '../support/search/search-page';
import { paths } from '../../src/lib/content/urls';
import { careSettings, domains, isListed, labelOf } from '../../src/lib/schema';
import { illustrativeLabel } from '../../src/lib/content/illustrative';
import { readVocabulary } from '../../src/node/content-files';
import { phraseKey } from '../../src/lib/search/synonyms';
import { served } from '../support/site-dir';

const listed = () => expectedContent().blueprints.filter((b) => isListed(b.data));
const slugOf = (path: string) => path.split('/').filter(Boolean).pop()!;

/** The care setting with the most listed blueprints, so filtering by it always has results. */
function busiestSetting(): string {
  const counts = new Map<string, number>();
  for (const b of listed()) for (const s of b.data.careSettings) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

describe('the search page', () => {
  const site = useSite();
  const searchPage = () => site.url(paths.search());

  it('downloads nothing from Pagefind until a search is made', async () => {
    const { page, close } = await site.open();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(searchPage(), { waitUntil: 'networkidle' });
    expect(requested.filter((u) => u.includes('/pagefind/'))).toEqual([]);
    await close();
  });

  it('announces the number of results for a query in a polite live region', async () => {
    const { page, close } = await site.open();
    const shown = await searchAt(page, `${searchPage()}?q=ePMA`);
    await expect(page.getByRole('status').textContent()).resolves.toBe(shown.status);
    expect(shown.status).toMatch(new RegExp(`^${shown.paths.length} results? for ‘ePMA’\\.$`));
    await close();
  });

  it('shows each result with its type, organisation, cost, outcome and last review date', async () => {
    const { page, close } = await site.open();
    await searchAt(page, `${searchPage()}?q=ePMA`);
    const first = page.locator('[data-search-results] > li').first();
    await expect(first.locator('.nhsuk-tag').first().textContent()).resolves.toMatch(/Blueprint|Redprint|Playbook/);
    const facts = await first.locator('dt').allTextContents();
    expect(facts).toEqual(expect.arrayContaining(['Cost', 'Outcome', 'Last reviewed']));
    await close();
  });

  it('labels every result from a made-up organisation, in words, and no other', async () => {
    const { page, close } = await site.open();
    const shown = await searchAt(page, `${searchPage()}?q=training`);
    expect(shown.paths.length).toBeGreaterThan(0);
    const { blueprints, playbooks, organisations } = expectedContent();
    const madeUp = new Set(organisations.filter((o) => o.data.illustrative).map((o) => o.slug));
    const illustrative = new Set([
      ...blueprints.filter((b) => b.data.illustrative || madeUp.has(b.data.organisation)).map((b) => b.slug),
      ...playbooks.filter((p) => p.data.illustrative).map((p) => p.slug),
    ]);
    const results = page.locator('[data-search-results] > li');
    for (let i = 0; i < shown.paths.length; i++) {
      const tags = await results.nth(i).locator('.nhsuk-tag').allTextContents();
      expect(tags.includes(illustrativeLabel), shown.paths[i]).toBe(illustrative.has(slugOf(shown.paths[i])));
    }
    await close();
  });

  it('puts the query in the address as the reader types, without a new history entry per letter', async () => {
    const { page, close } = await site.open();
    await page.goto(searchPage());
    const before = await page.evaluate(() => history.length);
    await page.getByRole('searchbox').pressSequentially('backfill', { delay: 20 });
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('backfill');
    await searchSettled(page);
    expect(await page.evaluate(() => history.length)).toBe(before);
    await close();
  });

  it('restores the query, ticks and sort from a shared address', async () => {
    const setting = busiestSetting();
    const { page, close } = await site.open();
    await searchAt(page, `${searchPage()}?q=training&setting=${setting}&sort=newest`);
    await expect(page.getByRole('searchbox').inputValue()).resolves.toBe('training');
    await expect(page.locator(`#filter-setting-${setting}`).isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Sort by').inputValue()).resolves.toBe('newest');
    await close();
  });

  it('browses by filter with no keyword, newest first, showing only matching blueprints', async () => {
    const setting = busiestSetting();
    const { page, close } = await site.open();
    const { status } = await searchAt(page, `${searchPage()}?setting=${setting}&sort=newest`);
    const expected = listed().filter((b) => b.data.careSettings.includes(setting as never));
    expect(status).toBe(`${expected.length} result${expected.length === 1 ? '' : 's'} for the filters you chose.`);
    const found = await allResults(page);
    expect(found).toHaveLength(expected.length);
    const dates = found.map((p) => listed().find((b) => b.slug === slugOf(p))!.data.published.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    await close();
  });

  it('adds a ticked filter to the address, and Back takes it off again', async () => {
    const setting = busiestSetting();
    const { page, close } = await site.open();
    await searchAt(page, `${searchPage()}?q=training`);
    const unfiltered = (await shownResults(page)).status;
    const details = page.locator('details[data-filter="setting"]');
    if (!(await details.getAttribute('open'))) await details.locator('summary').click();
    await page.getByRole('group', { name: 'Care setting' }).getByRole('checkbox', { name: new RegExp(`^${labelOf(careSettings, setting)}\\b`) }).check();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('setting')).toEqual([setting]);
    await searchSettled(page);
    const shown = (await shownResults(page)).paths.filter((p) => p.startsWith('/blueprints/'));
    // The busiest setting always has results: an empty list would check nothing.
    expect(shown.length).toBeGreaterThan(0);
    for (const path of shown) expect(listed().find((b) => b.slug === slugOf(path))!.data.careSettings).toContain(setting);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('setting')).toEqual([]);
    await expect(page.locator(`#filter-setting-${setting}`).isChecked()).resolves.toBe(false);
    await expect.poll(async () => (await shownResults(page)).status).toBe(unfiltered);
    await close();
  });

  it('counts a ticked domain’s results in its label', async () => {
    const domain = listed()[0].data.domain;
    const { page, close } = await site.open();
    const { status } = await searchAt(page, `${searchPage()}?domain=${domain}`);
    const total = Number(status.match(/^(\d+)/)![1]);
    const label = page.locator(`label[for="filter-domain-${domain}"]`);
    await expect.poll(() => label.textContent()).toBe(`${labelOf(domains, domain)} (${total})`);
    await close();
  });

  it('shows five results first, ten more on each "Show more results", and moves focus to the first new one', async () => {
    const { page, close } = await site.open();
    await searchAt(page, `${searchPage()}?type=blueprint`);
    const items = page.locator('[data-search-results] > li');
    await expect(items.count()).resolves.toBe(5);
    await page.getByRole('button', { name: 'Show more results' }).click();
    await expect.poll(() => items.count()).toBe(15);
    await expect(page.evaluate(() => [...document.querySelectorAll('[data-search-results] > li')].indexOf(document.activeElement!.closest('li')!))).resolves.toBe(5);
    await close();
  });

  it('says a misspelling was corrected', async () => {
    const { page, close } = await site.open();
    const { status } = await searchAt(page, `${searchPage()}?q=e-prescibing`);
    expect(status).toMatch(/for ‘e-prescribing’ \(you searched for ‘e-prescibing’\)/);
    await close();
  });

  it('finds pages by any name of a synonym group, marks the name each uses in its excerpt, and never shows a token', async () => {
    const { page, close } = await site.open();
    const shown = await searchAt(page, `${searchPage()}?q=${encodeURIComponent('electronic prescribing')}`);
    expect(shown.status).toMatch(/results? for ‘electronic prescribing’\.$/);
    const marked = (await page.locator('[data-search-results] mark').allTextContents()).map(phraseKey);
    expect(marked, 'a page that calls it ePMA, marked as it says it').toContain('epma');
    const names = readVocabulary(process.cwd()).groups.find((g) => g.includes('ePMA'))!.map(phraseKey);
    expect(marked.every((m) => names.includes(m)), marked.join(', ')).toBe(true);
    expect(await page.locator('[data-search-results]').textContent()).not.toMatch(/zq\d/);
    await close();
  });

  it('runs without script errors and never loads Pagefind’s ready-made interface', async () => {
    const { page, close, errors } = await site.open();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await searchAt(page, `${searchPage()}?q=ward&sort=reviewed`);
    expect(errors).toEqual([]);
    expect(requested.filter((u) => /pagefind-(component-|modular-)?ui/.test(u))).toEqual([]);
    await close();
  });

  it('reads a sort it does not know, an object’s own property names among them, as best match', async () => {
    for (const sort of ['toString', '__proto__', 'constructor', 'nonsense']) {
      const { page, close, errors } = await site.open();
      const shown = await searchAt(page, `${searchPage()}?q=ward&sort=${sort}`);
      expect(shown.status, sort).toMatch(/results? for ‘ward’\.$/);
      expect(errors, sort).toEqual([]);
      await close();
    }
  });

  it('keeps the Search button’s label on one line, on a desktop and with text at 200%', async () => {
    const { page, close } = await site.open({ viewport: { width: 1280, height: 800 } });
    await searchAt(page, `${searchPage()}?q=ward`);
    // Lines of the button's text: a word split across two lines has two different tops.
    const lines = () =>
      page.locator('.app-search-form__bar button').evaluate((button) => {
        const range = document.createRange();
        range.selectNodeContents(button);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
    await expect(lines()).resolves.toBe(1);
    // Text-only zoom, as a reader sets a larger default text size.
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 800 });
      await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
      await expect(lines(), `${width} px`).resolves.toBe(1);
      const bar = await page.locator('.app-search-form__bar').evaluate((e) => ({ width: e.clientWidth, content: e.scrollWidth }));
      expect(bar.content, `${width} px: the search box and button fit side by side`).toBeLessThanOrEqual(bar.width);
    }
    await close();
  });

  it('has a skip link to the results above the filters: after it, the next Tab reaches the first result', async () => {
    const { page, close } = await site.open({ viewport: { width: 320, height: 800 } });
    await searchAt(page, `${searchPage()}?q=ward`);
    const skip = page.getByRole('link', { name: 'Skip to results' });
    const filters = page.locator('[data-search-controls]');
    expect(await skip.evaluate((a, f) => !!(a.compareDocumentPosition(f!) & Node.DOCUMENT_POSITION_FOLLOWING), await filters.elementHandle())).toBe(true);
    // It is the next stop after the Search button.
    await page.locator('.app-search-form__bar button').focus();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to results');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.closest('[data-search-results] > li') === document.querySelector('[data-search-results] > li'));
    expect(focused, 'focus is in the first result').toBe(true);
    await close();
  });

  it('starts every filter group closed on a small screen, and the short ones open on a desktop', async () => {
    const openGroups = async (width: number, query = '') => {
      const { page, close } = await site.open({ viewport: { width, height: 800 } });
      await page.goto(`${searchPage()}${query}`);
      await page.locator('[data-search-controls]').waitFor({ state: 'visible' });
      const open = await page.locator('details[data-filter][open]').evaluateAll((all) => all.map((d) => (d as HTMLElement).dataset.filter));
      await close();
      return open;
    };
    await expect(openGroups(1280)).resolves.not.toEqual([]);
    await expect(openGroups(320)).resolves.toEqual([]);
    // A group with a ticked filter opens, so the reader sees what is ticked.
    await expect(openGroups(320, `?setting=${busiestSetting()}`)).resolves.toEqual(['setting']);
  });

  it('offers where to start, the main lists and the glossary when nothing is found', async () => {
    const { page, close } = await site.open();
    const shown = await searchAt(page, `${searchPage()}?q=qqzzxxqq`);
    expect(shown.status).toMatch(/^No results for/);
    const none = page.locator('[data-search-none]');
    await expect(none.isVisible()).resolves.toBe(true);
    const links = await none.locator('a').evaluateAll((all) => all.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    for (const path of [paths.whereToStart(), paths.blueprints(), paths.playbooks(), paths.glossary()]) expect(links).toContain(served(path));
    // A search that finds something does not show them.
    await searchAt(page, `${searchPage()}?q=ward`);
    await expect(none.isVisible()).resolves.toBe(false);
    await close();
  });

  it('tells the reader search needs JavaScript, and shows no dead filters, when JavaScript is off', async () => {
    const { page, close } = await site.open({ javaScriptEnabled: false });
    await page.goto(`${searchPage()}?q=ePMA`);
    await expect(page.getByText('Search needs JavaScript').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('checkbox').first().isVisible()).resolves.toBe(false);
    await close();
  });
});
